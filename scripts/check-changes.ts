/**
 * npm run check:changes [-- --base REF] — a changed number needs a correction.
 *
 * Compares every published article with its version at REF (default: the merge base with the
 * default branch) and fails when a number, a date, a quotation or a source's URL changed
 * without a new entry in the article's `corrections` log. Typo and style edits pass; drafts
 * and new articles are exempt. In GitHub Actions each finding is also an annotation on the
 * changed line of the pull request.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { changedArticles, defaultBase, GitError, textAt } from '../src/lib/changes/git.ts';
import { compareArticle, type FactChange } from '../src/lib/changes/compare.ts';
import { contentRoot } from '../src/lib/content-root.ts';
import { formatProblem, githubAnnotation, type Problem } from '../src/lib/content-lint/problem.ts';
import { countOf } from '../src/lib/words.ts';
import { site } from '../src/site.config.ts';

const { values } = parseArgs({ options: { base: { type: 'string' } }, allowPositionals: false });
const cwd = process.cwd();

function describe(change: FactChange): string {
  const what = change.kind === 'source' ? `sources "${change.source}" link` : change.kind;
  if (change.before !== undefined && change.after !== undefined)
    return `${what} changed from "${change.before}" to "${change.after}"`;
  if (change.after !== undefined) return `${what} "${change.after}" added`;
  return `${what} "${change.before}" removed`;
}

try {
  const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8' }).trim();
  const base = values.base ?? defaultBase(top, site.repository.branch);
  const articlesDir = relative(top, resolve(cwd, contentRoot, 'articles'));
  const today = new Date().toISOString().slice(0, 10);
  const problems: Problem[] = [];
  let compared = 0;
  for (const { path, basePath } of changedArticles(top, base, articlesDir)) {
    const before = basePath ? textAt(top, base, basePath) : undefined;
    const after = await readFile(resolve(top, path), 'utf8').catch(() => undefined);
    const result = compareArticle(before, after, path);
    if (result.exempt) {
      console.log(`skip ${path}: ${result.exempt}`);
      continue;
    }
    compared += 1;
    for (const change of result.unaccounted) {
      problems.push({
        severity: 'error',
        file: relative(cwd, resolve(top, path)),
        line: change.line,
        field: 'check:changes',
        message: `${describe(change)} in a published article, with no new entry in "corrections". Log it: add { date: ${today}, kind: correction, summary: "…" } (or kind: clarification / update) and mark the new words with <Correction date="${today}">…</Correction>; or undo the change.`,
      });
    }
    if (result.changes.length > 0 && result.unaccounted.length === 0) {
      // New facts need no log entry (nothing a reader saw changed); changed ones are logged.
      const accounted =
        result.newCorrections.length > 0
          ? `logged on ${result.newCorrections.join(', ')}`
          : 'added text only (no log entry needed)';
      console.log(`ok ${path}: ${countOf(result.changes.length, 'changed fact')}, ${accounted}`);
    }
  }
  for (const problem of problems) console.log(formatProblem(problem));
  if (process.env.GITHUB_ACTIONS) for (const problem of problems) console.log(githubAnnotation(problem));
  console.log(
    `check:changes: ${countOf(compared, 'published article')} changed since ${base}; ${countOf(problems.length, 'unlogged change')}`,
  );
  process.exit(problems.length > 0 ? 1 : 0);
} catch (error) {
  if (error instanceof GitError) {
    console.error(`check:changes: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
