/**
 * Where the per-article time goes, without Astro around it: renders every article of a fixture
 * root through the site's article processor, then again with one step left out at a time, and
 * times the content gate. CPU time of this one process (user + sys), so it is far less
 * sensitive to other load on the machine than a build's wall time.
 *
 *   node scripts/bench/stages.ts .bench/content-1000 [--src .bench/work/site/src] [--repeat 2]
 *
 * --src picks the site code to measure (default: this checkout's src/; the bench's snapshot of
 * a commit lives in .bench/work/site/src). Every processor comes from that code's
 * `createArticleProcessor` (src/lib/markdown/article-renderer.ts), the one the build uses, with
 * its `leaveOut` options; "renderArticle" is the real function, VFile set-up included.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { listArticles, orThrow } from '../../src/lib/content-files.ts';
import type { ArticleProcessorOptions, LeaveOut } from '../../src/lib/markdown/article-renderer.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { src: { type: 'string', default: 'src' }, repeat: { type: 'string', default: '2' } },
});
const root = positionals[0];
if (!root) {
  console.error('usage: node scripts/bench/stages.ts <fixture content root> [--src dir] [--repeat 2]');
  process.exit(2);
}
const src = pathToFileURL(`${resolve(values.src)}/`);
const repeat = Math.max(1, Number(values.repeat));

const renderer = (await import(new URL('lib/markdown/article-renderer.ts', src).href)) as {
  renderArticle: (
    body: string,
    options: { path: string; frontmatter: Record<string, unknown> },
  ) => Promise<{ html: string }>;
  createArticleProcessor?: (options: ArticleProcessorOptions) => {
    process: (file: VFile) => Promise<unknown>;
  };
};
const { renderArticle, createArticleProcessor } = renderer;
if (!createArticleProcessor) {
  console.error(
    `${values.src}: this site code has no createArticleProcessor (it predates the one article processor); measure stages on a later commit.`,
  );
  process.exit(2);
}
const { lintContent } = (await import(new URL('lib/content-lint/index.ts', src).href)) as {
  lintContent: (root: string) => Promise<unknown>;
};

const files = orThrow(await listArticles(resolve(root))).map(({ path }) => {
  const { frontmatter, content } = parseFrontmatter(readFileSync(path, 'utf8'), {
    frontmatter: 'empty-with-spaces',
  });
  return { path, frontmatter, body: content };
});

async function time(
  label: string,
  each: (file: (typeof files)[number]) => unknown,
): Promise<{ label: string; cpuMsPerArticle: number }> {
  let best = Infinity;
  for (let r = 0; r < repeat; r++) {
    const before = process.cpuUsage();
    for (const file of files) await each(file);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  const result = { label, cpuMsPerArticle: best / files.length };
  console.log(
    `${label.padEnd(46)} ${result.cpuMsPerArticle.toFixed(2).padStart(7)} ms/article (CPU, best of ${repeat})`,
  );
  return result;
}

const vfile = (file: (typeof files)[number]) =>
  new VFile({
    value: file.body,
    path: file.path,
    data: { astro: { frontmatter: structuredClone(file.frontmatter) } },
  });
const parsers = {
  mdx: unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath),
  md: unified().use(remarkParse).use(remarkGfm).use(remarkMath),
};
const mdxOf = (file: (typeof files)[number]) => file.path.endsWith('.mdx');
const configs: [string, LeaveOut][] = [
  ['full pipeline (createArticleProcessor)', {}],
  ['  without typography', { typography: true }],
  ['  without Shiki', { shiki: true }],
  ['  without rehype-katex', { katex: true }],
  ['  without heading slugs + anchors', { headingLinks: true }],
];

console.log(`${files.length} articles from ${root}; site code from ${values.src}`);
await time('parse only (remark-parse, mdx, gfm, math)', (f) =>
  parsers[mdxOf(f) ? 'mdx' : 'md'].parse(f.body),
);
await time('renderArticle (the real one)', (f) =>
  renderArticle(f.body, { path: f.path, frontmatter: structuredClone(f.frontmatter) }),
);
const results = [];
for (const [label, leave] of configs) {
  const compiled = {
    mdx: createArticleProcessor({ mdx: true, leaveOut: leave }),
    md: createArticleProcessor({ mdx: false, leaveOut: leave }),
  };
  results.push(await time(label, (f) => compiled[mdxOf(f) ? 'mdx' : 'md'].process(vfile(f))));
}
const full = results[0]!.cpuMsPerArticle;
console.log('\nmarginal cost (full − without):');
for (const r of results.slice(1))
  console.log(
    `${r.label
      .trim()
      .replace(/^without /, '')
      .padEnd(
        32,
      )} ${(full - r.cpuMsPerArticle).toFixed(2).padStart(7)} ms/article  ${(((full - r.cpuMsPerArticle) / full) * 100).toFixed(0).padStart(3)} %`,
  );
const before = process.cpuUsage();
await lintContent(resolve(root));
const lint = process.cpuUsage(before);
console.log(
  `\ncontent gate (lintContent)                     ${((lint.user + lint.system) / 1000 / files.length).toFixed(2).padStart(7)} ms/article (CPU, one run)`,
);
