/**
 * The Markdown/MDX pipeline: remark-math + rehype-katex for math, our citation and correction
 * plugins, and heading anchors. Astro 7's default processor skips remark/rehype plugins, so
 * Astro-rendered Markdown goes through `@astrojs/markdown-remark`'s unified() processor;
 * articles go through article-renderer.ts with the same plugin lists.
 */
import { unified, type RehypePlugins, type RemarkPlugins, type ShikiConfig } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeKatex from 'rehype-katex';
import rehypeSlug from 'rehype-slug';
import remarkMath from 'remark-math';
import { katexOptions } from './katex-options.ts';
import rehypeMathErrors from './rehype-math-errors.ts';
import remarkCitations from './remark-citations.ts';
import remarkCorrections from './remark-corrections.ts';
import rehypeArticleImages from './rehype-article-images.ts';
import rehypeCrossRefs from './rehype-cross-refs.ts';
import rehypeFigureCredits from './rehype-figure-credits.ts';
import rehypeTableCaptions from './rehype-table-captions.ts';
import remarkMermaid from './remark-mermaid.ts';
import remarkNumberedBlocks from './remark-numbered-blocks.ts';
import remarkTypography from './remark-typography.ts';
import rehypeScrollBoxes from './rehype-scroll-boxes.ts';
import rehypeCitationPreviews from './rehype-citation-previews.ts';
import rehypeSidenotes from './rehype-sidenotes.ts';

/**
 * Light and dark code themes, switched by CSS (see global.css). GitHub's high-contrast pair:
 * plain github-light has an orange at 3.1:1 on our code background, below WCAG AA's 4.5:1.
 */
export const shikiConfig = {
  themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
  defaultColor: false,
} satisfies ShikiConfig;

export const remarkPlugins: RemarkPlugins = [
  remarkTypography,
  remarkMath,
  remarkCitations,
  remarkCorrections,
  remarkNumberedBlocks,
  remarkMermaid,
];

export const rehypePlugins: RehypePlugins = [
  [rehypeKatex, katexOptions],
  rehypeMathErrors,
  rehypeCitationPreviews,
  rehypeSidenotes,
  rehypeSlug,
  [
    rehypeAutolinkHeadings,
    {
      behavior: 'append',
      properties: { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1 },
      content: { type: 'text', value: '#' },
    },
  ],
  rehypeTableCaptions,
  rehypeArticleImages,
  // Last: numbers every figure, table and equation the steps above produced, in reading order.
  rehypeCrossRefs,
  // Reads the figure numbers, so after the numbering.
  rehypeFigureCredits,
  // After the numbering, so a scroll box is named with its caption and number ("Table 2: …").
  rehypeScrollBoxes,
];

/** For Markdown Astro renders itself (newsletter issues, .md pages); articles use article-renderer.ts. */
// smartypants off: remark-typography (in remarkPlugins) does the same job at a fraction of the cost.
export const markdownProcessor = unified({ remarkPlugins, rehypePlugins, smartypants: false });
