/**
 * `npm run results:regenerate -- <slug>` reruns an article's harness script and says whether
 * its results files came out byte for byte as committed. Run on a copy of the MLPerf article
 * (its script is fast and self-contained), once as committed and once with a planted change.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SLUG = 'mlperf-inference-how-to-read';
const root = await mkdtemp(join(tmpdir(), 'mlsr-regenerate-'));
afterAll(() => rm(root, { recursive: true, force: true }));
await cp(join('content/articles', SLUG), join(root, 'articles', SLUG), { recursive: true });
const data = join(root, 'articles', SLUG, 'data/query-counts.json');

function regenerate(): { status: number; output: string } {
  try {
    const output = execFileSync(process.execPath, ['scripts/regenerate-results.ts', SLUG], {
      env: { ...process.env, MLSR_CONTENT_ROOT: root },
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { status: 0, output };
  } catch (error) {
    const { status, stdout, stderr } = error as { status: number; stdout: string; stderr: string };
    return { status, output: `${stdout}${stderr}` };
  }
}

describe('results:regenerate', () => {
  it('reproduces the committed file byte for byte', async () => {
    const before = await readFile(data);
    const { status, output } = regenerate();
    expect(output).toContain('every results file reproduced byte for byte');
    expect(status).toBe(0);
    expect((await readFile(data)).equals(before)).toBe(true);
  });

  it('fails and names the file when the committed data differs from what the script makes', async () => {
    await writeFile(data, (await readFile(data, 'utf8')).replace('262742', '262000'));
    const { status, output } = regenerate();
    expect(status).toBe(1);
    expect(output).toMatch(/CHANGED\s+.*data\/query-counts\.json/);
    expect(output).toContain('differ from what was committed');
  });
});
