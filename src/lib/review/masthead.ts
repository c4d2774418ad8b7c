/**
 * Who may approve for whom: person id → GitHub login, read from the people files of the
 * checkout the workflow runs on (the base branch, never the pull request's copy, so a pull
 * request cannot point a reviewer's handle at its own author).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { GITHUB_HANDLE_PATTERN } from '../../schemas/person.ts';
import type { Masthead } from './technical-review.ts';

export async function readMasthead(peopleDir: string): Promise<Masthead> {
  const github = new Map<string, string | undefined>();
  for (const name of (await readdir(peopleDir)).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const file = join(peopleDir, name);
    let data: { github?: unknown } | null;
    try {
      data = parseYaml(await readFile(file, 'utf8')) as { github?: unknown } | null;
    } catch (error) {
      // The content lint names the line; here the file is enough to find it.
      throw new Error(`${file}: not valid YAML (${(error as Error).message})`, { cause: error });
    }
    const handle = data?.github;
    // An invalid handle is the content lint's to report; here it simply cannot approve.
    github.set(
      name.replace(/\.ya?ml$/, ''),
      typeof handle === 'string' && GITHUB_HANDLE_PATTERN.test(handle) ? handle : undefined,
    );
  }
  return { github };
}
