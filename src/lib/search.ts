/**
 * What Pagefind learns about each searchable page (articles and newsletter issues), and the
 * filter choices the search page offers. Built from the view models in content.ts so the index,
 * the filter menus and the rest of the site agree on ids, names and dates.
 */
import type { ArticleData } from '../schemas/article.ts';
import type { NewsletterIssueData } from '../schemas/newsletter-issue.ts';
import type { Beat } from '../site.config.ts';
import { formatDate, isoDay, yearOf } from './dates.ts';
import { displayName, namesOf, type NamedPerson } from './people.ts';
import { NEWSLETTER_BEAT, type SearchFilter } from './search-state.ts';

/**
 * What the index reads of an article (content.ts's Article has it all): the types say what a
 * record depends on, and tests build one from the schemas' own types, without casts.
 */
export interface SearchableArticle {
  beat: Pick<Beat, 'id' | 'title'>;
  authors: readonly SearchablePerson[];
  reviewer: SearchablePerson;
  data: Pick<ArticleData, 'title' | 'description' | 'beat' | 'tags' | 'published'>;
}

export interface SearchablePerson {
  id: string;
  data: NamedPerson;
}

/** What the index reads of a newsletter issue. */
export interface SearchableIssue {
  data: Pick<NewsletterIssueData, 'number' | 'title' | 'date' | 'summary'>;
}

/** Display fields of a result (Pagefind "meta"): shown as they are, never parsed. */
export interface SearchMeta {
  title: string;
  /** Beat title, or "Newsletter". */
  beat: string;
  /** Author names, "A and B"; empty for newsletter issues. */
  author: string;
  reviewer: string;
  /** "14 March 2025" */
  date: string;
  /** 2025-03-14, for <time datetime>. */
  iso: string;
  dek: string;
}

export interface SearchRecord {
  meta: SearchMeta;
  /** Filter values are ids (beat id, person id, tag, year), so URLs stay short and stable. */
  filters: Record<SearchFilter, string[]>;
  /** Sort keys; `date` is YYYY-MM-DD. */
  sort: { date: string };
}

export function articleSearchRecord(article: SearchableArticle): SearchRecord {
  const { data } = article;
  return {
    meta: {
      title: data.title,
      beat: article.beat.title,
      author: namesOf(article.authors),
      reviewer: displayName(article.reviewer.data),
      date: formatDate(data.published),
      iso: isoDay(data.published),
      dek: data.description,
    },
    filters: {
      beat: [article.beat.id],
      author: article.authors.map((p) => p.id),
      reviewer: [article.reviewer.id],
      tag: [...data.tags],
      year: [String(yearOf(data.published))],
    },
    sort: { date: isoDay(data.published) },
  };
}

export function newsletterSearchRecord(issue: SearchableIssue): SearchRecord {
  const { data } = issue;
  return {
    meta: {
      title: `No. ${data.number}: ${data.title}`,
      beat: 'Newsletter',
      author: '',
      reviewer: '',
      date: formatDate(data.date),
      iso: isoDay(data.date),
      dek: data.summary,
    },
    filters: {
      beat: [NEWSLETTER_BEAT],
      author: [],
      reviewer: [],
      tag: [],
      year: [String(yearOf(data.date))],
    },
    sort: { date: isoDay(data.date) },
  };
}

export interface FacetOption {
  value: string;
  label: string;
}

/**
 * The choices for each filter on the search page: only values that occur in the index, in a
 * reader's order (beats as configured, people and tags alphabetically, years newest first).
 */
export function searchFacets(
  articles: readonly SearchableArticle[],
  issues: readonly SearchableIssue[],
  beats: readonly Pick<Beat, 'id' | 'shortTitle'>[],
): Record<SearchFilter, FacetOption[]> {
  const byLabel = (a: FacetOption, b: FacetOption) => a.label.localeCompare(b.label, 'en');
  const people = (pick: (a: SearchableArticle) => readonly SearchablePerson[]) => {
    const seen = new Map<string, string>();
    for (const article of articles) for (const p of pick(article)) seen.set(p.id, displayName(p.data));
    return [...seen].map(([value, label]) => ({ value, label })).sort(byLabel);
  };
  const usedBeats = new Set(articles.map((a) => a.data.beat));
  const years = new Set([
    ...articles.map((a) => yearOf(a.data.published)),
    ...issues.map((i) => yearOf(i.data.date)),
  ]);
  return {
    beat: [
      ...beats.filter((b) => usedBeats.has(b.id)).map((b) => ({ value: b.id, label: b.shortTitle })),
      ...(issues.length > 0 ? [{ value: NEWSLETTER_BEAT, label: 'Newsletter' }] : []),
    ],
    author: people((a) => a.authors),
    reviewer: people((a) => [a.reviewer]),
    tag: [...new Set(articles.flatMap((a) => a.data.tags))].sort().map((tag) => ({ value: tag, label: tag })),
    year: [...years].sort((a, b) => b - a).map((year) => ({ value: String(year), label: String(year) })),
  };
}
