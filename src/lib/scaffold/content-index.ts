/**
 * What the scaffolder needs to know about the content tree, read through the one module that
 * knows its layout (content-files.ts): who is on the masthead, which articles exist (single
 * files and folders) and which issue numbers are taken.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { isPublicIn, readContentIndex } from '../content-files.ts';

export interface MastheadEntry {
  id: string;
  name: string;
  role: string;
}

export interface ArticleFile {
  slug: string;
  /** Absolute path of the article's own file (`<slug>.mdx` or `<slug>/index.mdx`). */
  path: string;
  title: string;
  /** YYYY-MM-DD as written. */
  published: string;
  draft: boolean;
}

export interface IssueFile {
  number: number;
  date: string;
}

export interface ScaffoldIndex {
  people: MastheadEntry[];
  articles: ArticleFile[];
  issues: IssueFile[];
}

/** YAML 1.2 keeps dates as text; a YAML 1.1 loader would give a Date. */
const day = (value: unknown) =>
  value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value : '';

/** Names and roles for the prompts; an unreadable person file is the content lint's to report. */
function mastheadEntry(id: string, path: string): MastheadEntry {
  type PersonFields = { name?: unknown; role?: unknown } | null;
  let data: PersonFields = null;
  try {
    data = parseYaml(readFileSync(path, 'utf8')) as PersonFields;
  } catch {
    // Listed by id only.
  }
  return {
    id,
    name: typeof data?.name === 'string' ? data.name : id,
    role: typeof data?.role === 'string' ? data.role : '',
  };
}

export async function readScaffoldIndex(root: string): Promise<ScaffoldIndex> {
  const index = await readContentIndex(root, { mode: 'production' });
  return {
    people: index.people.map((p) => mastheadEntry(p.id, p.path)).sort((a, b) => a.id.localeCompare(b.id)),
    articles: index.articles
      .map((a) => ({
        slug: a.id,
        path: a.path,
        title: typeof a.data.title === 'string' ? a.data.title : a.id,
        published: day(a.data.published),
        draft: !isPublicIn(a.data, 'production'),
      }))
      .sort((a, b) => a.slug.localeCompare(b.slug)),
    issues: index.newsletter
      .map((i) => ({ number: Number(i.data.number ?? i.id), date: day(i.data.date) }))
      .sort((a, b) => a.number - b.number),
  };
}
