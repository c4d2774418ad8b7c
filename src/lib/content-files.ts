/**
 * The one module that knows the layout of `content/`: which files are articles, people and
 * newsletter issues, what each one's id is, and whether it is public in a given mode. The
 * article loader, the content lint, the sitemap, the search integration, the verify checks and
 * `new:article` all list content through here, so they can never disagree about what exists.
 *
 * An article is either one file, `articles/<slug>.mdx` (or `.md`), or a folder,
 * `articles/<slug>/index.mdx` (or `index.md`), whose other files (images, `data/…`) belong to
 * it. Any other Markdown file under `articles/`, a folder without an index, or two articles
 * claiming one slug is a problem: nothing is silently left without a page.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { glob } from 'tinyglobby';
import { SLUG_PATTERN } from '../schemas/slug.ts';
import { readContentFile } from './content-lint/content-file.ts';
import { errorsIn, formatProblem, type Problem } from './content-lint/problem.ts';
import { urls } from './urls.ts';

/** Glob patterns (relative to their folder) shared with Astro's glob loader in content.config.ts. */
export const PEOPLE_GLOB = '*.{yaml,yml}';
export const NEWSLETTER_GLOB = '*.md';
const MARKDOWN = /\.mdx?$/;
const FOLDER_INDEX = /^index\.mdx?$/;

/**
 * `development` is `astro dev`, where editors preview drafts; everything else (builds, the
 * sitemap, verify) is `production`.
 */
export type ContentMode = 'development' | 'production';

/** The public/draft rule: drafts are visible while editing (`astro dev`) and never published. */
export function isPublicIn(data: { readonly draft?: unknown }, mode: ContentMode): boolean {
  return mode === 'development' || data.draft !== true;
}

export interface ArticleFile {
  /** The slug: the article's id in the collection and its URL segment. */
  id: string;
  /** Absolute path of the Markdown file. */
  path: string;
  /** Project-relative path, as printed in problems. */
  file: string;
  /** A folder article's folder (absolute): the index file and the article's own files. */
  folder?: string;
}

export interface ContentFileRef {
  id: string;
  path: string;
  file: string;
}

export interface Listing<T> {
  files: T[];
  /** Files that are not where an article can be, invalid slugs, duplicate slugs. */
  problems: Problem[];
}

const posix = (path: string) => path.split(sep).join('/');

/**
 * The article a Markdown file under `articles/` is, from its path relative to that folder:
 * `x.mdx` and `x/index.mdx` are article `x`; anything else is no article (undefined).
 */
export function articleIdOf(relativePath: string): string | undefined {
  const parts = posix(relativePath).split('/');
  if (parts.length === 1 && MARKDOWN.test(parts[0]!)) return parts[0]!.replace(MARKDOWN, '');
  if (parts.length === 2 && FOLDER_INDEX.test(parts[1]!)) return parts[0];
  return undefined;
}

/**
 * The article a file is, from any path that runs through its content root's `articles/`
 * folder (absolute, or relative to the repository): what is after the last `/articles/`.
 */
export function articleIdOfPath(path: string): string | undefined {
  const posixPath = `/${posix(path)}`;
  const at = posixPath.lastIndexOf('/articles/');
  return at === -1 ? undefined : articleIdOf(posixPath.slice(at + '/articles/'.length));
}

async function exists(dir: string): Promise<boolean> {
  try {
    await readdir(dir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Every article under `<root>/articles`, sorted by file, with the problems of the layout. */
export async function listArticles(root: string, cwd = process.cwd()): Promise<Listing<ArticleFile>> {
  const base = join(root, 'articles');
  const problems: Problem[] = [];
  if (!(await exists(base))) return { files: [], problems };
  const error = (path: string, message: string) =>
    problems.push({ severity: 'error', file: relative(cwd, path), message });

  const markdown = (await glob('**/*.{md,mdx}', { cwd: base })).map(posix).sort();
  const claimed = new Map<string, ArticleFile>();
  const files: ArticleFile[] = [];
  for (const rel of markdown) {
    const path = join(base, rel);
    const id = articleIdOf(rel);
    if (id === undefined) {
      const top = rel.split('/')[0]!;
      const owner = markdown.find((other) => other.startsWith(`${top}/`) && articleIdOf(other) === top);
      error(
        path,
        owner
          ? `only ${owner.split('/')[1]} is rendered in the folder article "${top}"; this Markdown file would have no page. Merge it into content/articles/${owner}, or move it out of content/.`
          : `is not where an article can be, so it would have no page. An article is content/articles/<slug>.mdx or content/articles/<slug>/index.mdx: rename or move it.`,
      );
      continue;
    }
    const folder = rel.includes('/') ? join(base, id) : undefined;
    if (!SLUG_PATTERN.test(id)) {
      error(
        path,
        folder
          ? `folder name "${id}" becomes the URL: use lower-case words joined by dashes, e.g. content/articles/feature-store-latency/index.mdx.`
          : `file name "${id}" becomes the URL: use lower-case words joined by dashes, e.g. feature-store-latency.mdx.`,
      );
    }
    const article: ArticleFile = { id, path, file: relative(cwd, path), ...(folder ? { folder } : {}) };
    const other = claimed.get(id);
    if (other) {
      error(
        path,
        `slug "${id}" is already claimed by ${other.file}: two articles cannot share ${urls.article(id)}. Rename one of them (its file or folder name), or delete the copy.`,
      );
      continue;
    }
    claimed.set(id, article);
    files.push(article);
  }

  // A folder with no index is content that would silently have no page (e.g. images left behind).
  for (const entry of await readdir(base, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    if (claimed.get(entry.name)?.folder) continue;
    if (markdown.some((rel) => rel.startsWith(`${entry.name}/`))) continue; // reported above
    error(
      join(base, entry.name),
      `is a folder with no index.mdx, so it has no page. Add content/articles/${entry.name}/index.mdx (or index.md), or remove the folder.`,
    );
  }
  return { files, problems };
}

async function listFlat(dir: string, pattern: string, cwd: string): Promise<Listing<ContentFileRef>> {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  const files: ContentFileRef[] = [];
  for (const name of (await glob(pattern, { cwd: dir })).sort()) {
    const path = join(dir, name);
    const file = relative(cwd, path);
    const id = name.replace(/\.[^.]+$/, '');
    const other = seen.get(id);
    if (other) {
      problems.push({
        severity: 'error',
        file,
        message: `id "${id}" is already used by ${other}; keep one of the two files.`,
      });
      continue;
    }
    seen.set(id, file);
    files.push({ id, path, file });
  }
  return { files, problems };
}

/** `<root>/people/<id>.yaml`: the file name is the person's id (validity is the lint's job). */
export function listPeople(root: string, cwd = process.cwd()): Promise<Listing<ContentFileRef>> {
  return listFlat(join(root, 'people'), PEOPLE_GLOB, cwd);
}

/** `<root>/newsletter/<number>.md`: the id is the file name (the lint checks it is the number). */
export function listNewsletter(root: string, cwd = process.cwd()): Promise<Listing<ContentFileRef>> {
  return listFlat(join(root, 'newsletter'), NEWSLETTER_GLOB, cwd);
}

/** Thrown by readers that cannot go on with a broken layout (everyone but the lint). */
export class ContentLayoutError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(
      `${problems.length} problem(s) in the content files; fix them and build again:\n${problems.map(formatProblem).join('\n')}`,
    );
    this.name = 'ContentLayoutError';
    this.problems = problems;
  }
}

/** The listing's files, or a ContentLayoutError naming every problem. */
export function orThrow<T>(listing: Listing<T>): T[] {
  const errors = errorsIn(listing.problems);
  if (errors.length > 0) throw new ContentLayoutError(errors);
  return listing.files;
}

export interface IndexedArticle extends ArticleFile {
  url: string;
  /** The frontmatter as written (validated by the schema in the lint and the content layer). */
  data: Record<string, unknown>;
  public: boolean;
}

export interface IndexedIssue extends ContentFileRef {
  url: string;
  data: Record<string, unknown>;
}

export interface ContentIndex {
  articles: IndexedArticle[];
  people: ContentFileRef[];
  newsletter: IndexedIssue[];
}

/**
 * Every content file with its frontmatter and whether it is public in `mode`, for readers that
 * run outside the content layer (sitemap, search check, verify). A broken layout or an
 * unreadable frontmatter throws: these readers run after the content gate, so either means
 * the gate was skipped.
 */
export async function readContentIndex(
  root: string,
  { cwd = process.cwd(), mode = 'production' }: { cwd?: string; mode?: ContentMode } = {},
): Promise<ContentIndex> {
  const [articleListing, peopleListing, newsletterListing] = await Promise.all([
    listArticles(root, cwd),
    listPeople(root, cwd),
    listNewsletter(root, cwd),
  ]);
  const problems = [...articleListing.problems, ...peopleListing.problems, ...newsletterListing.problems];
  const frontmatter = async (ref: { path: string; file: string }) =>
    (await readContentFile(ref.path, ref.file, problems))?.data as Record<string, unknown> | undefined;

  const articles: IndexedArticle[] = [];
  for (const article of articleListing.files) {
    const data = await frontmatter(article);
    if (data)
      articles.push({ ...article, url: urls.article(article.id), data, public: isPublicIn(data, mode) });
  }
  const newsletter: IndexedIssue[] = [];
  for (const issue of newsletterListing.files) {
    const data = await frontmatter(issue);
    if (data) newsletter.push({ ...issue, url: urls.newsletterIssue(Number(data.number ?? issue.id)), data });
  }
  orThrow({ files: [], problems });
  return { articles, people: peopleListing.files, newsletter };
}

/** The pages Pagefind must index: every public article and every newsletter issue. */
export function searchablePages(index: ContentIndex): { url: string; file: string }[] {
  return [
    ...index.articles.filter((a) => a.public).map(({ url, file }) => ({ url, file })),
    ...index.newsletter.map(({ url, file }) => ({ url, file })),
  ];
}
