// The comparison point for `npm run bench`: a plain Astro 7 + MDX site with the stock unified
// pipeline (remark-math + rehype-katex, default options), no project code. It renders the same
// fixture articles the real site does; the content root comes from BENCH_CONTENT_ROOT.
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';

export default defineConfig({
  site: 'https://baseline.example',
  markdown: { processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }) },
  integrations: [mdx()],
});
