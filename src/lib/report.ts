/**
 * The one report vocabulary. The content lint (before the build) and the post-build checks
 * (`npm run verify`) both report findings: where (file, line), what is wrong, how to fix it.
 * One shape, one "errors only" rule and one writer of GitHub Actions annotations, so a
 * finding reads and escapes the same whichever tool made it.
 */

export type Severity = 'error' | 'warning';

export interface Finding {
  severity: Severity;
  /** Path relative to the project root: the content file, or the built page in dist/. */
  file: string;
  line?: number;
  /** Column on that line, when the tool knows it (actionlint does). */
  column?: number;
  /** The frontmatter field path (`sources[2].url`) or body construct (`<Correction>`) concerned. */
  field?: string;
  /** What is wrong, with the value found quoted. */
  message: string;
  /** What to change, and where, when `message` does not already say it. */
  fix?: string;
}

export function errorsIn<T extends { severity: Severity }>(findings: readonly T[]): T[] {
  return findings.filter((finding) => finding.severity === 'error');
}

/**
 * Workflow-command escaping, as GitHub's runner decodes it: in the message, `%`, CR and LF;
 * in a property value also `:` and `,`, which would otherwise end the value.
 */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * `::error file=…,line=…,col=…,title=…::message` — shown on the pull request's diff. The title is
 * the field, or what the caller names (the verify check).
 */
export function githubAnnotation(finding: Finding, title = finding.field): string {
  const properties = [
    `file=${escapeProperty(finding.file)}`,
    ...(finding.line ? [`line=${finding.line}`] : []),
    ...(finding.line && finding.column ? [`col=${finding.column}`] : []),
    ...(title ? [`title=${escapeProperty(title)}`] : []),
  ].join(',');
  const text = finding.fix ? `${finding.message}\nfix: ${finding.fix}` : finding.message;
  return `::${finding.severity} ${properties}::${escapeData(text)}`;
}
