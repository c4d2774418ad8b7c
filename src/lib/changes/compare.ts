/**
 * What an edit did to a published article: which facts (numbers, dates, quotations, source
 * URLs) changed, whether a new corrections entry accounts for them, and whether the edit was
 * a typo-level touch or something a reviewer must see. `npm run check:changes` and the
 * technical-review check share this one judgement.
 */
import { diffArrays, diffWords } from 'diff';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { splitFrontmatter } from '../frontmatter.ts';
import { factsOf, type Fact, type FactKind } from './facts.ts';
import { proseBlocks } from './prose.ts';

export interface ParsedArticle {
  data: Record<string, unknown>;
  body: string;
  /** Line of the body's first line in the file. */
  bodyLine: number;
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/** Frontmatter and body of an article's text; undefined when the frontmatter cannot be read. */
export function parseArticle(text: string): ParsedArticle | undefined {
  const split = splitFrontmatter(text);
  if (!split) return undefined;
  const counter = new LineCounter();
  const doc = parseDocument(split.yaml, { lineCounter: counter });
  if (doc.errors.length) return undefined;
  const data = doc.toJS() as unknown;
  if (typeof data !== 'object' || data === null) return undefined;
  return {
    data: data as Record<string, unknown>,
    body: split.body,
    bodyLine: split.bodyLine,
    lineOf: (path) => {
      const node = doc.getIn(path as unknown[], true);
      return isNode(node) && node.range ? counter.linePos(node.range[0]).line + 1 : undefined;
    },
  };
}

export interface FactChange {
  kind: FactKind | 'source';
  /** Undefined when the fact was added. */
  before?: string;
  /** Undefined when the fact was removed. */
  after?: string;
  /** Line in the new text to annotate. */
  line: number;
  /** For sources: which one. */
  source?: string;
}

interface SourceEntry {
  id?: unknown;
  url?: unknown;
  doi?: unknown;
}

/** A source's links, a DOI and its doi.org URL counted as one: moving one to the other is no change. */
function linksOf(source: SourceEntry): string[] {
  const links = new Set<string>();
  if (typeof source.url === 'string')
    links.add(source.url.replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, 'https://doi.org/'));
  if (typeof source.doi === 'string') links.add(`https://doi.org/${source.doi}`);
  return [...links];
}

function sourcesOf(article: ParsedArticle): Map<string, { links: string[]; index: number }> {
  const list = Array.isArray(article.data.sources) ? (article.data.sources as SourceEntry[]) : [];
  return new Map(list.map((s, index) => [String(s.id), { index, links: linksOf(s) }]));
}

/**
 * A source whose link was changed or removed, or a source dropped from the list. Adding a link
 * (a DOI, a URL) to a source that had none changes no evidence a reader already followed.
 */
function sourceChanges(before: ParsedArticle, after: ParsedArticle): FactChange[] {
  const now = sourcesOf(after);
  const changes: FactChange[] = [];
  for (const [id, was] of sourcesOf(before)) {
    const is = now.get(id);
    if (!is) {
      changes.push({
        kind: 'source',
        source: id,
        before: was.links[0] ?? id,
        line: after.lineOf(['sources']) ?? after.bodyLine,
      });
      continue;
    }
    const gone = was.links.filter((link) => !is.links.includes(link));
    const added = is.links.filter((link) => !was.links.includes(link));
    gone.forEach((link, n) => {
      changes.push({
        kind: 'source',
        source: id,
        before: link,
        ...(added[n] ? { after: added[n] } : {}),
        line:
          after.lineOf(['sources', is.index, 'url']) ?? after.lineOf(['sources', is.index]) ?? after.bodyLine,
      });
    });
  }
  return changes;
}

const isMdx = (path: string) => path.endsWith('.mdx');

function bodyFacts(article: ParsedArticle, path: string): Fact[] {
  return factsOf(proseBlocks(article.body, { mdx: isMdx(path), firstLine: article.bodyLine }));
}

/**
 * Facts that differ between two versions, in the new text's order. A fact that only moved
 * (a paragraph reordered) is not a change: removals and additions of the same value cancel.
 */
export function factChanges(before: ParsedArticle, after: ParsedArticle, path: string): FactChange[] {
  const old = bodyFacts(before, path);
  const now = bodyFacts(after, path);
  const key = (f: Fact) => `${f.kind}\u0000${f.value}`;
  const parts = diffArrays(old.map(key), now.map(key));
  const hunks: { removed: Fact[]; added: Fact[]; line: number }[] = [];
  let i = 0;
  let j = 0;
  let current: { removed: Fact[]; added: Fact[]; line: number } | undefined;
  for (const part of parts) {
    if (!part.added && !part.removed) {
      current = undefined;
      i += part.count;
      j += part.count;
      continue;
    }
    if (!current) {
      // A removal with nothing added is annotated where the next surviving fact is.
      current = { removed: [], added: [], line: now[j]?.line ?? now[j - 1]?.line ?? after.bodyLine };
      hunks.push(current);
    }
    const count = part.count;
    if (part.removed) {
      current.removed.push(...old.slice(i, i + count));
      i += count;
    } else {
      current.added.push(...now.slice(j, j + count));
      if (current.added.length === count) current.line = now[j]!.line;
      j += count;
    }
  }
  // Cancel moves: a value removed in one place and added in another.
  const addedAnywhere = new Map<string, number>();
  for (const hunk of hunks)
    for (const f of hunk.added) addedAnywhere.set(key(f), (addedAnywhere.get(key(f)) ?? 0) + 1);
  const removedAnywhere = new Map<string, number>();
  for (const hunk of hunks)
    for (const f of hunk.removed) removedAnywhere.set(key(f), (removedAnywhere.get(key(f)) ?? 0) + 1);
  const moved = new Map<string, number>();
  for (const [k, n] of removedAnywhere) moved.set(k, Math.min(n, addedAnywhere.get(k) ?? 0));
  const take = (f: Fact, budget: Map<string, number>) => {
    const left = budget.get(key(f)) ?? 0;
    if (left > 0) {
      budget.set(key(f), left - 1);
      return false;
    }
    return true;
  };
  const movedOut = new Map(moved);
  const movedIn = new Map(moved);
  const changes: FactChange[] = [];
  for (const hunk of hunks) {
    const removed = hunk.removed.filter((f) => take(f, movedOut));
    const added = hunk.added.filter((f) => take(f, movedIn));
    const pairs = Math.max(removed.length, added.length);
    for (let n = 0; n < pairs; n++) {
      const was = removed[n];
      const is = added[n];
      changes.push({
        kind: (is ?? was)!.kind,
        ...(was ? { before: was.value } : {}),
        ...(is ? { after: is.value } : {}),
        line: is?.line ?? hunk.line,
      });
    }
  }
  return changes;
}

const dayOf = (value: unknown) =>
  value instanceof Date
    ? value.toISOString().slice(0, 10)
    : typeof value === 'string'
      ? value
      : String(value);

/** Days of corrections entries in `after` that `before` does not have. */
export function newCorrectionDays(before: ParsedArticle, after: ParsedArticle): string[] {
  const days = (a: ParsedArticle) =>
    (Array.isArray(a.data.corrections) ? (a.data.corrections as { date?: unknown }[]) : []).map((c) =>
      dayOf(c.date),
    );
  const old = new Set(days(before));
  return days(after).filter((day) => !old.has(day));
}

export type ExemptReason = 'new article' | 'draft' | 'removed';

export interface ArticleComparison {
  path: string;
  /** Set when the rule does not apply: new articles and drafts change freely. */
  exempt?: ExemptReason;
  changes: FactChange[];
  newCorrections: string[];
  /**
   * Facts changed or removed with no new corrections entry to account for them: what
   * check:changes refuses. A fact only added (a new sentence with a number) changes nothing a
   * reader already read; it is a substantive edit for review, not a correction.
   */
  unaccounted: FactChange[];
}

/** Compares an article's text on the base branch (`before`) with its text now (`after`). */
export function compareArticle(
  before: string | undefined,
  after: string | undefined,
  path: string,
): ArticleComparison {
  const none = { path, changes: [], newCorrections: [], unaccounted: [] };
  if (after === undefined) return { ...none, exempt: 'removed' };
  if (before === undefined) return { ...none, exempt: 'new article' };
  const old = parseArticle(before);
  const now = parseArticle(after);
  // A draft on the base branch was never published, so nothing readers saw can change.
  if (!old || old.data.draft === true) return { ...none, exempt: old ? 'draft' : 'new article' };
  if (!now) throw new Error(`${path}: the frontmatter cannot be read; run npm run lint:content`);
  const changes = [...sourceChanges(old, now), ...factChanges(old, now, path)].sort(
    (a, b) => a.line - b.line,
  );
  const newCorrections = newCorrectionDays(old, now);
  const unaccounted =
    newCorrections.length > 0 ? [] : changes.filter((change) => change.before !== undefined);
  return { path, changes, newCorrections, unaccounted };
}

/** What a typo-level edit may touch: at most this many words per place, and in all. */
const TYPO_WORDS_PER_HUNK = 3;
const TYPO_WORDS_TOTAL = 12;

function proseOf(article: ParsedArticle, path: string): string {
  const heading = [article.data.title, article.data.description]
    .filter((v) => typeof v === 'string')
    .join('\n\n');
  const blocks = proseBlocks(article.body, { mdx: isMdx(path) }).map((b) => b.text);
  return [heading, ...blocks].join('\n\n');
}

function withoutProse(data: Record<string, unknown>): string {
  const { title: _title, description: _description, ...rest } = data;
  return JSON.stringify(rest, (_key, value: unknown) =>
    value instanceof Date ? value.toISOString() : value,
  );
}

const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * Typo or substantive: typo-level means no fact changed, no frontmatter field but the title
 * and dek changed, and the prose changed by a few words in a few places (spelling,
 * punctuation, a better word). Anything more (a rewritten sentence, a new paragraph, a new
 * correction, a changed reviewer) is substantive. New articles and publishing a draft are
 * substantive; an unchanged text is typo-level (nothing to review).
 */
export function classifyArticleChange(before: string, after: string, path: string): 'typo' | 'substantive' {
  const old = parseArticle(before);
  const now = parseArticle(after);
  if (!old || !now) return 'substantive';
  if (old.data.draft === true && now.data.draft !== true) return 'substantive';
  if (withoutProse(old.data) !== withoutProse(now.data)) return 'substantive';
  if (factChanges(old, now, path).length > 0) return 'substantive';
  let total = 0;
  for (const part of diffWords(proseOf(old, path), proseOf(now, path))) {
    if (!part.added && !part.removed) continue;
    const words = wordsIn(part.value);
    if (words > TYPO_WORDS_PER_HUNK) return 'substantive';
    total += words;
  }
  return total <= TYPO_WORDS_TOTAL ? 'typo' : 'substantive';
}
