/**
 * The header's search box: a GET form to /search/ that works without JavaScript, enhanced with
 * live results under the box (the five best matches and a link to all of them).
 */
import { EMPTY_SEARCH, resultCountText, searchUrl, toPagefindSearch } from '../../lib/search-state.ts';
import { loadPagefind, unavailableText } from './pagefind.ts';
import { headerHit, moveThroughResults } from './results.ts';

const SHOWN = 5;
const DEBOUNCE_MS = 120;

export function attachHeaderSearch(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('[data-search-input]');
  const panel = form.querySelector<HTMLElement>('[data-search-panel]');
  const list = form.querySelector<HTMLOListElement>('[data-search-results]');
  const status = form.querySelector<HTMLElement>('[data-search-status]');
  const count = form.querySelector<HTMLElement>('[data-search-count]');
  const all = form.querySelector<HTMLAnchorElement>('[data-search-all]');
  if (!input || !panel || !list || !status || !count || !all) return;
  /** The live region (visually hidden) is what screen readers hear; the panel shows the same words. */
  const say = (text: string) => {
    status.textContent = text;
    count.textContent = text;
  };
  const searchPath = form.getAttribute('action') ?? '/search/';
  let sequence = 0;

  const links = () => [...panel.querySelectorAll<HTMLAnchorElement>('a[href]:not([hidden])')];
  const open = () => {
    panel.hidden = false;
  };
  const close = () => {
    panel.hidden = true;
  };
  const clear = () => {
    sequence++;
    list.replaceChildren();
    say('');
    all.hidden = true;
    close();
  };

  const run = async (): Promise<void> => {
    const query = input.value;
    if (!query.trim()) {
      clear();
      return;
    }
    const id = ++sequence;
    try {
      const pagefind = await loadPagefind();
      const { term, options } = toPagefindSearch({ ...EMPTY_SEARCH, q: query });
      const response = await pagefind.debouncedSearch(term, options, DEBOUNCE_MS);
      if (response === null || id !== sequence) return;
      const data = await Promise.all(response.results.slice(0, SHOWN).map((r) => r.data()));
      if (id !== sequence) return;
      list.replaceChildren(...data.map(headerHit));
      const total = response.results.length;
      say(resultCountText(total, query));
      all.href = searchUrl(searchPath, { ...EMPTY_SEARCH, q: query });
      all.textContent = total > SHOWN ? `See all ${total} results` : 'Filter and sort on the search page';
      all.hidden = total === 0;
    } catch {
      if (id !== sequence) return;
      list.replaceChildren();
      all.hidden = true;
      say(unavailableText());
    }
    if (form.contains(document.activeElement)) open();
  };

  input.addEventListener('input', () => void run());
  input.addEventListener('focus', () => {
    if (input.value.trim() && count.textContent) open();
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      if (event.target === input && input.value) {
        event.preventDefault();
        input.value = '';
        clear();
      } else if (!panel.hidden) {
        event.preventDefault();
        close();
        input.focus();
      }
      return;
    }
    if (!panel.hidden && moveThroughResults(event, input, links())) event.preventDefault();
  });
  form.addEventListener('focusout', (event) => {
    if (!(event.relatedTarget instanceof Node && form.contains(event.relatedTarget))) close();
  });

  if (input.value.trim()) void run(); // typed before this module finished loading
}
