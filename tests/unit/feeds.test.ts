/** Feed HTML must stand alone in a feed reader: absolute URLs, no page-only chrome. */
import { describe, expect, it } from 'vitest';
import type { LoggedCorrection } from '../../src/lib/content.ts';
import { correctionItem, feedHtml, feedOptions, feeds } from '../../src/lib/feeds.ts';
import { beatById, site } from '../../src/site.config.ts';

const PAGE = `${site.url}/articles/feature-store-latency/`;

describe('feedHtml', () => {
  it('makes links, fragments and images absolute', () => {
    const html = feedHtml(
      '<p><a href="/articles/other/">other</a> <a href="#source-a" id="cite-a-1">[1]</a> <a href="https://example.org/x">ext</a> <a href="mailto:x@example.org">mail</a></p>' +
        '<img src="/_astro/chart.png" srcset="/_astro/chart.png 1x, chart@2x.png 2x" alt="A chart">',
      PAGE,
    );
    expect(html).toContain(`href="${site.url}/articles/other/"`);
    expect(html).toContain(`href="${PAGE}#source-a"`);
    expect(html).toContain('href="https://example.org/x"');
    expect(html).toContain('href="mailto:x@example.org"');
    expect(html).toContain(`src="${site.url}/_astro/chart.png"`);
    expect(html).toContain(`srcset="${site.url}/_astro/chart.png 1x, ${PAGE}chart@2x.png 2x"`);
    expect(html).not.toMatch(/(?:href|src)="\//);
  });

  it('drops heading anchors and KaTeX’s visual copy but keeps the MathML', () => {
    const html = feedHtml(
      '<h2 id="why">Why<a class="heading-anchor" href="#why" aria-hidden="true">#</a></h2>' +
        '<span class="katex"><span class="katex-mathml"><math><mi>x</mi></math></span><span class="katex-html" aria-hidden="true"><span>x</span></span></span>',
      PAGE,
    );
    expect(html).toBe(
      '<h2 id="why">Why</h2><span class="katex"><span class="katex-mathml"><math><mi>x</mi></math></span></span>',
    );
  });

  it('keeps text escaped', () => {
    expect(feedHtml('<p>a &lt;script&gt; &amp; b</p>', PAGE)).toBe('<p>a &#x3C;script> &#x26; b</p>');
  });
});

describe('feedOptions', () => {
  it('sorts items newest first and dates the channel by its newest item, in UTC', () => {
    const options = feedOptions({
      feed: feeds.beat(beatById('mlops')),
      description: 'd',
      items: [
        { title: 'old', link: `${site.url}/a/`, pubDate: new Date('2024-01-01T00:00:00Z') },
        { title: 'new', link: `${site.url}/b/`, pubDate: new Date('2025-01-01T00:00:00Z') },
      ],
    });
    expect(Array.isArray(options.items) && options.items.map((i) => i.title)).toEqual(['new', 'old']);
    expect(options.title).toBe(`${site.name}: MLOps & reliability`);
    expect(String(options.site)).toBe(`${site.url}/beats/mlops/`);
    expect(options.customData).toContain(
      `<atom:link href="${site.url}/beats/mlops/feed.xml" rel="self" type="application/rss+xml"/>`,
    );
    expect(options.customData).toContain('<lastBuildDate>Wed, 01 Jan 2025 00:00:00 GMT</lastBuildDate>');
  });
});

describe('correctionItem', () => {
  it('says what kind of change it was in the title and the categories', () => {
    const correction = {
      article: { data: { title: 'Feature stores' }, beat: beatById('architecture') },
      date: new Date('2025-04-02T00:00:00Z'),
      kind: 'update',
      summary: 'Added the vendor’s reply.',
      url: '/articles/feature-stores/#correction-2025-04-02',
    } as unknown as LoggedCorrection;
    expect(correctionItem(correction)).toMatchObject({
      title: 'Update: Feature stores',
      categories: ['Update', 'Architecture case studies'],
      link: `${site.url}/articles/feature-stores/#correction-2025-04-02`,
    });
  });
});
