/** Writes dist/_headers (src/lib/http-headers.ts) once the pages and the search index are built. */
import { readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { fixedNamePaths, headerRules, headersFile } from '../lib/http-headers.ts';

export default function httpHeaders(): AstroIntegration {
  return {
    name: 'mlsr:http-headers',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const root = fileURLToPath(dir);
        const entries = await readdir(root, { recursive: true, withFileTypes: true });
        const paths = entries
          .filter((e) => e.isFile())
          .map((e) => `/${relative(root, join(e.parentPath, e.name)).split(sep).join('/')}`);
        await writeFile(join(root, '_headers'), headersFile(headerRules(fixedNamePaths(paths))));
      },
    },
  };
}
