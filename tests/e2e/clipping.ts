/**
 * Finds content a reader cannot see on a narrow screen: an element whose content is cut off by
 * `overflow: hidden`/`clip`, anything sticking out past the edge of the page (which makes the
 * whole page scroll sideways, or gets cut off by the viewport), and a scroll box that a
 * keyboard cannot reach or that has no accessible name.
 *
 * Runs inside the page (`page.evaluate(findClipping)`), so it must be self-contained.
 */
export interface ClippingProblem {
  /** A short CSS-like path to the element, for the failure message. */
  element: string;
  problem: string;
}

export function findClipping(): ClippingProblem[] {
  const TOLERANCE = 2; // sub-pixel rounding and anti-aliasing, in CSS px
  const problems: ClippingProblem[] = [];
  const describe = (el: Element): string => {
    const parts: string[] = [];
    for (
      let node: Element | null = el;
      node && node !== document.body && parts.length < 4;
      node = node.parentElement
    ) {
      const id = node.id ? `#${node.id}` : '';
      const cls = [...node.classList]
        .slice(0, 2)
        .map((c) => `.${c}`)
        .join('');
      parts.unshift(`${node.tagName.toLowerCase()}${id}${cls}`);
    }
    const text = el.textContent.replace(/\s+/g, ' ').trim().slice(0, 50);
    return `${parts.join(' > ')}${text ? ` ("${text}")` : ''}`;
  };
  // Hidden on purpose: visually-hidden text, the skip link until focused, closed popovers.
  const intentionallyHidden = (el: Element): boolean =>
    el.closest('.visually-hidden, .sr-only, .skip-link, [popover]:not(:popover-open), [hidden]') !== null;
  // KaTeX clips parts of its own glyphs (radical tails, stretchy arrows) by design; its display
  // box, which is ours to get right, is checked like any other element.
  const insideKatex = (el: Element): boolean =>
    el.parentElement?.closest('.katex') !== null && !el.classList.contains('katex-display');
  const scrolls = (value: string) => value === 'auto' || value === 'scroll';
  const clips = (value: string) => value === 'hidden' || value === 'clip';
  const viewportWidth = document.documentElement.clientWidth;

  const scrollContainers = new Set<Element>();
  for (const el of document.body.querySelectorAll('*')) {
    if (intentionallyHidden(el) || insideKatex(el)) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.display === 'contents') continue;
    const overX = el.scrollWidth - el.clientWidth > TOLERANCE;
    const overY = el.scrollHeight - el.clientHeight > TOLERANCE;
    if ((overX && clips(style.overflowX)) || (overY && clips(style.overflowY))) {
      problems.push({
        element: describe(el),
        problem: `content is cut off (overflow ${style.overflowX}/${style.overflowY}: ${el.scrollWidth}×${el.scrollHeight} px of content in a ${el.clientWidth}×${el.clientHeight} px box) with no way to scroll to it`,
      });
    }
    if ((overX && scrolls(style.overflowX)) || (overY && scrolls(style.overflowY))) {
      scrollContainers.add(el);
      const html = el as HTMLElement;
      if (html.tabIndex < 0)
        problems.push({
          element: describe(el),
          problem: 'scrolls, but a keyboard cannot reach it (add tabindex="0")',
        });
      if (!el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
        problems.push({ element: describe(el), problem: 'scrolls, but has no accessible name (aria-label)' });
    }
  }

  // Anything wider than the page: it makes the page scroll sideways or is cut off by the
  // viewport. Elements inside a scroll box are that box's business (checked above).
  for (const el of document.body.querySelectorAll('*')) {
    if (intentionallyHidden(el) || insideKatex(el)) continue;
    let ancestor = el.parentElement;
    while (ancestor && !scrollContainers.has(ancestor)) ancestor = ancestor.parentElement;
    if (ancestor) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    if (rect.right > viewportWidth + TOLERANCE || rect.left < -TOLERANCE) {
      const parentRect = el.parentElement?.getBoundingClientRect();
      // Report the outermost element that sticks out, not each of its descendants.
      if (parentRect && (parentRect.right > viewportWidth + TOLERANCE || parentRect.left < -TOLERANCE))
        continue;
      problems.push({
        element: describe(el),
        problem: `sticks out of the ${viewportWidth} px page (from ${Math.round(rect.left)} to ${Math.round(rect.right)} px)`,
      });
    }
  }
  return problems;
}
