/** Turns zod issues into problems that name the field, what was found and what is expected. */
import type { z } from 'astro/zod';
import type { ContentFile } from './content-file.ts';
import type { Problem } from './problem.ts';

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value instanceof Date ? value.toISOString().slice(0, 10) : value) as
    string | undefined;
  return text && text.length > 60 ? `${text.slice(0, 57)}…` : String(text);
}

/** Edit distance, to suggest the allowed key an unknown key was probably meant to be. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

function isMissing(issue: z.core.$ZodIssue): boolean {
  return issue.input === undefined && ['invalid_type', 'invalid_union', 'invalid_value'].includes(issue.code);
}

function messageFor(issue: z.core.$ZodIssue): string {
  const message = issue.message.replace(/^Invalid (?:input|option)(?::\s*)?/, '');
  if (isMissing(issue)) {
    const expected = issue.code === 'invalid_type' ? `expected ${issue.expected}` : message;
    return `is required but missing${expected ? ` (${expected})` : ''}.`;
  }
  if (!message) return `is not valid. Found ${describe(issue.input)}; see content/FORMAT.md.`;
  // Cross-field rules report against the whole object, and some messages quote the value
  // already: "Found …" is added only when it tells the editor something new.
  const shown = describe(issue.input);
  const wholeObject =
    typeof issue.input === 'object' &&
    issue.input !== null &&
    !Array.isArray(issue.input) &&
    !(issue.input instanceof Date);
  const found = 'input' in issue && !wholeObject && !message.includes(shown) ? ` Found ${shown}.` : '';
  return `${message.charAt(0).toLowerCase()}${message.slice(1)}${/[.!?]$/.test(message) ? '' : '.'}${found}`;
}

export function validate<T extends z.ZodType>(
  schema: T,
  content: ContentFile,
  problems: Problem[],
): z.output<T> | undefined {
  const result = schema.safeParse(content.data, { reportInput: true });
  if (result.success) return result.data;
  const report = (path: readonly PropertyKey[], message: string) => {
    const line = content.lineOf(path);
    problems.push({
      severity: 'error',
      file: content.file,
      ...(line ? { line } : {}),
      field: fieldPath(path) || 'frontmatter',
      message,
    });
  };
  for (const issue of result.error.issues) {
    if (issue.code !== 'unrecognized_keys') {
      report(issue.path, messageFor(issue));
      continue;
    }
    // One problem per unknown key, at its own line; a typo of a missing key gets named.
    const missingHere = result.error.issues
      .filter(
        (other) =>
          isMissing(other) &&
          other.path.length === issue.path.length + 1 &&
          issue.path.every((key, i) => other.path[i] === key),
      )
      .map((other) => String(other.path.at(-1)));
    for (const key of issue.keys) {
      const meant = missingHere.find((candidate) => distance(candidate, key) <= 2);
      report(
        [...issue.path, key],
        meant
          ? `is not a known key: did you mean "${meant}"? Rename it.`
          : 'is not a known key: remove it or fix its spelling (see content/FORMAT.md for the allowed keys).',
      );
    }
  }
  return undefined;
}
