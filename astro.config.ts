import { resolve } from 'node:path';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import contentGate from './src/integrations/content-gate.ts';
import httpHeaders from './src/integrations/http-headers.ts';
import search from './src/integrations/pagefind.ts';
import { markdownProcessor, shikiConfig } from './src/lib/markdown/pipeline.ts';
import { contentRoot } from './src/lib/content-root.ts';
import { formActionSources } from './src/lib/csp-sources.ts';
import { sitemapOptions } from './src/lib/sitemap.ts';
import { site } from './src/site.config.ts';

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // One content cache per content root, so fixture and benchmark builds never reuse (or race
  // on) the real site's cached articles.
  cacheDir:
    contentRoot === './content'
      ? './node_modules/.astro'
      : `./node_modules/.astro/roots/${resolve(contentRoot).replace(/\W+/g, '_')}`,
  image: {
    // AVIF at sharp's effort 2 instead of 4: a fifth of the encode time (0.67 s against 3.3 s for
    // three widths of a 2-MP figure) for files a few per cent larger. Astro's image cache key
    // (<cacheDir>/assets) does not include these settings: clear it after changing them.
    service: { entrypoint: 'astro/assets/services/sharp', config: { avif: { effort: 2 } } },
  },
  markdown: {
    processor: markdownProcessor,
    shikiConfig,
  },
  // Articles are rendered by our own loader (src/lib/article-loader.ts), never compiled as MDX
  // modules; @astrojs/mdx remains for trusted .mdx pages under src/pages.
  integrations: [
    contentGate(),
    mdx(),
    sitemap(sitemapOptions(contentRoot)),
    search({ contentRoot }),
    httpHeaders(),
  ],
  security: {
    // A per-page <meta> CSP with hashes of whatever Astro inlines (checked by `npm run verify`,
    // exercised in Chromium by tests/e2e/csp.spec.ts). Directives a <meta> cannot carry
    // (frame-ancestors) and the other security headers are in dist/_headers (src/lib/http-headers.ts).
    csp: {
      // form-action: the site and, when configured, the newsletter provider's origin (nothing else).
      // frame-src: none here (frames fall back to default-src 'self'); the discussion pages add
      // exactly giscus's origin for themselves (src/pages/articles/[slug]/discussion.astro).
      directives: [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        `form-action ${formActionSources().join(' ')}`,
      ],
      // Pagefind compiles WebAssembly: 'wasm-unsafe-eval' allows exactly that, never 'unsafe-eval'.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      // KaTeX (and Shiki's colour variables) write style="" attributes: allow inline styles as
      // attributes only (style-src-attr), never <style> elements or 'unsafe-inline' on style-src.
      styleDirective: {
        resources: [
          { resource: "'self'", kind: 'element' },
          { resource: "'unsafe-inline'", kind: 'attribute' },
        ],
      },
    },
  },
  vite: {
    // Fonts (KaTeX's) must stay files: a data: URL would need a looser CSP.
    build: { assetsInlineLimit: 0 },
  },
});
