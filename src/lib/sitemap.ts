/**
 * Options for @astrojs/sitemap. The integration runs after the build, outside the content
 * layer, so it reads the content index (content-files.ts) with the same listing, public rule,
 * schemas and `modifiedOf` as the content layer and the feeds: an article's lastmod is
 * `modifiedOf` (published, updated, last correction), a newsletter issue's is its date.
 * Drafts, the 404 page and the search page are left out.
 */
import type { SitemapItem, SitemapOptions } from '@astrojs/sitemap';
import { readContentIndex } from './content-files.ts';
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

/**
 * Reads the content tree at `root` through the content index (the same listing, ids and
 * public rule as the build). A file the schema refuses throws: the sitemap is written after
 * the content gate passed, so that means the gate was skipped.
 */
export async function readSitemapFacts(root: string): Promise<SitemapFacts> {
  const facts: SitemapFacts = { lastmod: new Map(), excluded: new Set() };
  const index = await readContentIndex(root);
  const articles = articleSchema(personIdSchema);
  for (const article of index.articles) {
    if (!article.public) {
      facts.excluded.add(article.url);
      continue;
    }
    facts.lastmod.set(article.url, modifiedOf(parsed(articles, article.data, article.file)));
  }
  for (const issue of index.newsletter)
    facts.lastmod.set(issue.url, parsed(newsletterIssueSchema, issue.data, issue.file).date);
  return facts;
}

function parsed<T>(
  schema: { safeParse(data: unknown): { success: true; data: T } | { success: false } },
  data: unknown,
  file: string,
): T {
  const result = schema.safeParse(data);
  if (!result.success)
    throw new Error(`${file}: invalid frontmatter; run \`npm run lint:content\` for the details.`);
  return result.data;
}

/** The editors' email previews (/newsletter/<n>/email/): noindex, for the newsroom only. */
const EMAIL_PREVIEW = /^\/newsletter\/\d+\/email\/$/;

/** Whether a built page (absolute URL) belongs in the sitemap. */
export function isListed(page: string, facts: Pick<SitemapFacts, 'excluded'>): boolean {
  const path = new URL(page).pathname;
  return !ALWAYS_EXCLUDED.has(path) && !EMAIL_PREVIEW.test(path) && !facts.excluded.has(path);
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
    filter: (page) =>
      !ALWAYS_EXCLUDED.has(new URL(page).pathname) && !EMAIL_PREVIEW.test(new URL(page).pathname),
    serialize: async (item) => {
      const known = await (facts ??= readSitemapFacts(root));
      return isListed(item.url, known) ? withLastmod(item, known) : undefined;
    },
  };
}
