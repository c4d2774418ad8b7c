/**
 * The page types the accessibility and CSP tests visit, with real URLs found in the built site
 * (dist/) at test time, so the tests follow the content instead of hard-coding slugs.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { site } from '../../src/site.config.ts';
import { articleUrls, htmlOf, newsletterUrls, personUrls } from './site.ts';

export interface PageType {
  name: string;
  url: string;
  /** Expected HTTP status (the 404 page is served with 404). */
  status: number;
  /** Brings the page to the state worth checking (e.g. search results shown). */
  prepare?: (page: Page) => Promise<void>;
}

function firstArticle(name: string, test: (html: string) => boolean): PageType[] {
  const url = articleUrls().find((u) => test(htmlOf(u)));
  if (!url) throw new Error(`no built article is "${name}"; the built-in content should have one`);
  return [{ name, url, status: 200 }];
}

/**
 * A page type the site must have. Discovery never falls back to a guess or skips a type: a
 * missing page fails here with what was looked for, instead of testing a stand-in.
 */
function required<T>(value: T | undefined, what: string): T {
  if (value === undefined)
    throw new Error(`page types: no ${what} in dist/; the built-in content should have one`);
  return value;
}

function firstDir(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  return readdirSync(path, { withFileTypes: true }).find((e) => e.isDirectory() && e.name !== 'page')?.name;
}

/** A word from the newest article's title that the search index must find. */
function searchTerm(): string {
  const newest = required(articleUrls()[0], 'article');
  const title = required(/<h1[^>]*>([^<]+)<\/h1>/.exec(htmlOf(newest))?.[1], `<h1> in ${newest}`);
  return required(
    title.split(/\W+/).find((w) => w.length >= 5),
    `word of five letters or more in the title "${title}"`,
  );
}

async function showSearchResults(page: Page): Promise<void> {
  const term = searchTerm();
  const input = page.locator('input[type="search"], input[name="q"]').first();
  await expect(input, 'the search page has a search box').toBeVisible();
  await input.fill(term);
  await input.press('Enter');
  // Results are links to articles rendered by the search UI (Pagefind) inside <main>.
  await expect(
    page.locator('main a[href*="/articles/"]').first(),
    `search shows results for "${term}"`,
  ).toBeVisible({ timeout: 15_000 });
}

/** Opens the giscus view with giscus.app answered locally: the tests never reach a third party. */
async function openDiscussion(page: Page): Promise<void> {
  await page.route('https://giscus.app/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>giscus</title><p>the thread</p>',
    }),
  );
  await page.locator('details.discussion-embed summary').click();
  await expect(page.frameLocator('details.discussion-embed iframe').locator('p')).toHaveText('the thread');
}

export function pageTypes(): PageType[] {
  const hasCodeAndTable = (html: string) => /<pre[\s>]/.test(html) && /<table[\s>]/.test(html);
  const types: PageType[] = [
    { name: 'home', url: '/', status: 200 },
    ...firstArticle('article with math', (html) => html.includes('class="katex')),
    ...(articleUrls().some((u) => hasCodeAndTable(htmlOf(u)))
      ? firstArticle('article with code and tables', hasCodeAndTable)
      : [
          ...firstArticle('article with code', (html) => /<pre[\s>]/.test(html)),
          ...firstArticle('article with tables', (html) => /<table[\s>]/.test(html)),
        ]),
    ...firstArticle('article with a diagram', (html) => html.includes('class="figure diagram"')),
    ...firstArticle('article with an image figure', (html) =>
      /<figure[^>]* class="figure[^"]*"[^>]*>\s*<a class="figure-zoom"/.test(html),
    ),
    { name: 'beat listing', url: `/beats/${required(firstDir('dist/beats'), 'beat listing')}/`, status: 200 },
    { name: 'person page', url: required(personUrls()[0], 'person page'), status: 200 },
    { name: 'masthead', url: '/masthead/', status: 200 },
    { name: 'corrections', url: '/corrections/', status: 200 },
    {
      name: 'newsletter issue',
      url: required(
        newsletterUrls().find((u) => /\/\d+\/$/.test(u)),
        'newsletter issue',
      ),
      status: 200,
    },
    { name: '404', url: '/no-such-page/', status: 404 },
    { name: 'search with results', url: '/search/', status: 200, prepare: showSearchResults },
  ];
  if (!existsSync(join('dist', 'search', 'index.html'))) required(undefined, 'search page');
  const discussion = articleUrls()
    .map((u) => `${u}discussion/`)
    .find((u) => existsSync(join('dist', u, 'index.html')));
  if (site.discussions.enabled && site.discussions.embed) {
    types.push({
      name: 'article discussion, opened',
      url: required(discussion, 'article discussion page'),
      status: 200,
      prepare: openDiscussion,
    });
  }
  return types;
}
