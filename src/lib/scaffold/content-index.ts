/**
 * What the scaffolder needs to know about the content tree: who is on the masthead, which
 * articles exist (single files and folders) and which issue numbers are taken. Read leniently:
 * the content lint, not the scaffolder, reports broken files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---/;

function frontmatterOf(path: string): Record<string, unknown> {
  const match = FRONTMATTER.exec(readFileSync(path, 'utf8'));
  try {
    const data: unknown = match ? parseYaml(match[1]!) : undefined;
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const list = (dir: string) => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []);

export interface MastheadEntry {
  id: string;
  name: string;
  role: string;
}

export function readPeople(root: string): MastheadEntry[] {
  return list(join(root, 'people'))
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => {
      let data: { name?: unknown; role?: unknown } = {};
      try {
        data = (parseYaml(readFileSync(join(root, 'people', e.name), 'utf8')) ?? {}) as typeof data;
      } catch {
        // Reported by the content lint.
      }
      const id = e.name.replace(/\.ya?ml$/, '');
      return { id, name: typeof data.name === 'string' ? data.name : id, role: String(data.role ?? '') };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

export interface ArticleFile {
  slug: string;
  /** Path of the article's own file, relative to the content root's parent (as printed). */
  path: string;
  title: string;
  published: string;
  draft: boolean;
}

/** `articles/<slug>.md(x)` and `articles/<slug>/index.md(x)`, sorted by slug. */
export function readArticles(root: string): ArticleFile[] {
  const dir = join(root, 'articles');
  const files: { slug: string; path: string }[] = [];
  for (const entry of list(dir)) {
    if (entry.isFile() && /\.mdx?$/.test(entry.name)) {
      files.push({ slug: entry.name.replace(/\.mdx?$/, ''), path: join(dir, entry.name) });
    } else if (entry.isDirectory()) {
      const index = ['index.mdx', 'index.md'].map((n) => join(dir, entry.name, n)).find((p) => existsSync(p));
      if (index) files.push({ slug: entry.name, path: index });
    }
  }
  return files
    .map(({ slug, path }) => {
      const data = frontmatterOf(path);
      const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''));
      return {
        slug,
        path,
        title: typeof data.title === 'string' ? data.title : slug,
        published: day(data.published),
        draft: data.draft === true,
      };
    })
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

export interface IssueFile {
  number: number;
  date: string;
}

export function readIssues(root: string): IssueFile[] {
  return list(join(root, 'newsletter'))
    .filter((e) => e.isFile() && /^\d+\.md$/.test(e.name))
    .map((e) => {
      const data = frontmatterOf(join(root, 'newsletter', e.name));
      return { number: Number(e.name.replace(/\.md$/, '')), date: String(data.date ?? '') };
    })
    .sort((a, b) => a.number - b.number);
}

/** Whether an article file says `draft: true` (false when it cannot be read). */
export function isDraftFile(path: string): boolean {
  return existsSync(path) && frontmatterOf(path).draft === true;
}
