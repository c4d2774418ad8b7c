/**
 * A source as a reference a reader can follow: who wrote it, what it is, who published it and
 * when, the DOI and the archived copy. The source list renders these parts; the content lint
 * warns about web sources that have no archived copy.
 */
import {
  archiveSnapshot,
  doiUrl,
  lacksArchivedCopy,
  type Source,
  type SourceKind,
} from '../schemas/source.ts';
import { formatDate } from './dates.ts';
import { listOf } from './words.ts';

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  paper: 'Paper',
  book: 'Book',
  report: 'Report',
  filing: 'Regulatory filing',
  'press-release': 'Press release',
  news: 'News article',
  talk: 'Talk',
  blog: 'Post or article',
  docs: 'Documentation',
  code: 'Source code',
  benchmark: 'Benchmark',
  dataset: 'Dataset',
  measurement: 'Our measurement',
  interview: 'Interview',
};

/** Reference lists stay readable: past this many authors, the first is named and "et al." follows. */
export const MAX_NAMED_AUTHORS = 3;

/** "A, B and C", or "A et al." past MAX_NAMED_AUTHORS. */
export function authorLine(authors: readonly string[]): string {
  return authors.length > MAX_NAMED_AUTHORS ? `${authors[0]} et al.` : listOf(authors);
}

export interface ReferenceParts {
  /** The author line as a sentence: "A, B and C." or "A et al." */
  authors?: string;
  title: string;
  /** Where the title links: the page itself, else the DOI. */
  href?: string;
  /** "Publisher, 14 March 2025, Paper" */
  details: string;
  doi?: { label: string; href: string };
  archived?: { href: string; label: string };
  accessed?: { iso: string; label: string };
}

/** The pieces of one reference, in the order the source list prints them. */
export function referenceParts(source: Source): ReferenceParts {
  const snapshot = source.archived ? archiveSnapshot(source.archived) : undefined;
  const href = source.url ?? (source.doi ? doiUrl(source.doi) : undefined);
  return {
    ...(source.authors ? { authors: authorLine(source.authors).replace(/(?<!\.)$/, '.') } : {}),
    title: source.title,
    ...(href ? { href } : {}),
    details: [source.publisher, source.date && formatDate(source.date), SOURCE_KIND_LABELS[source.kind]]
      .filter(Boolean)
      .join(', '),
    ...(source.doi ? { doi: { label: `doi:${source.doi}`, href: doiUrl(source.doi) } } : {}),
    ...(source.archived && snapshot
      ? {
          archived: {
            href: source.archived,
            label: snapshot.taken
              ? `archived ${formatDate(snapshot.taken)} (${snapshot.archive})`
              : `archived copy (${snapshot.archive})`,
          },
        }
      : {}),
    ...(source.accessed
      ? {
          accessed: {
            iso: source.accessed.toISOString().slice(0, 10),
            label: formatDate(source.accessed),
          },
        }
      : {}),
  };
}

/** The message the content lint prints for a web source without an archived copy. */
export function missingArchiveMessage(source: Source): string | undefined {
  if (!lacksArchivedCopy(source)) return undefined;
  return `"${source.id}" is a web page with no archived copy, and pages change or vanish: save it on the Wayback Machine (https://web.archive.org/save) and add archived: https://web.archive.org/web/<timestamp>/<its url>.`;
}
