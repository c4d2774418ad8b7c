/** "Cite this article": the formatted citation, BibTeX (escaping) and Scholar references. */
import { describe, expect, it } from 'vitest';
import {
  bibtexKey,
  escapeBibtex,
  formatCitation,
  scholarDate,
  sourceReference,
  toBibtex,
  type CitableArticle,
} from '../../src/lib/cite.ts';
import { formatDate } from '../../src/lib/dates.ts';

const article: CitableArticle = {
  slug: 'zillow-offers-postmortem',
  title: 'Zillow Offers: when a valuation model becomes a balance sheet',
  authors: ['Lukas Berg'],
  published: new Date('2024-09-24T00:00:00Z'),
  url: 'https://mlsystemsreview.com/articles/zillow-offers-postmortem/',
  journal: 'ML Systems Review',
};

describe('formatCitation', () => {
  it('gives authors, year, title, journal, date and URL', () => {
    expect(formatCitation(article, formatDate)).toBe(
      'Lukas Berg (2024). “Zillow Offers: when a valuation model becomes a balance sheet.” ML Systems Review, 24 September 2024. https://mlsystemsreview.com/articles/zillow-offers-postmortem/',
    );
  });

  it('keeps a title’s own question mark and lists several authors', () => {
    const text = formatCitation(
      { ...article, title: 'Is p99 enough?', authors: ['A One', 'B Two', 'C Three'] },
      formatDate,
    );
    expect(text).toMatch(/^A One, B Two and C Three \(2024\)\. “Is p99 enough\?” ML Systems Review/);
  });
});

describe('BibTeX', () => {
  it('writes an @article entry with a stable key', () => {
    expect(toBibtex({ ...article, authors: ['Lukas Berg', 'Theo Nakamura'] })).toBe(
      [
        '@article{mlsr-zillow-offers-postmortem,',
        '  author  = {Lukas Berg and Theo Nakamura},',
        '  title   = {{Zillow Offers: when a valuation model becomes a balance sheet}},',
        '  journal = {ML Systems Review},',
        '  year    = {2024},',
        '  month   = sep,',
        '  date    = {2024-09-24},',
        '  url     = {https://mlsystemsreview.com/articles/zillow-offers-postmortem/}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('escapes every TeX special character exactly once', () => {
    expect(escapeBibtex('R&D: 50% of $x_1 #2 {a} ~b ^c \\d')).toBe(
      'R\\&D: 50\\% of \\$x\\_1 \\#2 \\{a\\} \\textasciitilde{}b \\textasciicircum{}c \\textbackslash{}d',
    );
    expect(escapeBibtex('line\n  break')).toBe('line break');
  });

  it('keeps a hostile title inside its braces', () => {
    const entry = toBibtex({ ...article, title: 'Oops}, note = {pwned' });
    expect(entry).toContain('title   = {{Oops\\}, note = \\{pwned}},');
    // Braces balance: the entry still ends where it should.
    let depth = 0;
    for (const char of entry.replace(/\\[{}]/g, '')) depth += char === '{' ? 1 : char === '}' ? -1 : 0;
    expect(depth).toBe(0);
  });

  it('refuses keys and URLs that would break the entry', () => {
    expect(() => bibtexKey('Bad Slug')).toThrow();
    expect(() => toBibtex({ ...article, url: 'https://x.example/a}b' })).toThrow(/url field/);
  });
});

describe('Google Scholar', () => {
  it('writes dates as YYYY/MM/DD', () => {
    expect(scholarDate(new Date('2021-11-02T00:00:00Z'))).toBe('2021/11/02');
  });

  it('turns a source into a citation_reference value', () => {
    expect(
      sourceReference({
        id: 'a',
        kind: 'docs',
        title: 'Q3; letter',
        publisher: 'Zillow',
        date: new Date('2021-11-02T00:00:00Z'),
        url: 'https://x.example/a;b',
      }),
    ).toBe(
      'citation_title=Q3, letter; citation_publisher=Zillow; citation_publication_date=2021/11/02; citation_public_url=https://x.example/a%3Bb',
    );
    expect(sourceReference({ id: 'b', kind: 'talk', title: 'A talk' })).toBe('citation_title=A talk');
  });
});
