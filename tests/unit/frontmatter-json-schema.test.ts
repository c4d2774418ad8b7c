/**
 * The JSON Schemas editors use are generated from the zod schemas: the committed copies must
 * match, the editor settings must point at them, and they must accept the real content and
 * point at the line of a planted mistake, the way an editor shows it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkConfig from '../../.remarkrc.mjs';
import {
  FRONTMATTER_SCHEMAS,
  SCHEMA_DIR,
  frontmatterJsonSchemaText,
  staleSchemaFiles,
  toFrontmatterJsonSchema,
} from '../../src/lib/frontmatter-json-schema.ts';

const readCommitted = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

describe('committed JSON Schemas', () => {
  it('match the zod schemas (if this fails: run `npm run schemas` and commit schemas/)', () => {
    expect(staleSchemaFiles(readCommitted)).toEqual([]);
  });

  it('a drifted copy is reported with the command that fixes it', () => {
    const drifted = (file: string) =>
      file.endsWith('article.schema.json')
        ? readCommitted(file)!.replace('"reviewer"', '"reviewed_by"')
        : readCommitted(file);
    expect(staleSchemaFiles(drifted)).toEqual([
      'schemas/article.schema.json is out of date with src/schemas: run `npm run schemas` and commit the result.',
    ]);
    expect(
      staleSchemaFiles((file) => (file.endsWith('person.schema.json') ? undefined : readCommitted(file))),
    ).toEqual(['schemas/person.schema.json is missing: run `npm run schemas` and commit the result.']);
  });

  it('carry the fields, enums, date form and descriptions editors complete from', () => {
    const article = toFrontmatterJsonSchema(FRONTMATTER_SCHEMAS[0]!) as {
      properties: Record<string, { enum?: string[]; pattern?: string; description?: string }>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(article.additionalProperties).toBe(false);
    expect(article.required).toEqual(
      expect.arrayContaining(['title', 'description', 'beat', 'author', 'reviewer', 'published', 'sources']),
    );
    expect(article.properties.beat!.enum).toEqual(['architecture', 'benchmarks', 'mlops', 'postmortems']);
    expect(article.properties.published).toMatchObject({ type: 'string', format: 'date' });
    expect(article.properties.reviewer!.description).toMatch(/technical reviewer/);
    const person = JSON.parse(frontmatterJsonSchemaText(FRONTMATTER_SCHEMAS[1]!)) as {
      properties: Record<string, { pattern?: string }>;
    };
    expect(person.properties.github!.pattern).toBeDefined();
  });
});

/** `.vscode/settings.json` is JSON with comments. */
function readJsonc(path: string): Record<string, unknown> {
  return JSON.parse(
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => !/^\s*\/\//.test(line))
      .join('\n'),
  ) as Record<string, unknown>;
}

describe('editor wiring', () => {
  it('VS Code maps person files to the person schema (YAML extension)', () => {
    const settings = readJsonc('.vscode/settings.json');
    const person = FRONTMATTER_SCHEMAS.find((s) => s.file === 'person.schema.json')!;
    expect(settings['yaml.schemas']).toEqual({ [`./${SCHEMA_DIR}/${person.file}`]: person.globs });
  });

  it('.remarkrc.mjs maps article and newsletter files to their schemas', () => {
    const [, [, options]] = remarkConfig.plugins as [
      unknown,
      [unknown, { schemas: Record<string, string[]> }],
    ];
    const markdownSchemas = FRONTMATTER_SCHEMAS.filter((s) => !s.file.startsWith('person'));
    expect(options.schemas).toEqual(
      Object.fromEntries(markdownSchemas.map((s) => [`./${SCHEMA_DIR}/${s.file}`, s.globs])),
    );
  });
});

async function lintFrontmatter(path: string, text: string) {
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter)
    .use(remarkLintFrontmatterSchema, (remarkConfig.plugins[1] as [unknown, object])[1]);
  const file = new VFile({ path: join(process.cwd(), path), value: text });
  await processor.run(processor.parse(file), file);
  return file.messages;
}

describe('the schemas as an editor applies them', () => {
  const contentFiles = [
    ...readdirSync('content/articles', { recursive: true })
      .map(String)
      .filter((f) => /\.mdx?$/.test(f))
      .map((f) => `content/articles/${f}`),
    ...readdirSync('content/newsletter').map((f) => `content/newsletter/${f}`),
  ];

  it.each(contentFiles)('accept %s', async (path) => {
    expect((await lintFrontmatter(path, readFileSync(path, 'utf8'))).map(String)).toEqual([]);
  });

  it('flag a planted unknown beat on its line, with the allowed values', async () => {
    const path = 'content/articles/uber-feature-discovery.mdx';
    const text = readFileSync(path, 'utf8').replace(/^beat: .*$/m, 'beat: archtecture');
    const line = text.split('\n').findIndex((l) => l === 'beat: archtecture') + 1;
    const messages = await lintFrontmatter(path, text);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.line).toBe(line);
    expect(messages[0]!.note).toMatch(/Allowed values: architecture, benchmarks, mlops, postmortems/);
  });

  it('flag a misspelt key and a malformed date, the date on its line', async () => {
    const path = 'content/newsletter/1.md';
    const text = readFileSync(path, 'utf8').replace(/^date: .*$/m, 'date: 14/03/2025\nsumary: typo');
    const lines = text.split('\n');
    const lineOf = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix)) + 1;
    const messages = await lintFrontmatter(path, text);
    // Ajv reports an unknown key against the whole frontmatter, not the key's line.
    expect(messages.filter((m) => m.line === undefined).map((m) => m.reason)).toEqual([
      expect.stringMatching(/Must NOT have additional properties/),
    ]);
    expect(messages.filter((m) => m.line === lineOf('date:')).map((m) => m.reason)).toEqual([
      expect.stringMatching(/Must match pattern/),
      expect.stringMatching(/Must match format "date"/),
    ]);
  });
});
