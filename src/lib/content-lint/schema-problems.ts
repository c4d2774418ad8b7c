/** Turns zod issues into problems that name the field, what was found and what is expected. */
import type { z } from 'astro/zod';
import type { ContentFile } from './content-file.ts';
import type { Problem } from './problem.ts';

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value instanceof Date ? value.toISOString().slice(0, 10) : value);
  return text && text.length > 60 ? `${text.slice(0, 57)}…` : String(text);
}

function messageFor(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove or rename ${issue.keys.length > 1 ? 'them' : 'it'} (see content/FORMAT.md for the allowed keys).`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return `is required but missing (expected ${issue.expected}).`;
  }
  const found = 'input' in issue ? ` Found ${describe(issue.input)}.` : '';
  const message = issue.message.replace(/^Invalid input: /, '');
  return `${message.charAt(0).toLowerCase()}${message.slice(1)}${/[.!?]$/.test(message) ? '' : '.'}${found}`;
}

export function validate<T extends z.ZodType>(schema: T, content: ContentFile, problems: Problem[]): z.output<T> | undefined {
  const result = schema.safeParse(content.data, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const line = content.lineOf(issue.path);
    problems.push({
      severity: 'error',
      file: content.file,
      ...(line ? { line } : {}),
      field: fieldPath(issue.path) || 'frontmatter',
      message: messageFor(issue),
    });
  }
  return undefined;
}
