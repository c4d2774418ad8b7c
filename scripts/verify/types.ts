/**
 * The shapes every post-build check shares. A check is a function from a built site (a dist
 * directory) to findings, so the runner, `npm run check:external` and the unit tests (which
 * plant one defect in a tiny temporary dist) all call the same code.
 */

import type { Finding } from '../../src/lib/report.ts';

export type { Finding, Severity } from '../../src/lib/report.ts';

export interface CheckResult {
  findings: Finding[];
  /** One line of what was checked ("34 pages, 226 links"), shown even when it passes. */
  summary: string;
  /** Set when the check did not run (e.g. "offline"); a skipped check passes. */
  skipped?: string;
}

export interface Check {
  id: string;
  title: string;
  run: (distDir: string) => Promise<CheckResult>;
}
