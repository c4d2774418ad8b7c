/** Anchors that tie a corrections-log entry to its inline `<Correction>` mark(s). */

/** Anchor of the n-th (1-based) inline mark dated `day` (YYYY-MM-DD). */
export function correctionAnchor(day: string, occurrence = 1): string {
  return occurrence === 1 ? `correction-${day}` : `correction-${day}-${occurrence}`;
}

/** Anchor of a log entry at the foot of the article. */
export function correctionLogAnchor(day: string): string {
  return `correction-log-${day}`;
}
