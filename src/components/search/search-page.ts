/**
 * The /search/ page. Its state (query, filters, sort) lives in the URL: it is read on load and
 * written back with history.replaceState on every change, so any search can be shared.
 */
import {
  SEARCH_FILTERS,
  hasSearch,
  parseSearchState,
  resultCountText,
  searchUrl,
  toPagefindSearch,
  type SearchSort,
  type SearchState,
} from '../../lib/search-state.ts';
import { nearestTerms } from '../../lib/search-suggest.ts';
import { loadPagefind, unavailableText, type PagefindResult } from './pagefind.ts';
import { moveThroughResults, pageResult } from './results.ts';

const PAGE = 10;
const DEBOUNCE_MS = 150;

export function attachSearchPage(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('[data-search-form]');
  const input = root.querySelector<HTMLInputElement>('[data-search-input]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLOListElement>('[data-search-results]');
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]');
  const sortSelect = root.querySelector<HTMLSelectElement>('select[name="sort"]');
  const empty = root.querySelector<HTMLElement>('[data-search-empty]');
  const suggest = root.querySelector<HTMLElement>('[data-search-suggest]');
  if (!form || !input || !status || !list || !more || !sortSelect) return;
  const vocabulary = (suggest?.dataset.terms ?? '').split(' ').filter(Boolean);
  const selects = new Map(
    SEARCH_FILTERS.map((key) => [key, root.querySelector<HTMLSelectElement>(`select[name="${key}"]`)]),
  );

  let state: SearchState = parseSearchState(new URLSearchParams(location.search));
  let pending: PagefindResult[] = [];
  let sequence = 0;

  /** Puts the URL's state into the form; a value the menu lacks is added rather than lost. */
  const showState = (): void => {
    input.value = state.q;
    for (const [key, select] of selects) {
      if (!select) continue;
      const value = state.filters[key] ?? '';
      if (value && ![...select.options].some((o) => o.value === value)) select.add(new Option(value, value));
      select.value = value;
    }
    sortSelect.value = state.sort;
  };

  const readForm = (): SearchState => {
    const filters: SearchState['filters'] = {};
    for (const [key, select] of selects) if (select?.value) filters[key] = select.value;
    return { q: input.value, filters, sort: sortSelect.value as SearchSort };
  };

  const writeUrl = (): void => {
    const url = searchUrl(location.pathname, state);
    if (url !== location.pathname + location.search) history.replaceState(history.state, '', url);
  };

  const showMore = async (id: number): Promise<void> => {
    const batch = pending.slice(0, PAGE);
    pending = pending.slice(PAGE);
    const data = await Promise.all(batch.map((r) => r.data()));
    if (id !== sequence) return;
    const withExcerpt = state.q.trim() !== '';
    list.append(...data.map((d) => pageResult(d, withExcerpt)));
    more.hidden = pending.length === 0;
  };

  /** Links to search again: the indexed words nearest the query, and each filter dropped. */
  const showSuggestions = (count: number): void => {
    if (!suggest) return;
    const terms = count === 0 ? nearestTerms(state.q, vocabulary) : [];
    const dropped = count === 0 ? SEARCH_FILTERS.filter((key) => state.filters[key]) : [];
    const fill = (selector: string, links: [string, string][]): void => {
      const line = suggest.querySelector<HTMLElement>(selector);
      const slot = line?.querySelector('span');
      if (!line || !slot) return;
      slot.replaceChildren();
      links.forEach(([text, href], i) => {
        const link = document.createElement('a');
        link.href = href;
        link.textContent = text;
        slot.append(...(i > 0 ? [', ', link] : [link]));
      });
      line.hidden = links.length === 0;
    };
    fill(
      '[data-search-suggest-terms]',
      terms.map((q) => [q, searchUrl(location.pathname, { ...state, q })]),
    );
    fill(
      '[data-search-suggest-filters]',
      dropped.map((key) => {
        const { [key]: value, ...filters } = state.filters;
        const select = selects.get(key);
        const label = [...(select?.options ?? [])].find((o) => o.value === value)?.text ?? value;
        const name = select?.closest('label')?.querySelector('span')?.textContent ?? key;
        return [`${name}: ${label}`, searchUrl(location.pathname, { ...state, filters })];
      }),
    );
    suggest.hidden = terms.length === 0 && dropped.length === 0;
  };

  const run = async (debounce: boolean): Promise<void> => {
    const id = ++sequence;
    if (empty) empty.hidden = hasSearch(state);
    showSuggestions(-1);
    if (!hasSearch(state)) {
      list.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      list.setAttribute('aria-busy', 'false');
      return;
    }
    list.setAttribute('aria-busy', 'true');
    try {
      const pagefind = await loadPagefind();
      const { term, options } = toPagefindSearch(state);
      const response = debounce
        ? await pagefind.debouncedSearch(term, options, DEBOUNCE_MS)
        : await pagefind.search(term, options);
      if (response === null || id !== sequence) return;
      list.replaceChildren();
      pending = response.results;
      await showMore(id);
      if (id !== sequence) return;
      status.textContent = resultCountText(response.results.length, state.q);
      showSuggestions(response.results.length);
    } catch {
      if (id !== sequence) return;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = unavailableText();
    }
    list.setAttribute('aria-busy', 'false');
  };

  const update = (debounce: boolean): void => {
    state = readForm();
    writeUrl();
    void run(debounce);
  };

  input.addEventListener('input', () => {
    update(true);
  });
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement) update(false);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update(false);
  });
  more.addEventListener('click', () => {
    const first = list.childElementCount;
    void showMore(sequence).then(() => list.children[first]?.querySelector('a')?.focus());
  });
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && event.target === input && input.value) {
      event.preventDefault();
      input.value = '';
      update(false);
      return;
    }
    const links = [...list.querySelectorAll<HTMLAnchorElement>('.search-result-title a')];
    if (event.key === 'Escape' && links.includes(event.target as HTMLAnchorElement)) {
      input.focus();
      return;
    }
    if (moveThroughResults(event, input, links)) event.preventDefault();
  });

  showState();
  void run(false);
}
