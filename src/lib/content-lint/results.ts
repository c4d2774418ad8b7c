/**
 * The content lint's rules for measured results: the declared files exist beside the article
 * and every row is valid (src/lib/results/read.ts), every entry is drawn with
 * `<Results id="…" />` and referred to in the text, and a `<Results>` names a declared entry.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { ArticleData } from '../../schemas/article.ts';
import { readResultsFile, type ResultsTable } from '../results/read.ts';
import type { BodyFacts } from './body.ts';
import type { ContentFile } from './content-file.ts';
import type { Problem } from './problem.ts';

/** Results and harness scripts live in the article's own folder: `<slug>/index.mdx`. */
export function isFolderArticle(path: string): boolean {
  return /^index\.mdx?$/.test(basename(path));
}

export async function checkResults(
  path: string,
  cwd: string,
  content: ContentFile,
  article: ArticleData,
  facts: BodyFacts,
  problems: Problem[],
): Promise<ResultsTable[]> {
  const { file } = content;
  const at = (fieldPath: (string | number)[]) => {
    const line = content.lineOf(fieldPath);
    return line ? { line } : {};
  };
  const bodyLine = (line: number) => line + content.bodyLine - 1;
  const folder = dirname(path);
  const needsFolder =
    article.results.length > 0 || (article.methodology?.harness && 'script' in article.methodology.harness);
  if (needsFolder && !isFolderArticle(path)) {
    const slug = basename(path).replace(/\.mdx?$/, '');
    problems.push({
      severity: 'error',
      file,
      ...at(article.results.length > 0 ? ['results'] : ['methodology', 'harness']),
      field: article.results.length > 0 ? 'results' : 'methodology.harness',
      message: `files beside an article need the article in its own folder: move ${file} to ${relative(cwd, join(dirname(path), slug, 'index' + path.slice(path.lastIndexOf('.'))))} and put the files in that folder (the URL stays the same).`,
    });
    return [];
  }

  const harness = article.methodology?.harness;
  if (harness && 'script' in harness) {
    if (!existsSync(join(folder, harness.script))) {
      problems.push({
        severity: 'error',
        file,
        ...at(['methodology', 'harness', 'script']),
        field: 'methodology.harness.script',
        message: `names ${harness.script}, but there is no such file beside the article (${relative(cwd, join(folder, harness.script))}). Commit the script that produced the data, or fix the path.`,
      });
    }
  }

  const declared = new Set(article.results.map((entry) => entry.id));
  for (const [id, line] of facts.resultsShown) {
    if (!declared.has(id)) {
      problems.push({
        severity: 'error',
        file,
        line: bodyLine(line),
        field: '<Results>',
        message: `id="${id}" names no entry in the frontmatter's results list${declared.size ? ` (declared: ${[...declared].join(', ')})` : ''}. Declare it under results:, or fix the id.`,
      });
    }
  }

  const tables: ResultsTable[] = [];
  for (const [index, entry] of article.results.entries()) {
    const field = `results[${index}]`;
    if (!facts.resultsShown.has(entry.id)) {
      problems.push({
        severity: 'error',
        file,
        ...at(['results', index, 'id']),
        field: `${field}.id`,
        message: `"${entry.id}" is never shown: place <Results id="${entry.id}" /> where it belongs in the text, or remove the entry.`,
      });
    }
    if (!facts.crossRefs.has(entry.id)) {
      problems.push({
        severity: 'error',
        file,
        ...at(['results', index, 'id']),
        field: `${field}.id`,
        message: `"${entry.id}" is never referred to in the text: say what it shows and point at it with [@${entry.id}].`,
      });
    }
    const table = await readResultsFile(
      entry,
      join(folder, entry.file),
      relative(cwd, join(folder, entry.file)),
      { file, ...at(['results', index]), field },
      problems,
    );
    if (table) tables.push(table);
  }
  return tables;
}
