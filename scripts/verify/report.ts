/**
 * Turns check results into what people read: a plain-text report grouped check → file →
 * problem → fix (printed and written to reports/verify.txt), and GitHub workflow commands so
 * findings show up as annotations on the pull request.
 */
import { githubAnnotation } from '../../src/lib/report.ts';
import { countOf } from '../../src/lib/words.ts';
import type { CheckResult, Finding } from './types.ts';

export interface RanCheck {
  id: string;
  title: string;
  result: CheckResult;
  seconds: number;
}

function count(checks: RanCheck[], severity: Finding['severity']): number {
  return checks.reduce((sum, c) => sum + c.result.findings.filter((f) => f.severity === severity).length, 0);
}

export function formatReport(checks: RanCheck[], totalSeconds: number, distLabel: string): string {
  const lines: string[] = [`verify: ${distLabel}`, ''];
  for (const { title, result, seconds } of checks) {
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    const warnings = result.findings.length - errors;
    const mark = result.skipped ? '-' : errors ? '✗' : warnings ? '!' : '✓';
    const status = result.skipped
      ? `skipped: ${result.skipped}`
      : [errors ? countOf(errors, 'error') : '', warnings ? countOf(warnings, 'warning') : '']
          .filter(Boolean)
          .join(', ') || 'ok';
    lines.push(`${mark} ${title}: ${status} (${seconds.toFixed(1)} s)`, `    ${result.summary}`);
    const byFile = new Map<string, Finding[]>();
    for (const f of result.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
    for (const [file, findings] of byFile) {
      lines.push(`  ${file}`);
      for (const f of findings) {
        lines.push(
          `    ${f.severity === 'error' ? '✗' : '!'} ${f.line ? `line ${f.line}: ` : ''}${f.message}`,
        );
        if (f.fix) lines.push(`      fix: ${f.fix}`);
      }
    }
  }
  const errors = count(checks, 'error');
  const warnings = count(checks, 'warning');
  const failed = checks.filter((c) => c.result.findings.some((f) => f.severity === 'error')).length;
  lines.push(
    '',
    errors
      ? `verify: FAILED — ${countOf(errors, 'error')}, ${countOf(warnings, 'warning')} in ${failed} of ${countOf(checks.length, 'check')} (${totalSeconds.toFixed(1)} s)`
      : `verify: passed — ${countOf(checks.length, 'check')}, ${countOf(warnings, 'warning')} (${totalSeconds.toFixed(1)} s)`,
  );
  return lines.join('\n');
}

/** GitHub Actions annotations, one per finding, titled with the check that found it. */
export function githubAnnotations(checks: RanCheck[]): string[] {
  return checks.flatMap(({ id, result }) => result.findings.map((f) => githubAnnotation(f, `verify ${id}`)));
}
