/** /robots.txt: everything may be crawled; the sitemap's address comes from site.config.ts. */
import type { APIRoute } from 'astro';
import { absoluteUrl, urls } from '../lib/urls.ts';

export const GET: APIRoute = () =>
  new Response(['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(urls.sitemap())}`, ''].join('\n'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
