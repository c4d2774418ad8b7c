/**
 * Every content query goes through here: drafts, sorting and visibility are decided once.
 * Pages receive resolved view models (authors as people, the beat as config) and never call
 * getCollection themselves.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { personIdOf } from '../schemas/article.ts';
import { articleFactsSchema, type ArticleFacts } from '../schemas/article-facts.ts';
import type { CorrectionKind } from '../schemas/correction.ts';
import { isoDay } from '../schemas/date.ts';
import { beatById, site, type Beat, type BeatId } from '../site.config.ts';
import { modifiedOf, yearOf } from './dates.ts';
import { isPublicIn, type ContentMode } from './content-files.ts';
import { compareByRole } from './people.ts';
import { pickRelated } from './related.ts';
import { correctionAnchor } from './corrections.ts';
import { urls } from './urls.ts';

export type PersonEntry = CollectionEntry<'people'>;
export type ArticleEntry = CollectionEntry<'articles'>;
export type NewsletterEntry = CollectionEntry<'newsletter'>;

/**
 * An article as pages use it: the editor's frontmatter (`data`), the people it names resolved,
 * and what the build learnt by rendering it (articleFactsSchema), as typed fields.
 */
export interface Article extends ArticleFacts {
  slug: string;
  entry: ArticleEntry;
  data: ArticleEntry['data'];
  url: string;
  beat: Beat;
  /** The byline: the authors in the order the frontmatter lists them, then the reviewer. */
  authors: PersonEntry[];
  reviewer: PersonEntry;
  /** The latest of published, updated and the last correction: feeds, sitemap, JSON-LD. */
  modified: Date;
}

export interface LoggedCorrection {
  article: Article;
  date: Date;
  kind: CorrectionKind;
  summary: string;
  /** Link to the inline mark in the article. */
  url: string;
}

/**
 * Which mode this build renders in. DEV alone is not enough: a build started with
 * NODE_ENV=test (as under vitest) reports DEV, so the mode decides too.
 */
export function contentMode(env: { DEV: boolean; MODE: string } = import.meta.env): ContentMode {
  return env.DEV && env.MODE === 'development' ? 'development' : 'production';
}

/** Drafts are visible in `astro dev` only; a build never renders them (the rule: content-files.ts). */
export function isPublic(entry: ArticleEntry, mode: ContentMode = contentMode()): boolean {
  return isPublicIn(entry.data, mode);
}

let peopleCache: Promise<Map<string, PersonEntry>> | undefined;
let articlesCache: Promise<Article[]> | undefined;

export function getPeopleById(): Promise<Map<string, PersonEntry>> {
  peopleCache ??= getCollection('people').then((people) => new Map(people.map((p) => [p.id, p])));
  return peopleCache;
}

export async function getPeople(): Promise<PersonEntry[]> {
  return [...(await getPeopleById()).values()].sort((a, b) => compareByRole(a.data, b.data));
}

function resolvePerson(
  people: Map<string, PersonEntry>,
  ref: string | { id: string },
  entry: ArticleEntry,
  field: string,
): PersonEntry {
  const id = personIdOf(ref);
  const person = people.get(id);
  // The content gate reports this first; this guards direct `astro` runs that skip it.
  if (!person) throw new Error(`${entry.filePath ?? entry.id}: ${field} "${id}" is not in content/people/.`);
  return person;
}

/** Computed by the article loader when it renders the body (the raw body is not stored). */
function factsOf(entry: ArticleEntry): ArticleFacts {
  const facts = articleFactsSchema.safeParse(entry.rendered?.metadata?.facts);
  if (!facts.success)
    throw new Error(
      `${entry.filePath ?? entry.id}: the stored article has no valid facts (${facts.error.issues[0]?.message}); a stale content cache? Delete node_modules/.astro and build again.`,
    );
  return facts.data;
}

/** Newest first; articles published the same day in slug order, so listings are stable. */
export function newestFirst(a: Pick<Article, 'slug' | 'data'>, b: Pick<Article, 'slug' | 'data'>): number {
  return b.data.published.getTime() - a.data.published.getTime() || a.slug.localeCompare(b.slug);
}

async function loadArticles(): Promise<Article[]> {
  const people = await getPeopleById();
  const entries = await getCollection('articles', (entry) => isPublic(entry));
  return entries
    .map((entry): Article => {
      const { data } = entry;
      return {
        slug: entry.id,
        entry,
        data,
        url: urls.article(entry.id),
        beat: beatById(data.beat),
        authors: data.author.map((ref) => resolvePerson(people, ref, entry, 'author')),
        reviewer: resolvePerson(people, data.reviewer, entry, 'reviewer'),
        modified: modifiedOf(data),
        ...factsOf(entry),
      };
    })
    .sort(newestFirst);
}

/** All public articles, newest first. */
export function getArticles(): Promise<Article[]> {
  articlesCache ??= loadArticles();
  return articlesCache;
}

/** getStaticPaths for a route per article (`[slug]`): the page, its history, its BibTeX. */
export async function articlePaths() {
  return (await getArticles()).map((article) => ({ params: { slug: article.slug }, props: { article } }));
}

/** getStaticPaths for a route per person (`[id]`). */
export async function personPaths() {
  return (await getPeople()).map((person) => ({ params: { id: person.id }, props: { person } }));
}

const byBeatCache = new Map<BeatId, Promise<Article[]>>();

/** One beat's articles, newest first (computed once per beat: every article page asks). */
export function getArticlesByBeat(beat: BeatId): Promise<Article[]> {
  let list = byBeatCache.get(beat);
  if (!list) {
    list = getArticles().then((articles) => articles.filter((a) => a.data.beat === beat));
    byBeatCache.set(beat, list);
  }
  return list;
}

export async function getArticlesByTag(tag: string): Promise<Article[]> {
  return (await getArticles()).filter((a) => a.data.tags.includes(tag));
}

/** Every tag in use with its article count, most used first. */
export async function getTags(): Promise<{ tag: string; count: number }[]> {
  const counts = new Map<string, number>();
  for (const article of await getArticles())
    for (const tag of article.data.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

export async function getArticlesWrittenBy(personId: string): Promise<Article[]> {
  return (await getArticles()).filter((a) => a.authors.some((p) => p.id === personId));
}

export async function getArticlesReviewedBy(personId: string): Promise<Article[]> {
  return (await getArticles()).filter((a) => a.reviewer.id === personId);
}

/** Articles grouped by publication year, newest year first. */
export async function getArticlesByYear(): Promise<{ year: number; articles: Article[] }[]> {
  const years = new Map<number, Article[]>();
  for (const article of await getArticles()) {
    const year = yearOf(article.data.published);
    years.set(year, [...(years.get(year) ?? []), article]);
  }
  return [...years].sort(([a], [b]) => b - a).map(([year, articles]) => ({ year, articles }));
}

/** Every logged correction across the site, newest first. */
export async function getCorrections(): Promise<LoggedCorrection[]> {
  return (await getArticles())
    .flatMap((article) =>
      article.data.corrections.map((c) => ({
        article,
        date: c.date,
        kind: c.kind,
        summary: c.summary,
        url: `${article.url}#${correctionAnchor(isoDay(c.date))}`,
      })),
    )
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.article.slug.localeCompare(b.article.slug));
}

/** Newsletter issues, highest number first. */
export async function getNewsletterIssues(): Promise<NewsletterEntry[]> {
  return (await getCollection('newsletter')).sort((a, b) => b.data.number - a.data.number);
}

/** Previous and next article within the same beat (by publication date). */
export async function getBeatNeighbours(article: Article): Promise<{ newer?: Article; older?: Article }> {
  const inBeat = await getArticlesByBeat(article.data.beat);
  const index = inBeat.findIndex((a) => a.slug === article.slug);
  return {
    ...(index > 0 ? { newer: inBeat[index - 1] } : {}),
    ...(index >= 0 && index < inBeat.length - 1 ? { older: inBeat[index + 1] } : {}),
  };
}

/**
 * Up to `count` related articles: shared tags weigh most, the same beat breaks ties (see
 * related.ts). The beat's previous and next articles are left out: the page links them already.
 */
export async function getRelatedArticles(article: Article, count = 3): Promise<Article[]> {
  const { newer, older } = await getBeatNeighbours(article);
  const shown = new Set([newer, older].flatMap((a) => (a ? [a.slug] : [])));
  return pickRelated(article, await getArticles(), count, shown);
}

/**
 * The newer article that replaces this one (`supersededBy`). The content lint checks the slug
 * first; this guards builds that skip it, since a dangling "superseded" notice is a defect.
 */
export async function getSupersedingArticle(article: Article): Promise<Article | undefined> {
  const slug = article.data.supersededBy;
  if (!slug) return undefined;
  const newer = (await getArticles()).find((candidate) => candidate.slug === slug);
  if (!newer)
    throw new Error(
      `${article.entry.filePath ?? article.slug}: supersededBy "${slug}" names no published article; fix the slug or remove the field.`,
    );
  return newer;
}

export { site };
