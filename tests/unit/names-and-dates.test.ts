/**
 * The words every page shares: how people are named (one rule for honorifics and degrees),
 * how several names are listed, how counts are pluralised, how dates are written, and the
 * breadcrumb trails that feed both the visible trail and the JSON-LD.
 */
import { describe, expect, it } from 'vitest';
import { articleTrail, historyTrail, newsletterIssueTrail, personTrail } from '../../src/lib/breadcrumbs.ts';
import { formatDate, formatMonth } from '../../src/lib/dates.ts';
import {
  articlePageGraph,
  newsletterIssueGraph,
  personRef,
  profilePageGraph,
} from '../../src/lib/json-ld.ts';
import { displayName, namesOf } from '../../src/lib/people.ts';
import type { PersonData } from '../../src/schemas/person.ts';
import { beatById, site } from '../../src/site.config.ts';
import { countOf, listOf, listSeparators } from '../../src/lib/words.ts';

function person(name: string, extra: Partial<PersonData> = {}): { id: string; data: PersonData } {
  return {
    id: name.toLowerCase().replace(/\W+/g, '-'),
    data: {
      name,
      role: 'staff-writer',
      bio: `${name} writes about production machine learning for the publication.`,
      knowsAbout: ['model serving'],
      education: [{ degree: 'PhD', institution: 'ETH Zürich' }],
      ...extra,
    },
  };
}

const nadia = person('Nadia Volkov', { honorific: 'Dr.', degree: 'PhD' });
const lukas = person('Lukas Berg', { degree: 'MS' });
const lee = person('Ada Lee', { honorific: 'Dr.' });
const plain = person('Sam Reyes');

describe('names with honorifics and degrees', () => {
  it('never pairs an honorific with a degree that says the same thing', () => {
    expect(displayName(nadia.data)).toBe('Nadia Volkov, PhD');
    expect(displayName(lukas.data)).toBe('Lukas Berg, MS');
    expect(displayName(lee.data)).toBe('Dr. Ada Lee');
    expect(displayName(plain.data)).toBe('Sam Reyes');
  });

  it('JSON-LD carries the same parts in their own properties', () => {
    expect(personRef(nadia)).toMatchObject({ name: 'Nadia Volkov', honorificSuffix: 'PhD' });
    expect(personRef(nadia)).not.toHaveProperty('honorificPrefix');
    expect(personRef(lee)).toMatchObject({ name: 'Ada Lee', honorificPrefix: 'Dr.' });
    expect(personRef(lee)).not.toHaveProperty('honorificSuffix');
  });
});

describe('lists of names', () => {
  it('a three-author byline has one "and", before the last name', () => {
    expect(namesOf([nadia, lukas, plain])).toBe('Nadia Volkov, PhD, Lukas Berg, MS and Sam Reyes');
    expect(namesOf([nadia, lukas, plain]).match(/ and /g)).toHaveLength(1);
    expect(listOf(['A', 'B', 'C'])).toBe('A, B and C');
    expect(listOf(['A', 'B'])).toBe('A and B');
    expect(listOf(['A'])).toBe('A');
  });

  it('separators for linked names give the same text as the plain list', () => {
    for (const names of [['A'], ['A', 'B'], ['A', 'B', 'C'], ['A', 'B', 'C', 'D']]) {
      const separators = listSeparators(names.length);
      expect(separators).toHaveLength(names.length);
      expect(names.map((name, i) => `${separators[i]}${name}`).join('')).toBe(listOf(names));
    }
  });
});

describe('counts', () => {
  it('pluralises by the locale rules', () => {
    expect(countOf(0, 'article')).toBe('0 articles');
    expect(countOf(1, 'correction')).toBe('1 correction');
    expect(countOf(2, 'correction')).toBe('2 corrections');
    expect(countOf(3, 'category', 'categories')).toBe('3 categories');
  });
});

describe('dates', () => {
  it('one style, the month spelled out (never "Sept" or "Sep")', () => {
    expect(formatDate(new Date('2025-09-14T00:00:00Z'))).toBe('14 September 2025');
    expect(formatDate(new Date('2025-03-02T00:00:00Z'))).toBe('2 March 2025');
    expect(formatMonth(new Date('2023-05-01T00:00:00Z'))).toBe('May 2023');
  });

  it('is written in the site time zone, whatever the machine', () => {
    expect(site.timeZone).toBe('UTC');
    expect(formatDate(new Date('2025-09-14T23:30:00Z'))).toBe('14 September 2025');
  });
});

describe('breadcrumbs', () => {
  const crumbsOf = (node: unknown) =>
    (node as { itemListElement: { position: number; name: string; item: string }[] }).itemListElement;

  it('the article trail and its JSON-LD BreadcrumbList are the same crumbs', () => {
    const article = {
      slug: 'x',
      url: '/articles/x/',
      beat: beatById('mlops'),
      authors: [nadia],
      reviewer: lukas,
      modified: new Date('2025-01-01T00:00:00Z'),
      data: {
        title: 'X',
        description: 'D',
        published: new Date('2025-01-01T00:00:00Z'),
        tags: [],
        sources: [],
        corrections: [],
      },
    };
    const trail = articleTrail(article);
    expect(trail.map((c) => c.name)).toEqual(['Home', beatById('mlops').shortTitle, 'X']);
    const page = articlePageGraph(article).find((n) => n['@type'] === 'WebPage')!;
    expect(crumbsOf(page.breadcrumb)).toEqual(
      trail.map((c, i) => ({
        '@type': 'ListItem',
        position: i + 1,
        name: c.name,
        item: `${site.url}${c.path}`,
      })),
    );
  });

  it("an article's history page extends the article's trail", () => {
    const article = { slug: 'x', url: '/articles/x/', beat: beatById('mlops'), data: { title: 'X' } };
    expect(historyTrail(article)).toEqual([
      ...articleTrail(article),
      { name: 'History', path: '/articles/x/history/' },
    ]);
  });

  it('a profile trail names the person by the one rule', () => {
    const trail = personTrail(nadia);
    expect(trail.at(-1)).toEqual({ name: 'Nadia Volkov, PhD', path: '/people/nadia-volkov/' });
    const page = profilePageGraph(nadia)[0]!;
    expect(crumbsOf(page.breadcrumb).map((c) => c.name)).toEqual(trail.map((c) => c.name));
  });

  it('a newsletter issue carries its trail in JSON-LD too', () => {
    const issue = { number: 7, title: 'T', summary: 'S', date: new Date('2025-01-01T00:00:00Z') };
    const list = newsletterIssueGraph(issue, []).find((n) => n['@type'] === 'BreadcrumbList');
    expect(crumbsOf(list).map((c) => c.name)).toEqual(newsletterIssueTrail(issue).map((c) => c.name));
  });
});
