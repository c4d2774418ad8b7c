/**
 * Article frontmatter rules: each test breaks one rule in a copy of the valid fixture and
 * asserts the problem an editor would read: severity, file, line, field and the fix.
 */
import { describe, expect, it } from 'vitest';
import { lintEdited, onlyProblem, problemsFor } from './helpers/content-tree.ts';
import { lineOf } from './helpers/text.ts';

const FEATURE = 'articles/feature-store-latency.mdx'; // architecture, one author, a correction
const BENCH = 'articles/gpu-inference-benchmark/index.mdx'; // benchmarks, two authors, updated
const DRIFT = 'articles/drift-monitoring.md'; // plain Markdown, one source

describe('article frontmatter: required fields', () => {
  it('a missing title is reported as missing', async () => {
    const { result } = await lintEdited(FEATURE, 'title: "Where feature-store latency comes from"\n', '');
    expect(onlyProblem(result)).toMatchObject({
      severity: 'error',
      file: `content/${FEATURE}`,
      field: 'title',
      message: expect.stringContaining('is required but missing'),
    });
  });

  it('an empty title is refused too', async () => {
    const { result, text } = await lintEdited(
      FEATURE,
      'title: "Where feature-store latency comes from"',
      'title: "  "',
    );
    expect(onlyProblem(result)).toMatchObject({
      field: 'title',
      line: lineOf(text, 'title:'),
      message: expect.stringMatching(/^is required/),
    });
  });

  it('a missing description is reported as missing', async () => {
    const { result } = await lintEdited(
      FEATURE,
      `description: "A reconstruction of one online feature store's read path. We follow a request from cache to disk and back."\n`,
      '',
    );
    expect(onlyProblem(result)).toMatchObject({
      severity: 'error',
      file: `content/${FEATURE}`,
      field: 'description',
      message: expect.stringContaining('is required but missing'),
    });
  });

  it('a description of four sentences asks to move the rest into the body', async () => {
    const { result, text } = await lintEdited(
      FEATURE,
      'We follow a request from cache to disk and back.',
      'We follow a request from cache to disk. Then back again. Then we measure it.',
    );
    expect(onlyProblem(result)).toMatchObject({
      severity: 'error',
      file: `content/${FEATURE}`,
      line: lineOf(text, 'description:'),
      field: 'description',
      message: expect.stringContaining('must be one to three sentences; move the rest into the body'),
    });
  });

  it('a missing author says what an author is', async () => {
    const { result } = await lintEdited(FEATURE, 'author: ben-sato\n', '');
    expect(onlyProblem(result)).toMatchObject({
      field: 'author',
      message:
        'is required but missing (must be a person id, or a list of person ids for a co-authored piece).',
    });
  });

  it('a missing published date says how to write one', async () => {
    const { result } = await lintEdited(FEATURE, 'published: 2025-03-14\n', '');
    // Without `published` the correction can't be compared to it, so only the missing field is reported.
    expect(onlyProblem(result)).toMatchObject({
      field: 'published',
      message: 'is required but missing (expected a date written as YYYY-MM-DD).',
    });
  });
});

describe('article frontmatter: beat and people', () => {
  it('an unknown beat lists the beats', async () => {
    const { result, text } = await lintEdited(FEATURE, 'beat: architecture', 'beat: opinion');
    expect(onlyProblem(result)).toMatchObject({
      severity: 'error',
      file: `content/${FEATURE}`,
      line: lineOf(text, 'beat:'),
      field: 'beat',
      message: 'must be one of architecture, benchmarks, mlops, postmortems. Found "opinion".',
    });
  });

  it('an author who is not on the masthead lists who is', async () => {
    const { result, text } = await lintEdited(FEATURE, 'author: ben-sato', 'author: jane-doe');
    expect(onlyProblem(result)).toMatchObject({
      severity: 'error',
      file: `content/${FEATURE}`,
      line: lineOf(text, 'author:'),
      field: 'author',
      message:
        '"jane-doe" is not on the masthead: no content/people/jane-doe.yaml. Use one of: ada-okafor, ben-sato, chen-li.',
    });
  });

  it('an unknown co-author in a list is named', async () => {
    const { result } = await lintEdited(BENCH, 'author: [chen-li, ben-sato]', 'author: [chen-li, jane-doe]');
    expect(onlyProblem(result)).toMatchObject({
      file: `content/${BENCH}`,
      field: 'author',
      message: expect.stringContaining('"jane-doe" is not on the masthead'),
    });
  });

  it('a name where a person id belongs is refused with an example id (and does not crash the lint)', async () => {
    const { result } = await lintEdited(FEATURE, 'author: ben-sato', 'author: Ben Sato');
    expect(onlyProblem(result)).toMatchObject({
      field: 'author',
      message: expect.stringMatching(
        /^must be a person id: the file name of content\/people\/<id>\.yaml.*Found "Ben Sato"\.$/,
      ),
    });
  });

  it('an empty author list asks for an author', async () => {
    const { result } = await lintEdited(FEATURE, 'author: ben-sato', 'author: []');
    expect(onlyProblem(result)).toMatchObject({
      field: 'author',
      message: 'list at least one author. Found [].',
    });
  });

  it('a reviewer who is not on the masthead lists who is', async () => {
    const { result, text } = await lintEdited(FEATURE, 'reviewer: chen-li', 'reviewer: jane-doe');
    expect(onlyProblem(result)).toMatchObject({
      severity: 'error',
      file: `content/${FEATURE}`,
      line: lineOf(text, 'reviewer:'),
      field: 'reviewer',
      message: expect.stringContaining(
        '"jane-doe" is not on the masthead: no content/people/jane-doe.yaml. Use one of:',
      ),
    });
  });

  it('the author cannot review their own piece', async () => {
    const { result, text } = await lintEdited(FEATURE, 'reviewer: chen-li', 'reviewer: ben-sato');
    expect(onlyProblem(result)).toMatchObject({
      severity: 'error',
      file: `content/${FEATURE}`,
      line: lineOf(text, 'reviewer:'),
      field: 'reviewer',
      message: '"ben-sato" is also an author; the technical reviewer must be someone else on the masthead.',
    });
  });

  it('a co-author cannot review the piece either', async () => {
    const { result } = await lintEdited(BENCH, 'reviewer: ada-okafor', 'reviewer: ben-sato');
    expect(onlyProblem(result)).toMatchObject({
      file: `content/${BENCH}`,
      field: 'reviewer',
      message: expect.stringContaining('"ben-sato" is also an author'),
    });
  });

  it('an author listed twice is pointed at by position', async () => {
    const { result } = await lintEdited(
      BENCH,
      'author: [chen-li, ben-sato]',
      'author: [chen-li, ben-sato, chen-li]',
    );
    expect(onlyProblem(result)).toMatchObject({
      file: `content/${BENCH}`,
      field: 'author[2]',
      message: '"chen-li" is listed twice.',
    });
  });
});

describe('article frontmatter: dates', () => {
  it('a day that does not exist (2025-02-30) is not a date', async () => {
    const { result, text } = await lintEdited(FEATURE, 'published: 2025-03-14', 'published: 2025-02-30');
    expect(onlyProblem(result)).toMatchObject({
      severity: 'error',
      file: `content/${FEATURE}`,
      line: lineOf(text, 'published:'),
      field: 'published',
      message: '"2025-02-30" is not a date; write it as YYYY-MM-DD (e.g. 2025-03-14).',
    });
  });

  it('a date in another format asks for YYYY-MM-DD', async () => {
    const { result } = await lintEdited(FEATURE, 'published: 2025-03-14', 'published: 14/03/2025');
    expect(onlyProblem(result)).toMatchObject({
      field: 'published',
      message: expect.stringContaining('"14/03/2025" is not a date; write it as YYYY-MM-DD'),
    });
  });

  it('updated before published says which must come first', async () => {
    const { result, text } = await lintEdited(BENCH, 'updated: 2025-05-22', 'updated: 2025-05-01');
    expect(onlyProblem(result)).toMatchObject({
      severity: 'error',
      file: `content/${BENCH}`,
      line: lineOf(text, 'updated:'),
      field: 'updated',
      message: '2025-05-01 is before published (2025-05-20); updated must be on or after it.',
    });
  });
});

describe('article frontmatter: unknown keys', () => {
  it('a misspelt key (reviwer) is named at its line, with the key it was meant to be', async () => {
    const { result, text } = await lintEdited(FEATURE, 'reviewer: chen-li', 'reviwer: chen-li');
    expect(result.problems).toHaveLength(2);
    expect(problemsFor(result, 'reviwer')).toEqual([
      {
        severity: 'error',
        file: `content/${FEATURE}`,
        line: lineOf(text, 'reviwer:'),
        field: 'reviwer',
        message: 'is not a known key: did you mean "reviewer"? Rename it.',
      },
    ]);
    expect(problemsFor(result, 'reviewer')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('is required but missing') }),
    ]);
  });

  it('an unknown key with no near miss points at the allowed keys', async () => {
    const { result, text } = await lintEdited(
      FEATURE,
      'tags: [feature-stores, latency]',
      'tags: [feature-stores, latency]\nsubtitle: "Cache first"',
    );
    expect(onlyProblem(result)).toMatchObject({
      line: lineOf(text, 'subtitle:'),
      field: 'subtitle',
      message:
        'is not a known key: remove it or fix its spelling (see content/FORMAT.md for the allowed keys).',
    });
  });

  it('an unknown key inside a source is named with its path', async () => {
    const { result, text } = await lintEdited(
      FEATURE,
      '    kind: docs',
      '    kind: docs\n    notes: "cached copy"',
    );
    expect(onlyProblem(result)).toMatchObject({
      line: lineOf(text, 'notes:'),
      field: 'sources[2].notes',
      message: expect.stringContaining('is not a known key'),
    });
  });

  it('a tag that is not lower-case-with-dashes shows the expected form', async () => {
    const { result } = await lintEdited(
      FEATURE,
      'tags: [feature-stores, latency]',
      'tags: [feature-stores, Tail Latency]',
    );
    expect(onlyProblem(result)).toMatchObject({
      field: 'tags[1]',
      message: expect.stringContaining('tags are lower-case words joined by dashes, e.g. "feature-stores"'),
    });
  });
});

describe('article frontmatter: sources', () => {
  it('an empty source list asks for a source', async () => {
    const { result, text } = await lintEdited(
      DRIFT,
      'sources:\n  - id: psi-note\n    title: "Population Stability Index, Explained"\n    url: http://example.com/psi\n    kind: blog\n    archived: https://web.archive.org/web/20250301120000/http://example.com/psi\n',
      'sources: []\n',
    );
    expect(onlyProblem(result)).toMatchObject({
      severity: 'error',
      file: `content/${DRIFT}`,
      line: lineOf(text, 'sources:'),
      field: 'sources',
      message: 'list at least one source: every number we publish is sourced. Found [].',
    });
  });

  it('a duplicate source id names the earlier source', async () => {
    const { result, text } = await lintEdited(FEATURE, 'id: store-talk', 'id: store-paper');
    expect(onlyProblem(result)).toMatchObject({
      file: `content/${FEATURE}`,
      line: text.split('\n').indexOf('  - id: store-paper', lineOf(text, '  - id: store-paper')) + 1,
      field: 'sources[1].id',
      message: '"store-paper" is already the id of sources[0]; source ids must be unique.',
    });
  });

  it('a source id with spaces says which characters are allowed', async () => {
    const { result } = await lintEdited(FEATURE, 'id: vendor-docs', 'id: vendor docs');
    // The citation [@vendor-docs] now names nothing either; both point the editor at the same fix.
    expect(problemsFor(result, 'sources[2].id')).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(
          'must start with a letter or digit and use only letters, digits and _ . : -',
        ),
      }),
    ]);
  });

  it('a javascript: source URL is refused', async () => {
    const { result, text } = await lintEdited(
      DRIFT,
      'url: http://example.com/psi',
      'url: javascript:alert(1)',
    );
    expect(onlyProblem(result)).toMatchObject({
      severity: 'error',
      file: `content/${DRIFT}`,
      line: lineOf(text, 'url:'),
      field: 'sources[0].url',
      message: 'must be an absolute http:// or https:// URL. Found "javascript:alert(1)".',
    });
  });

  it('a source URL that is not a URL is refused', async () => {
    const { result } = await lintEdited(DRIFT, 'url: http://example.com/psi', 'url: example.com/psi');
    expect(onlyProblem(result)).toMatchObject({
      field: 'sources[0].url',
      message: 'must be an absolute http:// or https:// URL. Found "example.com/psi".',
    });
  });

  it('an unknown source kind lists the kinds', async () => {
    const { result, text } = await lintEdited(DRIFT, 'kind: blog', 'kind: tweet');
    expect(onlyProblem(result)).toMatchObject({
      line: lineOf(text, 'kind: tweet'),
      field: 'sources[0].kind',
      message:
        'must be one of paper, book, report, filing, press-release, news, talk, blog, docs, code, benchmark, dataset, measurement, interview. Found "tweet".',
    });
  });

  it('a DOI written as a link asks for the bare DOI', async () => {
    const { result, text } = await lintEdited(
      FEATURE,
      'doi: 10.5555/example.2024.17',
      'doi: https://doi.org/10.5555/example.2024.17',
    );
    expect(onlyProblem(result)).toMatchObject({
      line: lineOf(text, 'doi: https://doi.org/'),
      field: 'sources[0].doi',
      message: expect.stringContaining('write the DOI itself (10.xxxx/…), without the https://doi.org/'),
    });
  });

  it('something that is not a DOI shows what a DOI looks like', async () => {
    const { result } = await lintEdited(FEATURE, 'doi: 10.5555/example.2024.17', 'doi: 5555/example');
    expect(onlyProblem(result)).toMatchObject({
      field: 'sources[0].doi',
      message: expect.stringContaining('is not a DOI: a DOI looks like 10.1145/2408776.2408794'),
    });
  });

  it('an archived URL that is not a web-archive snapshot is refused', async () => {
    const { result, text } = await lintEdited(
      FEATURE,
      'archived: https://archive.ph/Ab3De',
      'archived: https://example.org/copy-of-the-talk',
    );
    expect(onlyProblem(result)).toMatchObject({
      line: lineOf(text, 'archived: https://example.org'),
      field: 'sources[1].archived',
      message: expect.stringContaining('is not a web-archive snapshot: use https://web.archive.org/web/'),
    });
  });

  it('a snapshot of another page is refused, naming both pages', async () => {
    const { result } = await lintEdited(
      FEATURE,
      'web/20250301120000/https://example.com/papers/online-feature-store',
      'web/20250301120000/https://example.com/papers/another-paper',
    );
    expect(onlyProblem(result)).toMatchObject({
      field: 'sources[0].archived',
      message:
        "is a snapshot of https://example.com/papers/another-paper, not of this source's url https://example.com/papers/online-feature-store: archive the same page.",
    });
  });

  it('an accessed date before the publication date is refused', async () => {
    const { result } = await lintEdited(FEATURE, 'accessed: 2025-03-01', 'accessed: 2024-01-01');
    expect(onlyProblem(result)).toMatchObject({
      field: 'sources[0].accessed',
      message: expect.stringContaining("2024-01-01 is before the source's date 2024-06-01"),
    });
  });

  it('a web source without an archived copy is a warning at its url, not an error', async () => {
    const { result, text } = await lintEdited(
      DRIFT,
      '    archived: https://web.archive.org/web/20250301120000/http://example.com/psi\n',
      '',
    );
    expect(onlyProblem(result)).toMatchObject({
      severity: 'warning',
      line: lineOf(text, 'url: http://example.com/psi'),
      field: 'sources[0].archived',
      message: expect.stringContaining('"psi-note" is a web page with no archived copy'),
    });
  });
});

describe('article frontmatter: corrections log', () => {
  it('a correction dated before publication is refused', async () => {
    const { result, text } = await lintEdited(FEATURE, '  - date: 2025-04-02', '  - date: 2025-03-01');
    const problems = problemsFor(result, 'corrections[0].date');
    expect(problems).toEqual([
      {
        severity: 'error',
        file: `content/${FEATURE}`,
        line: lineOf(text, '  - date: 2025-03-01'),
        field: 'corrections[0].date',
        message: '2025-03-01 is before published (2025-03-14); a correction comes after publication.',
      },
    ]);
  });

  it('two log entries on one day are asked to be merged', async () => {
    const { result } = await lintEdited(
      FEATURE,
      'corrections:\n',
      'corrections:\n  - date: 2025-04-02\n    summary: "An earlier version misnamed the cache tier in the second paragraph."\n',
    );
    expect(onlyProblem(result)).toMatchObject({
      field: 'corrections[1].date',
      message: expect.stringContaining('2025-04-02 is already the date of corrections[0]; merge'),
    });
  });

  it('a correction summary must say what changed', async () => {
    const { result } = await lintEdited(
      FEATURE,
      'summary: "An earlier version gave the cache hit rate as 90 percent; the paper reports 82 percent."',
      'summary: "Fixed."',
    );
    expect(onlyProblem(result)).toMatchObject({
      field: 'corrections[0].summary',
      message: expect.stringContaining('say what changed, in a full sentence'),
    });
  });
});
