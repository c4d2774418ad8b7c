/**
 * The pure half of `npm run check:lighthouse`: from several Lighthouse results (LHRs) of one
 * page to the median score per category, the audits behind a low score, and the printed table.
 * No browser here, so tests/unit/lighthouse.test.ts runs it on hand-made results.
 */
import type { Result } from 'lighthouse';

/** The four categories we hold pages to (PWA is gone from Lighthouse 12+). */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type CategoryId = (typeof CATEGORIES)[number];

/**
 * Every category at least 0.98 on the median of the runs. Lighthouse rounds
 * scores to two decimals, so 0.98 means at most two points lost in a category.
 */
export const MIN_SCORE = 0.98;

/** An audit that cost points in a category, as printed under a failure. */
export interface AuditShortfall {
  id: string;
  title: string;
  score: number;
  displayValue?: string;
}

export interface CategorySummary {
  id: CategoryId;
  title: string;
  /** Median over the runs; a run where the category could not be scored counts as 0. */
  median: number;
  scores: (number | null)[];
  /** From the run whose score is the median: the weighted audits that did not score 1. */
  shortfalls: AuditShortfall[];
}

export interface PageSummary {
  name: string;
  path: string;
  categories: CategorySummary[];
  /** Audits left out on purpose, with the reason (printed under the table). */
  skipped: Record<string, string>;
  /** Lighthouse's own warnings and runtime errors, de-duplicated across runs. */
  warnings: string[];
}

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Index of the run whose score is closest to the median (the first one on a tie). */
function medianRunIndex(scores: number[], value: number): number {
  let best = 0;
  scores.forEach((score, index) => {
    if (Math.abs(score - value) < Math.abs(scores[best]! - value)) best = index;
  });
  return best;
}

function shortfallsOf(lhr: Result, id: CategoryId): AuditShortfall[] {
  const category = lhr.categories[id];
  if (!category) return [];
  const shortfalls: AuditShortfall[] = [];
  for (const ref of category.auditRefs) {
    const audit = lhr.audits[ref.id];
    if (!audit || ref.weight <= 0 || audit.score === null || audit.score >= 1) continue;
    shortfalls.push({
      id: audit.id,
      title: audit.title.replace(/\.$/, ''),
      score: audit.score,
      ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
    });
  }
  // The audits that cost the most first.
  return shortfalls.sort((a, b) => a.score - b.score);
}

export function summarizePage(
  name: string,
  path: string,
  lhrs: Result[],
  skipped: Record<string, string> = {},
): PageSummary {
  if (lhrs.length === 0) throw new Error(`${name}: no Lighthouse runs`);
  const categories = CATEGORIES.map((id): CategorySummary => {
    const scores = lhrs.map((lhr) => lhr.categories[id]?.score ?? null);
    const numeric = scores.map((s) => s ?? 0);
    const value = median(numeric);
    const representative = lhrs[medianRunIndex(numeric, value)]!;
    return {
      id,
      title: representative.categories[id]?.title ?? id,
      median: value,
      scores,
      shortfalls: shortfallsOf(representative, id),
    };
  });
  const warnings = new Set<string>();
  for (const lhr of lhrs) {
    if (lhr.runtimeError) warnings.add(`runtime error ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    for (const warning of lhr.runWarnings) warnings.add(warning);
  }
  return { name, path, categories, skipped, warnings: [...warnings] };
}

/** One line per category below `minScore`: page, category, median, runs and what cost points. */
export function failures(pages: PageSummary[], minScore = MIN_SCORE): string[] {
  const lines: string[] = [];
  for (const page of pages) {
    for (const category of page.categories) {
      if (category.median >= minScore) continue;
      const audits = category.shortfalls.length
        ? category.shortfalls
            .map(
              (a) =>
                `${a.id} (${a.title}${a.displayValue ? `: ${a.displayValue}` : ''}; score ${a.score.toFixed(2)})`,
            )
            .join('; ')
        : 'no weighted audit below 1: see the runs\u2019 reports';
      lines.push(
        `${page.name} ${page.path}: ${category.title} ${category.median.toFixed(2)} < ${minScore} (runs ${category.scores.map(fmt).join(', ')}). Failing audits: ${audits}`,
      );
    }
  }
  return lines;
}

function fmt(score: number | null): string {
  return score === null ? 'n/a' : score.toFixed(2);
}

/** The table `npm run check:lighthouse` prints: median per category, min–max of the runs beside it. */
export function formatTable(pages: PageSummary[], minScore = MIN_SCORE): string {
  const header = ['page', ...CATEGORIES];
  const rows = pages.map((page) => [
    `${page.name} ${page.path}`,
    ...page.categories.map((c) => {
      const numeric = c.scores.map((s) => s ?? 0);
      const range = `${Math.min(...numeric).toFixed(2)}–${Math.max(...numeric).toFixed(2)}`;
      return `${c.median.toFixed(2)} (${range})${c.median < minScore ? ' ✗' : ''}`;
    }),
  ]);
  const widths = header.map((_, i) => Math.max(header[i]!.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  for (const page of pages) {
    for (const [audit, reason] of Object.entries(page.skipped))
      out.push(`  ${page.name}: audit ${audit} skipped: ${reason}`);
    for (const warning of page.warnings) out.push(`  ${page.name}: Lighthouse warning: ${warning}`);
  }
  return out.join('\n');
}
