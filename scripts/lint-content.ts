/**
 * npm run lint:content — checks every content file against the editorial rules without
 * building anything. Exit 1 on any error; warnings are printed and pass.
 */
import { resolve } from 'node:path';
import { contentRoot } from '../src/lib/content-root.ts';
import {
  errorsIn,
  formatReport,
  githubAnnotation,
  lintContent,
  unsourcedSummary,
} from '../src/lib/content-lint/index.ts';

const root = resolve(process.argv[2] ?? contentRoot);
const { problems, articleCount, markedNumbers } = await lintContent(root);
console.log(formatReport(problems));
console.log(unsourcedSummary(problems, markedNumbers));
if (process.env.GITHUB_ACTIONS) for (const problem of problems) console.log(githubAnnotation(problem));
console.log(`checked ${articleCount} articles in ${root}`);
process.exit(errorsIn(problems).length > 0 ? 1 : 0);
