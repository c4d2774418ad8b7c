/**
 * Discovery, the way machines and readers meet the built site: sitemap and robots.txt, feeds
 * (read by a real feed parser), JSON-LD on every page type, Open Graph and Google Scholar
 * tags, "Cite this article" with its .bib download, and the beat's previous/next and related
 * articles at the foot of each article.
 *
 * Everything is discovered over HTTP from the sitemap, so the tests follow the content.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { readContentIndex } from '../../src/lib/content-files.ts';
import { articleSchema, personIdOf, personIdSchema } from '../../src/schemas/article.ts';
import { isoDay } from '../../src/schemas/date.ts';
import { site } from '../../src/site.config.ts';

type Node = Record<string, unknown> & { '@type': string | string[]; '@id'?: string };

/** A site URL (https://mlsystemsreview.com/x/) as a path on the server under test. */
function local(url: string): string {
  expect(url.startsWith(`${site.url}/`), `${url} should be on ${site.url}`).toBe(true);
  return url.slice(site.url.length);
}

async function text(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return response.text();
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

/** Every page the sitemap lists, as local paths. */
async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const index = await text(request, '/sitemap-index.xml');
  const pages: string[] = [];
  for (const sitemap of locs(index)) pages.push(...locs(await text(request, local(sitemap))).map(local));
  return pages;
}

/** The one JSON-LD block of a page, parsed. */
function jsonLdOf(html: string, path: string): Node[] {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  expect(blocks, `${path} has exactly one JSON-LD block`).toHaveLength(1);
  const raw = blocks[0]![1]!;
  expect(raw, `${path}: JSON-LD must not contain raw < > &`).not.toMatch(/[<>&\u2028\u2029]/);
  const parsed = JSON.parse(raw) as { '@context': string; '@graph': Node[] };
  expect(parsed['@context']).toBe('https://schema.org');
  return parsed['@graph'];
}

const ofType = (graph: Node[], type: string) => graph.find((n) => n['@type'] === type);

function articlePaths(paths: string[]): string[] {
  return paths.filter((p) => /^\/articles\/[a-z0-9-]+\/$/.test(p) && !p.startsWith('/articles/page/'));
}

/** Reads a feed with Python's feedparser (Debian python3-feedparser; `npm run tools` installs it). */
function parseFeed(xml: string) {
  const script = [
    'import sys, json, calendar, feedparser',
    'd = feedparser.parse(sys.stdin.buffer.read())',
    'print(json.dumps({"bozo": bool(d.bozo), "error": str(d.get("bozo_exception", "")), "version": d.version,',
    ' "title": d.feed.get("title"), "link": d.feed.get("link"),',
    ' "entries": [{"title": e.get("title"), "link": e.get("link"), "id": e.get("id"),',
    '   "published": calendar.timegm(e.published_parsed) if e.get("published_parsed") else None,',
    '   "published_raw": e.get("published"),',
    '   "content": (e.get("content") or [{}])[0].get("value")} for e in d.entries]}))',
  ].join('\n');
  const result = spawnSync('/usr/bin/python3', ['-c', script], { input: xml, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as {
    bozo: boolean;
    error: string;
    version: string;
    title: string;
    link: string;
    entries: {
      title?: string;
      link?: string;
      id?: string;
      published?: number;
      published_raw?: string;
      /** null when the item has no content (feedparser's JSON). */
      content?: string | null;
    }[];
  };
}

test.describe('sitemap and robots.txt', () => {
  test('robots.txt points at the sitemap index, which lists every article with its lastmod', async ({
    request,
  }) => {
    const robots = await text(request, '/robots.txt');
    const line = robots.split('\n').find((l) => l.startsWith('Sitemap: '));
    expect(line).toBe(`Sitemap: ${site.url}/sitemap-index.xml`);

    const paths = await sitemapPaths(request);
    expect(paths).toContain('/');
    expect(paths.some((p) => p.startsWith('/404'))).toBe(false);
    const sitemap = (
      await Promise.all(locs(await text(request, '/sitemap-index.xml')).map((s) => text(request, local(s))))
    ).join('');
    for (const path of articlePaths(paths)) {
      expect(sitemap, path).toMatch(new RegExp(`<loc>${site.url}${path}</loc><lastmod>\\d{4}-\\d{2}-\\d{2}`));
    }
    const issue = paths.find((p) => /^\/newsletter\/\d+\/$/.test(p));
    expect(sitemap).toMatch(new RegExp(`<loc>${site.url}${issue}</loc><lastmod>`));
  });
});

test.describe('feeds', () => {
  const feedsOf = (html: string) =>
    [
      ...html.matchAll(/<link rel="alternate" type="application\/rss\+xml" title="([^"]*)" href="([^"]+)"/g),
    ].map((m) => m[2]!);

  test('every page links the site feed; beats, corrections and the newsletter link their own', async ({
    request,
  }) => {
    const paths = await sitemapPaths(request);
    for (const path of paths)
      expect(feedsOf(await text(request, path)), path).toContain(`${site.url}/feed.xml`);
    for (const beat of site.beats) {
      expect(feedsOf(await text(request, `/beats/${beat.id}/`))).toContain(
        `${site.url}/beats/${beat.id}/feed.xml`,
      );
    }
    expect(feedsOf(await text(request, '/corrections/'))).toContain(`${site.url}/corrections/feed.xml`);
    expect(feedsOf(await text(request, '/newsletter/'))).toContain(`${site.url}/newsletter/feed.xml`);
  });

  const FEEDS = [
    '/feed.xml',
    ...site.beats.map((b) => `/beats/${b.id}/feed.xml`),
    '/corrections/feed.xml',
    '/newsletter/feed.xml',
  ];
  for (const path of FEEDS) {
    test(`${path} parses, and every item has a title, an absolute https link and a date`, async ({
      request,
    }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(200);
      const feed = parseFeed(await response.text());
      expect(feed.bozo, feed.error).toBe(false);
      expect(feed.version).toBe('rss20');
      expect(feed.title).toBeTruthy();
      expect(feed.entries.length, 'a feed with no items').toBeGreaterThan(0);
      const ids = new Set<string>();
      for (const entry of feed.entries) {
        expect(entry.title, JSON.stringify(entry)).toBeTruthy();
        expect(entry.link, entry.title).toMatch(new RegExp(`^${site.url.replace(/\./g, '\\.')}/`));
        expect(entry.link!.startsWith('https://')).toBe(true);
        expect(entry.published, entry.title).toEqual(expect.any(Number));
        expect(entry.published_raw, 'dates are written in UTC').toMatch(/ GMT$/);
        expect(entry.id, 'the guid is the permalink').toBe(entry.link);
        expect(ids.has(entry.id!), `duplicate guid ${entry.id}`).toBe(false);
        ids.add(entry.id!);
        if (entry.content !== undefined && entry.content !== null) {
          expect(entry.content, `${entry.title}: relative URL in feed content`).not.toMatch(
            /(?:href|src)="(?!https?:|mailto:)/,
          );
        }
      }
      const dates = feed.entries.map((e) => e.published!);
      expect(dates, 'newest first').toEqual([...dates].sort((a, b) => b - a));
    });
  }

  test('the site feed carries each article in full', async ({ page, request }) => {
    const feed = parseFeed(await text(request, '/feed.xml'));
    const paths = articlePaths(await sitemapPaths(request));
    expect(feed.entries).toHaveLength(paths.length);
    const entry = feed.entries[0]!;
    await page.goto(local(entry.link!));
    const paragraphs = await page.locator('.prose > p').allTextContents();
    expect(paragraphs.length).toBeGreaterThan(1);
    await page.setContent(entry.content!);
    const fed = (await page.locator('body').textContent())!;
    // The first and the last paragraph of the body are both in the feed item.
    expect(fed).toContain(paragraphs[0]!.slice(0, 60));
    expect(fed).toContain(paragraphs.at(-1)!.slice(0, 60));
  });

  test('each correction is an item linking to its inline mark', async ({ request }) => {
    const feed = parseFeed(await text(request, '/corrections/feed.xml'));
    for (const entry of feed.entries) {
      const [path, fragment] = local(entry.link!).split('#');
      expect(fragment).toMatch(/^correction-\d{4}-\d{2}-\d{2}/);
      expect(await text(request, path!)).toContain(`id="${fragment}"`);
    }
  });
});

test.describe('JSON-LD', () => {
  test('every page has one JSON-LD graph with the organisation and its policies', async ({ request }) => {
    for (const path of await sitemapPaths(request)) {
      const graph = jsonLdOf(await text(request, path), path);
      const org = ofType(graph, 'NewsMediaOrganization');
      expect(org, path).toBeDefined();
    }
    const org = ofType(jsonLdOf(await text(request, '/'), '/'), 'NewsMediaOrganization')!;
    expect(org).toMatchObject({
      name: site.name,
      url: `${site.url}/`,
      publishingPrinciples: `${site.url}/about/#policy`,
      correctionsPolicy: `${site.url}/about/#corrections-policy`,
      ethicsPolicy: `${site.url}/about/#conflicts`,
      ownershipFundingInfo: `${site.url}/about/#funding`,
      masthead: `${site.url}/masthead/`,
    });
    // The policy links land on real anchors.
    const about = await text(request, '/about/');
    for (const key of ['publishingPrinciples', 'correctionsPolicy', 'ethicsPolicy', 'ownershipFundingInfo']) {
      expect(about, key).toContain(`id="${String(org[key]).split('#')[1]}"`);
    }
  });

  test('article pages: a reviewed WebPage whose main entity is the article, with sources and corrections', async ({
    request,
  }) => {
    const paths = articlePaths(await sitemapPaths(request));
    let sawCorrection = false;
    for (const path of paths) {
      const html = await text(request, path);
      const graph = jsonLdOf(html, path);
      const page = ofType(graph, 'WebPage')!;
      const article = graph.find((n) => n['@type'] === 'TechArticle' || n['@type'] === 'Report')!;
      expect(page, path).toBeDefined();
      expect(article, path).toBeDefined();
      expect(page.mainEntity).toEqual({ '@id': article['@id'] });
      expect(page.reviewedBy).toMatchObject({
        '@type': 'Person',
        name: expect.any(String),
        url: expect.stringMatching(/\/people\/[a-z-]+\/$/),
      });
      expect(page.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(article).toMatchObject({
        headline: expect.any(String),
        description: expect.any(String),
        datePublished: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        dateModified: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        articleSection: expect.any(String),
        keywords: expect.any(Array),
        publisher: { '@id': `${site.url}/#organization` },
      });
      const authors = article.author as Node[];
      expect(authors.length).toBeGreaterThan(0);
      for (const author of authors)
        expect(author).toMatchObject({
          '@type': 'Person',
          url: expect.stringMatching(new RegExp(`^${site.url}/people/`)),
        });
      const sources = html.match(/<ol class="source-list">[\s\S]*?<\/ol>/)![0].match(/<li /g)!.length;
      expect(article.citation as Node[]).toHaveLength(sources);
      for (const source of article.citation as Node[])
        expect(source).toMatchObject({
          '@type': expect.stringMatching(
            /^(?:CreativeWork|ScholarlyArticle|Book|Report|NewsArticle|BlogPosting|Dataset|SoftwareSourceCode)$/,
          ),
          name: expect.any(String),
        });
      for (const correction of article.correction as Node[]) {
        sawCorrection = true;
        expect(correction).toMatchObject({
          '@type': 'CorrectionComment',
          datePublished: expect.any(String),
          text: expect.any(String),
        });
        expect(html).toContain(`id="${String(correction.url).split('#')[1]}"`);
      }
      if (path.includes('postmortem')) expect(article['@type']).toBe('Report');
    }
    expect(sawCorrection, 'the built-in content has at least one correction').toBe(true);
  });

  test('article JSON-LD says what the frontmatter of each article says', async ({ request }) => {
    // The frontmatter as the build reads it: parsed by the real schema, not cast.
    const schema = articleSchema(personIdSchema);
    const personUrl = (id: string) => `${site.url}/people/${id}/`;
    const articles = (await readContentIndex('content')).articles.filter((a) => a.public);
    expect(articles.length).toBeGreaterThan(0);
    for (const entry of articles) {
      const data = schema.parse(entry.data);
      const graph = jsonLdOf(await text(request, entry.url), entry.url);
      const page = ofType(graph, 'WebPage')!;
      const article = graph.find((n) => n['@type'] === 'TechArticle' || n['@type'] === 'Report')!;
      expect(article, entry.file).toMatchObject({
        headline: data.title,
        description: data.description,
        datePublished: isoDay(data.published),
        articleSection: site.beats.find((b) => b.id === data.beat)!.title,
        keywords: data.tags,
      });
      expect(
        (article.author as Node[]).map((a) => a.url),
        entry.file,
      ).toEqual(data.author.map((author) => personUrl(personIdOf(author))));
      expect((page.reviewedBy as Node).url, entry.file).toBe(personUrl(personIdOf(data.reviewer)));
      expect(
        (article.citation as Node[]).map((c) => c.name),
        entry.file,
      ).toEqual(data.sources.map((s) => s.title));
      expect(
        ((article.correction as Node[] | undefined) ?? []).map((c) => [c.datePublished, c.text]),
        entry.file,
      ).toEqual(data.corrections.map((c) => [isoDay(c.date), c.summary]));
    }
  });

  test('the real JSON-LD escapes what it must (the & in a beat name)', async ({ request }) => {
    const beat = site.beats.find((b) => b.title.includes('&'))!;
    const listing = await text(request, `/beats/${beat.id}/`);
    const path = listing.match(/<h2><a href="(\/articles\/[a-z0-9-]+\/)"/)![1]!;
    const raw = (await text(request, path)).match(
      /<script type="application\/ld\+json">([\s\S]*?)<\/script>/,
    )![1]!;
    expect(raw).not.toContain('&');
    expect(raw).toContain(JSON.stringify(beat.title).slice(1, -1).replace('&', '\\u0026'));
    expect(
      ofType(jsonLdOf(`<script type="application/ld+json">${raw}</script>`, path), 'WebPage'),
    ).toBeDefined();
  });

  test('person pages: a ProfilePage about the Person', async ({ request }) => {
    const people = (await sitemapPaths(request)).filter((p) => /^\/people\/[a-z-]+\/$/.test(p));
    expect(people.length).toBeGreaterThan(0);
    for (const path of people) {
      const profile = ofType(jsonLdOf(await text(request, path), path), 'ProfilePage')!;
      expect(profile.mainEntity).toMatchObject({
        '@type': 'Person',
        name: expect.any(String),
        jobTitle: expect.any(String),
        knowsAbout: expect.any(Array),
        alumniOf: expect.arrayContaining([expect.objectContaining({ name: expect.any(String) })]),
        description: expect.any(String),
      });
    }
  });

  test('newsletter issues: a PublicationIssue that is part of the Periodical', async ({ request }) => {
    const issues = (await sitemapPaths(request)).filter((p) => /^\/newsletter\/\d+\/$/.test(p));
    expect(issues.length).toBeGreaterThan(0);
    for (const path of issues) {
      const graph = jsonLdOf(await text(request, path), path);
      const periodical = ofType(graph, 'Periodical')!;
      const issue = ofType(graph, 'PublicationIssue')!;
      expect(issue).toMatchObject({
        issueNumber: path.match(/\d+/)![0],
        datePublished: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        isPartOf: { '@id': periodical['@id'] },
      });
      expect((issue.hasPart as Node[]).length, `${path} links to nothing`).toBeGreaterThan(0);
    }
  });

  test('in the browser, the JSON-LD is one data block that parses and runs nothing', async ({
    page,
    request,
  }) => {
    // The build-level test (tests/unit/discovery-build.test.ts) builds a site whose article is
    // titled `</script><script>alert(1)</script>`; here the real pages must keep exactly one
    // data block each, whose text parses.
    const path = articlePaths(await sitemapPaths(request))[0]!;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(path);
    const blocks = page.locator('script[type="application/ld+json"]');
    await expect(blocks).toHaveCount(1);
    const parsed = JSON.parse((await blocks.textContent())!) as { '@graph': Node[] };
    expect(ofType(parsed['@graph'], 'WebPage')!.name).toBe(await page.locator('h1').textContent());
    expect(dialogs).toEqual([]);
  });
});

test.describe('article metadata for sharing and scholars', () => {
  test('Open Graph, Twitter and Google Scholar tags', async ({ page, request }) => {
    const path = articlePaths(await sitemapPaths(request))[0]!;
    await page.goto(path);
    const meta = (selector: string) => page.locator(`head meta[${selector}]`);
    const content = async (selector: string) => meta(selector).first().getAttribute('content');
    expect(await content('property="og:type"')).toBe('article');
    expect(await content('property="og:title"')).toBe(await page.locator('h1').textContent());
    expect(await content('property="og:description"')).toBe(await page.locator('.dek').first().textContent());
    expect(await content('property="og:url"')).toBe(`${site.url}${path}`);
    expect(await content('property="article:published_time"')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await content('property="article:section"')).toBeTruthy();
    expect(await content('property="article:author"')).toMatch(new RegExp(`^${site.url}/people/`));
    expect(await content('name="twitter:card"')).toBe('summary_large_image');
    // The article's own share card: an absolute URL on the site, 1200×630, described, served.
    const image = (await content('property="og:image"'))!;
    expect(image).toMatch(new RegExp(`^${site.url}/og/articles/${path.split('/')[2]}\\.[0-9a-f]+\\.png$`));
    expect(await content('property="og:image:width"')).toBe('1200');
    expect(await content('property="og:image:height"')).toBe('630');
    expect(await content('property="og:image:alt"')).toContain(await page.locator('h1').textContent());
    expect(await content('name="twitter:image"')).toBe(image);
    const card = await request.get(new URL(image).pathname);
    expect(card.status()).toBe(200);
    expect(card.headers()['content-type']).toBe('image/png');
    expect(await content('name="citation_title"')).toBe(await page.locator('h1').textContent());
    expect(await content('name="citation_journal_title"')).toBe(site.name);
    expect(await content('name="citation_publication_date"')).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
    const authors = await page.locator('.byline a[rel="author"]').count();
    await expect(meta('name="citation_author"')).toHaveCount(authors);
    await expect(meta('name="citation_reference"')).toHaveCount(
      await page.locator('ol.source-list > li').count(),
    );
    await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', `${site.url}${path}`);
  });
});

test.describe('the foot of an article', () => {
  test('cite this article: the citation, the BibTeX and a .bib download', async ({ page, request }) => {
    const path = articlePaths(await sitemapPaths(request))[0]!;
    const slug = path.split('/')[2]!;
    await page.goto(path);
    const title = (await page.locator('h1').textContent())!;
    const block = page.locator('section.cite-this');
    await expect(block.locator('.citation-text')).toContainText(title);
    await expect(block.locator('.citation-text')).toContainText(`${site.name}, `);
    await expect(block.locator('.citation-text')).toContainText(`${site.url}${path}`);
    const bibtex = block.locator('details.bibtex pre');
    await expect(bibtex).toBeHidden();
    await block.locator('details.bibtex summary').click();
    await expect(bibtex).toBeVisible();
    await expect(bibtex).toContainText(`@article{mlsr-${slug},`);
    expect(await block.locator('script').count()).toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      block.locator('a[download]').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${slug}.bib`);
    const file = await readFile(await download.path(), 'utf8');
    expect(file.trim()).toBe((await bibtex.textContent())!.trim());
    expect(file).toContain(`url     = {${site.url}${path}}`);
  });

  test('previous/next within the beat and up to three related articles', async ({ page, request }) => {
    let checked = 0;
    for (const path of articlePaths(await sitemapPaths(request))) {
      await page.goto(path);
      const beat = await page.locator('.article-header .kicker a').getAttribute('href');
      const neighbours = page.locator('nav.beat-neighbours a[href^="/articles/"]');
      const related = page.locator('section.related-articles .card h3 a');
      const relatedCount = await related.count();
      expect(relatedCount, path).toBeLessThanOrEqual(3);
      for (const href of await related.evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
        expect(href).not.toBe(path);
      const hrefs = await neighbours.evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      for (const href of hrefs) {
        expect(href).not.toBe(path);
        const other = await text(request, href);
        expect(other, `${href} is in the same beat as ${path}`).toContain(
          `<p class="kicker"><a href="${beat}">`,
        );
      }
      if (hrefs.length > 0 && relatedCount > 0) checked++;
    }
    expect(checked, 'some article has both neighbours and related articles').toBeGreaterThan(0);
  });
});
