/**
 * Turns check results into what people read: a plain-text report grouped check → file →
 * problem → fix (printed and written to reports/verify.txt), and GitHub workflow commands so
 * findings show up as annotations on the pull request.
 */
import type { CheckResult, Finding } from './types.ts';

export interface RanCheck {
  id: string;
  title: string;
  result: CheckResult;
  seconds: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

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
      : [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : '']
          .filter(Boolean)
          .join(', ') || 'ok';
    lines.push(`${mark} ${title}: ${status} (${seconds.toFixed(1)} s)`, `    ${result.summary}`);
    const byFile = new Map<string, Finding[]>();
    for (const f of result.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
    for (const [file, findings] of byFile) {
      lines.push(`  ${file}`);
      for (const f of findings) {
        lines.push(
          `    ${f.severity === 'error' ? '✗' : '!'} ${f.line ? `line ${f.line}: ` : ''}${f.problem}`,
          `      fix: ${f.fix}`,
        );
      }
    }
  }
  const errors = count(checks, 'error');
  const warnings = count(checks, 'warning');
  const failed = checks.filter((c) => c.result.findings.some((f) => f.severity === 'error')).length;
  lines.push(
    '',
    errors
      ? `verify: FAILED — ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${failed} of ${plural(checks.length, 'check')} (${totalSeconds.toFixed(1)} s)`
      : `verify: passed — ${plural(checks.length, 'check')}, ${plural(warnings, 'warning')} (${totalSeconds.toFixed(1)} s)`,
  );
  return lines.join('\n');
}

/** GitHub Actions workflow commands (https://docs.github.com/actions/reference/workflow-commands). */
export function githubAnnotations(checks: RanCheck[]): string[] {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return checks.flatMap(({ id, result }) =>
    result.findings.map((f) => {
      const props = [
        `file=${escapeProperty(f.file)}`,
        ...(f.line ? [`line=${f.line}`] : []),
        `title=${escapeProperty(`verify ${id}`)}`,
      ].join(',');
      return `::${f.severity} ${props}::${escapeData(`${f.problem}\nfix: ${f.fix}`)}`;
    }),
  );
}
