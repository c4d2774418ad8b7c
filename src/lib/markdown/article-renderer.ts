/**
 * Renders an article (.mdx or .md) to HTML in one unified pass, at content-load time.
 *
 * Why not @astrojs/mdx: compiling every article to a JS module and bundling it is what makes
 * stock Astro slow at thousands of articles (most of a 1,000-article build), and MDX as code
 * is exactly what contributed articles must not be. The content gate has already refused
 * imports, expressions and unknown components, so what remains is static markup: we parse it
 * with the MDX parser (same syntax editors write and the gate checked) and build the few
 * allowed components as HTML here. Plugins are the same ones the Markdown pipeline uses.
 * `createArticleProcessor` is the only place the article pipeline is put together.
 */
import { rehypeHeadingIds, rehypeShiki, type MarkdownHeading } from '@astrojs/markdown-remark';
import type { Element } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { Handler, State } from 'mdast-util-to-hast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList, type Processor } from 'unified';
import { VFile } from 'vfile';
import { MDX_COMPONENT_RULES, type MdxComponentName } from '../../components/mdx/allowlist.ts';
import { componentBuilders, type ComponentProps } from '../../components/mdx/index.ts';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeKatex from 'rehype-katex';
import rehypeSlug from 'rehype-slug';
import { rehypePlugins, remarkPlugins, shikiConfig } from './pipeline.ts';
import type { ImageFileData } from './rehype-article-images.ts';
import { articleFactsSchema, type ArticleFacts } from '../../schemas/article-facts.ts';
import rehypeMathErrors from './rehype-math-errors.ts';
import remarkTypography from './remark-typography.ts';
import rehypeReportLinks from './rehype-report-links.ts';
import { displayPath } from './vfile-astro.ts';
import type { ResultsTable } from '../results/read.ts';
import { attachResults } from '../results/vfile.ts';

export interface RenderedArticle {
  html: string;
  headings: MarkdownHeading[];
  /** Frontmatter as the plugins left it (Astro's `remarkPluginFrontmatter`): numbered, figureCredits… */
  frontmatter: Record<string, unknown>;
  /** Local images as written in the article, for the content layer (see rehype-article-images). */
  imagePaths: string[];
  /** What the plugins found: citation counts, whether there is math, the credited figures. */
  facts: Pick<ArticleFacts, 'citationCounts' | 'hasMath' | 'figureCredits'>;
}

/** The facts the plugins record in the frontmatter (remark-citations, rehype-math-errors, rehype-figure-credits). */
const pluginFactsSchema = articleFactsSchema.pick({
  citationCounts: true,
  hasMath: true,
  figureCredits: true,
});

function propsOf(node: MdxJsxFlowElement | MdxJsxTextElement): ComponentProps {
  const props: ComponentProps = {};
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxAttribute')
      props[attribute.name] = typeof attribute.value === 'string' ? attribute.value : '';
  }
  return props;
}

/** MDX JSX → hast: allowed components become their HTML; safe HTML elements pass through. */
const jsxHandler: Handler = (state: State, node: MdxJsxFlowElement | MdxJsxTextElement): Element => {
  const children = state.all(node);
  const name = node.name ?? '';
  if (Object.hasOwn(MDX_COMPONENT_RULES, name)) {
    // remark-rehype hands the VFile to mdast-util-to-hast as `options.file`.
    const file = (state.options as { file?: VFile }).file ?? new VFile();
    const line = node.position?.start.line;
    return componentBuilders[name as MdxComponentName](propsOf(node), children, {
      file,
      ...(line ? { line } : {}),
    });
  }
  // Only the gate's SAFE_HTML_ELEMENTS reach this point (the build runs the gate first).
  return { type: 'element', tagName: name, properties: propsOf(node), children };
};

/** Steps the benchmark can leave out to time them; readers always get every step. */
export interface LeaveOut {
  /** Quotes, dashes and ellipses (remark-typography). */
  typography?: boolean;
  /** Code highlighting (Shiki). */
  shiki?: boolean;
  /** Math typesetting (rehype-katex and its error check). */
  katex?: boolean;
  /** Heading ids and their "#" anchors (rehype-slug, rehype-autolink-headings). */
  headingLinks?: boolean;
}

export interface ArticleProcessorOptions {
  /** Parse MDX (components) or plain Markdown: `.mdx` or `.md`. */
  mdx: boolean;
  leaveOut?: LeaveOut;
}

/** The plugins of `list` that `leaveOut` keeps, compared by identity with the imports above. */
function kept(list: PluggableList, leaveOut: LeaveOut): PluggableList {
  const dropped = new Set<unknown>([
    ...(leaveOut.typography ? [remarkTypography] : []),
    ...(leaveOut.katex ? [rehypeKatex, rehypeMathErrors] : []),
    ...(leaveOut.headingLinks ? [rehypeSlug, rehypeAutolinkHeadings] : []),
  ]);
  return list.filter((entry) => !dropped.has(Array.isArray(entry) ? entry[0] : entry));
}

/**
 * The one article processor: the build, the unit tests and the benchmark's stage timings all
 * get theirs here, so a test renders exactly what readers get.
 */
export function createArticleProcessor({ mdx, leaveOut = {} }: ArticleProcessorOptions): Processor {
  const processor = unified().use(remarkParse);
  if (mdx) processor.use(remarkMdx);
  processor
    .use(remarkGfm)
    .use(kept(remarkPlugins as PluggableList, leaveOut))
    .use(remarkRehype, {
      handlers: {
        mdxJsxFlowElement: jsxHandler,
        mdxJsxTextElement: jsxHandler,
        // The only expressions the gate lets through are `{/* unsourced: … */}` markers:
        // notes for the lint, never shown.
        mdxFlowExpression: () => undefined,
        mdxTextExpression: () => undefined,
      },
    });
  if (!leaveOut.shiki) processor.use(rehypeShiki, shikiConfig);
  processor
    .use(kept(rehypePlugins as PluggableList, leaveOut))
    .use(rehypeHeadingIds)
    .use(rehypeReportLinks)
    .use(rehypeStringify);
  return processor as unknown as Processor;
}

const processors = { mdx: createArticleProcessor({ mdx: true }), md: createArticleProcessor({ mdx: false }) };

function processorFor(path: string): Processor {
  return path.endsWith('.mdx') ? processors.mdx : processors.md;
}

function resultOf(file: VFile, html: string): RenderedArticle {
  const astro = file.data.astro as { frontmatter: Record<string, unknown>; headings?: MarkdownHeading[] };
  const imagePaths = (file.data as ImageFileData).imagePaths ?? [];
  const { citationCounts, hasMath, figureCredits } = astro.frontmatter;
  const facts = pluginFactsSchema.safeParse({ citationCounts, hasMath, figureCredits });
  // A plugin that stopped recording its fact is a bug in the pipeline, not in the article.
  if (!facts.success) {
    const issue = facts.error.issues[0]!;
    throw new Error(
      `${displayPath(file)}: the render recorded no valid ${issue.path.join('.')} (${issue.message}); a plugin in src/lib/markdown stopped recording it.`,
    );
  }
  return {
    html,
    headings: astro.headings ?? [],
    frontmatter: astro.frontmatter,
    imagePaths,
    facts: facts.data,
  };
}

interface RenderOptions {
  path: string;
  frontmatter: Record<string, unknown>;
  /** Line of the file where the body starts (after the frontmatter), for error messages. */
  bodyLine?: number;
  /** The article's results tables, validated by the content lint, for `<Results id="…" />`. */
  results?: readonly ResultsTable[];
  /** The article's slug (its URL segment), for links to the files published beside it. */
  slug?: string;
}

function vfileFor(body: string, options: RenderOptions): VFile {
  const file = new VFile({
    value: body,
    path: options.path,
    data: { astro: { frontmatter: { ...options.frontmatter } }, bodyLine: options.bodyLine ?? 1 },
  });
  attachResults(file, options.results ?? [], options.slug);
  return file;
}

/** Renders one article body. Throws (with file and fix) on any problem the plugins find. */
export async function renderArticle(body: string, options: RenderOptions): Promise<RenderedArticle> {
  const file = vfileFor(body, options);
  const result = await processorFor(options.path).process(file);
  return resultOf(result, String(result.value));
}

/**
 * Renders a body the content lint has already parsed (same micromark extensions: MDX, GFM,
 * math), skipping the second parse. The tree is transformed in place.
 */
export async function renderParsedArticle(
  tree: MdastRoot,
  body: string,
  options: RenderOptions,
): Promise<RenderedArticle> {
  const processor = processorFor(options.path);
  const file = vfileFor(body, options);
  const hast = await processor.run(tree, file);
  return resultOf(file, String(processor.stringify(hast, file)));
}
