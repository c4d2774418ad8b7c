/** `npm run lint:content` as CI runs it: a real process, its exit code and what it prints. */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validTree, VALID_FIXTURE } from './helpers/content-tree.ts';

const PROJECT = resolve(import.meta.dirname, '../..');
const NODE = resolve(PROJECT, 'node_modules/.bin/node');
const SCRIPT = resolve(PROJECT, 'scripts/lint-content.ts');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function lintCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((done) => {
    // GITHUB_ACTIONS is cleared so the output does not depend on where the tests run.
    execFile(
      NODE,
      [SCRIPT, ...args],
      { cwd, env: { ...process.env, GITHUB_ACTIONS: '', ...env } },
      (error, stdout, stderr) => {
        done({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

describe('scripts/lint-content.ts', () => {
  it('exits 0 on the valid fixture and says what it checked', async () => {
    const run = await lintCli([VALID_FIXTURE], PROJECT);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('content lint: 0 errors, 0 warnings');
    expect(run.stdout).toContain(`checked 3 articles in ${VALID_FIXTURE}`);
    expect(run.code).toBe(0);
  });

  it('exits 1 on an error and prints file:line, field and the fix', async () => {
    const tree = await validTree();
    await tree.edit('articles/feature-store-latency.mdx', 'reviewer: chen-li', 'reviewer: ben-sato');
    const run = await lintCli(['content'], tree.root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'error content/articles/feature-store-latency.mdx:6 reviewer: "ben-sato" is also an author; the technical reviewer must be someone else on the masthead.',
    );
    expect(run.stdout).toContain('content lint: 1 error, 0 warnings');
  });

  it('exits 0 on warnings alone, but prints them', async () => {
    const tree = await validTree();
    await tree.edit('articles/drift-monitoring.md', '$\\mathrm{PSI} > 0.2$', '$\\mathrm{PSI} > 0.2 é$');
    const run = await lintCli(['content'], tree.root);
    expect(run.stdout).toMatch(
      /^warning content\/articles\/drift-monitoring\.md:19 inline math: .*unicodeTextInMathMode/m,
    );
    expect(run.stdout).toContain('content lint: 0 errors, 1 warning');
    expect(run.code).toBe(0);
  });

  it('reads MLSR_CONTENT_ROOT when no root is given', async () => {
    const tree = await validTree();
    await tree.addInvalid('articles/unsafe-markdown.md', 'articles/unsafe-markdown.md');
    const run = await lintCli([], tree.root, { MLSR_CONTENT_ROOT: './content' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'error content/articles/unsafe-markdown.md:16 <script>: raw <script> is not allowed in articles',
    );
    expect(run.stdout).toContain('content lint: 4 errors, 0 warnings');
  });

  it('adds GitHub annotations in GitHub Actions', async () => {
    const tree = await validTree();
    await tree.edit('articles/drift-monitoring.md', 'kind: blog', 'kind: tweet');
    const run = await lintCli(['content'], tree.root, { GITHUB_ACTIONS: 'true' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error file=content/articles/drift-monitoring.md,line=14,title=sources[0].kind::must be one of paper, book',
    );
  });
});
