/** Listings paginate: every item exactly once, in order, with working previous/next URLs. */
import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/lib/pagination.ts';
import { urls } from '../../src/lib/urls.ts';

const items = Array.from({ length: 27 }, (_, i) => `article-${String(i + 1).padStart(2, '0')}`);

describe('paginate with 27 items, 10 per page', () => {
  const paths = paginate(items, 10, urls.articles);

  it('makes three pages: 10, 10 and 7 items', () => {
    expect(paths.map((p) => p.props.page.items.length)).toEqual([10, 10, 7]);
    expect(paths.every((p) => p.props.page.total === 3 && p.props.page.count === 27)).toBe(true);
  });

  it('lists every item exactly once, in order', () => {
    expect(paths.flatMap((p) => p.props.page.items)).toEqual(items);
  });

  it('puts page 1 at the listing URL and later pages under page/N/', () => {
    expect(paths.map((p) => p.params.page)).toEqual([undefined, 'page/2', 'page/3']);
    expect(paths.map((p) => p.props.page.current)).toEqual([1, 2, 3]);
  });

  it('links each page to its neighbours, and no further', () => {
    const pages = paths.map((p) => p.props.page);
    expect(pages.map((p) => p.prevUrl)).toEqual([undefined, '/articles/', '/articles/page/2/']);
    expect(pages.map((p) => p.nextUrl)).toEqual(['/articles/page/2/', '/articles/page/3/', undefined]);
  });

  it('resolves every prev/next URL to a page that exists', () => {
    const existing = new Set(
      paths.map((p) => (p.params.page ? `/articles/${p.params.page}/` : '/articles/')),
    );
    for (const { props } of paths) {
      for (const url of [props.page.prevUrl, props.page.nextUrl])
        if (url) expect(existing.has(url), url).toBe(true);
    }
  });
});

describe('paginate edge cases', () => {
  it('an exact multiple makes no empty last page', () => {
    expect(paginate(items.slice(0, 20), 10, urls.articles)).toHaveLength(2);
  });

  it('an empty listing still has its first page', () => {
    const [only, ...rest] = paginate([], 10, urls.articles);
    expect(rest).toHaveLength(0);
    expect(only!.props.page).toMatchObject({ items: [], current: 1, total: 1, count: 0 });
  });

  it('works for beat and tag URLs too', () => {
    const paths = paginate(items, 10, (n) => urls.tag('drift', n));
    expect(paths[1]!.props.page.prevUrl).toBe('/tags/drift/');
    expect(paths[1]!.props.page.nextUrl).toBe('/tags/drift/page/3/');
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => paginate(items, 0, urls.articles)).toThrow(/positive integer/);
    expect(() => paginate(items, 2.5, urls.articles)).toThrow(/positive integer/);
  });
});
