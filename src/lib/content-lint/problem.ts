import { errorsIn, githubAnnotation, type Finding } from '../report.ts';
import { countOf } from '../words.ts';

export { errorsIn, githubAnnotation };

/** The content lint's findings: the shared report shape (src/lib/report.ts), named as editors read them. */
export type Problem = Finding;

/** `file:line  field: message` — one line per problem, the form editors and CI logs read. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? ` ${problem.field}:` : '';
  const fix = problem.fix ? ` Fix: ${problem.fix}` : '';
  return `${problem.severity === 'error' ? 'error' : 'warning'} ${where}${field} ${problem.message}${fix}`;
}

export function formatReport(problems: readonly Problem[]): string {
  const errors = errorsIn(problems).length;
  const warnings = problems.length - errors;
  const lines = problems.map(formatProblem);
  lines.push(`content lint: ${countOf(errors, 'error')}, ${countOf(warnings, 'warning')}`);
  return lines.join('\n');
}
