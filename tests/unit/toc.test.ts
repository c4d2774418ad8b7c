import { describe, expect, it } from 'vitest';
import { CLOSING_SECTIONS, tableOfContents } from '../../src/lib/toc.ts';

const h = (depth: number, slug: string, text = slug) => ({ depth, slug, text });

describe('tableOfContents', () => {
  it('lists h2 sections with their h3 beneath, then the closing sections', () => {
    const toc = tableOfContents([
      h(2, 'why', 'Why#'),
      h(3, 'detail', 'A detail'),
      h(2, 'how', 'How'),
      h(2, 'what', 'What'),
      h(2, 'footnote-label', 'Footnotes'),
    ]);
    expect(toc.map((e) => e.slug)).toEqual(['why', 'how', 'what', ...CLOSING_SECTIONS.map((e) => e.slug)]);
    expect(toc[0]).toEqual({
      slug: 'why',
      text: 'Why',
      children: [{ slug: 'detail', text: 'A detail', children: [] }],
    });
  });

  it('gives a short article none', () => {
    expect(tableOfContents([h(2, 'a'), h(2, 'b'), h(3, 'c'), h(3, 'd')])).toEqual([]);
  });

  it('keeps an h3 before the first h2 out rather than misplacing it', () => {
    const toc = tableOfContents([h(3, 'stray'), h(2, 'a'), h(2, 'b'), h(2, 'c')]);
    expect(toc.flatMap((e) => [e.slug, ...e.children.map((c) => c.slug)])).not.toContain('stray');
  });
});
