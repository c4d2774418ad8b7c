/**
 * The Markdown/MDX pipeline: remark-math + rehype-katex for math, our citation and correction
 * plugins, and heading anchors. Astro 7's default processor skips remark/rehype plugins, so
 * this goes through `@astrojs/markdown-remark`'s unified() processor (MDX inherits it).
 */
import { unified } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeKatex from 'rehype-katex';
import rehypeSlug from 'rehype-slug';
import remarkMath from 'remark-math';
import { katexOptions } from './katex-options.ts';
import rehypeMathErrors from './rehype-math-errors.ts';
import remarkCitations from './remark-citations.ts';
import remarkCorrections from './remark-corrections.ts';

export const markdownProcessor = unified({
  remarkPlugins: [remarkMath, remarkCitations, remarkCorrections],
  rehypePlugins: [
    [rehypeKatex, katexOptions],
    rehypeMathErrors,
    rehypeSlug,
    [
      rehypeAutolinkHeadings,
      {
        behavior: 'append',
        properties: { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1 },
        content: { type: 'text', value: '#' },
      },
    ],
  ],
});
