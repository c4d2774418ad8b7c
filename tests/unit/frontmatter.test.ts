/** The one rule for where an article's frontmatter is (content lint, check:changes, history, review, new:correction). */
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { addCorrection } from '../../src/lib/scaffold/correction.ts';

describe('splitFrontmatter', () => {
  it('splits YAML and body, and knows the line the body starts on', () => {
    expect(splitFrontmatter('---\ntitle: A\nbeat: mlops\n---\nFirst line.\n')).toEqual({
      yaml: 'title: A\nbeat: mlops',
      body: 'First line.\n',
      bodyLine: 5,
    });
  });

  it('reads past a byte-order mark and Windows line ends, without shifting lines', () => {
    expect(splitFrontmatter('\uFEFF---\r\ntitle: A\r\n---\r\nBody\r\n')).toEqual({
      yaml: 'title: A',
      body: 'Body\r\n',
      bodyLine: 4,
    });
  });

  it('finds none in a file that does not start with "---"', () => {
    expect(splitFrontmatter('title: A\n---\nBody\n')).toBeUndefined();
    expect(splitFrontmatter('\n---\ntitle: A\n---\n')).toBeUndefined();
  });
});

describe('npm run new:correction on a file saved with a byte-order mark', () => {
  it('adds the log entry after the mark and keeps the mark', () => {
    const saved = '\uFEFF---\ntitle: A\npublished: 2025-01-01\n---\nThe rate was 5 percent.\n';
    const out = addCorrection('content/articles/a.mdx', saved, {
      date: '2025-02-01',
      summary: 'The rate was 4 percent.',
      mark: '5 percent',
    });
    expect(out).toBe(
      '\uFEFF---\ntitle: A\npublished: 2025-01-01\ncorrections:\n  - date: 2025-02-01\n    summary: "The rate was 4 percent."\n---\nThe rate was <Correction date="2025-02-01">5 percent</Correction>.\n',
    );
  });
});
