/**
 * Builds result markup with DOM calls (never innerHTML into the page), and the arrow-key
 * movement shared by the header box and the /search/ page.
 */
import { tidyExcerpt, type ExcerptSegment } from '../../lib/search-excerpt.ts';
import type { PagefindResultData } from './pagefind.ts';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Pagefind's excerpt is HTML (escaped text with <mark> around matches). It is parsed in an
 * inert <template> and only its text and <mark> elements are copied out, tidied for reading
 * (lib/search-excerpt.ts); `repeated` is what the result already shows (kicker, title).
 */
export function excerptNodes(html: string, repeated: string[] = []): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  const segments: ExcerptSegment[] = [...template.content.childNodes].map((node) => ({
    text: node.textContent ?? '',
    mark: node instanceof HTMLElement && node.localName === 'mark',
  }));
  const out = document.createDocumentFragment();
  for (const segment of tidyExcerpt(segments, repeated))
    out.append(segment.mark ? el('mark', undefined, segment.text) : segment.text);
  return out;
}

function time(data: PagefindResultData): HTMLTimeElement | undefined {
  if (!data.meta.date) return undefined;
  const node = el('time', undefined, data.meta.date);
  if (data.meta.iso) node.dateTime = data.meta.iso;
  return node;
}

/** A compact hit for the header's dropdown: one link, title over beat and date. */
export function headerHit(data: PagefindResultData): HTMLLIElement {
  const item = el('li');
  const link = el('a', 'search-hit');
  link.href = data.url;
  link.append(el('span', 'search-hit-title', data.meta.title ?? data.url));
  const meta = el('span', 'search-hit-meta', data.meta.beat ?? '');
  const when = time(data);
  if (when) meta.append(data.meta.beat ? ' · ' : '', when);
  link.append(meta);
  item.append(link);
  return item;
}

/**
 * A full result for /search/: beat, linked title, the matched passage (or, when browsing by
 * filter alone, the dek), byline and date.
 */
export function pageResult(data: PagefindResultData, withExcerpt: boolean): HTMLLIElement {
  const item = el('li', 'search-result');
  if (data.meta.beat) item.append(el('p', 'kicker', data.meta.beat));
  const heading = el('h2', 'search-result-title');
  const link = el('a', undefined, data.meta.title ?? data.url);
  link.href = data.url;
  heading.append(link);
  item.append(heading);
  if (!withExcerpt && data.meta.dek) item.append(el('p', 'search-result-dek', data.meta.dek));
  if (withExcerpt && data.excerpt) {
    const excerpt = el('p', 'search-excerpt');
    excerpt.append(excerptNodes(data.excerpt, [data.meta.beat ?? '', data.meta.title ?? '']));
    item.append(excerpt);
  }
  const byline = el('p', 'meta');
  const parts: (string | Node)[] = [];
  if (data.meta.author) parts.push(`By ${data.meta.author}`);
  if (data.meta.reviewer) parts.push(`reviewed by ${data.meta.reviewer}`);
  const when = time(data);
  if (when) parts.push(when);
  parts.forEach((part, i) => {
    byline.append(...(i > 0 ? [' · ', part] : [part]));
  });
  if (parts.length > 0) item.append(byline);
  return item;
}

/**
 * Arrow keys between the search box and the result links: Down from the box enters the
 * list, Up from the first link returns to the box; Enter follows the focused link natively.
 * Returns true when the key was handled.
 */
export function moveThroughResults(
  event: KeyboardEvent,
  input: HTMLInputElement,
  links: HTMLElement[],
): boolean {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return false;
  if (links.length === 0) return false;
  const current = links.indexOf(document.activeElement as HTMLElement);
  if (event.target === input) {
    if (event.key !== 'ArrowDown') return false;
    links[0]!.focus();
    return true;
  }
  if (current === -1) return false;
  if (event.key === 'ArrowDown') links[Math.min(current + 1, links.length - 1)]!.focus();
  else if (current === 0) input.focus();
  else links[current - 1]!.focus();
  return true;
}
