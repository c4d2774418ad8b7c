/**
 * `npm run check:changes` as CI runs it, on a temporary git repository: a published article
 * on main, then a branch that edits it.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { VALID_FIXTURE } from '../helpers/content-tree.ts';

const PROJECT = resolve(import.meta.dirname, '../../..');
const NODE = resolve(PROJECT, 'node_modules/.bin/node');
const SCRIPT = resolve(PROJECT, 'scripts/check-changes.ts');
const ARTICLE = 'content/articles/feature-store-latency.mdx';

let repo: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
const edit = (path: string, from: string, to: string) => {
  const file = join(repo, path);
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${path} has no "${from}"`);
  writeFileSync(file, text.replace(from, to));
};

function checkChanges(args: string[] = [], env: NodeJS.ProcessEnv = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(
      NODE,
      [SCRIPT, ...args],
      { cwd: repo, env: { ...process.env, GITHUB_ACTIONS: '', ...env } },
      (error, stdout, stderr) => {
        done({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'mlsr-changes-'));
  cpSync(VALID_FIXTURE, join(repo, 'content'), { recursive: true });
  git('init', '-q', '-b', 'main');
  git('-c', 'user.name=T', '-c', 'user.email=t@example.org', 'add', '.');
  git('-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-qm', 'published');
  git('checkout', '-q', '-b', 'edit');
});

describe('scripts/check-changes.ts', () => {
  it('fails a changed number with file:line, old and new value, and a GitHub annotation', async () => {
    edit(ARTICLE, 'cache hit rate of 82 percent', 'cache hit rate of 86 percent');
    const run = await checkChanges([], { GITHUB_ACTIONS: 'true' });
    expect(run.code).toBe(1);
    const line =
      readFileSync(join(repo, ARTICLE), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('86 percent')) + 1;
    expect(run.stdout).toContain(
      `error ${ARTICLE}:${line} check:changes: number changed from "82 percent" to "86 percent" in a published article, with no new entry in "corrections".`,
    );
    expect(run.stdout).toMatch(
      new RegExp(
        `^::error file=${ARTICLE},line=${line},title=check%3Achanges::number changed from "82 percent"`,
        'm',
      ),
    );
  });

  it('passes a typo fix', async () => {
    edit(ARTICLE, 'The store answers most reads', 'The store answers most of its reads');
    const run = await checkChanges();
    expect(run.stdout).toContain('1 published article changed since');
    expect(run.stdout).toContain('0 unlogged changes');
    expect(run.code).toBe(0);
  });

  it('passes the number once a corrections entry logs it', async () => {
    edit(ARTICLE, 'cache hit rate of 82 percent', 'cache hit rate of 86 percent');
    edit(
      ARTICLE,
      'corrections:\n',
      'corrections:\n  - date: 2025-05-01\n    kind: correction\n    summary: "An earlier version gave the hit rate as 82 percent; it is 86."\n',
    );
    edit(
      ARTICLE,
      'The store answers most reads',
      'The store <Correction date="2025-05-01">answers</Correction> most reads',
    );
    const run = await checkChanges();
    expect(run.stdout).toContain('logged on 2025-05-01');
    expect(run.code).toBe(0);
  });

  it('passes added text that carries a number, saying no log entry is needed', async () => {
    edit(
      ARTICLE,
      'The store answers most reads',
      'The store runs in 3 regions. The store answers most reads',
    );
    const run = await checkChanges();
    expect(run.stdout).toMatch(
      /^ok content\/articles\/feature-store-latency\.mdx: 1 changed fact, added text only \(no log entry needed\)$/m,
    );
    expect(run.code).toBe(0);
  });

  it('exempts a draft on the base branch and a new article', async () => {
    git('checkout', '-q', 'main');
    edit(ARTICLE, 'published: 2025-03-14', 'published: 2025-03-14\ndraft: true');
    git('-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-qam', 'draft');
    git('checkout', '-q', '-b', 'draft-edit');
    edit(ARTICLE, 'cache hit rate of 82 percent', 'cache hit rate of 86 percent');
    cpSync(join(repo, ARTICLE), join(repo, 'content/articles/another-piece.mdx'));
    git('add', '.');
    const run = await checkChanges();
    expect(run.stdout).toContain(`skip ${ARTICLE}: draft`);
    expect(run.stdout).toContain('skip content/articles/another-piece.mdx: new article');
    expect(run.code).toBe(0);
  });

  it('says how to fix a base that is not in the clone', async () => {
    const run = await checkChanges(['--base', 'origin/nowhere']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the base origin/nowhere is not in this clone. Fetch it');
  });
});
