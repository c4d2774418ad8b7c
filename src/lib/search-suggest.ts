/**
 * What to offer when a search finds nothing: words from the index that are close to what the
 * reader typed (a typo, a plural, a prefix), taken from the vocabulary of titles, deks, tags
 * and beats that the search page carries.
 */

/** The words a suggestion may offer: lower-case, four letters or more, each once, sorted. */
export function searchVocabulary(texts: string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]*[\p{L}\p{N}]/gu) ?? []) {
      if (word.length >= 4) words.add(word);
    }
  }
  return [...words].sort();
}

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
      rowMin = Math.min(rowMin, best);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Up to `max` vocabulary words nearest to the query's last word: within one edit for short
 * words, two for longer ones, closest first; words the query is a prefix of come after.
 */
export function nearestTerms(query: string, vocabulary: string[], max = 3): string[] {
  const word = query.toLowerCase().trim().split(/\s+/).at(-1) ?? '';
  if (word.length < 3) return [];
  const limit = word.length <= 5 ? 1 : 2;
  const scored: [string, number][] = [];
  for (const term of vocabulary) {
    if (term === word) continue;
    const d = distance(word, term, limit);
    if (d <= limit) scored.push([term, d]);
    else if (term.startsWith(word)) scored.push([term, limit + 1]);
  }
  scored.sort((x, y) => x[1] - y[1] || x[0].length - y[0].length || x[0].localeCompare(y[0]));
  const prefix = query.trim().split(/\s+/).slice(0, -1).join(' ');
  return scored.slice(0, max).map(([term]) => (prefix ? `${prefix} ${term}` : term));
}
