/**
 * Loads Pagefind's own search library (written by the build into /pagefind/) the first time it
 * is needed. The URL is a variable so Vite leaves the import alone: the file only exists in the
 * built site, and is never bundled with ours.
 */
import type { PagefindSearchOptions } from '../../lib/search-state.ts';

/** What Pagefind returns for one result, once its fragment is loaded (`result.data()`). */
export interface PagefindResultData {
  url: string;
  /** HTML: the matched passage, escaped by Pagefind, with <mark> around the matched words. */
  excerpt: string;
  meta: Partial<Record<string, string>>;
  filters: Partial<Record<string, string[]>>;
}

export interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
}

/** The part of Pagefind's JS API this site uses (https://pagefind.app/docs/api/). */
export interface Pagefind {
  options(options: { excerptLength?: number; baseUrl?: string }): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse>;
  /** Resolves to null when a newer call superseded this one. */
  debouncedSearch(
    term: string | null,
    options: PagefindSearchOptions,
    timeoutMs: number,
  ): Promise<PagefindResponse | null>;
}

let loading: Promise<Pagefind> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const url = `${import.meta.env.BASE_URL}pagefind/pagefind.js`;
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pagefind.options({ excerptLength: 24 });
    await pagefind.init();
    return pagefind;
  })();
  loading.catch(() => {
    loading = undefined; // a later focus may try again (e.g. after a network hiccup)
  });
  return loading;
}

/** What to tell the reader when the index cannot be loaded. */
export function unavailableText(): string {
  return import.meta.env.DEV
    ? 'Search works in the built site only: run npm run build, then npm run preview.'
    : 'Search is unavailable right now. Please try again, or browse the archive.';
}
