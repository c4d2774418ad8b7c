/**
 * The valid fixture, file-level rules (names, frontmatter, YAML), people and newsletter issues.
 */
import { describe, expect, it } from 'vitest';
import { formatReport, lintContent } from '../../src/lib/content-lint/index.ts';
import { lintEdited, onlyProblem, problemsFor, validTree, VALID_FIXTURE } from './helpers/content-tree.ts';
import { lineOf } from './helpers/text.ts';

describe('the valid fixture', () => {
  it('has no errors and no warnings', async () => {
    const { problems, articleCount } = await lintContent(VALID_FIXTURE);
    expect(problems).toEqual([]);
    expect(articleCount).toBe(3);
  });

  it('is really read: removing a person it relies on breaks it', async () => {
    const tree = await validTree();
    await tree.remove('people/chen-li.yaml');
    const { problems } = await tree.lint();
    // chen-li reviews two articles and co-authors the third.
    expect(problems.map((p) => `${p.file} ${p.field}`)).toEqual([
      'content/articles/drift-monitoring.md reviewer',
      'content/articles/feature-store-latency.mdx reviewer',
      'content/articles/gpu-inference-benchmark/index.mdx author',
    ]);
  });

  it('a tree with no people at all says how to add the masthead', async () => {
    const tree = await validTree();
    for (const id of ['ada-okafor', 'ben-sato', 'chen-li']) await tree.remove(`people/${id}.yaml`);
    const { problems } = await tree.lint();
    expect(problems).toContainEqual({
      severity: 'error',
      file: 'content/people',
      message: 'no people: add the masthead as content/people/<id>.yaml.',
    });
  });
});

describe('article files', () => {
  it('a file name that is not lower-case-with-dashes is refused, since it becomes the URL', async () => {
    const tree = await validTree();
    await tree.addInvalid('articles/Upper_Case.mdx', 'articles/Upper_Case.mdx');
    expect(onlyProblem(await tree.lint())).toEqual({
      severity: 'error',
      file: 'content/articles/Upper_Case.mdx',
      message:
        'file name "Upper_Case" becomes the URL: use lower-case words joined by dashes, e.g. feature-store-latency.mdx.',
    });
  });

  it('a file without frontmatter says what the frontmatter looks like', async () => {
    const tree = await validTree();
    await tree.addInvalid('articles/no-frontmatter.md', 'articles/retraining-schedules.md');
    expect(onlyProblem(await tree.lint())).toEqual({
      severity: 'error',
      file: 'content/articles/retraining-schedules.md',
      line: 1,
      field: 'frontmatter',
      message:
        'is missing: the file must start with a "---" line, the YAML fields, and a closing "---" line.',
    });
  });

  it('a file saved with a byte-order mark is read as the editor sees it', async () => {
    const tree = await validTree();
    const text = await tree.read('articles/drift-monitoring.md');
    await tree.write('articles/drift-monitoring.md', `\uFEFF${text}`);
    const result = await tree.lint();
    expect(result.problems, formatReport(result.problems)).toEqual([]);
    // Line numbers are unchanged: a problem still points at the line the editor sees.
    await tree.write('articles/drift-monitoring.md', `\uFEFF${text.replace('[@psi-note]', '[@nope]')}`);
    expect(problemsFor(await tree.lint(), 'citation')).toEqual([
      expect.objectContaining({ line: lineOf(text, '[@psi-note]') }),
    ]);
  });

  it('frontmatter that is not valid YAML is reported near the broken line', async () => {
    const tree = await validTree();
    await tree.addInvalid('articles/bad-yaml.mdx', 'articles/bad-yaml.mdx');
    const text = await tree.read('articles/bad-yaml.mdx');
    const problem = onlyProblem(await tree.lint());
    expect(problem).toMatchObject({
      severity: 'error',
      file: 'content/articles/bad-yaml.mdx',
      field: 'frontmatter',
      message: expect.stringMatching(
        /^is not valid YAML: .*Check indentation and quote strings that contain ": "\.$/,
      ),
    });
    expect(problem.line).toBeGreaterThanOrEqual(lineOf(text, 'tags: [drift'));
    expect(problem.line).toBeLessThanOrEqual(lineOf(text, '---\n\n'));
  });

  it('the frontmatter is only the first --- block (a horizontal rule later is body)', async () => {
    const { result } = await lintEdited(
      'articles/drift-monitoring.md',
      'See [the glossary]',
      '---\n\nSee [the glossary]',
    );
    expect(result.problems).toEqual([]);
  });
});

describe('people', () => {
  const BEN = 'people/ben-sato.yaml';

  it('an unknown role lists the roles', async () => {
    const { result, text } = await lintEdited(BEN, 'role: staff-writer', 'role: intern');
    expect(onlyProblem(result)).toEqual({
      severity: 'error',
      file: `content/${BEN}`,
      line: lineOf(text, 'role:'),
      field: 'role',
      message:
        'must be one of editor-in-chief, deputy-editor, staff-writer, technical-reviewer, contributor. Found "intern".',
    });
  });

  it('a missing bio is reported as missing', async () => {
    const { result } = await lintEdited(
      BEN,
      'bio: Ben Sato writes about feature pipelines and model monitoring for the fixture edition.\n',
      '',
    );
    expect(onlyProblem(result)).toMatchObject({
      severity: 'error',
      file: `content/${BEN}`,
      field: 'bio',
      message: 'is required but missing (expected string).',
    });
  });

  it('a one-line bio asks for a full sentence', async () => {
    const { result } = await lintEdited(
      BEN,
      'bio: Ben Sato writes about feature pipelines and model monitoring for the fixture edition.',
      'bio: Writer.',
    );
    expect(onlyProblem(result)).toMatchObject({
      field: 'bio',
      message: 'is too short: write at least a full sentence (40+ characters). Found "Writer.".',
    });
  });

  it('an unknown key is named at its line', async () => {
    const { result, text } = await lintEdited(
      BEN,
      'role: staff-writer',
      'role: staff-writer\ntwitter: bensato',
    );
    expect(onlyProblem(result)).toEqual({
      severity: 'error',
      file: `content/${BEN}`,
      line: lineOf(text, 'twitter:'),
      field: 'twitter',
      message:
        'is not a known key: remove it or fix its spelling (see content/FORMAT.md for the allowed keys).',
    });
  });

  it('a link that is not http(s) or mailto: is refused', async () => {
    const { result } = await lintEdited(
      'people/chen-li.yaml',
      'url: https://example.com/chen-li',
      'url: javascript:alert(1)',
    );
    expect(onlyProblem(result)).toMatchObject({
      field: 'links[0].url',
      message: 'must be an http(s) or mailto: URL. Found "javascript:alert(1)".',
    });
  });

  it('a file name that is not a person id is refused', async () => {
    const tree = await validTree();
    await tree.write('people/Dana_Park.yaml', await tree.read(BEN));
    expect(onlyProblem(await tree.lint())).toEqual({
      severity: 'error',
      file: 'content/people/Dana_Park.yaml',
      message:
        'file name "Dana_Park" is not a valid person id: use lower-case words joined by dashes, e.g. nadia-volkov.yaml.',
    });
  });

  it('an invalid person still counts as known, so articles naming them get no second error', async () => {
    const { result } = await lintEdited(BEN, 'role: staff-writer', 'role: intern');
    expect(result.problems.every((p) => p.file === `content/${BEN}`)).toBe(true);
  });
});

describe('newsletter issues', () => {
  const issue = (number: string) =>
    `---\nnumber: ${number}\ntitle: "Extra issue"\ndate: 2025-06-01\nsummary: "One more."\n---\nBody.\n`;

  it('a number already used names the other issue', async () => {
    const tree = await validTree();
    // A copy-pasted issue that kept the old number: 3.md says it is number 2.
    await tree.write('newsletter/3.md', issue('2'));
    const { problems } = await tree.lint();
    expect(problems).toEqual([
      {
        severity: 'error',
        file: 'content/newsletter/3.md',
        line: 2,
        field: 'number',
        message: '2 is already used by content/newsletter/2.md; issue numbers are unique.',
      },
      expect.objectContaining({
        file: 'content/newsletter/3.md',
        field: 'number',
        message: 'is 2 but the file is named 3.md; name it 2.md.',
      }),
    ]);
  });

  it('a number below 1 is refused', async () => {
    const { result, text } = await lintEdited('newsletter/2.md', 'number: 2', 'number: 0');
    expect(result.problems).toContainEqual({
      severity: 'error',
      file: 'content/newsletter/2.md',
      line: lineOf(text, 'number:'),
      field: 'number',
      message: 'must be 1 or more. Found 0.',
    });
    expect(result.problems).toHaveLength(1);
  });

  it('a fractional number is refused', async () => {
    const { result } = await lintEdited('newsletter/2.md', 'number: 2', 'number: 2.5');
    expect(onlyProblem(result)).toMatchObject({
      field: 'number',
      message: 'must be a whole number. Found 2.5.',
    });
  });

  it('a file name that does not match the number says which name to use', async () => {
    const { result, text } = await lintEdited('newsletter/2.md', 'number: 2', 'number: 7');
    expect(onlyProblem(result)).toEqual({
      severity: 'error',
      file: 'content/newsletter/2.md',
      line: lineOf(text, 'number:'),
      field: 'number',
      message: 'is 7 but the file is named 2.md; name it 7.md.',
    });
  });

  it('a link to an article that does not exist names the line and the nearest slug', async () => {
    const { result, text } = await lintEdited(
      'newsletter/2.md',
      '(/articles/gpu-inference-benchmark/)',
      '(/articles/gpu-inference-benchmarks/)',
    );
    expect(onlyProblem(result)).toEqual({
      severity: 'error',
      file: 'content/newsletter/2.md',
      line: lineOf(text, 'This week:'),
      field: 'link',
      message:
        'links to /articles/gpu-inference-benchmarks/, but no article has the slug "gpu-inference-benchmarks": did you mean /articles/gpu-inference-benchmark/?',
    });
  });

  it('a link to a draft article is refused: it would be broken once published', async () => {
    const tree = await validTree();
    await tree.edit('articles/gpu-inference-benchmark/index.mdx', 'published:', 'draft: true\npublished:');
    const { problems } = await tree.lint();
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'content/newsletter/2.md',
        field: 'link',
        message: expect.stringContaining('an article that is still a draft'),
      }),
    );
  });

  it('an unknown key in an issue is named', async () => {
    const { result } = await lintEdited('newsletter/1.md', 'summary:', 'author: ada-okafor\nsummary:');
    expect(onlyProblem(result)).toMatchObject({
      file: 'content/newsletter/1.md',
      field: 'author',
      message: expect.stringContaining('is not a known key'),
    });
  });

  it('a citation in an issue is refused: issues have no sources list', async () => {
    const { result } = await lintEdited(
      'newsletter/1.md',
      'This week:',
      'A claim [@somewhere].\n\nThis week:',
    );
    expect(onlyProblem(result)).toMatchObject({
      file: 'content/newsletter/1.md',
      field: 'citation',
      message: expect.stringContaining('newsletter issues have no sources list'),
    });
  });

  it('the body of an issue gets the same HTML safety checks as an article', async () => {
    const { result } = await lintEdited(
      'newsletter/1.md',
      'This week:',
      '<script>alert(1)</script>\n\nThis week:',
    );
    expect(onlyProblem(result)).toMatchObject({
      file: 'content/newsletter/1.md',
      field: '<script>',
      message: expect.stringContaining('raw <script> is not allowed'),
    });
  });
});
