/**
 * A git history for generated fixtures, so the benchmark measures the article history pages
 * the way the site builds them (read from the repository). Deterministic: fixed dates and
 * authors, the same edits for the same fixtures. Every third article gets an earlier
 * published version (one word different in its first paragraph), so its history page has a
 * revision with a diff; the rest have their first version only.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const ENV = {
  GIT_AUTHOR_NAME: 'MLSR bench',
  GIT_AUTHOR_EMAIL: 'bench@example.org',
  GIT_COMMITTER_NAME: 'MLSR bench',
  GIT_COMMITTER_EMAIL: 'bench@example.org',
};

function git(cwd: string, date: string, ...args: string[]): void {
  execFileSync('git', args, {
    cwd,
    stdio: 'ignore',
    env: { ...process.env, ...ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
}

/** The earlier version: the first " the " of the body became " a " (a wording edit since). */
function earlierVersion(text: string): string {
  const body = text.indexOf('\n---', 4);
  const at = text.indexOf(' the ', body);
  return at === -1 ? text : `${text.slice(0, at)} a ${text.slice(at + 5)}`;
}

/** Two commits in `out` (a fixture content root): the earlier versions, then today's files. */
export async function generateHistory(out: string): Promise<{ revised: number }> {
  await rm(join(out, '.git'), { recursive: true, force: true });
  // Single-file and folder articles alike (a folder article's text is its index.md(x)).
  const files = (await readdir(join(out, 'articles'), { recursive: true }))
    .filter((name) => /\.mdx?$/.test(name))
    .sort();
  const finals = new Map<string, string>();
  let revised = 0;
  for (const [index, name] of files.entries()) {
    if (index % 3 !== 0) continue;
    const path = join(out, 'articles', name);
    const text = await readFile(path, 'utf8');
    const earlier = earlierVersion(text);
    if (earlier === text) continue;
    finals.set(path, text);
    await writeFile(path, earlier);
    revised += 1;
  }
  git(out, '2025-01-01T09:00:00Z', 'init', '-q', '-b', 'main');
  git(out, '2025-01-01T09:00:00Z', 'add', '-A');
  git(out, '2025-01-01T09:00:00Z', 'commit', '-q', '-m', 'Publish the archive');
  for (const [path, text] of finals) await writeFile(path, text);
  git(out, '2025-02-01T09:00:00Z', 'commit', '-q', '-a', '-m', `Wording edits in ${revised} articles`);
  return { revised };
}
