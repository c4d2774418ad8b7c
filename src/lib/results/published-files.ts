/**
 * The files an article publishes beside its page: every results file, and the harness script
 * when the methodology names one. Paths are relative to the article's folder and become
 * `/articles/<slug>/<path>`.
 */
import { dirname, resolve } from 'node:path';
import type { Methodology } from '../../schemas/methodology.ts';
import type { ResultEntry } from '../../schemas/results.ts';

export interface PublishedFile {
  /** Relative to the article folder, e.g. `data/latency-2000.csv`. */
  path: string;
  absolute: string;
  type: string;
}

const TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  ts: 'text/plain; charset=utf-8',
  js: 'text/plain; charset=utf-8',
  py: 'text/plain; charset=utf-8',
};

interface PublishingData {
  results?: readonly Pick<ResultEntry, 'file'>[];
  methodology?: { harness: Methodology['harness'] | { script?: string } } | undefined;
}

/**
 * The paths, relative to the article folder, that an article publishes. Shared by the route
 * that serves them and by verify's list of pages the build must contain.
 */
export function publishedPathsOf(data: PublishingData): string[] {
  const paths = (data.results ?? []).map((entry) => entry.file);
  const harness = data.methodology?.harness;
  if (harness && 'script' in harness && typeof harness.script === 'string') paths.push(harness.script);
  return [...new Set(paths)];
}

export function publishedFilesOf(article: {
  entry: { filePath?: string | undefined };
  data: PublishingData;
}): PublishedFile[] {
  const { filePath } = article.entry;
  if (!filePath) return [];
  const folder = dirname(resolve(filePath));
  return publishedPathsOf(article.data).map((path) => ({
    path,
    absolute: resolve(folder, path),
    type: TYPES[path.split('.').pop()!] ?? 'text/plain; charset=utf-8',
  }));
}
