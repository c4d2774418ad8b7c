import { describe, expect, it } from 'vitest';
import { checkSitemap } from '../../../scripts/verify/sitemap.ts';
import { makeDist, page, SITE_URL } from './helpers.ts';

const index = `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${SITE_URL}/sitemap-0.xml</loc></sitemap></sitemapindex>`;
const urlset = (urls: string[], extra = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.map((u) => `<url><loc>${SITE_URL}${u}</loc>${extra}</url>`).join('\n')}\n</urlset>`;
const pages = {
  'a/index.html': page('a'),
  '404.html': page('nope'),
  'hidden/index.html': page('h', { head: '<meta name="robots" content="noindex">' }),
};
const run = (dist: string) => checkSitemap(dist, { siteUrl: SITE_URL });

describe('sitemap (xmllint + sitemap XSD)', () => {
  it('passes when the sitemap lists exactly the indexable pages', async () => {
    const result = await run(
      makeDist({ ...pages, 'sitemap-index.xml': index, 'sitemap-0.xml': urlset(['/', '/a/']) }),
    );
    expect(result.findings).toEqual([]);
    expect(result.summary).toContain('2 URLs');
  });

  it('fails on a count mismatch, naming the missing page and the sitemap', async () => {
    const { findings } = await run(
      makeDist({ ...pages, 'sitemap-index.xml': index, 'sitemap-0.xml': urlset(['/']) }),
    );
    const problems = findings.map((f) => `${f.file}: ${f.message}`);
    expect(problems).toContainEqual(
      expect.stringMatching(/a\/index\.html: is an indexable page but the sitemap does not list/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/sitemap-index\.xml: lists 1 URLs but dist has 2 indexable pages/),
    );
  });

  it('fails when it lists a noindex page or one that does not exist', async () => {
    const { findings } = await run(
      makeDist({
        ...pages,
        'sitemap-index.xml': index,
        'sitemap-0.xml': urlset(['/', '/a/', '/hidden/', '/ghost/']),
      }),
    );
    const problems = findings.map((f) => f.message);
    expect(problems).toContainEqual(
      expect.stringMatching(/lists \S+\/hidden\/, but \S*hidden\/index\.html is not indexable/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/ghost\/, which is not a page/));
  });

  it('fails a sitemap that does not validate against the XSD, with the line', async () => {
    const { findings } = await run(
      makeDist({
        ...pages,
        'sitemap-index.xml': index,
        'sitemap-0.xml': urlset(['/', '/a/'], '<lastmod>yesterday</lastmod>'),
      }),
    );
    expect(findings[0]!.file).toMatch(/sitemap-0\.xml$/);
    expect(findings[0]!.message).toMatch(/does not validate against the sitemap XSD.*yesterday/);
    expect(findings[0]!.line).toBe(3);
  });
});
