/**
 * Options for @astrojs/sitemap. The integration runs after the build, outside the content
 * layer, so the dates it needs are read from the content files with the same schemas the
 * content layer uses: an article's lastmod is `modifiedOf` (published, updated, last
 * correction), a newsletter issue's is its date. Drafts, the 404 page and the search page are left out.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SitemapItem, SitemapOptions } from '@astrojs/sitemap';
import { articleIdOf } from './content-root.ts';
import { readContentFile } from './content-lint/content-file.ts';
import { modifiedOf } from './dates.ts';
import { urls } from './urls.ts';
import { articleSchema, personIdSchema } from '../schemas/article.ts';
import { newsletterIssueSchema } from '../schemas/newsletter-issue.ts';

export interface SitemapFacts {
  /** Site path → when that page's content last changed. */
  lastmod: Map<string, Date>;
  /** Site paths that must never be listed (drafts). */
  excluded: Set<string>;
}

/** Paths that are never listed, whatever the content: the 404 page and search results (both noindex). */
const ALWAYS_EXCLUDED = new Set(['/404/', '/404.html', urls.search()]);

async function files(dir: string, pattern: RegExp): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile() && pattern.test(e.name)).map((e) => join(e.parentPath, e.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Reads the content tree at `root`. Invalid files are skipped: the content gate reports them. */
export async function readSitemapFacts(root: string): Promise<SitemapFacts> {
  const facts: SitemapFacts = { lastmod: new Map(), excluded: new Set() };
  const articles = articleSchema(personIdSchema);
  for (const path of await files(join(root, 'articles'), /\.mdx?$/)) {
    const content = await readContentFile(path, path, []);
    const parsed = content && articles.safeParse(content.data);
    if (!parsed?.success) continue;
    const url = urls.article(articleIdOf(path));
    if (parsed.data.draft) facts.excluded.add(url);
    else facts.lastmod.set(url, modifiedOf(parsed.data));
  }
  for (const path of await files(join(root, 'newsletter'), /\.md$/)) {
    const content = await readContentFile(path, path, []);
    const parsed = content && newsletterIssueSchema.safeParse(content.data);
    if (parsed?.success) facts.lastmod.set(urls.newsletterIssue(parsed.data.number), parsed.data.date);
  }
  return facts;
}

/** Whether a built page (absolute URL) belongs in the sitemap. */
export function isListed(page: string, facts: Pick<SitemapFacts, 'excluded'>): boolean {
  const path = new URL(page).pathname;
  return !ALWAYS_EXCLUDED.has(path) && !facts.excluded.has(path);
}

/** Adds lastmod (a UTC calendar date) where the content says when the page last changed. */
export function withLastmod(item: SitemapItem, facts: Pick<SitemapFacts, 'lastmod'>): SitemapItem {
  const date = facts.lastmod.get(new URL(item.url).pathname);
  return date ? { ...item, lastmod: date.toISOString().slice(0, 10) } : item;
}

/**
 * The options for astro.config.ts. The content is read once, lazily, when the integration
 * serializes its first page (after the build), so loading the config stays cheap.
 */
export function sitemapOptions(root: string): SitemapOptions {
  let facts: Promise<SitemapFacts> | undefined;
  return {
    filter: (page) => !ALWAYS_EXCLUDED.has(new URL(page).pathname),
    serialize: async (item) => {
      const known = await (facts ??= readSitemapFacts(root));
      return isListed(item.url, known) ? withLastmod(item, known) : undefined;
    },
  };
}
