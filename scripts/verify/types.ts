/**
 * The shapes every post-build check shares. A check is a function from a built site (a dist
 * directory) to findings, so the runner, `npm run check:external` and the unit tests (which
 * plant one defect in a tiny temporary dist) all call the same code.
 */

export type Severity = 'error' | 'warning';

/** One problem, in the form the report prints: file → problem → fix. */
export interface Finding {
  severity: Severity;
  /** Path as printed: relative to the working directory (dist/articles/x/index.html). */
  file: string;
  line?: number;
  /** What is wrong, with the offending value quoted. */
  problem: string;
  /** What to change, and where (often a source file rather than the built one). */
  fix: string;
}

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

export function errorsOf(result: CheckResult): Finding[] {
  return result.findings.filter((f) => f.severity === 'error');
}
