/** A finding of the content lint: where it is, what is wrong, how to fix it. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Path relative to the project root, e.g. content/articles/feature-stores.mdx. */
  file: string;
  line?: number;
  /** Frontmatter field path (`sources[2].url`) or body construct (`<Correction>`). */
  field?: string;
  message: string;
}

export function errorsIn(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'error');
}

/** `file:line  field: message` — one line per problem, the form editors and CI logs read. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? ` ${problem.field}:` : '';
  return `${problem.severity === 'error' ? 'error' : 'warning'} ${where}${field} ${problem.message}`;
}

/** GitHub Actions workflow command, so problems show up on the pull request's diff. */
export function githubAnnotation(problem: Problem): string {
  const escape = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const props = [
    `file=${problem.file}`,
    problem.line ? `line=${problem.line}` : '',
    problem.field ? `title=${problem.field}` : '',
  ]
    .filter(Boolean)
    .join(',');
  return `::${problem.severity} ${props}::${escape(problem.message)}`;
}

export function formatReport(problems: readonly Problem[]): string {
  const errors = errorsIn(problems).length;
  const warnings = problems.length - errors;
  const lines = problems.map(formatProblem);
  lines.push(
    `content lint: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  );
  return lines.join('\n');
}
