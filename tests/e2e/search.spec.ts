/**
 * Search, end to end in Chromium against the built site: the header box and /search/, typed
 * into like a reader would. Expected results are derived from the built HTML (what the
 * article pages themselves show), never hard-coded, so the tests follow the content.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { siteContext } from './site.ts';

const DIST = process.env.E2E_DIST ?? 'dist';

interface BuiltArticle {
  url: string;
  title: string;
  beat: string;
  beatTitle: string;
  authors: string[];
  reviewer: string;
  published: string;
}

function decode(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** What each built article page shows: beat (kicker), title, byline people, publication day. */
function builtArticles(): BuiltArticle[] {
  const dir = join(DIST, 'articles');
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'page')
    .map((e) => {
      const url = `/articles/${e.name}/`;
      const html = readFileSync(join(dir, e.name, 'index.html'), 'utf8');
      const header = html.slice(html.indexOf('<header class="article-header"'));
      const kicker = /class="kicker"><a href="\/beats\/([^/]+)\/">([^<]+)<\/a>/.exec(header);
      const title = /<h1[^>]*>([^<]+)<\/h1>/.exec(header);
      const published = /Published <time datetime="(\d{4}-\d{2}-\d{2})"/.exec(header);
      const reviewer = /class="reviewer-link" href="\/people\/([^/]+)\/"/.exec(header);
      if (!kicker || !title || !published || !reviewer)
        throw new Error(`${url}: could not read kicker, title, date or reviewer from the built page`);
      const byline = header.slice(0, header.indexOf('</header>'));
      const authors = [...byline.matchAll(/href="\/people\/([^/]+)\/" rel="author"/g)].map((m) => m[1]!);
      return {
        url,
        title: decode(title[1]!),
        beat: kicker[1]!,
        beatTitle: decode(kicker[2]!),
        authors,
        reviewer: reviewer[1]!,
        published: published[1]!,
      };
    });
}

/** Newsletter issues with the date each page shows. */
function builtIssues(): { url: string; date: string }[] {
  return readdirSync(join(DIST, 'newsletter'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^\d+$/.test(e.name))
    .map((e) => {
      const url = `/newsletter/${e.name}/`;
      const date = /class="byline"><time datetime="(\d{4}-\d{2}-\d{2})"/.exec(
        readFileSync(join(DIST, 'newsletter', e.name, 'index.html'), 'utf8'),
      );
      if (!date) throw new Error(`${url}: no date in the built page`);
      return { url, date: date[1]! };
    });
}

const articles = builtArticles();
const issues = builtIssues();

/** A distinctive word from an article title: long, letters only, in no other title. */
function titleWord(): { word: string; article: BuiltArticle } {
  const words = (a: BuiltArticle) =>
    a.title
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length >= 6);
  for (const article of articles) {
    const word = words(article).find((w) =>
      articles.every((other) => other === article || !words(other).includes(w)),
    );
    if (word) return { word, article };
  }
  throw new Error('no article title has a distinctive word of 6+ letters');
}

/** The word of 5+ letters found in the most article titles and deks: a query with many results. */
function commonWord(): string {
  const counts = new Map<string, number>();
  for (const { url } of articles) {
    const html = readFileSync(join(DIST, url, 'index.html'), 'utf8');
    const text = decode(
      `${/<h1[^>]*>([^<]+)<\/h1>/.exec(html)?.[1]} ${/<p class="dek">([^<]+)<\/p>/.exec(html)?.[1]}`,
    ).toLowerCase();
    for (const word of new Set(text.split(/[^a-z]+/).filter((w) => w.length >= 5)))
      counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const [word, count] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
  if (count < 3) throw new Error(`no word occurs in 3+ article titles or deks (best: "${word}", ${count})`);
  return word;
}

const status = (page: Page) => page.locator('.search-page [role="status"]');
const resultLinks = (page: Page) => page.locator('.search-result-title a');

/** Waits for the search to settle, then opens every page of results; returns their URLs. */
async function allResults(page: Page): Promise<string[]> {
  await expect(page.locator('.search-page [data-search-results]')).toHaveAttribute('aria-busy', 'false');
  await expect(status(page)).toHaveText(/^(No results|\d+ results?)/);
  const total = /^(\d+)/.exec((await status(page).textContent()) ?? '')?.[1];
  const more = page.locator('[data-search-more]');
  while (await more.isVisible()) {
    const before = await resultLinks(page).count();
    await more.click();
    await expect(resultLinks(page)).not.toHaveCount(before);
  }
  const urls = await resultLinks(page).evaluateAll((links) =>
    links.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
  expect(urls.length).toBe(Number(total ?? 0));
  return urls;
}

const sorted = (urls: string[]) => [...urls].sort();

test.describe('lazy loading', () => {
  test('an article page downloads no JavaScript and no index until the search box is focused', async ({
    page,
  }) => {
    const requests: string[] = [];
    page.on('request', (request) =>
      requests.push(`${request.resourceType()} ${new URL(request.url()).pathname}`),
    );
    await page.goto(articles[0]!.url, { waitUntil: 'networkidle' });
    await page.mouse.move(200, 400);
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(300);
    expect(
      requests.filter(
        (r) => r.startsWith('script ') || r.includes('/pagefind/') || r.includes('/search-client/'),
      ),
    ).toEqual([]);

    const problems: string[] = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    const pagefindLoaded = page.waitForRequest((request) => request.url().includes('/pagefind/pagefind.js'));
    await page.locator('#site-search-q').focus();
    await pagefindLoaded;
    // …and it runs under the site's Content-Security-Policy: no violation, no error.
    await page.keyboard.type(titleWord().word);
    await expect(page.locator('#site-search-panel .search-hit').first()).toBeVisible();
    expect(problems).toEqual([]);
  });
});

test.describe('header search box', () => {
  test('"/" focuses it; results appear as the reader types; the count is announced', async ({ page }) => {
    const { word, article } = titleWord();
    await page.goto('/');
    await page.keyboard.press('/');
    const input = page.locator('#site-search-q');
    await expect(input).toBeFocused();
    await page.keyboard.type(word);
    const hits = page.locator('#site-search-panel .search-hit');
    await expect(hits.first()).toBeVisible();
    await expect(page.locator(`#site-search-panel a.search-hit[href="${article.url}"]`)).toBeVisible();
    const live = page.locator('.site-search [role="status"]');
    await expect(live).toHaveAttribute('aria-live', 'polite');
    await expect(live).toHaveText(new RegExp(`^\\d+ results? for “${word}”$`));
  });

  test('arrow keys move through the results and Enter opens one', async ({ page }) => {
    await page.goto(articles[0]!.url);
    await page.keyboard.press('/');
    await page.keyboard.type(commonWord());
    const hits = page.locator('#site-search-panel .search-hit');
    await expect(hits.nth(1)).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(hits.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(hits.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(hits.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(page.locator('#site-search-q')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    const href = await hits.nth(0).getAttribute('href');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${href}$`));
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the open results pass axe (${colorScheme})`, async ({ browser, baseURL }) => {
      const context = await siteContext(browser, baseURL, { colorScheme });
      const page = await context.newPage();
      await page.goto(articles[0]!.url);
      await page.keyboard.press('/');
      await page.keyboard.type(commonWord());
      await expect(page.locator('#site-search-panel .search-hit').first()).toBeVisible();
      await page.keyboard.press('ArrowDown');
      const { violations } = await new AxeBuilder({ page })
        .include('.site-header')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
        [],
      );
      await context.close();
    });
  }

  test('says so when nothing matches', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('/');
    await page.keyboard.type('qzxjvkw');
    await expect(page.locator('.site-search [role="status"]')).toHaveText('No results for “qzxjvkw”');
    await expect(page.locator('#site-search-panel .search-panel-count')).toHaveText(
      'No results for “qzxjvkw”',
    );
    await expect(page.locator('#site-search-panel .search-hit')).toHaveCount(0);
    await expect(page.locator('#site-search-panel [data-search-all]')).toBeHidden();
  });

  test('Escape clears the box and closes the results', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('/');
    await page.keyboard.type(commonWord());
    await expect(page.locator('#site-search-panel')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.locator('#site-search-q')).toHaveValue('');
    await expect(page.locator('#site-search-panel')).toBeHidden();
    await expect(page.locator('#site-search-q')).toBeFocused();
  });

  test('Enter submits to /search/ with the query in the URL', async ({ page }) => {
    const { word, article } = titleWord();
    await page.goto('/about/');
    await page.locator('#site-search-q').fill(word);
    await page.locator('#site-search-q').press('Enter');
    await expect(page).toHaveURL(new RegExp(`/search/\\?q=${word}$`));
    await expect(page.locator('#search-q')).toHaveValue(word);
    expect(await allResults(page)).toContain(article.url);
  });
});

test.describe('/search/ page', () => {
  test('typing shows results, announces the count and writes the query into the URL', async ({ page }) => {
    const { word, article } = titleWord();
    await page.goto('/search/');
    const historyLength = await page.evaluate(() => history.length);
    await page.keyboard.press('/');
    await expect(page.locator('#search-q')).toBeFocused(); // the page's own box, not the header's
    await page.keyboard.type(word);
    await expect(status(page)).toHaveAttribute('aria-live', 'polite');
    await expect(status(page)).toHaveText(new RegExp(`^\\d+ results? for “${word}”$`));
    await expect(page).toHaveURL(new RegExp(`/search/\\?q=${word}$`));
    expect(await page.evaluate(() => history.length)).toBe(historyLength); // replaceState, not a new entry per keystroke
    expect(await allResults(page)).toContain(article.url);
    await expect(page.locator('.search-excerpt mark').first()).toBeVisible();
  });

  test('a shared URL restores query, filter and sort', async ({ page }) => {
    const { word, article } = titleWord();
    await page.goto(`/search/?q=${word}&beat=${article.beat}&sort=newest`);
    await expect(page.locator('#search-q')).toHaveValue(word);
    await expect(page.locator('select[name="beat"]')).toHaveValue(article.beat);
    await expect(page.locator('select[name="sort"]')).toHaveValue('newest');
    const urls = await allResults(page);
    expect(urls).toContain(article.url);
    for (const kicker of await page.locator('.search-result .kicker').allTextContents())
      expect(kicker).toBe(article.beatTitle);
  });

  test('each filter alone lists exactly the matching pieces: beat, author, reviewer, year', async ({
    page,
  }) => {
    const sample = articles[0]!;
    const year = sample.published.slice(0, 4);
    const cases: [string, string, string[]][] = [
      ['beat', sample.beat, articles.filter((a) => a.beat === sample.beat).map((a) => a.url)],
      [
        'author',
        sample.authors[0]!,
        articles.filter((a) => a.authors.includes(sample.authors[0]!)).map((a) => a.url),
      ],
      ['reviewer', sample.reviewer, articles.filter((a) => a.reviewer === sample.reviewer).map((a) => a.url)],
      [
        'year',
        year,
        [
          ...articles.filter((a) => a.published.startsWith(year)),
          ...issues.filter((i) => i.date.startsWith(year)),
        ].map((p) => p.url),
      ],
      ['beat', 'newsletter', issues.map((i) => i.url)],
    ];
    for (const [key, value, expected] of cases) {
      await page.goto(`/search/?${key}=${value}`);
      await expect(page.locator(`select[name="${key}"]`)).toHaveValue(value);
      expect(sorted(await allResults(page)), `${key}=${value}`).toEqual(sorted(expected));
    }
  });

  test('choosing filters narrows a query and updates the URL', async ({ page }) => {
    const word = commonWord();
    await page.goto(`/search/?q=${word}`);
    const unfiltered = await allResults(page);
    const sample = articles.find((a) => unfiltered.includes(a.url))!;
    await page.locator('select[name="beat"]').selectOption(sample.beat);
    await expect(page).toHaveURL(new RegExp(`\\?q=${word}&beat=${sample.beat}$`));
    const byBeat = await allResults(page);
    expect(sorted(byBeat)).toEqual(
      sorted(unfiltered.filter((url) => articles.find((a) => a.url === url)?.beat === sample.beat)),
    );
    await page.locator('select[name="author"]').selectOption(sample.authors[0]!);
    await expect(page).toHaveURL(new RegExp(`&author=${sample.authors[0]}$`));
    const byAuthor = await allResults(page);
    expect(byAuthor).toContain(sample.url);
    expect(sorted(byAuthor)).toEqual(
      sorted(
        byBeat.filter((url) => articles.find((a) => a.url === url)?.authors.includes(sample.authors[0]!)),
      ),
    );
    await page.locator('select[name="beat"]').selectOption('');
    await page.locator('select[name="author"]').selectOption('');
    await expect(page).toHaveURL(new RegExp(`\\?q=${word}$`));
    expect(sorted(await allResults(page))).toEqual(sorted(unfiltered));
  });

  test('results can be sorted by date, both ways', async ({ page }) => {
    const word = commonWord();
    await page.goto(`/search/?q=${word}`);
    const relevance = await allResults(page);
    const dateOf = new Map([
      ...articles.map((a) => [a.url, a.published] as const),
      ...issues.map((i) => [i.url, i.date] as const),
    ]);
    for (const [sort, order] of [
      ['newest', -1],
      ['oldest', 1],
    ] as const) {
      await page.locator('select[name="sort"]').selectOption(sort);
      await expect(page).toHaveURL(new RegExp(`\\?q=${word}&sort=${sort}$`));
      const urls = await allResults(page);
      expect(sorted(urls)).toEqual(sorted(relevance));
      const dates = urls.map((url) => dateOf.get(url)!);
      expect(dates).toEqual([...dates].sort((a, b) => order * a.localeCompare(b)));
      const shown = await page
        .locator('.search-result time')
        .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
      expect(shown).toEqual(dates);
    }
  });

  test('keyboard: arrows into the results, Enter opens one, Escape clears the query', async ({ page }) => {
    const { word } = titleWord();
    await page.goto(`/search/?q=${word}`);
    await expect(resultLinks(page).first()).toBeVisible();
    await page.locator('#search-q').focus();
    await page.keyboard.press('Escape');
    await expect(page.locator('#search-q')).toHaveValue('');
    await expect(page).toHaveURL(/\/search\/$/);
    await expect(resultLinks(page)).toHaveCount(0);
    await expect(status(page)).toHaveText('');

    await page.keyboard.type(commonWord());
    await expect(resultLinks(page).nth(1)).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(resultLinks(page).nth(0)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(resultLinks(page).nth(1)).toBeFocused();
    const href = await resultLinks(page).nth(1).getAttribute('href');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${href}$`));
  });
});
