/** The pull request's job summary: pages added, changed and removed, with lint findings per file. */
import { describe, expect, it } from 'vitest';
import { pageChanges, pageOf, summaryMarkdown, type SummaryInput } from '../../src/lib/pr-summary.ts';

const built: Record<string, string> = {
  '/articles/new-piece/': 'A new piece | ML Systems Review',
  '/articles/feature-store-latency/': 'Where feature-store latency comes from | ML Systems Review',
  '/articles/latency-budget/': 'A latency budget | ML Systems Review',
  '/newsletter/9/': 'Issue 9 | ML Systems Review',
  '/people/chen-li/': 'Chen Li | ML Systems Review',
};

function input(overrides: Partial<SummaryInput>): SummaryInput {
  return {
    files: [],
    page: (url) => (url in built ? { title: built[url]! } : undefined),
    isDraft: (path) => path.includes('draft-piece'),
    problems: [],
    artifact: 'site-preview',
    ...overrides,
  };
}

describe('pageOf', () => {
  it.each([
    ['content/articles/x.mdx', '/articles/x/'],
    ['content/articles/x/index.mdx', '/articles/x/'],
    ['content/articles/x/results/latency.csv', '/articles/x/'],
    ['content/newsletter/12.md', '/newsletter/12/'],
    ['content/people/chen-li.yaml', '/people/chen-li/'],
    ['content/FORMAT.md', undefined],
    ['src/lib/urls.ts', undefined],
  ])('%s → %s', (path, url) => {
    expect(pageOf(path)).toBe(url);
  });
});

describe('pageChanges', () => {
  it('lists added and changed pages with the titles the build gave them', () => {
    const pages = pageChanges(
      input({
        files: [
          { status: 'A', path: 'content/articles/new-piece.mdx' },
          { status: 'M', path: 'content/articles/feature-store-latency.mdx' },
          { status: 'A', path: 'content/newsletter/9.md' },
          { status: 'M', path: 'content/people/chen-li.yaml' },
          { status: 'M', path: 'src/lib/urls.ts' },
        ],
      }),
    );
    expect(pages.map((p) => [p.url, p.change, p.title, p.note])).toEqual([
      [
        '/articles/feature-store-latency/',
        'changed',
        'Where feature-store latency comes from | ML Systems Review',
        undefined,
      ],
      ['/articles/new-piece/', 'added', 'A new piece | ML Systems Review', undefined],
      ['/newsletter/9/', 'added', 'Issue 9 | ML Systems Review', undefined],
      ['/people/chen-li/', 'changed', 'Chen Li | ML Systems Review', undefined],
    ]);
  });

  it('flags a published article that got no page (the build dropped it)', () => {
    const [page] = pageChanges(input({ files: [{ status: 'A', path: 'content/articles/lost-piece.mdx' }] }));
    expect(page).toMatchObject({
      url: '/articles/lost-piece/',
      note: 'NO PAGE WAS BUILT for this content: check the build log',
    });
  });

  it('explains why a draft has no page', () => {
    const [page] = pageChanges(input({ files: [{ status: 'A', path: 'content/articles/draft-piece.mdx' }] }));
    expect(page!.note).toMatch(/^draft: no page in a production build/);
  });

  it("groups a folder article's files under its one page", () => {
    const pages = pageChanges(
      input({
        files: [
          { status: 'M', path: 'content/articles/latency-budget/index.mdx' },
          { status: 'A', path: 'content/articles/latency-budget/latency.csv' },
          { status: 'D', path: 'content/articles/latency-budget/old.svg' },
        ],
      }),
    );
    expect(pages).toEqual([
      expect.objectContaining({
        url: '/articles/latency-budget/',
        change: 'changed',
        sources: [
          'content/articles/latency-budget/index.mdx',
          'content/articles/latency-budget/latency.csv',
          'content/articles/latency-budget/old.svg',
        ],
      }),
    ]);
  });

  it('reports a removed article, and a renamed one as removed plus added', () => {
    const pages = pageChanges(
      input({
        files: [
          { status: 'D', path: 'content/articles/gone.mdx' },
          { status: 'R', path: 'content/articles/new-piece.mdx', oldPath: 'content/articles/old-name.mdx' },
        ],
      }),
    );
    expect(pages.map((p) => [p.url, p.change])).toEqual([
      ['/articles/gone/', 'removed'],
      ['/articles/new-piece/', 'added'],
      ['/articles/old-name/', 'removed'],
    ]);
  });
});

describe('summaryMarkdown', () => {
  it('puts the lint findings under each changed file, and only those', () => {
    const markdown = summaryMarkdown(
      input({
        files: [{ status: 'M', path: 'content/articles/feature-store-latency.mdx' }],
        problems: [
          {
            severity: 'warning',
            file: 'content/articles/feature-store-latency.mdx',
            line: 30,
            field: 'math',
            message: 'a TeX macro that is not portable.',
          },
          {
            severity: 'warning',
            file: 'content/articles/untouched.mdx',
            line: 3,
            message: 'not in this pull request.',
          },
        ],
      }),
    );
    expect(markdown).toContain(
      '| Where feature-store latency comes from \\| ML Systems Review<br>`/articles/feature-store-latency/` | changed | `content/articles/feature-store-latency.mdx` |  |',
    );
    expect(markdown).toContain(
      '**`content/articles/feature-store-latency.mdx`**\n\n```\nwarning content/articles/feature-store-latency.mdx:30 math: a TeX macro that is not portable.\n```',
    );
    expect(markdown).not.toContain('untouched');
    expect(markdown).toContain('`site-preview` artifact');
  });

  it('says when only platform files changed', () => {
    const markdown = summaryMarkdown(input({ files: [{ status: 'M', path: 'src/lib/urls.ts' }] }));
    expect(markdown).toContain('No article, newsletter issue or person page changes.');
    expect(markdown).toContain('1 platform file changed (`src/lib/urls.ts`)');
    expect(markdown).toContain('No content files changed.');
  });
});
