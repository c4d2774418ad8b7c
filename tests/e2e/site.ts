/**
 * Helpers for end-to-end tests: discover real URLs from the built site instead of hard-coding
 * slugs, so the tests keep working as content changes.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions } from '@playwright/test';

const DIST = 'dist';

function listDirs(path: string): string[] {
  if (!existsSync(path)) return [];
  return readdirSync(path, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** `/articles/<slug>/` for every built article (listing pages excluded). */
export function articleUrls(): string[] {
  return listDirs(join(DIST, 'articles'))
    .filter((name) => name !== 'page')
    .map((slug) => `/articles/${slug}/`);
}

export function htmlOf(url: string): string {
  return readFileSync(join(DIST, url, 'index.html'), 'utf8');
}

/** The first article whose built HTML matches `pattern` (e.g. math, a correction). */
export function articleWith(pattern: RegExp): string {
  const url = articleUrls().find((u) => pattern.test(htmlOf(u)));
  if (!url) throw new Error(`no built article matches ${pattern}; is the built-in content complete?`);
  return url;
}

export function personUrls(): string[] {
  return listDirs(join(DIST, 'people')).map((id) => `/people/${id}/`);
}

export function newsletterUrls(): string[] {
  return listDirs(join(DIST, 'newsletter')).map((n) => `/newsletter/${n}/`);
}

/**
 * A fresh browser context on the site under test, for tests that need their own viewport or
 * colour scheme. playwright.config.ts always sets `use.baseURL`; the fixture is typed optional.
 */
export function siteContext(
  browser: Browser,
  baseURL: string | undefined,
  options: Omit<BrowserContextOptions, 'baseURL'> = {},
): Promise<BrowserContext> {
  if (!baseURL) throw new Error('no baseURL: playwright.config.ts sets use.baseURL for every test');
  return browser.newContext({ ...options, baseURL });
}
