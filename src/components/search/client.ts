/**
 * The search client, loaded on demand by the inline bootstrap (bootstrap.js) the first time a
 * search box is focused, or at once on /search/ when the URL holds a search. Emitted by the
 * build at a fixed URL (src/integrations/pagefind.ts); Pagefind itself loads right after it.
 */
import { attachHeaderSearch } from './header-search.ts';
import { loadPagefind } from './pagefind.ts';
import { attachSearchPage } from './search-page.ts';

// Start fetching the index while the reader types their first word.
loadPagefind().catch(() => {
  /* each search box reports the failure when it is used */
});
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-header-search]'))
  attachHeaderSearch(form);
const page = document.querySelector<HTMLElement>('[data-search-page]');
if (page) attachSearchPage(page);
