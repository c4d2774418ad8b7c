/** The schemas on their own: the same objects the content layer and the content lint use. */
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { articleSchema, countSentences, personIdSchema } from '../../src/schemas/article.ts';
import { calendarDate, isoDay } from '../../src/schemas/date.ts';
import { newsletterIssueSchema } from '../../src/schemas/newsletter-issue.ts';
import { githubHandleSchema } from '../../src/schemas/person.ts';
import { sourceSchema } from '../../src/schemas/source.ts';

const messages = (result: { success: boolean; error?: z.ZodError }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe('calendarDate', () => {
  it('accepts YYYY-MM-DD strings as midnight UTC', () => {
    const date = calendarDate.parse('2025-03-14');
    expect(date).toBeInstanceOf(Date);
    expect(date.toISOString()).toBe('2025-03-14T00:00:00.000Z');
  });

  it('accepts the Date a YAML 1.1 loader produces, unchanged', () => {
    const input = new Date('2024-02-29T00:00:00Z');
    expect(calendarDate.parse(input)).toBe(input);
  });

  it('accepts 29 February in a leap year only', () => {
    expect(calendarDate.safeParse('2024-02-29').success).toBe(true);
    expect(messages(calendarDate.safeParse('2025-02-29'))).toEqual([
      '"2025-02-29" is not a date; write it as YYYY-MM-DD (e.g. 2025-03-14)',
    ]);
  });

  it.each(['2025-02-30', '2025-13-01', '2025-00-10', '2025-3-14', '14/03/2025', '2025-03-14T10:00:00Z', ''])(
    'refuses %j with the expected form',
    (input) => {
      expect(messages(calendarDate.safeParse(input))).toEqual([
        `"${input}" is not a date; write it as YYYY-MM-DD (e.g. 2025-03-14)`,
      ]);
    },
  );

  it('refuses an invalid Date object', () => {
    expect(messages(calendarDate.safeParse(new Date('nope')))).toEqual([
      'expected a date written as YYYY-MM-DD',
    ]);
  });

  it('refuses other types with the expected form', () => {
    expect(messages(calendarDate.safeParse(20250314))).toEqual(['expected a date written as YYYY-MM-DD']);
  });

  it('isoDay is the inverse of parsing', () => {
    expect(isoDay(calendarDate.parse('1999-12-31'))).toBe('1999-12-31');
  });
});

describe('countSentences', () => {
  it.each([
    ['One sentence.', 1],
    ['One. Two! Three?', 3],
    ['One. Two. Three. Four.', 4],
    ['No terminal punctuation', 1],
    ['Version 2.5 is faster than 2.4. It ships today.', 2],
    ['  Trailing space.  ', 1],
  ])('%j has %i', (text, count) => {
    expect(countSentences(text)).toBe(count);
  });
});

const baseArticle = {
  title: 'A title',
  description: 'One sentence.',
  beat: 'mlops',
  author: 'ben-sato',
  reviewer: 'chen-li',
  published: '2025-03-14',
  sources: [{ id: 'a', title: 'A', kind: 'paper' }],
};

describe('articleSchema', () => {
  const schema = articleSchema(personIdSchema);

  it('normalises one author to a list and fills the defaults', () => {
    const article = schema.parse(baseArticle);
    expect(article.author).toEqual(['ben-sato']);
    expect(article.tags).toEqual([]);
    expect(article.draft).toBe(false);
    expect(article.corrections).toEqual([]);
    expect(article.published).toEqual(new Date('2025-03-14T00:00:00Z'));
  });

  it('accepts exactly three sentences of description and refuses four', () => {
    expect(schema.safeParse({ ...baseArticle, description: 'One. Two. Three.' }).success).toBe(true);
    expect(messages(schema.safeParse({ ...baseArticle, description: 'One. Two. Three. Four.' }))).toEqual([
      'must be one to three sentences; move the rest into the body',
    ]);
  });

  it('does not crash on an author that failed its own check (the cross-field rules wait)', () => {
    const result = schema.safeParse({ ...baseArticle, author: 'Ben Sato', reviewer: 'Ben Sato' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['author', 'reviewer']);
  });

  it('sees through object references (Astro’s reference() resolves ids to { collection, id })', () => {
    const reference = z.string().transform((id) => ({ collection: 'people', id }));
    const result = articleSchema(reference).safeParse({
      ...baseArticle,
      author: ['ada-okafor', 'chen-li'],
      reviewer: 'chen-li',
    });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['reviewer'],
        message: expect.stringContaining('"chen-li" is also an author'),
      }),
    ]);
  });

  it('allows updated on the day of publication', () => {
    expect(schema.safeParse({ ...baseArticle, updated: '2025-03-14' }).success).toBe(true);
  });
});

describe('sourceSchema', () => {
  it.each(['paper-2019', 'arXiv:2101.00001', 'smith_et_al.2020', '9to5'])('accepts the id %j', (id) => {
    expect(sourceSchema.safeParse({ id, title: 'T', kind: 'paper' }).success).toBe(true);
  });

  it.each(['-leading-dash', 'has space', '@at', 'ünï'])('refuses the id %j', (id) => {
    expect(messages(sourceSchema.safeParse({ id, title: 'T', kind: 'paper' }))).toEqual([
      'must start with a letter or digit and use only letters, digits and _ . : -',
    ]);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,hi',
    'file:///etc/passwd',
    'ftp://example.com/x',
    '/relative/path',
  ])('refuses the url %j', (url) => {
    expect(messages(sourceSchema.safeParse({ id: 'a', title: 'T', kind: 'paper', url }))).toEqual([
      'must be an absolute http:// or https:// URL',
    ]);
  });
});

describe('newsletterIssueSchema', () => {
  const issue = { number: 3, title: 'T', date: '2025-06-01', summary: 'S' };

  it('accepts a complete issue', () => {
    expect(newsletterIssueSchema.parse(issue).date).toEqual(new Date('2025-06-01T00:00:00Z'));
  });

  it.each([
    [0, 'must be 1 or more'],
    [-2, 'must be 1 or more'],
    [1.5, 'must be a whole number'],
  ])('refuses number %j', (number, message) => {
    expect(messages(newsletterIssueSchema.safeParse({ ...issue, number }))).toEqual([message]);
  });
});

describe('githubHandleSchema', () => {
  it.each(['octocat', 'a', 'Ada-Okafor', 'x1-y2-z3', 'a'.repeat(39)])('accepts %j', (handle) => {
    expect(githubHandleSchema.safeParse(handle).success).toBe(true);
  });

  it.each(['@octocat', '-octocat', 'octocat-', 'octo--cat', 'octo_cat', 'octo cat', '', 'a'.repeat(40)])(
    'refuses %j and says what a handle looks like',
    (handle) => {
      expect(messages(githubHandleSchema.safeParse(handle))).toEqual([
        'must be a GitHub user name without "@": letters, digits and single dashes, at most 39 characters, e.g. "octocat"',
      ]);
    },
  );
});
