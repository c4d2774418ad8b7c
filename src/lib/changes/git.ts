/** The few git questions check:changes asks, each one `git` call with a clear failure. */
import { execFileSync } from 'node:child_process';

export class GitError extends Error {}

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 1 << 28,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new GitError(`git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

/**
 * The merge base of HEAD with the default branch (the remote's copy when there is one). In a
 * shallow clone that base may be missing: say how to fetch it.
 */
export function defaultBase(cwd: string, branch: string): string {
  for (const ref of [`origin/${branch}`, branch]) {
    try {
      git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    } catch {
      continue;
    }
    try {
      return git(cwd, ['merge-base', 'HEAD', ref]).trim();
    } catch {
      throw new GitError(
        `no common history between HEAD and ${ref} (a shallow clone?). Fetch it with \`git fetch --unshallow\` (in GitHub Actions: actions/checkout with fetch-depth: 0), or pass --base REF.`,
      );
    }
  }
  throw new GitError(
    `neither origin/${branch} nor ${branch} exists here: pass the base explicitly, e.g. --base origin/${branch}`,
  );
}

export interface ChangedFile {
  /** Path now (repository-relative). */
  path: string;
  /** Path at the base, when the file existed there (differs from `path` after a rename). */
  basePath?: string;
}

/** Article files (.md, .mdx) under `dir` that differ between `base` and the working tree. */
export function changedArticles(cwd: string, base: string, dir: string): ChangedFile[] {
  try {
    git(cwd, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`]);
  } catch {
    throw new GitError(
      `the base ${base} is not in this clone. Fetch it (\`git fetch origin ${base}\`, or \`git fetch --unshallow\` in a shallow clone), or pass another --base.`,
    );
  }
  const out = git(cwd, ['diff', '--name-status', '-z', '-M', base, '--', dir]);
  const fields = out.split('\0').filter(Boolean);
  const files: ChangedFile[] = [];
  for (let i = 0; i < fields.length;) {
    const status = fields[i++]!;
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = fields[i++]!;
      const to = fields[i++]!;
      files.push({ path: to, ...(status.startsWith('R') ? { basePath: from } : {}) });
    } else {
      const path = fields[i++]!;
      files.push(status === 'A' ? { path } : { path, basePath: path });
    }
  }
  return files.filter((f) => /\.mdx?$/.test(f.path));
}

export function textAt(cwd: string, ref: string, path: string): string {
  return git(cwd, ['show', `${ref}:${path}`]);
}
