/**
 * The search page turns Pagefind's excerpt (HTML) into DOM nodes. Whatever the index holds,
 * only text and <mark> may come out: no element, attribute or handler of the input survives.
 * Run on linkedom's DOM (the function is browser code; the site ships no test DOM otherwise).
 */
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';

let excerptNodes: (typeof import('../../src/components/search/results.ts'))['excerptNodes'];

beforeAll(async () => {
  const window = parseHTML('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, {
    document: window.document,
    HTMLElement: window.HTMLElement,
    Node: window.Node,
  });
  ({ excerptNodes } = await import('../../src/components/search/results.ts'));
});

/** What the fragment holds, as markup: the only elements allowed are bare <mark>s. */
function markup(html: string): string {
  const holder = document.createElement('div');
  holder.append(excerptNodes(html));
  return holder.innerHTML;
}

describe('excerptNodes on hostile input', () => {
  it('keeps the text and the <mark>s, and nothing else of the markup', () => {
    const out = markup(
      'A <img src=x onerror="alert(1)">model <mark onclick="alert(2)" class="x">drift</mark> <script>alert(3)</script><a href="javascript:alert(4)">check</a>.',
    );
    expect(out).not.toMatch(/<(?!\/?mark>)/);
    expect(out).toContain('<mark>drift</mark>');
    expect(out).not.toMatch(/onerror|onclick|javascript:|<img|<script|<a /);
  });

  it('leaves escaped markup as text (what Pagefind sends for a "<" in the prose)', () => {
    const holder = document.createElement('div');
    holder.append(excerptNodes('If a &lt;b&gt; tag appears, <mark>latency</mark> rises.'));
    expect(holder.textContent).toBe('If a <b> tag appears, latency rises.');
    expect(holder.querySelector('b')).toBeNull();
  });
});
