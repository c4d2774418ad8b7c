import { describe, expect, it } from 'vitest';
import { citationAnchor, findCitations, sourceAnchor } from '../../src/lib/citations.ts';

describe('findCitations', () => {
  it('finds a single citation with its offsets', () => {
    const text = 'Latency fell [@store-paper] last year.';
    const [citation, ...rest] = findCitations(text);
    expect(rest).toEqual([]);
    expect(citation).toEqual({ start: 13, end: 27, raw: '[@store-paper]', items: [{ id: 'store-paper' }] });
    expect(text.slice(citation!.start, citation!.end)).toBe('[@store-paper]');
  });

  it('finds several items in one bracket', () => {
    expect(findCitations('[@a; @b;@c]')[0]!.items).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
  });

  it('finds several brackets in one text', () => {
    expect(findCitations('first [@a], then [@b].').map((c) => c.raw)).toEqual(['[@a]', '[@b]']);
  });

  it('keeps a locator after a comma', () => {
    expect(findCitations('[@paper, sec. 3; @talk, 12:30]')[0]!.items).toEqual([
      { id: 'paper', locator: 'sec. 3' },
      { id: 'talk', locator: '12:30' },
    ]);
  });

  it('drops a trailing dot or colon from the key, as Pandoc does', () => {
    expect(findCitations('[@paper.]')[0]!.items).toEqual([{ id: 'paper' }]);
    expect(findCitations('[@arXiv:2101.00001:]')[0]!.items).toEqual([{ id: 'arXiv:2101.00001' }]);
  });

  it('keeps dots and colons inside a key', () => {
    expect(findCitations('[@smith.2020]')[0]!.items).toEqual([{ id: 'smith.2020' }]);
  });

  it('tolerates spaces inside the brackets', () => {
    expect(findCitations('[ @a ;  @b ]')[0]!.items).toEqual([{ id: 'a' }, { id: 'b' }]);
  });

  it.each([
    ['[@]', '@'],
    ['[@a; b]', 'b'],
    ['[@a b]', '@a b'],
    ['[@-dash]', '@-dash'],
    ['[@a;]', ''],
  ])('marks %j as malformed at %j', (raw, malformed) => {
    const [citation] = findCitations(raw);
    expect(citation).toMatchObject({ raw, malformed });
  });

  it('keeps the well-formed items before the malformed one', () => {
    expect(findCitations('[@a; 2019]')[0]).toMatchObject({ items: [{ id: 'a' }], malformed: '2019' });
  });

  it('ignores brackets that are not citations', () => {
    expect(findCitations('[see @a] [link](http://x) [ref] email@example.com [a@b]')).toEqual([]);
  });
});

describe('anchors', () => {
  it('ties a citation to its source and back', () => {
    expect(sourceAnchor('store-paper')).toBe('source-store-paper');
    expect(citationAnchor('store-paper', 2)).toBe('cite-store-paper-2');
  });
});
