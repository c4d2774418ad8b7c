import { describe, expect, it } from 'vitest';
import { authorLine, referenceParts } from '../../src/lib/references.ts';
import { archiveSnapshot, lacksArchivedCopy, samePage, sourceSchema } from '../../src/schemas/source.ts';

describe('archiveSnapshot', () => {
  it('reads the page and the day from a Wayback Machine URL', () => {
    expect(archiveSnapshot('https://web.archive.org/web/20240305101500/https://example.com/a?b=1')).toEqual({
      archive: 'Wayback Machine',
      original: 'https://example.com/a?b=1',
      taken: new Date('2024-03-05T00:00:00Z'),
    });
  });

  it('accepts archive.today short links and Perma.cc links', () => {
    expect(archiveSnapshot('https://archive.ph/Ab3De')).toEqual({ archive: 'archive.today' });
    expect(archiveSnapshot('https://perma.cc/AB12-CD34')).toEqual({ archive: 'Perma.cc' });
  });

  it.each([
    'https://example.com/copy',
    'http://web.archive.org/web/20240305101500/https://example.com/',
    'https://web.archive.org/web/20241305101500/https://example.com/',
    'https://web.archive.org/https://example.com/',
    'https://perma.cc/whatever',
    'not a url',
  ])('refuses %j', (url) => {
    expect(archiveSnapshot(url)).toBeUndefined();
  });
});

describe('samePage', () => {
  it('ignores scheme, www. and a trailing slash but not the path or query', () => {
    expect(samePage('http://www.example.com/a/', 'https://example.com/a')).toBe(true);
    expect(samePage('https://example.com/a', 'https://example.com/b')).toBe(false);
    expect(samePage('https://example.com/a?x=1', 'https://example.com/a?x=2')).toBe(false);
  });
});

describe('lacksArchivedCopy', () => {
  it('asks for a copy of ordinary web pages only', () => {
    expect(lacksArchivedCopy({ url: 'https://blog.example.com/post' })).toBe(true);
    expect(lacksArchivedCopy({ url: 'https://arxiv.org/abs/1911.02549' })).toBe(false);
    expect(lacksArchivedCopy({ url: 'https://doi.org/10.1145/2408776.2408794' })).toBe(false);
    expect(lacksArchivedCopy({})).toBe(false);
    expect(
      lacksArchivedCopy({
        url: 'https://a.example/',
        archived: 'https://web.archive.org/web/2024/https://a.example/',
      }),
    ).toBe(false);
  });
});

describe('referenceParts', () => {
  const parse = (input: object) =>
    sourceSchema.parse({ id: 's', title: 'The Tail at Scale', kind: 'paper', ...input });

  it('names the authors, the publisher, date and kind, and links the DOI', () => {
    const parts = referenceParts(
      parse({
        authors: ['Jeffrey Dean', 'Luiz André Barroso'],
        doi: '10.1145/2408776.2408794',
        publisher: 'Communications of the ACM',
        date: '2013-02-01',
      }),
    );
    expect(parts).toEqual({
      authors: 'Jeffrey Dean and Luiz André Barroso.',
      title: 'The Tail at Scale',
      href: 'https://doi.org/10.1145/2408776.2408794',
      details: 'Communications of the ACM, 1 February 2013, Paper',
      doi: { label: 'doi:10.1145/2408776.2408794', href: 'https://doi.org/10.1145/2408776.2408794' },
    });
  });

  it('says when and where a page was archived, and when we read it', () => {
    const parts = referenceParts(
      parse({
        kind: 'filing',
        url: 'https://www.sec.gov/x.htm',
        archived: 'https://web.archive.org/web/20211103000000/https://www.sec.gov/x.htm',
        accessed: '2025-01-10',
      }),
    );
    expect(parts.href).toBe('https://www.sec.gov/x.htm');
    expect(parts.details).toBe('Regulatory filing');
    expect(parts.archived).toEqual({
      href: 'https://web.archive.org/web/20211103000000/https://www.sec.gov/x.htm',
      label: 'archived 3 November 2021 (Wayback Machine)',
    });
    expect(parts.accessed).toEqual({ iso: '2025-01-10', label: '10 January 2025' });
  });

  it('shortens long author lists to the first name and et al.', () => {
    expect(authorLine(['A', 'B', 'C'])).toBe('A, B and C');
    expect(authorLine(['A', 'B', 'C', 'D'])).toBe('A et al.');
    const parse = (authors: string[]) => sourceSchema.parse({ id: 's', title: 'T', kind: 'paper', authors });
    expect(referenceParts(parse(['A', 'B', 'C', 'D'])).authors).toBe('A et al.');
    expect(referenceParts(parse(['John D. C. Little'])).authors).toBe('John D. C. Little.');
  });
});

describe('sourceSchema: new fields', () => {
  const base = { id: 's', title: 'T', kind: 'blog' };

  it('refuses an archived copy without the url it copies', () => {
    const result = sourceSchema.safeParse({
      ...base,
      archived: 'https://web.archive.org/web/20240101000000/https://a.example/',
    });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['archived', 'is a copy of a page, but the source has no url: add the url of the page it archives'],
    ]);
  });

  it('refuses a DOI link in url when the DOI is given too', () => {
    const result = sourceSchema.safeParse({ ...base, url: 'https://doi.org/10.1/x', doi: '10.1234/x' });
    expect(result.error?.issues[0]?.path).toEqual(['url']);
  });

  it('refuses an empty author list and an empty name', () => {
    expect(sourceSchema.safeParse({ ...base, authors: [] }).success).toBe(false);
    expect(sourceSchema.safeParse({ ...base, authors: [' '] }).success).toBe(false);
  });
});
