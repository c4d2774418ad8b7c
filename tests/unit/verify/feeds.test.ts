import { describe, expect, it } from 'vitest';
import { checkFeeds } from '../../../scripts/verify/feeds.ts';
import { makeDist, page, SITE_URL } from './helpers.ts';

const ALTERNATE = '<link rel="alternate" type="application/rss+xml" title="RSS" href="/rss.xml">';
const home = page('<h1>Home</h1>', { head: ALTERNATE });

function rss(items: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>MLSR</title><link>${SITE_URL}/</link><description>d</description>${items}</channel></rss>`;
}
const item = (title: string, link: string, date = '<pubDate>Mon, 03 Mar 2025 00:00:00 GMT</pubDate>') =>
  `<item><title>${title}</title><link>${link}</link>${date}</item>`;

const run = (dist: string) => checkFeeds(dist, { siteUrl: SITE_URL });

describe('feeds (feedparser)', () => {
  it('passes when there are no feeds yet', async () => {
    const result = await run(makeDist({}));
    expect(result.findings).toEqual([]);
    expect(result.summary).toContain('no feeds yet');
  });

  it('passes a good feed whose items link to built pages', async () => {
    const result = await run(
      makeDist({
        'index.html': home,
        'rss.xml': rss(item('A', `${SITE_URL}/a/`)),
        'a/index.html': page('a'),
      }),
    );
    expect(result.findings).toEqual([]);
    expect(result.summary).toMatch(/1 feed\(s\), 1 items/);
  });

  it('fails when the home page announces a feed that is not built', async () => {
    const { findings } = await run(makeDist({ 'index.html': home }));
    expect(findings.map((f) => `${f.file}: ${f.message}`)).toEqual([
      expect.stringMatching(/index\.html: announces the feed \/rss\.xml, which is not in dist/),
    ]);
  });

  it('fails on a malformed feed, naming the file', async () => {
    const { findings } = await run(
      makeDist({ 'index.html': home, 'rss.xml': rss(item('Tom & Jerry', `${SITE_URL}/`)) }),
    );
    expect(findings.map((f) => `${f.file}: ${f.message}`)).toContainEqual(
      expect.stringMatching(/rss\.xml: is not a well-formed feed/),
    );
  });

  it('fails on items without title, absolute https link or date', async () => {
    const { findings } = await run(
      makeDist({
        'index.html': home,
        'rss.xml': rss(
          item('', `${SITE_URL}/`) +
            item('Relative', 'http://example.com/x') +
            item('Undated', `${SITE_URL}/`, ''),
        ),
      }),
    );
    const problems = findings.map((f) => `${f.file}: ${f.message}`);
    expect(problems).toContainEqual(expect.stringMatching(/rss\.xml: item 1 has no title/));
    expect(problems).toContainEqual(
      expect.stringMatching(
        /rss\.xml: item 2 \(“Relative”\) link is “http:\/\/example\.com\/x”, not an absolute https URL/,
      ),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/rss\.xml: item 3 \(“Undated”\) has no \(parseable\) publication date/),
    );
  });
});
