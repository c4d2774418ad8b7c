/** The workflow linter on planted defects, and `npm run lint:workflows` as a real process. */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatWorkflowProblem, lintWorkflows } from '../../scripts/lib/workflow-lint.ts';

const PROJECT = resolve(import.meta.dirname, '../..');
const NODE = resolve(PROJECT, 'node_modules/.bin/node');

const GOOD = `name: Good
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm test
`;

async function workflows(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'workflows-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

function cli(dir: string): Promise<{ code: number; stdout: string }> {
  return new Promise((done) => {
    execFile(
      NODE,
      [resolve(PROJECT, 'scripts/lint-workflows.ts'), dir],
      { cwd: dir, env: { ...process.env, GITHUB_ACTIONS: '' } },
      (error, stdout) => {
        done({ code: error ? Number(error.code) : 0, stdout });
      },
    );
  });
}

describe('lintWorkflows', () => {
  it("passes the repository's own workflows", async () => {
    const result = await lintWorkflows(resolve(PROJECT, '.github/workflows'), PROJECT);
    expect(result.problems.map(formatWorkflowProblem)).toEqual([]);
    expect(result.files).toContain('.github/workflows/ci.yml');
  });

  it('finds an undefined job in needs, a bad expression and an unknown key, with line and column', async () => {
    const dir = await workflows({
      'broken.yml': `name: Broken
on: push
jobs:
  deploy:
    needs: biuld
    runs-on: ubuntu-latest
    if: \${{ github.event.pull_request.head.repo.fork == }}
    steps:
      - run: echo hi
        shell-script: bash
`,
      'good.yml': GOOD,
    });
    const { files, problems } = await lintWorkflows(dir, dir);
    expect(files).toEqual(['broken.yml', 'good.yml']);
    expect(problems.every((p) => p.file === 'broken.yml')).toBe(true);
    const kinds = problems.map((p) => p.kind);
    expect(kinds).toContain('job-needs');
    expect(kinds).toContain('expression');
    expect(kinds).toContain('syntax-check');
    const needs = problems.find((p) => p.kind === 'job-needs');
    // actionlint points at the job that declares the missing dependency.
    expect(needs?.line).toBe(4);
    expect(needs?.message).toContain('biuld');
  });

  it('treats a directory without workflows as a problem, not a pass', async () => {
    const dir = await workflows({ 'README.md': '# not a workflow' });
    const { problems } = await lintWorkflows(dir, dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.kind).toBe('no-workflows');
  });
});

describe('scripts/lint-workflows.ts', () => {
  it('exits 1 and prints file:line:col on a broken workflow', async () => {
    const dir = await workflows({
      'ci.yml': GOOD.replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    timeout-minutes: soon'),
    });
    const run = await cli(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^ci\.yml:6:\d+ \[\S+\] /m);
    expect(run.stdout).toContain('workflow lint (actionlint): 1 problem in 1 workflow');
  });

  it('exits 0 on valid workflows', async () => {
    const run = await cli(await workflows({ 'ci.yml': GOOD }));
    expect(run.stdout).toContain('0 problems in 1 workflow');
    expect(run.code).toBe(0);
  });
});
