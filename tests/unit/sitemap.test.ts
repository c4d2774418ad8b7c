/** Sitemap facts come from the content files through the same schemas as the build. */
import { describe, expect, it } from 'vitest';
import { isListed, readSitemapFacts, sitemapOptions, withLastmod } from '../../src/lib/sitemap.ts';
import { site } from '../../src/site.config.ts';
import { validTree } from './helpers/content-tree.ts';

describe('sitemap', () => {
  it('dates articles by their last change and issues by their date, and drops drafts', async () => {
    const tree = await validTree();
    await tree.write(
      'articles/drift-monitoring.md',
      (await tree.read('articles/drift-monitoring.md')).replace(/^---\n/, '---\ndraft: true\n'),
    );
    const facts = await readSitemapFacts(tree.content);
    // feature-store-latency: published 2025-03-14, corrected 2025-04-02 (see the fixture).
    const latency = facts.lastmod.get('/articles/feature-store-latency/');
    expect(latency?.toISOString().slice(0, 10)).toBe('2025-04-02');
    expect(facts.lastmod.has('/newsletter/1/')).toBe(true);
    expect(facts.excluded).toEqual(new Set(['/articles/drift-monitoring/']));

    expect(isListed(`${site.url}/articles/drift-monitoring/`, facts)).toBe(false);
    expect(isListed(`${site.url}/articles/feature-store-latency/`, facts)).toBe(true);
    expect(withLastmod({ url: `${site.url}/articles/feature-store-latency/` }, facts)).toEqual({
      url: `${site.url}/articles/feature-store-latency/`,
      lastmod: '2025-04-02',
    });
    expect(withLastmod({ url: `${site.url}/about/` }, facts)).toEqual({ url: `${site.url}/about/` });
  });

  it('filters out the 404 and search pages (noindex) and serializes drafts to nothing', async () => {
    const tree = await validTree();
    await tree.write(
      'articles/drift-monitoring.md',
      (await tree.read('articles/drift-monitoring.md')).replace(/^---\n/, '---\ndraft: true\n'),
    );
    const options = sitemapOptions(tree.content)!;
    expect(options.filter!(`${site.url}/404/`)).toBe(false);
    expect(options.filter!(`${site.url}/search/`)).toBe(false);
    expect(options.filter!(`${site.url}/about/`)).toBe(true);
    expect(await options.serialize!({ url: `${site.url}/articles/drift-monitoring/` })).toBeUndefined();
  });
});
