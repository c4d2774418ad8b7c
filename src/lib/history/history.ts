/**
 * Every published revision of every article, from the repository's history: when it landed,
 * its commit summary, which corrections entries it added, and a word-level diff of the prose
 * against the previous published revision. Read once per build (two git processes for all
 * articles, see git-log.ts); the diffs, which never change for a given pair of file versions,
 * are cached on disk between builds.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArticle, newCorrectionDays, type ParsedArticle } from '../changes/compare.ts';
import { proseBlocks } from '../changes/prose.ts';
import { articleIdOfPath } from '../content-files.ts';
import { isCorrectionKind, type CorrectionKind } from '../../schemas/correction.ts';
import { commitsTouching, readBlobs, repositoryState } from './git-log.ts';
import { proseDiff, type DiffEntry } from './prose-diff.ts';

export interface LoggedEntry {
  day: string;
  kind: CorrectionKind;
  summary: string;
}

export interface Revision {
  sha: string;
  /** Seven-character id, for anchors and display. */
  short: string;
  date: Date;
  subject: string;
  /** The first published version has no diff. */
  first: boolean;
  /** Corrections-log entries this revision added. */
  corrections: LoggedEntry[];
  /** Frontmatter fields other than title and dek that changed (sources, corrections…). */
  metadata: string[];
  diff: DiffEntry[];
}

export interface ArticleHistory {
  slug: string;
  /** Repository-relative path of the article's file now. */
  path: string;
  /** Published revisions, newest first. */
  revisions: Revision[];
}

export type SiteHistory =
  | { available: true; articles: Map<string, ArticleHistory> }
  | { available: false; reason: string; fix: string };

/** Bump when the diff's shape or algorithm changes: cached diffs of the old kind are dropped. */
const DIFF_VERSION = 1;

interface DiffCache {
  get(key: string): DiffEntry[] | undefined;
  set(key: string, diff: DiffEntry[]): void;
  save(): void;
}

function diskCache(file: string | undefined): DiffCache {
  let entries: Record<string, DiffEntry[]> = {};
  if (file) {
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as {
        version: number;
        entries: Record<string, DiffEntry[]>;
      };
      if (stored.version === DIFF_VERSION) entries = stored.entries;
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
  }
  const used: Record<string, DiffEntry[]> = {};
  return {
    get: (key) => {
      const hit = entries[key];
      if (hit) used[key] = hit;
      return hit;
    },
    set: (key, diff) => {
      used[key] = diff;
    },
    save: () => {
      if (!file) return;
      mkdirSync(dirname(file), { recursive: true });
      // Only what this build used: the cache never outgrows the history.
      writeFileSync(file, JSON.stringify({ version: DIFF_VERSION, entries: used }));
    },
  };
}

const dayOf = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

function metadataChanges(before: ParsedArticle, after: ParsedArticle): string[] {
  const keys = new Set([...Object.keys(before.data), ...Object.keys(after.data)]);
  const json = (value: unknown) =>
    JSON.stringify(value, (_k, v: unknown) => (v instanceof Date ? v.toISOString() : v));
  return [...keys]
    .filter((key) => key !== 'title' && key !== 'description')
    .filter((key) => json(before.data[key]) !== json(after.data[key]))
    .sort();
}

function diffInput(article: ParsedArticle, path: string) {
  return {
    title: typeof article.data.title === 'string' ? article.data.title : '',
    description: typeof article.data.description === 'string' ? article.data.description : '',
    blocks: proseBlocks(article.body, { mdx: path.endsWith('.mdx') }),
  };
}

interface Version {
  sha: string;
  date: string;
  subject: string;
  blob: string;
  path: string;
}

export interface HistoryOptions {
  /** Content root (its `articles/` folder is read). */
  root: string;
  /** Where cached diffs live between builds; undefined: no disk cache. */
  cacheFile?: string;
}

/** Reads the history of every article under `<root>/articles`. */
export async function readSiteHistory(options: HistoryOptions): Promise<SiteHistory> {
  const root = resolve(options.root);
  const state = repositoryState(root);
  if (state.kind === 'none')
    return {
      available: false,
      reason:
        'this site was built from a copy of the files that is not a git repository, so it has no history to show',
      fix: 'build from a clone of the repository (git clone, not a download of the files)',
    };
  if (state.kind === 'shallow')
    return {
      available: false,
      reason: 'this site was built from a shallow clone, which holds only the newest commits',
      fix: 'fetch the full history with `git fetch --unshallow` (in GitHub Actions: actions/checkout with fetch-depth: 0) and build again',
    };
  const dir = relative(state.top, join(root, 'articles')) || '.';
  // Each file's versions, following renames: keyed by the path the file has at that point.
  const lineages = new Map<string, Version[]>();
  for (const commit of commitsTouching(state.top, dir)) {
    for (const change of commit.changes) {
      const carried = change.from ? (lineages.get(change.from) ?? []) : [];
      if (change.from) lineages.delete(change.from);
      if (!change.to || !change.newBlob || !/\.mdx?$/.test(change.to)) continue;
      lineages.set(change.to, [
        ...carried,
        {
          sha: commit.sha,
          date: commit.date,
          subject: commit.subject,
          blob: change.newBlob,
          path: change.to,
        },
      ]);
    }
  }
  const blobs = [...new Set([...lineages.values()].flatMap((versions) => versions.map((v) => v.blob)))];
  const texts = await readBlobs(state.top, blobs);
  const cache = diskCache(options.cacheFile);
  // Parsing prose is the expensive part: each file version at most once, and only for a diff.
  const inputs = new Map<string, ReturnType<typeof diffInput>>();
  const inputOf = (version: Version, article: ParsedArticle) => {
    let input = inputs.get(version.blob);
    if (!input) inputs.set(version.blob, (input = diffInput(article, version.path)));
    return input;
  };
  const articles = new Map<string, ArticleHistory>();
  for (const [path, versions] of lineages) {
    const slug = articleIdOfPath(path);
    // A Markdown file that is no article (the content module reports it) has no history page.
    if (!slug) continue;
    const revisions: Revision[] = [];
    let previous: { version: Version; article: ParsedArticle } | undefined;
    for (const version of versions) {
      const article = parseArticle(texts.get(version.blob)!);
      // Unreadable or draft versions were never what readers saw.
      if (!article || article.data.draft === true) continue;
      const base = {
        sha: version.sha,
        short: version.sha.slice(0, 7),
        date: new Date(version.date),
        subject: version.subject,
      };
      if (!previous) {
        revisions.push({ ...base, first: true, corrections: [], metadata: [], diff: [] });
      } else {
        const key = `${previous.version.blob}:${version.blob}`;
        let diff = cache.get(key);
        if (!diff) {
          diff = proseDiff(inputOf(previous.version, previous.article), inputOf(version, article));
          cache.set(key, diff);
        }
        const added = new Set(newCorrectionDays(previous.article, article));
        const log = Array.isArray(article.data.corrections)
          ? (article.data.corrections as { date?: unknown; kind?: unknown; summary?: unknown }[])
          : [];
        revisions.push({
          ...base,
          first: false,
          corrections: log
            .filter((c) => added.has(dayOf(c.date)))
            .map((c) => ({
              day: dayOf(c.date),
              // An old revision's log is not validated today: an unknown kind reads as the default.
              kind: isCorrectionKind(c.kind) ? c.kind : 'correction',
              summary: typeof c.summary === 'string' ? c.summary : '',
            })),
          metadata: metadataChanges(previous.article, article),
          diff,
        });
      }
      previous = { version, article };
    }
    articles.set(slug, { slug, path, revisions: revisions.reverse() });
  }
  cache.save();
  return { available: true, articles };
}

/** The revision that added the corrections entry of `day`, if the history has it. */
export function revisionOfCorrection(history: ArticleHistory | undefined, day: string): Revision | undefined {
  return history?.revisions.find((r) => r.corrections.some((c) => c.day === day));
}
