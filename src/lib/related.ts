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

/** How related `other` is to `article`: 0 means not related at all. */
export function relatedScore(article: RelatedCandidate, other: RelatedCandidate): number {
  if (other.slug === article.slug) return 0;
  const tags = new Set(article.data.tags);
  const shared = new Set(other.data.tags.filter((tag) => tags.has(tag))).size;
  return shared * RELATED_WEIGHTS.sharedTag + (other.data.beat === article.data.beat ? RELATED_WEIGHTS.sameBeat : 0);
}

/** Up to `count` candidates related to `article`, most related first; unrelated ones never. */
export function pickRelated<T extends RelatedCandidate>(article: RelatedCandidate, candidates: readonly T[], count = 3): T[] {
  return candidates
    .map((candidate) => ({ candidate, score: relatedScore(article, candidate) }))
    .filter(({ score }) => score > 0)
    .sort(
      (x, y) =>
        y.score - x.score ||
        y.candidate.data.published.getTime() - x.candidate.data.published.getTime() ||
        x.candidate.slug.localeCompare(y.candidate.slug),
    )
    .slice(0, Math.max(0, count))
    .map(({ candidate }) => candidate);
}
