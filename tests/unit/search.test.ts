/**
 * Search: the URL state of /search/ and its translation into Pagefind options, and what each
 * page tells Pagefind (meta, filters, sort) and the filter menus it produces.
 */
import { describe, expect, it } from 'vitest';
import type { NamedPerson } from '../../src/lib/people.ts';
import {
  articleSearchRecord,
  newsletterSearchRecord,
  searchFacets,
  type SearchableArticle,
  type SearchableIssue,
  type SearchablePerson,
} from '../../src/lib/search.ts';
import {
  EMPTY_SEARCH,
  hasSearch,
  parseSearchState,
  resultCountText,
  searchStateToParams,
  searchUrl,
  toPagefindSearch,
} from '../../src/lib/search-state.ts';
import { site, type BeatId } from '../../src/site.config.ts';

const state = (query: string) => parseSearchState(new URLSearchParams(query));

describe('search URL state', () => {
  it('reads query, filters and sort', () => {
    expect(state('q=feature+store&beat=mlops&author=nadia-volkov&year=2025&sort=newest')).toEqual({
      q: 'feature store',
      filters: { beat: 'mlops', author: 'nadia-volkov', year: '2025' },
      sort: 'newest',
    });
  });

  it('ignores empty values, unknown parameters and unknown sorts (what a no-JS form submit sends)', () => {
    expect(state('q=&beat=&author=&reviewer=&tag=&year=&sort=relevance&utm_source=x')).toEqual(EMPTY_SEARCH);
    expect(state('q=drift&sort=random').sort).toBe('relevance');
  });

  it('writes a canonical, shareable query string', () => {
    expect(
      searchUrl('/search/', {
        q: ' feature store ',
        filters: { year: '2025', beat: 'mlops' },
        sort: 'relevance',
      }),
    ).toBe('/search/?q=feature+store&beat=mlops&year=2025');
    expect(searchUrl('/search/', EMPTY_SEARCH)).toBe('/search/');
    expect(searchStateToParams({ q: '', filters: { tag: 'drift' }, sort: 'oldest' }).toString()).toBe(
      'tag=drift&sort=oldest',
    );
  });

  it('round-trips through the URL', () => {
    const original = {
      q: 'a & b',
      filters: { reviewer: 'theo-nakamura', tag: 'real-time' },
      sort: 'oldest' as const,
    };
    expect(state(searchStateToParams(original).toString())).toEqual(original);
  });

  it('knows when there is something to search', () => {
    expect(hasSearch(EMPTY_SEARCH)).toBe(false);
    expect(hasSearch({ ...EMPTY_SEARCH, q: '   ' })).toBe(false);
    expect(hasSearch({ ...EMPTY_SEARCH, filters: { beat: 'newsletter' } })).toBe(true);
  });
});

describe('toPagefindSearch', () => {
  it('passes the query and filters, and ranks by relevance unless asked otherwise', () => {
    expect(
      toPagefindSearch({ q: ' drift ', filters: { beat: 'mlops', year: '2024' }, sort: 'relevance' }),
    ).toEqual({
      term: 'drift',
      options: { filters: { beat: 'mlops', year: '2024' } },
    });
  });

  it('sorts by the date key both ways', () => {
    expect(toPagefindSearch({ q: 'x', filters: {}, sort: 'newest' }).options).toEqual({
      sort: { date: 'desc' },
    });
    expect(toPagefindSearch({ q: 'x', filters: {}, sort: 'oldest' }).options).toEqual({
      sort: { date: 'asc' },
    });
  });

  it('lists filter-only searches newest first (there is no relevance without a query)', () => {
    expect(toPagefindSearch({ q: '', filters: { author: 'lukas-berg' }, sort: 'relevance' })).toEqual({
      term: null,
      options: { filters: { author: 'lukas-berg' }, sort: { date: 'desc' } },
    });
  });
});

describe('resultCountText', () => {
  it('is what the live region says', () => {
    expect(resultCountText(0, 'zzz')).toBe('No results for “zzz”');
    expect(resultCountText(1, ' drift ')).toBe('1 result for “drift”');
    expect(resultCountText(12, '')).toBe('12 results');
  });
});

function person(id: string, name: string, credentials: Omit<NamedPerson, 'name'> = {}): SearchablePerson {
  return { id, data: { name, ...credentials } };
}

function article(
  slug: string,
  beat: BeatId,
  published: string,
  authors: SearchablePerson[],
  reviewer: SearchablePerson,
  tags: string[],
): SearchableArticle {
  return {
    beat: site.beats.find((b) => b.id === beat)!,
    authors,
    reviewer,
    data: {
      title: `Title of ${slug}`,
      description: `Dek of ${slug}`,
      beat,
      tags,
      published: new Date(`${published}T00:00:00Z`),
    },
  };
}

const ada = person('ada-okafor', 'Ada Okafor');
const ben = person('ben-sato', 'Ben Sato', { degree: 'PhD' });
const chen = person('chen-li', 'Chen Li', { honorific: 'Dr.' });
const one = article('one', 'mlops', '2024-12-31', [ada, ben], chen, ['drift', 'monitoring']);
const two = article('two', 'architecture', '2025-01-01', [ben], ada, ['drift']);
const issue: SearchableIssue = {
  data: { number: 3, title: 'Serving', date: new Date('2023-06-04T00:00:00Z'), summary: 'Three links.' },
};

describe('search records', () => {
  it('give an article its display fields, id-valued filters and a sortable date', () => {
    expect(articleSearchRecord(one)).toEqual({
      meta: {
        title: 'Title of one',
        beat: 'MLOps & reliability',
        author: 'Ada Okafor and Ben Sato, PhD',
        reviewer: 'Dr. Chen Li',
        date: '31 December 2024',
        iso: '2024-12-31',
        dek: 'Dek of one',
      },
      filters: {
        beat: ['mlops'],
        author: ['ada-okafor', 'ben-sato'],
        reviewer: ['chen-li'],
        tag: ['drift', 'monitoring'],
        year: ['2024'],
      },
      sort: { date: '2024-12-31' },
    });
  });

  it('file newsletter issues under their own beat, with no people or tags', () => {
    const record = newsletterSearchRecord(issue);
    expect(record.meta).toMatchObject({
      title: 'No. 3: Serving',
      beat: 'Newsletter',
      author: '',
      date: '4 June 2023',
      dek: 'Three links.',
    });
    expect(record.filters).toEqual({
      beat: ['newsletter'],
      author: [],
      reviewer: [],
      tag: [],
      year: ['2023'],
    });
    expect(record.sort).toEqual({ date: '2023-06-04' });
  });
});

describe('searchFacets', () => {
  it('offers only values in use, in reading order', () => {
    const facets = searchFacets([one, two], [issue], site.beats);
    expect(facets.beat).toEqual([
      { value: 'architecture', label: 'Architecture' },
      { value: 'mlops', label: 'MLOps' },
      { value: 'newsletter', label: 'Newsletter' },
    ]);
    expect(facets.author.map((o) => o.value)).toEqual(['ada-okafor', 'ben-sato']);
    expect(facets.reviewer).toEqual([
      { value: 'ada-okafor', label: 'Ada Okafor' },
      { value: 'chen-li', label: 'Dr. Chen Li' },
    ]);
    expect(facets.tag.map((o) => o.value)).toEqual(['drift', 'monitoring']);
    expect(facets.year.map((o) => o.value)).toEqual(['2025', '2024', '2023']);
  });

  it('has no newsletter choice without issues', () => {
    expect(searchFacets([one], [], site.beats).beat.map((o) => o.value)).toEqual(['mlops']);
  });
});
