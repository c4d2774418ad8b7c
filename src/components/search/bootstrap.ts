/**
 * The inline loader in every page's <head>. src/integrations/pagefind.ts strips the types,
 * minifies this function expression (about 650 bytes) and calls it with the URL of the search
 * client. It downloads nothing by itself; it only decides *when* the client is fetched:
 * - the first time a search box (`[data-search-input]`) receives focus;
 * - when the reader presses "/" outside a form field (it focuses the page's main search box,
 *   `[data-search-primary]` on /search/, else the header's; focusing then loads the client);
 * - at once on /search/ when the URL already holds a search (`?q=…`), to restore it.
 * It must stay self-contained: it is shipped as source text, not bundled.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-expressions -- an expression on purpose: the page inlines this text and calls it
(clientUrl: string) => {
  let loading: Promise<unknown> | undefined;
  const load = () => (loading ??= import(clientUrl));
  const searchBox = () =>
    document.querySelector<HTMLInputElement>('[data-search-primary]') ??
    document.querySelector<HTMLInputElement>('[data-search-input]');

  document.addEventListener('focusin', (event) => {
    if (event.target instanceof Element && event.target.matches('[data-search-input]')) void load();
  });

  document.addEventListener('keydown', (event) => {
    const target = event.target;
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (
      target instanceof HTMLElement &&
      (target.isContentEditable || target.closest('input, textarea, select'))
    )
      return;
    const input = searchBox();
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

  document.addEventListener('DOMContentLoaded', () => {
    if (location.search && document.querySelector('[data-search-page]')) void load();
  });
};
