/**
 * Reads the history of every article in two git processes for the whole build, never one per
 * article: `git log --raw` lists every commit that touched the articles folder with the blob
 * ids before and after (renames followed), and one `git cat-file --batch` streams the texts
 * of exactly the blobs the history pages need.
 */
import { spawn, spawnSync } from 'node:child_process';

export interface FileChange {
  /** Path before the commit (differs after a rename); undefined when the file was added. */
  from?: string;
  /** Path after the commit; undefined when the file was deleted. */
  to?: string;
  /** Blob ids; undefined on the side where the file does not exist. */
  oldBlob?: string;
  newBlob?: string;
}

export interface Commit {
  sha: string;
  /** Committer date (when the change landed), ISO 8601. */
  date: string;
  subject: string;
  changes: FileChange[];
}

export type RepositoryState =
  { kind: 'full'; top: string } | { kind: 'shallow'; top: string } | { kind: 'none'; reason: string };

function run(cwd: string, args: string[]): { ok: boolean; out: string; err: string } {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  // No git on the machine (ENOENT) or a killed process: there is no output to read.
  if (result.error) return { ok: false, out: '', err: result.error.message };
  return { ok: result.status === 0, out: result.stdout, err: result.stderr.trim() };
}

/** Whether `dir` is in a git repository with its full history. */
export function repositoryState(dir: string): RepositoryState {
  const top = run(dir, ['rev-parse', '--show-toplevel']);
  if (!top.ok) return { kind: 'none', reason: top.err || 'not a git repository' };
  const shallow = run(dir, ['rev-parse', '--is-shallow-repository']);
  return { kind: shallow.out.trim() === 'true' ? 'shallow' : 'full', top: top.out.trim() };
}

const ZERO = /^0+$/;
const RECORD = '\u001e';
const FIELD = '\u001f';

/** Every commit reachable from HEAD that touched `dir` (repository-relative), oldest first. */
export function commitsTouching(top: string, dir: string): Commit[] {
  const result = run(top, [
    'log',
    '--reverse',
    '--raw',
    '--no-abbrev',
    '-M',
    '-z',
    `--format=${RECORD}%H${FIELD}%cI${FIELD}%s`,
    '--',
    dir,
  ]);
  if (!result.ok) throw new Error(`git log failed in ${top}: ${result.err}`);
  const commits: Commit[] = [];
  for (const record of result.out.split(RECORD).slice(1)) {
    const [header, ...raw] = record.split('\0');
    const [sha, date, subject] = header!.replace(/\n$/, '').split(FIELD) as [string, string, string];
    const changes: FileChange[] = [];
    // -z raw entries: ":old new oldsha newsha STATUS\0path\0" (two paths for renames/copies).
    for (let i = 0; i < raw.length;) {
      const meta = raw[i++]!.replace(/^\n/, '');
      if (!meta.startsWith(':')) continue;
      const [, , oldBlob, newBlob, status] = meta.slice(1).split(' ') as [
        string,
        string,
        string,
        string,
        string,
      ];
      const first = raw[i++]!;
      const second = /^[RC]/.test(status) ? raw[i++]! : undefined;
      changes.push({
        ...(status.startsWith('A') ? {} : { from: first }),
        ...(status.startsWith('D') ? {} : { to: second ?? first }),
        ...(ZERO.test(oldBlob) ? {} : { oldBlob }),
        ...(ZERO.test(newBlob) ? {} : { newBlob }),
      });
    }
    commits.push({ sha, date, subject, changes });
  }
  return commits;
}

/** The texts of the given blobs, from one `git cat-file --batch` process. */
export async function readBlobs(top: string, blobs: readonly string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  if (blobs.length === 0) return texts;
  const child = spawn('git', ['cat-file', '--batch'], { cwd: top, stdio: ['pipe', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  child.stdin.end(`${blobs.join('\n')}\n`);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0) throw new Error(`git cat-file --batch failed in ${top}: ${stderr.trim()}`);
  const out = Buffer.concat(chunks);
  let at = 0;
  for (const blob of blobs) {
    const newline = out.indexOf(10, at);
    const header = out.subarray(at, newline).toString('utf8');
    const [sha, type, size] = header.split(' ');
    if (type !== 'blob' || sha !== blob)
      throw new Error(`git cat-file: expected blob ${blob}, got "${header}"`);
    const length = Number(size);
    texts.set(blob, out.subarray(newline + 1, newline + 1 + length).toString('utf8'));
    at = newline + 1 + length + 1;
  }
  return texts;
}
