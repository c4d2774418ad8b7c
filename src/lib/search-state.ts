/**
 * The state of a search, as it lives in the URL of /search/ (`?q=feature+store&beat=mlops`), and
 * its translation into Pagefind's search options. Shared by the build (field names written into
 * the pages) and the browser (the search client), so it imports nothing.
 */

/** Pagefind filters, in the order the search page offers them. Values are ids, not labels. */
export const SEARCH_FILTERS = ['beat', 'author', 'reviewer', 'tag', 'year'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** The one Pagefind sort key: the publication day as YYYY-MM-DD (sorts as text). */
export const SEARCH_SORT_KEY = 'date';

/** `relevance` is Pagefind's own ranking; it needs a query, so without one results are newest first. */
export const SEARCH_SORTS = ['relevance', 'newest', 'oldest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** The filter value newsletter issues carry for `beat`. */
export const NEWSLETTER_BEAT = 'newsletter';

export interface SearchState {
  /** The query as typed (trimmed only when searching). */
  q: string;
  filters: Partial<Record<SearchFilter, string>>;
  sort: SearchSort;
}

export const EMPTY_SEARCH: SearchState = { q: '', filters: {}, sort: 'relevance' };

function isSort(value: string | null): value is SearchSort {
  return (SEARCH_SORTS as readonly (string | null)[]).includes(value);
}

/** Reads `?q=…&beat=…&sort=…`; unknown parameters and empty values are ignored. */
export function parseSearchState(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const key of SEARCH_FILTERS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const sort = params.get('sort');
  return { q: params.get('q') ?? '', filters, sort: isSort(sort) ? sort : 'relevance' };
}

/** The canonical query string: only what is set, in a fixed order, the default sort left out. */
export function searchStateToParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const key of SEARCH_FILTERS) {
    const value = state.filters[key];
    if (value) params.set(key, value);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}

/** "/search/?q=feature+store&beat=mlops" (or "/search/" when nothing is set). */
export function searchUrl(path: string, state: SearchState): string {
  const query = searchStateToParams(state).toString();
  return query ? `${path}?${query}` : path;
}

export function hasSearch(state: SearchState): boolean {
  return state.q.trim() !== '' || Object.keys(state.filters).length > 0;
}

export interface PagefindSearchOptions {
  filters?: Record<string, string>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/**
 * The arguments for `pagefind.search(term, options)`: a null term lists everything that
 * matches the filters; without a query, relevance means nothing, so the newest come first.
 */
export function toPagefindSearch(state: SearchState): {
  term: string | null;
  options: PagefindSearchOptions;
} {
  const term = state.q.trim() || null;
  const options: PagefindSearchOptions = {};
  const filters = Object.fromEntries(
    SEARCH_FILTERS.flatMap((key) => (state.filters[key] ? [[key, state.filters[key]]] : [])),
  );
  if (Object.keys(filters).length > 0) options.filters = filters;
  const sort = term === null && state.sort === 'relevance' ? 'newest' : state.sort;
  if (sort !== 'relevance') options.sort = { [SEARCH_SORT_KEY]: sort === 'newest' ? 'desc' : 'asc' };
  return { term, options };
}

/** "1 result" / "12 results", the words a screen reader hears. */
export function resultCountText(count: number, query: string): string {
  const noun = count === 1 ? 'result' : 'results';
  const what = query.trim() ? ` for “${query.trim()}”` : '';
  return count === 0 ? `No results${what}` : `${count} ${noun}${what}`;
}
