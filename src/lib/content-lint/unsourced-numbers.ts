/**
 * Finds numeric claims in prose that nothing backs: a number with a unit or a magnitude
 * (250 ms, 3×, 40 GB, 12,000 QPS, $4 million, 63 percent…) in a paragraph with no citation
 * `[@source]` and no cross-reference to a figure, table or results entry. They are warnings,
 * not errors: an editor decides, and can mark a deliberate one with
 *
 *     {/* unsourced: why this number needs no source *\/}      (.mdx, inside the paragraph)
 *     <!-- unsourced: why -->                                 (.md)
 *
 * which the page never shows. A marker on a line of its own covers the next paragraph.
 */
import type { Root } from 'mdast';
import type { Node, Parent } from 'unist';
import { findCitations } from '../citations.ts';

/** A marker: the whole expression or comment is `unsourced: <reason>`. */
const MARKER_MDX = /^\s*\/\*\s*unsourced:\s*(\S[\s\S]*?)\s*\*\/\s*$/;
const MARKER_HTML = /^\s*<!--\s*unsourced:\s*(\S[\s\S]*?)\s*-->\s*$/;

/** The reason of an `unsourced:` marker, or undefined when `value` is not one. */
export function unsourcedMarkerReason(value: string, kind: 'mdx' | 'html'): string | undefined {
  return (kind === 'mdx' ? MARKER_MDX : MARKER_HTML).exec(value)?.[1];
}

const MAGNITUDE = 'thousand|million|billion|trillion|bn';
const UNIT = [
  // time
  'ms|µs|μs|us|ns|milliseconds?|microseconds?|nanoseconds?|seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h',
  // proportions and ratios
  '%|percent|per\\s+cent|percentage\\s+points?|pp|×|x',
  // sizes and bandwidth
  '[KMGTP]i?B|[KMGT]b/s|[KMGT]bps|bytes',
  // rates and compute
  'QPS|RPS|TPS|req/s|requests\\s+(?:per|a)\\s+second|queries\\s+(?:per|a)\\s+second|tokens?/s|samples?/s|[GTP]?FLOPS',
  // money written after the number
  'dollars|USD|EUR|euros?',
  MAGNITUDE,
].join('|');

/**
 * A number followed by a unit or magnitude, or money written with its symbol first. The
 * lookarounds keep "p99", "2025", "v1.2" and "H100" from matching on their own.
 */
const CLAIM = new RegExp(
  String.raw`(?:(?:\$|US\$|USD\s?|€|£)\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:${MAGNITUDE}|[kKMB])\b)?)|(?<![\w.])\d[\d,]*(?:\.\d+)?(?:[kKMB]\b|\s?(?:${UNIT})(?![\w]))`,
  'g',
);

export interface NumericClaim {
  /** The claim as written, e.g. "250 ms". */
  text: string;
  /** Line in the body (1-based). */
  line: number;
}

export function findNumericClaims(text: string): { text: string; index: number }[] {
  return [...text.matchAll(CLAIM)].map((m) => ({ text: m[0].trim(), index: m.index }));
}

export interface UnsourcedReport {
  /** Claims with no citation or cross-reference in their paragraph. */
  unsourced: NumericClaim[];
  /** Claims an editor marked as deliberate, with the reason given. */
  marked: (NumericClaim & { reason: string })[];
}

/** Blocks that are one unit of backing: a citation anywhere in one backs every number in it. */
const UNITS = new Set(['paragraph', 'table']);
/** Never prose: code, math, headings (titles echo the text they head), raw HTML. */
const SKIP = new Set(['code', 'inlineCode', 'math', 'inlineMath', 'heading', 'html', 'yaml', 'definition']);

type AnyNode = Node & { value?: unknown; children?: AnyNode[] };

function markerIn(node: AnyNode): string | undefined {
  if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression')
    return unsourcedMarkerReason(String(node.value), 'mdx');
  if (node.type === 'html') return unsourcedMarkerReason(String(node.value), 'html');
  return undefined;
}

/** Text, claims and backing of one paragraph-like unit. */
function scanUnit(unit: AnyNode): { claims: NumericClaim[]; backed: boolean; marker?: string } {
  const claims: NumericClaim[] = [];
  let backed = false;
  let marker: string | undefined;
  const walk = (node: AnyNode) => {
    const reason = markerIn(node);
    if (reason !== undefined) {
      marker = reason;
      return;
    }
    if (SKIP.has(node.type)) return;
    if (node.type === 'text') {
      const text = String(node.value);
      if (findCitations(text).some((c) => c.items.length > 0)) backed = true;
      const start = node.position?.start.line ?? 1;
      for (const claim of findNumericClaims(text)) {
        claims.push({
          text: claim.text,
          line: start + (text.slice(0, claim.index).match(/\n/g)?.length ?? 0),
        });
      }
      return;
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(unit);
  return { claims, backed, ...(marker !== undefined ? { marker } : {}) };
}

/** Scans a parsed article body (the content lint's tree). */
export function findUnsourcedNumbers(tree: Root): UnsourcedReport {
  const report: UnsourcedReport = { unsourced: [], marked: [] };
  const visitChildren = (parent: Parent) => {
    let pendingMarker: string | undefined;
    for (const child of parent.children as AnyNode[]) {
      const flowMarker =
        child.type === 'html' || child.type === 'mdxFlowExpression' ? markerIn(child) : undefined;
      if (flowMarker !== undefined) {
        pendingMarker = flowMarker;
        continue;
      }
      if (UNITS.has(child.type)) {
        const { claims, backed, marker } = scanUnit(child);
        const reason = marker ?? pendingMarker;
        pendingMarker = undefined;
        if (backed) continue;
        if (reason !== undefined) report.marked.push(...claims.map((c) => ({ ...c, reason })));
        else report.unsourced.push(...claims);
        continue;
      }
      pendingMarker = undefined;
      if (SKIP.has(child.type)) continue;
      if (child.children) visitChildren(child as Parent);
    }
  };
  visitChildren(tree);
  return report;
}
