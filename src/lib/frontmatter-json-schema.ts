/**
 * JSON Schemas for the content files, generated from the zod schemas (the single source of
 * truth) so editors get completion and inline errors while writing frontmatter. The committed
 * copies in `schemas/` are checked against this in the unit tests; `npm run schemas` rewrites them.
 */
import { z } from 'astro/zod';
import { articleSchema, personIdSchema } from '../schemas/article.ts';
import { calendarDate } from '../schemas/date.ts';
import { newsletterIssueSchema } from '../schemas/newsletter-issue.ts';
import { personSchema } from '../schemas/person.ts';

export interface FrontmatterSchema {
  /** File name under `schemas/`. */
  file: string;
  /** Which content files it describes (workspace-relative globs, for editor settings). */
  globs: string[];
  title: string;
  schema: z.ZodType;
}

export const SCHEMA_DIR = 'schemas';

export const FRONTMATTER_SCHEMAS: readonly FrontmatterSchema[] = [
  {
    file: 'article.schema.json',
    globs: ['content/articles/**/*.md', 'content/articles/**/*.mdx'],
    title: 'MLSR article frontmatter',
    schema: articleSchema(personIdSchema),
  },
  {
    file: 'person.schema.json',
    globs: ['content/people/*.yaml', 'content/people/*.yml'],
    title: 'MLSR person (masthead) file',
    schema: personSchema,
  },
  {
    file: 'newsletter-issue.schema.json',
    globs: ['content/newsletter/*.md'],
    title: 'MLSR newsletter issue frontmatter',
    schema: newsletterIssueSchema,
  },
];

function isCalendarDate(schema: z.core.$ZodType): boolean {
  const def = schema._zod.def as { type: string; in?: unknown };
  return def.type === 'pipe' && def.in === (calendarDate._zod.def as { in: unknown }).in;
}

/**
 * The JSON Schema of one content schema, describing what an editor types (the input side:
 * defaults are optional, dates are YYYY-MM-DD strings). Draft-07, the draft the YAML language
 * server and remark-lint-frontmatter-schema's Ajv both read. Rules JSON Schema cannot express
 * (cross-field checks, sentence counts) stay with `npm run lint:content`.
 */
export function toFrontmatterJsonSchema(entry: FrontmatterSchema): Record<string, unknown> {
  const json = z.toJSONSchema(entry.schema, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      // A calendar date is a Date or a string to zod (YAML loaders disagree); to an editor it is
      // always text in YYYY-MM-DD form.
      // `.describe()` clones a schema but keeps its definition's parts, so a described date
      // field is recognised by the shared input union.
      if (isCalendarDate(zodSchema)) {
        const description = jsonSchema.description;
        // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- emptying the object in place: others hold references to it
        for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
        Object.assign(jsonSchema, {
          type: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
          format: 'date',
          description: description ?? 'A calendar date written as YYYY-MM-DD.',
        });
      }
    },
  });
  return {
    $schema: json.$schema,
    $comment: 'Generated from src/schemas by `npm run schemas`; do not edit by hand.',
    title: entry.title,
    ...Object.fromEntries(Object.entries(json).filter(([key]) => key !== '$schema')),
  };
}

/** The exact text committed for a schema (stable key order, trailing newline). */
export function frontmatterJsonSchemaText(entry: FrontmatterSchema): string {
  return `${JSON.stringify(toFrontmatterJsonSchema(entry), null, 2)}\n`;
}

/**
 * Committed schema files that no longer match the zod schemas, each with the fix. `read`
 * returns a file's committed text, or undefined when it is missing.
 */
export function staleSchemaFiles(read: (file: string) => string | undefined): string[] {
  return FRONTMATTER_SCHEMAS.flatMap((entry) => {
    const path = `${SCHEMA_DIR}/${entry.file}`;
    const committed = read(path);
    if (committed === frontmatterJsonSchemaText(entry)) return [];
    return [
      `${path} ${committed === undefined ? 'is missing' : 'is out of date with src/schemas'}: run \`npm run schemas\` and commit the result.`,
    ];
  });
}
