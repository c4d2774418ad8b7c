/**
 * Hands an article's validated results tables from the content lint to the renderer: they
 * ride on the VFile, so `<Results id="…" />` draws exactly the rows the lint checked and no
 * file is read twice.
 */
import type { VFile } from 'vfile';
import type { ResultsTable } from './read.ts';

interface ResultsFileData {
  results?: Map<string, ResultsTable>;
  slug?: string;
}

export function attachResults(file: VFile, tables: readonly ResultsTable[], slug?: string): void {
  const data = file.data as ResultsFileData;
  data.results = new Map(tables.map((table) => [table.entry.id, table]));
  if (slug) data.slug = slug;
}

/** The slug of the article being rendered, for links to its published files. */
export function articleSlugOf(file: VFile): string {
  const slug = (file.data as ResultsFileData).slug;
  if (!slug) throw new Error(`${file.path}: rendered without its slug; the article loader passes it`);
  return slug;
}

export function resultsOf(file: VFile): Map<string, ResultsTable> {
  return (file.data as ResultsFileData).results ?? new Map<string, ResultsTable>();
}
