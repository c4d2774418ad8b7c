/**
 * Pandoc/Quarto citation syntax, `[@id]` and `[@a; @b, p. 4]`, parsed in one place for the
 * content lint and the remark plugin that renders citations.
 */
import { SOURCE_ID_PATTERN } from '../schemas/source.ts';
import { isCrossRefId } from './cross-refs.ts';

export interface CitationItem {
  id: string;
  /** Optional locator after a comma: `[@paper, sec. 3]` → "sec. 3". */
  locator?: string;
}

export interface CitationMatch {
  /** Offset of the opening bracket in the searched text. */
  start: number;
  end: number;
  raw: string;
  items: CitationItem[];
  /** Set when the bracket looks like a citation but an entry is not `@id`. */
  malformed?: string;
}

const BRACKET = /\[\s*(@[^[\]]*)\]/g;
const ITEM = new RegExp(`^@(${SOURCE_ID_PATTERN.source.slice(1, -1)})(?:\\s*,\\s*(.+))?$`);

/** Finds every citation group in a run of text. */
export function findCitations(text: string): CitationMatch[] {
  const matches: CitationMatch[] = [];
  for (const m of text.matchAll(BRACKET)) {
    const raw = m[0];
    const entries = m[1]!.split(';').map((entry) => entry.trim());
    const items: CitationItem[] = [];
    let malformed: string | undefined;
    for (const entry of entries) {
      const parsed = ITEM.exec(entry);
      if (!parsed) {
        malformed = entry;
        break;
      }
      // A trailing dot belongs to the sentence, not the key (Pandoc does the same).
      const id = parsed[1]!.replace(/[.:]+$/, '');
      items.push(parsed[2] ? { id, locator: parsed[2].trim() } : { id });
    }
    const start = m.index;
    matches.push({
      start,
      end: start + raw.length,
      raw,
      items,
      ...(malformed !== undefined ? { malformed } : {}),
    });
  }
  return matches;
}

/** Anchor of a source in the article's source list. */
export function sourceAnchor(sourceId: string): string {
  return `source-${sourceId}`;
}

/** Anchor of the n-th (1-based) in-text citation of a source, target of its back-link. */
export function citationAnchor(sourceId: string, occurrence: number): string {
  return `cite-${sourceId}-${occurrence}`;
}

/**
 * Why a bracket holding cross-references (`[@fig-a; @tbl-b]`) is not a valid one, or
 * undefined. Cross-references and source citations render differently, so they never share
 * a bracket, and a figure has no page to point a locator at.
 */
export function crossRefGroupProblem(citation: CitationMatch): string | undefined {
  const sources = citation.items.filter((item) => !isCrossRefId(item.id));
  if (sources.length > 0 && sources.length < citation.items.length) {
    return `${citation.raw} mixes cross-references and source citations; write them in separate brackets, e.g. [@${citation.items.find((i) => isCrossRefId(i.id))!.id}] [@${sources[0]!.id}].`;
  }
  const located = citation.items.find((item) => item.locator);
  if (sources.length === 0 && located) {
    return `${citation.raw}: a cross-reference takes no locator ("${located.locator}"); write [@${located.id}].`;
  }
  return undefined;
}
