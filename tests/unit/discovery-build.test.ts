/**
 * One real `astro build` of a generated site with 30 articles (the valid fixture plus 27
 * generated ones, one of them titled `</script><script>alert(1)</script>`, U+2028 and `<!--`):
 * listings paginate with every article exactly once, prev/next links resolve, the sitemap
 * lists every article with its lastmod, and the hostile title neither breaks out of the
 * JSON-LD nor runs in Chromium. About 15 s on a 2-core machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/lib/chromium.ts';
import { referenceParts } from '../../src/lib/references.ts';
import { sourceSchema } from '../../src/schemas/source.ts';
import { site } from '../../src/site.config.ts';
import { VALID_FIXTURE } from './helpers/content-tree.ts';

const PROJECT = resolve(import.meta.dirname, '../..');
const ASTRO = join(PROJECT, 'node_modules/astro/bin/astro.mjs');
/** Closes the script element, starts a comment, and carries a line separator (U+2028). */
const HOSTILE = '</script><script>alert(1)</script>\u2028<!--';
/** The same, as a YAML double-quoted scalar (YAML writes U+2028 as \L). */
const HOSTILE_YAML = '"</script><script>alert(1)</script>\\L<!--"';
const GENERATED = 27;
const TAG = 'generated-listing';

function generatedArticle(n: number): string {
  const day = String((n % 28) + 1).padStart(2, '0');
  const month = String((n % 12) + 1).padStart(2, '0');
  return [
    '---',
    `title: ${n === 1 ? HOSTILE_YAML : `"Generated article ${n}"`}`,
    `description: "Generated article number ${n}, for the pagination test."`,
    'beat: mlops',
    `author: ${n % 2 ? 'ada-okafor' : 'ben-sato'}`,
    'reviewer: chen-li',
    `published: 2024-${month}-${day}`,
    `tags: [${TAG}${n % 3 === 0 ? ', every-third' : ''}]`,
    'sources:',
    '  - id: note',
    `    title: "Note ${n}"`,
    '    url: https://example.com/note',
    '    kind: blog',
    '---',
    '',
    `Paragraph of generated article ${n}, citing its note [@note].`,
    '',
  ].join('\n');
}

let root: string;
let outDir: string;
let output = '';

const file = (path: string) => join(outDir, path);
const html = (path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');
/** Article links in a listing's cards. */
const cardLinks = (page: string) =>
  [...page.matchAll(/<h2><a href="(\/articles\/[a-z0-9-]+\/)">/g)].map((m) => m[1]!);

beforeAll(async () => {
  // The valid fixture (people, newsletter, three articles) plus the generated articles.
  root = await mkdtemp(join(tmpdir(), 'mlsr-discovery-'));
  const content = join(root, 'content');
  await cp(VALID_FIXTURE, content, { recursive: true });
  for (let n = 1; n <= GENERATED; n++)
    await writeFile(
      join(content, `articles/generated-${String(n).padStart(2, '0')}.md`),
      generatedArticle(n),
    );
  outDir = join(root, 'dist');
  const result = spawnSync(process.execPath, [ASTRO, 'build', '--outDir', outDir], {
    cwd: PROJECT,
    env: { ...process.env, MLSR_CONTENT_ROOT: content, FORCE_COLOR: '0', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  output = `${result.stdout}\n${result.stderr}`;
  expect(result.status, output).toBe(0);
}, 150_000);

afterAll(() => rm(root, { recursive: true, force: true }));

describe('a built site with 30 articles', () => {
  const total = GENERATED + 3;

  function walk(first: string, pageSize: number, expected: number) {
    const pages = Math.ceil(expected / pageSize);
    const seen: string[] = [];
    for (let n = 1; n <= pages; n++) {
      const path = n === 1 ? first : `${first}page/${n}/`;
      const page = html(path);
      const links = cardLinks(page);
      expect(links.length, path).toBe(n < pages ? pageSize : expected - pageSize * (pages - 1));
      seen.push(...links);
      // rel=prev/next point at pages that exist.
      for (const [, href] of page.matchAll(/<a href="([^"]+)" rel="(?:prev|next)">/g))
        expect(existsSync(file(join(href!, 'index.html'))), href).toBe(true);
      if (n > 1)
        expect(page).toContain(`<a href="${n === 2 ? first : `${first}page/${n - 1}/`}" rel="prev">`);
      if (n < pages) expect(page).toContain(`<a href="${first}page/${n + 1}/" rel="next">`);
      else expect(page).not.toContain('rel="next"');
    }
    expect(existsSync(file(`${first}page/${pages + 1}/index.html`)), 'no page after the last').toBe(false);
    expect(new Set(seen).size, 'no article twice').toBe(seen.length);
    return seen;
  }

  test('/articles/ paginates every article exactly once, newest first', () => {
    const seen = walk('/articles/', site.pageSize, total);
    const built = readdirSync(file('articles'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'page')
      .map((e) => `/articles/${e.name}/`);
    expect(new Set(seen)).toEqual(new Set(built));
    expect(built).toHaveLength(total);
    const dates = seen.map(
      (path) => html(path).match(/<meta property="article:published_time" content="([^"]+)"/)![1]!,
    );
    expect(dates).toEqual([...dates].sort().reverse());
  });

  test('beat and tag listings paginate too', () => {
    walk('/beats/mlops/', site.pageSize, GENERATED + 1); // drift-monitoring is the fixture's mlops piece
    walk(`/tags/${TAG}/`, site.pageSize, GENERATED);
  });

  test('every article is in the sitemap with a lastmod, and in the site feed', () => {
    const sitemap = readFileSync(file('sitemap-0.xml'), 'utf8');
    const feed = readFileSync(file('feed.xml'), 'utf8');
    for (const name of readdirSync(file('articles')).filter(
      (n) => n.startsWith('generated-') && !n.endsWith('.bib'),
    )) {
      expect(sitemap).toMatch(new RegExp(`<loc>${site.url}/articles/${name}/</loc><lastmod>`));
      expect(feed).toContain(`<link>${site.url}/articles/${name}/</link>`);
    }
  });

  test('a </script> title stays inside the JSON-LD, escaped, and round-trips', () => {
    const page = html('/articles/generated-01/');
    const blocks = [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(blocks).toHaveLength(1);
    const raw = blocks[0]![1]!;
    expect(raw.toLowerCase()).not.toContain('</script');
    expect(raw).not.toContain('\u2028');
    expect(raw).toContain('\\u003c/script\\u003e');
    const graph = (JSON.parse(raw) as { '@graph': { '@type': string; headline?: string }[] })['@graph'];
    expect(graph.find((n) => n['@type'] === 'TechArticle')?.headline).toBe(HOSTILE);
    // The title is text everywhere else too: in <h1>, in the feed and in the BibTeX file.
    expect(page).toContain('<h1>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(readFileSync(file('articles/generated-01.bib'), 'utf8')).toContain(
      'title   = {{</script><script>alert(1)</script>',
    );
  });

  test('and it does not run in Chromium', { timeout: 60_000 }, async () => {
    const executablePath = findChromium();
    const browser = await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      args: CHROMIUM_ARGS,
    });
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(pathToFileURL(file('articles/generated-01/index.html')).href);
      expect(await page.locator('h1').textContent()).toBe(HOSTILE);
      expect(await page.locator('script[type="application/ld+json"]').count()).toBe(1);
      const parsed = JSON.parse(
        (await page.locator('script[type="application/ld+json"]').textContent())!,
      ) as { '@graph': { name?: string; '@type': string }[] };
      expect(parsed['@graph'].find((n) => n['@type'] === 'WebPage')?.name).toBe(HOSTILE);
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  test('a source read on a known day says so, on screen and on paper', { timeout: 90_000 }, async () => {
    // The valid fixture's first source carries `accessed`; the label is the one the source list prints.
    const label = referenceParts(
      sourceSchema.parse({
        id: 'x',
        title: 'x',
        url: 'https://example.com/x',
        kind: 'paper',
        accessed: '2025-03-01',
      }),
    ).accessed?.label;
    expect(label).toBeDefined();
    const page = html('/articles/feature-store-latency/');
    expect(page).toContain(`Accessed <time datetime="2025-03-01">${label}</time>.`);

    const server = createServer(sirv(outDir)).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const executablePath = findChromium();
    const browser = await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      args: CHROMIUM_ARGS,
    });
    try {
      const tab = await browser.newPage();
      const { port } = server.address() as AddressInfo;
      await tab.goto(`http://127.0.0.1:${port}/articles/feature-store-latency/`);
      await expect.poll(() => tab.locator('.source-accessed').first().isVisible()).toBe(true);
      const pdf = join(root, 'article.pdf');
      await writeFile(pdf, await tab.pdf({ format: 'A4' }));
      const printed = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      expect(printed.replace(/\s+/g, ' ')).toContain(`Accessed ${label}.`);
    } finally {
      await browser.close();
      server.close();
    }
  });
});
