/**
 * npm run schemas — regenerates the JSON Schemas in schemas/ from the zod schemas in src/schemas,
 * so editors' completion and inline errors follow the rules the build enforces.
 * `npm run schemas -- --check` only reports stale files (exit 1), as the unit test does.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  FRONTMATTER_SCHEMAS,
  SCHEMA_DIR,
  frontmatterJsonSchemaText,
  staleSchemaFiles,
} from '../src/lib/frontmatter-json-schema.ts';

const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

if (process.argv.includes('--check')) {
  const stale = staleSchemaFiles(read);
  for (const line of stale) console.error(`error ${line}`);
  process.exit(stale.length ? 1 : 0);
}

mkdirSync(SCHEMA_DIR, { recursive: true });
for (const entry of FRONTMATTER_SCHEMAS) {
  const path = join(SCHEMA_DIR, entry.file);
  const text = frontmatterJsonSchemaText(entry);
  if (read(path) === text) {
    console.log(`unchanged ${path}`);
    continue;
  }
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}
