/**
 * What a pull request changes for readers: the pages its content files add, change or remove,
 * as found in the build, with the content lint's findings for each file. CI writes it to the
 * job summary (scripts/pr-summary.ts) so an editor can review the pull request by its pages.
 */
import { articleIdOf } from './content-files.ts';
import { formatProblem, type Problem } from './content-lint/problem.ts';
import { articleKeyOf } from './review/technical-review.ts';
import { urls } from './urls.ts';

/** One line of `git diff --name-status`: A, M, D, or R (renamed, with its old path). */
export interface ChangedFile {
  status: 'A' | 'M' | 'D' | 'R' | 'C' | 'T';
  path: string;
  oldPath?: string;
}

export interface BuiltPage {
  /** The page's <title>, when it was built. */
  title?: string;
}

export interface PageChange {
  url: string;
  change: 'added' | 'changed' | 'removed';
  /** Content files behind this page that the pull request touches. */
  sources: string[];
  title?: string;
  /** Why the page is not in the build although it should be, or why none is expected. */
  note?: string;
}

export interface SummaryInput {
  files: ChangedFile[];
  /** Looks a URL up in the build (dist/); undefined when no page was built there. */
  page(url: string): BuiltPage | undefined;
  /** Whether an article file is a draft (drafts get no page in a production build). */
  isDraft(path: string): boolean;
  problems: readonly Problem[];
  /** Name of the artifact that holds the built site. */
  artifact: string;
}

/** The reader-facing page a content file belongs to, if any. */
export function pageOf(path: string): string | undefined {
  const article = articleKeyOf(path);
  if (article) return urls.article(article.key);
  const issue = /^content\/newsletter\/(\d+)\.md$/.exec(path);
  if (issue) return urls.newsletterIssue(Number(issue[1]));
  const person = /^content\/people\/([^/]+)\.ya?ml$/.exec(path);
  if (person) return urls.person(person[1]!);
  return undefined;
}

/** The article's own Markdown file (not a figure or data file beside it), by the content module's rule. */
function isArticleText(path: string): boolean {
  return (
    path.startsWith('content/articles/') && articleIdOf(path.slice('content/articles/'.length)) !== undefined
  );
}

export function pageChanges(input: SummaryInput): PageChange[] {
  const byUrl = new Map<string, PageChange>();
  const touch = (url: string, change: PageChange['change'], source: string) => {
    const existing = byUrl.get(url);
    if (existing) {
      existing.sources.push(source);
      // A page that gains a file and loses another is changed, not added or removed.
      if (existing.change !== change) existing.change = 'changed';
      return;
    }
    byUrl.set(url, { url, change, sources: [source] });
  };
  for (const file of input.files) {
    const url = pageOf(file.path);
    const oldUrl = file.oldPath ? pageOf(file.oldPath) : undefined;
    if (file.status === 'D') {
      if (url) touch(url, 'removed', file.path);
      continue;
    }
    if (oldUrl && oldUrl !== url) touch(oldUrl, 'removed', file.oldPath!);
    if (url) touch(url, file.status === 'A' || (oldUrl && oldUrl !== url) ? 'added' : 'changed', file.path);
  }
  for (const change of byUrl.values()) {
    const built = input.page(change.url);
    if (built) change.title = built.title ?? '';
    const text = change.sources.find(isArticleText);
    if (change.change === 'removed') {
      // A folder article loses a figure: the page stays and changes.
      if (built) change.change = 'changed';
    } else if (!built) {
      change.note =
        text && input.isDraft(text)
          ? 'draft: no page in a production build (`npm run dev` shows it)'
          : 'NO PAGE WAS BUILT for this content: check the build log';
    }
  }
  return [...byUrl.values()].sort((a, b) => a.url.localeCompare(b.url));
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function summaryMarkdown(input: SummaryInput): string {
  const pages = pageChanges(input);
  const contentFiles = input.files.filter((f) => f.path.startsWith('content/'));
  const otherFiles = input.files.filter((f) => !f.path.startsWith('content/'));
  const lines = ['### Pages this pull request adds or changes', ''];
  if (pages.length === 0) {
    lines.push('No article, newsletter issue or person page changes.', '');
  } else {
    lines.push('| page | change | source | note |', '| --- | --- | --- | --- |');
    for (const p of pages) {
      // Paths, not links: in a job summary a site-relative link would point into github.com.
      const page = p.title ? `${cell(p.title)}<br>\`${p.url}\`` : `\`${p.url}\``;
      lines.push(
        `| ${page} | ${p.change} | ${p.sources.map((s) => `\`${s}\``).join('<br>')} | ${p.note ? cell(p.note) : ''} |`,
      );
    }
    lines.push(
      '',
      'Listings, feeds, the search index and the corrections page that include these are rebuilt too.',
      '',
    );
  }
  if (otherFiles.length) {
    lines.push(
      `${otherFiles.length} platform file${otherFiles.length === 1 ? '' : 's'} changed (${otherFiles
        .slice(0, 5)
        .map((f) => `\`${f.path}\``)
        .join(', ')}${otherFiles.length > 5 ? ', …' : ''}): any page may look different; browse the preview.`,
      '',
    );
  }
  const changed = new Set(contentFiles.map((f) => f.path));
  const findings = input.problems.filter((p) => changed.has(p.file));
  lines.push('### Content lint on the changed files', '');
  if (findings.length === 0) {
    lines.push(contentFiles.length ? 'No errors or warnings.' : 'No content files changed.', '');
  } else {
    const byFile = new Map<string, Problem[]>();
    for (const p of findings) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
    for (const [file, problems] of byFile) {
      lines.push(`**\`${file}\`**`, '', '```', ...problems.map(formatProblem), '```', '');
    }
  }
  lines.push(
    '### Preview',
    '',
    `The built site is the \`${input.artifact}\` artifact of this run (Summary → Artifacts): unzip it into \`dist/\` of a clone and run \`npm run preview\` to read the pages above as readers will.`,
    '',
  );
  return lines.join('\n');
}
