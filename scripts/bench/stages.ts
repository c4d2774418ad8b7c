/**
 * Where the per-article time goes, without Astro around it: renders every article of a fixture
 * root through the site's Markdown pipeline, then again with one part left out at a time, and
 * times the content gate. CPU time of this one process (user + sys), so it is far less
 * sensitive to other load on the machine than a build's wall time.
 *
 *   node scripts/bench/stages.ts .bench/content-1000 [--src .bench/work/site/src] [--repeat 2]
 *
 * --src picks the site code to measure (default: this checkout's src/; the bench's snapshot of
 * a commit lives in .bench/work/site/src). The leave-one-out processors mirror
 * src/lib/markdown/article-renderer.ts (parse MDX, GFM, smartypants, the site's remark plugins,
 * remark-rehype with the component handler, Shiki, the site's rehype plugins, heading ids,
 * stringify); "renderArticle" is the real function, to check that the mirror costs the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  parseFrontmatter,
  rehypeHeadingIds,
  rehypeShiki,
  type RehypePlugins,
  type RemarkPlugins,
  type ShikiConfig,
} from '@astrojs/markdown-remark';
import type { Element, ElementContent } from 'hast';
import type { Handler, State } from 'mdast-util-to-hast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';

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

const pipeline = (await import(new URL('lib/markdown/pipeline.ts', src).href)) as {
  remarkPlugins: RemarkPlugins;
  rehypePlugins: RehypePlugins;
  shikiConfig: ShikiConfig;
};
const { renderArticle } = (await import(new URL('lib/markdown/article-renderer.ts', src).href)) as {
  renderArticle: (
    body: string,
    options: { path: string; frontmatter: Record<string, unknown> },
  ) => Promise<{ html: string }>;
};
const { MDX_COMPONENT_RULES } = (await import(new URL('components/mdx/allowlist.ts', src).href)) as {
  MDX_COMPONENT_RULES: Record<string, unknown>;
};
const { componentBuilders } = (await import(new URL('components/mdx/index.ts', src).href)) as {
  componentBuilders: Record<string, (props: Record<string, string>, children: ElementContent[]) => Element>;
};
const { lintContent } = (await import(new URL('lib/content-lint/index.ts', src).href)) as {
  lintContent: (root: string) => Promise<unknown>;
};

const jsxHandler: Handler = (state: State, node: MdxJsxFlowElement | MdxJsxTextElement): Element => {
  const children = state.all(node) as ElementContent[];
  const props: Record<string, string> = {};
  for (const a of node.attributes)
    if (a.type === 'mdxJsxAttribute') props[a.name] = typeof a.value === 'string' ? a.value : '';
  const name = node.name ?? '';
  return Object.hasOwn(MDX_COMPONENT_RULES, name)
    ? componentBuilders[name]!(props, children)
    : { type: 'element', tagName: name, properties: props, children };
};

interface Leave {
  smartypants?: boolean;
  shiki?: boolean;
  katex?: boolean;
  headingLinks?: boolean;
}

function processor(mdx: boolean, leave: Leave = {}) {
  const rehype = (pipeline.rehypePlugins as PluggableList).filter((entry) => {
    const plugin = Array.isArray(entry) ? entry[0] : entry;
    if (leave.katex && plugin === rehypeKatex) return false;
    if (
      leave.headingLinks &&
      typeof plugin === 'function' &&
      /rehypeSlug|rehypeAutolink|autolink|slug/i.test(plugin.name)
    )
      return false;
    return true;
  });
  const p = unified().use(remarkParse);
  if (mdx) p.use(remarkMdx);
  p.use(remarkGfm);
  if (!leave.smartypants) p.use(remarkSmartypants);
  p.use(pipeline.remarkPlugins as PluggableList).use(remarkRehype, {
    handlers: { mdxJsxFlowElement: jsxHandler, mdxJsxTextElement: jsxHandler },
  });
  if (!leave.shiki) p.use(rehypeShiki, pipeline.shikiConfig);
  p.use(rehype).use(rehypeHeadingIds).use(rehypeStringify);
  return p;
}

const files = readdirSync(join(root, 'articles'))
  .filter((f) => /\.mdx?$/.test(f))
  .sort()
  .map((f) => {
    const path = resolve(root, 'articles', f);
    const { frontmatter, content } = parseFrontmatter(readFileSync(path, 'utf8'), {
      frontmatter: 'empty-with-spaces',
    });
    return { path, frontmatter, body: content };
  });

async function time(
  label: string,
  each: (file: (typeof files)[number]) => Promise<unknown> | unknown,
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
const configs: [string, Leave][] = [
  ['full pipeline (mirror)', {}],
  ['  without smartypants', { smartypants: true }],
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
  const compiled = { mdx: processor(true, leave), md: processor(false, leave) };
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
