/**
 * The wording of each content rule that both the content lint (before the build) and the
 * render plugins (during it) enforce. Written once, so an editor reads the same problem and the
 * same fix whichever of the two catches it first. Callers add where: the lint as file, line and
 * field of a finding; the plugins as the same `file:line field:` prefix the lint's report prints.
 */

const KATEX_SUPPORTED = 'KaTeX supports a subset of LaTeX: https://katex.org/docs/supported';

/** A `[@id]` whose id is not in the article's `sources`. */
export function unknownCitationMessage(id: string, known: Iterable<string>): string {
  const list = [...known].join(', ') || '(none)';
  return `[@${id}] names no entry in "sources". Add a source with id "${id}" to the frontmatter, or cite one of: ${list}.`;
}

/** A bracket that looks like a citation but has an entry that is not `@id`. */
export function malformedCitationMessage(raw: string, entry: string): string {
  return `${raw} is malformed: "${entry}" is not "@source-id". Write [@id] or [@a; @b].`;
}

/** An inline `<Correction>` without a literal date. */
export function correctionWithoutDateMessage(): string {
  return '<Correction> needs a date="YYYY-MM-DD" attribute matching an entry in "corrections".';
}

/** An inline `<Correction date>` with no entry of that date in the `corrections` log. */
export function correctionNotLoggedMessage(day: string): string {
  return `<Correction date="${day}"> has no entry in the "corrections" log. Add { date: ${day}, summary: "…" } to corrections, or fix the date.`;
}

/** TeX that KaTeX cannot parse. `reason` is KaTeX's own message. */
export function malformedMathMessage(expression: string, reason: string): string {
  const why = reason.replace(/^(?:ParseError: )?KaTeX parse error: /, '');
  return `malformed math "${expression.trim()}": ${why}. Fix the TeX (${KATEX_SUPPORTED}).`;
}

/**
 * TeX that parses but uses a command articles may not use (links, images, classes, ids and
 * styles from TeX: `trust` is off). KaTeX would print the command in red instead of failing.
 */
export function untrustedMathMessage(expression: string, command: string): string {
  return `math "${expression.trim()}" uses ${command}, which articles may not use (links, images and HTML attributes from TeX are off; KaTeX would print it as red error text). Remove it: put a link in the prose, or cite a source.`;
}
