import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import contentGate from './src/integrations/content-gate.ts';
import { markdownProcessor } from './src/lib/markdown/pipeline.ts';
import { site } from './src/site.config.ts';

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    processor: markdownProcessor,
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false },
  },
  integrations: [contentGate(), mdx(), sitemap()],
  vite: {
    // Fonts (KaTeX's) must stay files: a data: URL would need a looser CSP.
    build: { assetsInlineLimit: 0 },
  },
});
