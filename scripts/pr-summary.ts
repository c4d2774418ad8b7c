/**
 * npm run pr:summary -- [--base <git ref>] [--artifact name]
 *
 * After a build, lists the pages the current branch adds, changes or removes compared with
 * `--base` (in CI: the pull request's base commit), with the content lint's findings per changed
 * file, as Markdown: on stdout and, in GitHub Actions, in the job summary.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { lintContent } from '../src/lib/content-lint/index.ts';
import { isPublicIn, readContentIndex } from '../src/lib/content-files.ts';
import { contentRoot } from '../src/lib/content-root.ts';
import { summaryMarkdown, type ChangedFile } from '../src/lib/pr-summary.ts';

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: process.env.PR_BASE_SHA || 'origin/main' },
    artifact: { type: 'string', default: 'site-preview' },
    dist: { type: 'string', default: 'dist' },
  },
});

function changedFiles(base: string): ChangedFile[] {
  let out: string;
  try {
    out = execFileSync('git', ['diff', '--name-status', '-M', '--no-color', base, 'HEAD'], {
      encoding: 'utf8',
    });
  } catch {
    console.error(
      `pr:summary: cannot compare with "${base}": fetch it first (CI checks out with fetch-depth: 0), or pass --base <ref>.`,
    );
    process.exit(1);
  }
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [status, first, second] = line.split('\t');
      const kind = status![0] as ChangedFile['status'];
      return second ? { status: kind, path: second, oldPath: first! } : { status: kind, path: first! };
    });
}

function titleOf(html: string): string | undefined {
  let title: string | undefined;
  visit(fromHtml(html), 'element', (node: Element) => {
    if (node.tagName === 'title' && title === undefined) title = toString(node);
  });
  return title;
}

const files = changedFiles(values.base);
// Drafts (by their project-relative file) get no page in production; a broken layout is the
// build's and the lint's to report, so the summary then just cannot tell drafts apart.
const drafts = new Set(
  await readContentIndex(contentRoot)
    .then((index) => index.articles.filter((a) => !isPublicIn(a.data, 'production')).map((a) => a.file))
    .catch(() => []),
);
const { problems } = await lintContent(contentRoot);
const markdown = summaryMarkdown({
  files,
  artifact: values.artifact,
  problems,
  page(url) {
    const html = join(values.dist, url, 'index.html');
    if (!existsSync(html)) return undefined;
    const title = titleOf(readFileSync(html, 'utf8'));
    return title === undefined ? {} : { title };
  },
  isDraft: (path) => drafts.has(path),
});
const notice = existsSync(values.dist)
  ? ''
  : `> The build did not complete (no \`${values.dist}/\`), so no page could be checked; the lint findings still apply.\n\n`;
console.log(notice + markdown);
if (process.env.GITHUB_STEP_SUMMARY)
  appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${notice}${markdown}\n`);
