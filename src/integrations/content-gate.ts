/**
 * Runs the content lint inside Astro itself, so `astro build` refuses broken content even when
 * called directly (not only through `npm run build`): people and newsletter issues here,
 * articles in the article loader (src/lib/article-loader.ts) with the same rules. In `astro dev` problems are logged and
 * the server keeps running, so an editor can fix them with the page open.
 */
import { resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { errorsIn, formatProblem, lintContent } from '../lib/content-lint/index.ts';
import { contentRoot } from '../lib/content-root.ts';

export default function contentGate(): AstroIntegration {
  return {
    name: 'mlsr:content-gate',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        // Articles are linted by the article loader, in parallel, from the same parse it renders.
        const { problems } = await lintContent(resolve(contentRoot), process.cwd(), { articles: false });
        for (const problem of problems) {
          if (problem.severity === 'warning') logger.warn(formatProblem(problem));
        }
        const errors = errorsIn(problems);
        if (errors.length === 0) return;
        const report = errors.map(formatProblem).join('\n');
        if (command === 'dev') {
          logger.error(`content has ${errors.length} error(s):\n${report}`);
          return;
        }
        throw new Error(`The content has ${errors.length} error(s); fix them and build again:\n${report}`);
      },
    },
  };
}
