import { z } from 'astro/zod';
import { isCrossRefId } from '../lib/cross-refs.ts';
import { calendarDate, isoDay } from './date.ts';

/**
 * What a source is, so the reference list can say what kind of evidence a number rests on.
 * The kinds are the ones the articles actually cite.
 */
export const SOURCE_KINDS = [
  'paper',
  'book',
  'report',
  'filing',
  'press-release',
  'news',
  'talk',
  'blog',
  'docs',
  'code',
  'benchmark',
  'dataset',
  'measurement',
  'interview',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Source ids are what `[@id]` citations point at, so they must be citation-key safe. */
export const SOURCE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

/**
 * A DOI as Crossref recommends matching it: the "10." directory prefix, a registrant code of
 * 4–9 digits, a slash and a suffix without spaces. Written bare (10.1145/…), never as a URL.
 */
export const DOI_PATTERN = /^10\.\d{4,9}\/[-._;()/:A-Za-z0-9<>[\]]+$/;

/** What editors paste by habit in front of a DOI. */
const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i;

/** The resolver every DOI link goes through. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}

/** A snapshot in a public web archive, as recognised by `archiveSnapshot`. */
export interface ArchiveSnapshot {
  /** Display name of the archive. */
  archive: string;
  /** The archived page's own URL, when the snapshot URL names it. */
  original?: string;
  /** When the snapshot was taken, when the snapshot URL says so. */
  taken?: Date;
}

/** Wayback timestamps are YYYYMMDDhhmmss, truncated anywhere after the year. */
function waybackDate(stamp: string): Date | undefined {
  if (stamp.length < 8) return undefined;
  const day = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}`;
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || isoDay(date) !== day ? undefined : date;
}

const ARCHIVE_TODAY_HOSTS = new Set([
  'archive.today',
  'archive.ph',
  'archive.is',
  'archive.li',
  'archive.md',
  'archive.vn',
  'archive.fo',
]);

/**
 * Recognises a snapshot URL of the Wayback Machine, archive.today or Perma.cc, the archives a
 * reader can rely on to still be there. Anything else returns undefined.
 */
export function archiveSnapshot(url: string): ArchiveSnapshot | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:') return undefined;
  const host = parsed.hostname.replace(/^www\./, '');
  // The archived URL keeps its own query string, so read it from the raw text, not from the parsed path.
  const rest = url.slice(url.indexOf(parsed.host) + parsed.host.length);
  if (host === 'web.archive.org') {
    const match = /^\/web\/(\d{4,14})(?:[a-z]{2}_)?\/(https?:\/\/.+)$/.exec(rest);
    if (!match) return undefined;
    const taken = waybackDate(match[1]!);
    if (match[1]!.length >= 8 && !taken) return undefined;
    return { archive: 'Wayback Machine', original: match[2]!, ...(taken ? { taken } : {}) };
  }
  if (ARCHIVE_TODAY_HOSTS.has(host)) {
    const dated = /^\/(\d{14})\/(https?:\/\/.+)$/.exec(rest);
    if (dated) {
      const taken = waybackDate(dated[1]!);
      return taken ? { archive: 'archive.today', original: dated[2]!, taken } : undefined;
    }
    return /^\/[A-Za-z0-9]{4,10}$/.test(rest) ? { archive: 'archive.today' } : undefined;
  }
  if (host === 'perma.cc') {
    return /^\/[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(rest) ? { archive: 'Perma.cc' } : undefined;
  }
  return undefined;
}

/** Two URLs name the same page when they differ only in scheme, a leading www. or a trailing slash. */
export function samePage(a: string, b: string): boolean {
  const normal = (url: string) => {
    try {
      const u = new URL(url);
      return `${u.hostname.replace(/^www\./, '').toLowerCase()}${u.pathname.replace(/\/+$/, '')}${u.search}`;
    } catch {
      return url;
    }
  };
  return normal(a) === normal(b);
}

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http:// or https:// URL' });

/** One entry of an article's `sources` list: the evidence behind its numbers. */
export const sourceSchema = z
  .object({
    /** Cited in the text as `[@id]`; unique within the article. */
    id: z
      .string()
      .regex(SOURCE_ID_PATTERN, {
        error: 'must start with a letter or digit and use only letters, digits and _ . : -',
      })
      // [@fig-x] is a cross-reference to a figure (tbl- a table, eq- an equation).
      .refine((id) => !isCrossRefId(id), {
        error: 'must not start with fig-, tbl- or eq-: those prefixes name figures, tables and equations',
      })
      .describe('Cited in the text as [@id]; unique within the article.'),
    title: z.string().min(1),
    /** The people who wrote it, each as the name is printed on the work ("D. Sculley"). */
    authors: z
      .array(z.string().trim().min(1, { error: 'an author name cannot be empty' }))
      .min(1, { error: 'list at least one author, or leave the field out' })
      .optional(),
    /** Where a reader can check it. Only http(s): no javascript:, data: or file: URLs. */
    url: httpUrl.optional(),
    /** Digital Object Identifier, written bare: 10.1145/2408776.2408794. Rendered as a doi.org link. */
    doi: z
      .string()
      .trim()
      .refine((value) => !DOI_PREFIX.test(value), {
        error: 'write the DOI itself (10.xxxx/…), without the https://doi.org/ or doi: prefix',
        abort: true,
      })
      .regex(DOI_PATTERN, {
        error: 'is not a DOI: a DOI looks like 10.1145/2408776.2408794 (10., 4–9 digits, a slash, a suffix)',
      })
      .optional(),
    /**
     * A snapshot of `url` in a public web archive (Wayback Machine, archive.today, Perma.cc), so
     * the evidence survives when the page changes or disappears.
     */
    archived: httpUrl
      .refine((value) => archiveSnapshot(value) !== undefined, {
        error:
          'is not a web-archive snapshot: use https://web.archive.org/web/<YYYYMMDDhhmmss>/<url>, an archive.today link or a perma.cc link',
      })
      .optional(),
    /** When we last read the page at `url` (web pages change; this says which version we read). */
    accessed: calendarDate.optional(),
    publisher: z.string().min(1).optional(),
    /** Publication date of the work. */
    date: calendarDate.optional(),
    kind: z
      .enum(SOURCE_KINDS, { error: `must be one of ${SOURCE_KINDS.join(', ')}` })
      .describe('What kind of evidence this is.'),
  })
  .strict()
  .superRefine(
    (source, ctx) => {
      if (source.archived && !source.url) {
        ctx.addIssue({
          code: 'custom',
          path: ['archived'],
          message: 'is a copy of a page, but the source has no url: add the url of the page it archives',
        });
      }
      const original = source.archived ? archiveSnapshot(source.archived)?.original : undefined;
      if (source.url && original && !samePage(original, source.url)) {
        ctx.addIssue({
          code: 'custom',
          path: ['archived'],
          message: `is a snapshot of ${original}, not of this source's url ${source.url}: archive the same page`,
        });
      }
      if (source.accessed && !source.url) {
        ctx.addIssue({
          code: 'custom',
          path: ['accessed'],
          message: 'says when a web page was read, but the source has no url: add the url or remove accessed',
        });
      }
      if (source.accessed && source.date && source.accessed < source.date) {
        ctx.addIssue({
          code: 'custom',
          path: ['accessed'],
          message: `${isoDay(source.accessed)} is before the source's date ${isoDay(source.date)}: nobody read it before it appeared`,
        });
      }
      if (source.doi && source.url && DOI_PREFIX.test(source.url)) {
        ctx.addIssue({
          code: 'custom',
          path: ['url'],
          message: `is a DOI link and the DOI is given in "doi": remove url (the reference links ${doiUrl(source.doi)})`,
        });
      }
    },
    { when: (payload) => payload.issues.length === 0 },
  );

export type Source = z.infer<typeof sourceSchema>;

/**
 * Hosts whose URLs are persistent identifiers: the page behind them is kept by design, so an
 * archived copy adds nothing.
 */
const PERSISTENT_HOSTS = new Set(['doi.org', 'dx.doi.org', 'arxiv.org', 'hdl.handle.net']);

/**
 * A web source that needs an archived copy: one whose `url` is an ordinary web page (not a
 * persistent identifier) and that has no `archived` snapshot yet.
 */
export function lacksArchivedCopy(source: Pick<Source, 'url' | 'archived'>): boolean {
  if (!source.url || source.archived) return false;
  return !PERSISTENT_HOSTS.has(new URL(source.url).hostname.replace(/^www\./, ''));
}
