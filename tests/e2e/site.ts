/**
 * Helpers for end-to-end tests: discover real URLs from the built site instead of hard-coding
 * slugs, so the tests keep working as content changes.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

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
