/**
 * Runs the site's own remark/rehype plugins through a real unified pipeline, the way Astro
 * does: the frontmatter sits in `file.data.astro.frontmatter` before the plugins run.
 */
import { join } from 'node:path';
import type { Element, ElementContent, Properties, Root as HastRoot } from 'hast';
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { katexOptions } from '../../../src/lib/markdown/katex-options.ts';
import rehypeMathErrors from '../../../src/lib/markdown/rehype-math-errors.ts';
import remarkCitations from '../../../src/lib/markdown/remark-citations.ts';
import remarkCorrections from '../../../src/lib/markdown/remark-corrections.ts';

const MDX_JSX: ('mdxJsxFlowElement' | 'mdxJsxTextElement')[] = ['mdxJsxFlowElement', 'mdxJsxTextElement'];

/**
 * Stands in for the MDX compiler's last step: turns the JSX elements remark-rehype passed
 * through into plain elements, keeping their literal attributes, so the HTML can be printed.
 */
function rehypeJsxAsElements() {
  return (tree: HastRoot) => {
    visit(tree, (node, index, parent) => {
      if (!(MDX_JSX as string[]).includes(node.type) || !parent || index === undefined) return;
      const jsx = node as MdxJsxFlowElementHast | MdxJsxTextElementHast;
      const properties: Properties = {};
      for (const attribute of jsx.attributes) {
        if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string')
          properties[attribute.name] = attribute.value;
      }
      const element: Element = {
        type: 'element',
        tagName: jsx.name ?? 'div',
        properties,
        children: jsx.children as ElementContent[],
      };
      parent.children[index] = element;
      return [SKIP, index];
    });
  };
}

export interface RenderOptions {
  /** Parse as MDX (components allowed). */
  mdx?: boolean;
  /** What Astro would put in `file.data.astro.frontmatter`. */
  frontmatter?: Record<string, unknown>;
  /** Project-relative path of the file being rendered. */
  path?: string;
}

export interface Rendered {
  html: string;
  /** The frontmatter after the plugins ran (they record citationCounts and hasMath in it). */
  frontmatter: Record<string, unknown>;
}

export async function render(markdown: string, options: RenderOptions = {}): Promise<Rendered> {
  const {
    mdx = false,
    frontmatter = {},
    path = `content/articles/test-article.${mdx ? 'mdx' : 'md'}`,
  } = options;
  const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);
  if (mdx) parser.use(remarkMdx);
  const processor = parser
    .use(remarkCitations)
    .use(remarkCorrections)
    .use(remarkRehype, { passThrough: MDX_JSX })
    .use(rehypeJsxAsElements)
    .use(rehypeKatex, katexOptions)
    .use(rehypeMathErrors)
    .use(rehypeStringify);
  const file = new VFile({
    path: join(process.cwd(), path),
    value: markdown,
    data: { astro: { frontmatter } },
  });
  const output = await processor.process(file);
  const data = output.data as { astro: { frontmatter: Record<string, unknown> } };
  return { html: String(output), frontmatter: data.astro.frontmatter };
}
