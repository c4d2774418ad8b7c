/**
 * The build's one reading of the repository history, shared by the article pages (links from
 * corrections to the revision that made them) and the history pages.
 */
import { resolve } from 'node:path';
import { contentRoot } from '../content-root.ts';
import { isoDay } from '../dates.ts';
import { repositoryUrls, urls } from '../urls.ts';
import { readSiteHistory, revisionOfCorrection, type SiteHistory } from './history.ts';

let siteHistory: Promise<SiteHistory> | undefined;

/** One cache file per content root, like the content cache (fixture builds never evict the site's). */
function cacheFile(): string {
  const name = contentRoot === './content' ? 'site' : resolve(contentRoot).replace(/\W+/g, '_');
  return `node_modules/.astro/history/${name}.json`;
}

export function getSiteHistory(): Promise<SiteHistory> {
  siteHistory ??= readSiteHistory({ root: contentRoot, cacheFile: cacheFile() });
  return siteHistory;
}

export { revisionOfCorrection, type ArticleHistory, type Revision, type SiteHistory } from './history.ts';
export type { DiffEntry } from './prose-diff.ts';

/** What an article page says about its own record: its history, its source, where each correction was made. */
export interface ArticleRecord {
  historyUrl: string;
  sourceUrl: string;
  /**
   * Per corrections-log day: the history page's anchor of the revision that logged it, or
   * 'older' when the entry predates the history kept. Empty when the build has no history.
   */
  corrections: Record<string, `${string}#rev-${string}` | 'older'>;
}

export async function articleRecord(article: {
  slug: string;
  entry: { filePath?: string | undefined };
  data: { corrections: readonly { date: Date }[] };
}): Promise<ArticleRecord> {
  const site = await getSiteHistory();
  const historyUrl = urls.articleHistory(article.slug);
  const corrections: Record<string, `${string}#rev-${string}` | 'older'> = {};
  if (site.available) {
    const history = site.articles.get(article.slug);
    for (const correction of article.data.corrections) {
      const day = isoDay(correction.date);
      const revision = revisionOfCorrection(history, day);
      corrections[day] = revision ? `${historyUrl}#rev-${revision.short}` : 'older';
    }
  }
  return { historyUrl, sourceUrl: repositoryUrls.file(article.entry.filePath ?? ''), corrections };
}
