/**
 * "Related articles" scoring, kept pure so it can be tested without the content layer.
 * Each shared tag is worth more than sharing the beat; ties go to the newer piece, then to
 * the slug, so the choice never depends on input order.
 */

/** The little an article needs to be scored. `Article` from content.ts fits it. */
export interface RelatedCandidate {
  slug: string;
  data: { tags: readonly string[]; beat: string; published: Date };
}

export const RELATED_WEIGHTS = { sharedTag: 2, sameBeat: 1 } as const;

function scoreWith(tags: ReadonlySet<string>, article: RelatedCandidate, other: RelatedCandidate): number {
  if (other.slug === article.slug) return 0;
  const shared = new Set(other.data.tags.filter((tag) => tags.has(tag))).size;
  return (
    shared * RELATED_WEIGHTS.sharedTag +
    (other.data.beat === article.data.beat ? RELATED_WEIGHTS.sameBeat : 0)
  );
}

/** How related `other` is to `article`: 0 means not related at all. */
export function relatedScore(article: RelatedCandidate, other: RelatedCandidate): number {
  return scoreWith(new Set(article.data.tags), article, other);
}

interface Scored<T> {
  candidate: T;
  score: number;
}

/** Most related first; ties to the newer piece, then the slug (never input order). */
function compare<T extends RelatedCandidate>(x: Scored<T>, y: Scored<T>): number {
  return (
    y.score - x.score ||
    y.candidate.data.published.getTime() - x.candidate.data.published.getTime() ||
    x.candidate.slug.localeCompare(y.candidate.slug)
  );
}

/**
 * Up to `count` candidates related to `article`, most related first; unrelated ones never,
 * nor the slugs in `exclude` (the previous and next articles the page already shows, so the
 * three places are not spent repeating them).
 * Runs once per article over the whole archive, so it keeps only the best `count` as it goes
 * instead of sorting every candidate (linear per article, not n log n).
 */
export function pickRelated<T extends RelatedCandidate>(
  article: RelatedCandidate,
  candidates: readonly T[],
  count = 3,
  exclude: ReadonlySet<string> = new Set(),
): T[] {
  const limit = Math.max(0, count);
  const tags = new Set(article.data.tags);
  const best: Scored<T>[] = [];
  for (const candidate of candidates) {
    if (exclude.has(candidate.slug)) continue;
    const score = scoreWith(tags, article, candidate);
    if (score === 0) continue;
    const entry = { candidate, score };
    if (best.length === limit && (limit === 0 || compare(entry, best[limit - 1]!) >= 0)) continue;
    const at = best.findIndex((kept) => compare(entry, kept) < 0);
    best.splice(at === -1 ? best.length : at, 0, entry);
    if (best.length > limit) best.pop();
  }
  return best.map(({ candidate }) => candidate);
}
