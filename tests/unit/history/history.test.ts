/**
 * Article history from a temporary git repository: revisions, the correction that a commit
 * logged, word-level diffs of the prose, renames, drafts, and the shallow-clone message.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSiteHistory, revisionOfCorrection, type SiteHistory } from '../../../src/lib/history/history.ts';
import { VALID_FIXTURE } from '../helpers/content-tree.ts';

const ARTICLE = 'content/articles/feature-store-latency.mdx';

function makeRepo(): {
  repo: string;
  git: (...args: string[]) => string;
  edit: (from: string, to: string, path?: string) => void;
} {
  const repo = mkdtempSync(join(tmpdir(), 'mlsr-history-'));
  cpSync(VALID_FIXTURE, join(repo, 'content'), { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], {
      cwd: repo,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_COMMITTER_DATE: '2025-05-01T10:00:00Z',
        GIT_AUTHOR_DATE: '2025-05-01T10:00:00Z',
      },
    });
  const edit = (from: string, to: string, path = ARTICLE) => {
    const file = join(repo, path);
    const text = readFileSync(file, 'utf8');
    if (!text.includes(from)) throw new Error(`no "${from}" in ${path}`);
    writeFileSync(file, text.replace(from, to));
  };
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'Publish the first articles');
  return { repo, git, edit };
}

describe('readSiteHistory on a temporary repository', () => {
  let history: SiteHistory;
  let correctionSha: string;

  beforeAll(async () => {
    const { repo, git, edit } = makeRepo();
    edit('The store answers most reads', 'The store answers nearly all reads');
    git('commit', '-qam', 'Wording in the first paragraph');
    edit('cache hit rate of 82 percent', 'cache hit rate of 86 percent');
    edit(
      'corrections:\n',
      'corrections:\n  - date: 2025-05-01\n    kind: correction\n    summary: "An earlier version gave the hit rate as 82 percent; the paper says 86."\n',
    );
    edit(
      'cache hit rate of 86 percent',
      '<Correction date="2025-05-01">cache hit rate of 86 percent</Correction>',
    );
    git('commit', '-qam', 'Correct the hit rate');
    correctionSha = git('rev-parse', 'HEAD').trim();
    renameSync(
      join(repo, 'content/articles/drift-monitoring.md'),
      join(repo, 'content/articles/drift-watch.md'),
    );
    git('add', '-A');
    git('commit', '-qm', 'Rename the drift article');
    history = await readSiteHistory({ root: join(repo, 'content') });
  });

  it('lists the published revisions newest first, with date and summary', () => {
    expect(history.available).toBe(true);
    if (!history.available) return;
    const revisions = history.articles.get('feature-store-latency')!.revisions;
    expect(revisions.map((r) => [r.subject, r.first])).toEqual([
      ['Correct the hit rate', false],
      ['Wording in the first paragraph', false],
      ['Publish the first articles', true],
    ]);
    expect(revisions[0]!.date).toEqual(new Date('2025-05-01T10:00:00Z'));
  });

  it('ties the correction to the revision that logged it, with a word-level diff of the prose', () => {
    if (!history.available) throw new Error('no history');
    const article = history.articles.get('feature-store-latency');
    const revision = revisionOfCorrection(article, '2025-05-01')!;
    expect(revision.sha).toBe(correctionSha);
    expect(revision.corrections).toEqual([
      {
        day: '2025-05-01',
        kind: 'correction',
        summary: 'An earlier version gave the hit rate as 82 percent; the paper says 86.',
      },
    ]);
    expect(revision.metadata).toEqual(['corrections']);
    const changed = revision.diff.filter((e) => e.kind === 'block');
    expect(changed).toHaveLength(1);
    const parts = changed[0]!.parts;
    expect(parts.filter((p) => p.op !== 'same')).toEqual([
      { op: 'del', text: '82' },
      { op: 'ins', text: '86' },
    ]);
    // No MDX in the prose: the <Correction> mark and citation keys are not shown.
    expect(parts.map((p) => p.text).join('')).not.toMatch(/<Correction|\[@/);
  });

  it('says a correction older than the history has no revision', () => {
    if (!history.available) throw new Error('no history');
    expect(revisionOfCorrection(history.articles.get('feature-store-latency'), '2025-04-02')).toBeUndefined();
  });

  it('follows a renamed file under its new slug', () => {
    if (!history.available) throw new Error('no history');
    expect(history.articles.has('drift-monitoring')).toBe(false);
    expect(history.articles.get('drift-watch')!.revisions.map((r) => r.subject)).toEqual([
      'Rename the drift article',
      'Publish the first articles',
    ]);
  });
});

describe('readSiteHistory without full history', () => {
  it('says a shallow clone has no history and how to fetch it', async () => {
    const { repo, git } = makeRepo();
    git('commit', '-q', '--allow-empty', '-m', 'second');
    const shallow = mkdtempSync(join(tmpdir(), 'mlsr-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    const history = await readSiteHistory({ root: join(shallow, 'content') });
    expect(history).toMatchObject({
      available: false,
      reason: expect.stringContaining('shallow clone'),
      fix: expect.stringContaining('git fetch --unshallow'),
    });
  });

  it('says a copy that is not a repository has no history', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'mlsr-nogit-'));
    cpSync(VALID_FIXTURE, join(copy, 'content'), { recursive: true });
    expect(await readSiteHistory({ root: join(copy, 'content') })).toMatchObject({ available: false });
  });

  it('leaves drafts out: a piece is in the history from its first published version', async () => {
    const { repo, git, edit } = makeRepo();
    edit('published: 2025-03-14', 'published: 2025-03-14\ndraft: true');
    git('commit', '-qam', 'Back to draft');
    edit('published: 2025-03-14\ndraft: true', 'published: 2025-03-14');
    git('commit', '-qam', 'Publish again');
    const history = await readSiteHistory({ root: join(repo, 'content') });
    if (!history.available) throw new Error('no history');
    expect(history.articles.get('feature-store-latency')!.revisions.map((r) => r.subject)).toEqual([
      'Publish again',
      'Publish the first articles',
    ]);
  });
});
