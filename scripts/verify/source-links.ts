/**
 * Which article cites which URL as a source, at which line, and whether an archived copy is
 * on record: so a dead link is reported against the article an editor has to change, with the
 * replacement to propose.
 */
import { relative, resolve } from 'node:path';
import { listArticles } from '../../src/lib/content-files.ts';
import { readContentFile } from '../../src/lib/content-lint/content-file.ts';
import type { Problem } from '../../src/lib/content-lint/problem.ts';

export interface SourceUse {
  /** The article file (project-relative) and the line of the source's url. */
  file: string;
  line?: number;
  source: string;
  archived?: string;
}

/** Source URL → every article source that cites it (URL without its fragment, as the checker sees it). */
export async function sourceUses(
  contentRoot: string,
  cwd = process.cwd(),
): Promise<Map<string, SourceUse[]>> {
  const uses = new Map<string, SourceUse[]>();
  const { files } = await listArticles(resolve(contentRoot), cwd);
  const problems: Problem[] = [];
  for (const article of files) {
    const content = await readContentFile(article.path, relative(cwd, article.path), problems);
    const sources = (content?.data as { sources?: unknown } | undefined)?.sources;
    if (!content || !Array.isArray(sources)) continue;
    sources.forEach((entry: { id?: unknown; url?: unknown; archived?: unknown }, index) => {
      if (typeof entry.url !== 'string') return;
      let key: string;
      try {
        const url = new URL(entry.url);
        url.hash = '';
        key = url.href;
      } catch {
        return;
      }
      const line = content.lineOf(['sources', index, 'url']);
      const list = uses.get(key) ?? [];
      list.push({
        file: content.file,
        ...(line ? { line } : {}),
        source: String(entry.id),
        ...(typeof entry.archived === 'string' ? { archived: entry.archived } : {}),
      });
      uses.set(key, list);
    });
  }
  return uses;
}

/** The finding's message and fix for a dead source URL. */
export function deadSourceReport(
  url: string,
  status: string,
  use: SourceUse,
): { message: string; fix: string } {
  return {
    message: `source "${use.source}" is dead: ${url} answers ${status}`,
    fix: use.archived
      ? `Point readers at the archived copy: set url to ${use.archived} (or keep url and rely on archived, which the reference already links), and note the change in the article.`
      : `No archived copy on record. Look for one at https://web.archive.org/web/*/${url} and add it as archived:, or replace the source.`,
  };
}
