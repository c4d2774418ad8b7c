/**
 * Site search, wired into the build:
 *
 * 1. `astro:build:done` indexes the built pages with Pagefind's Node API. Only elements marked
 *    `data-pagefind-body` (articles and newsletter issues) are indexed; the index is written to
 *    dist/pagefind/. The build fails if Pagefind reports errors, if the marked pages are not
 *    exactly the searchable pages the content index lists (every public article and newsletter
 *    issue, from src/lib/content-files.ts), or if the index does not hold every marked page.
 * 2. The search client (src/components/search/client.ts: the header's live results and the
 *    /search/ page) is emitted by Astro's own client build at a fixed URL, so that
 * 3. a tiny inline script in every page's head (Astro hashes it for the CSP) can load it on
 *    demand: when a search box receives focus, when the reader presses "/", or at once on
 *    /search/ when the URL already holds a search. Until then a page downloads no JavaScript.
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { minifySync, transformWithOxc } from 'vite';
import { readContentIndex, searchablePages } from '../lib/content-files.ts';

/** Where the built client lives, relative to the site root (outside the immutable-cached _astro/). */
export const SEARCH_CLIENT_FILE = 'search-client/client.js';
const CLIENT_ENTRY = fileURLToPath(new URL('../components/search/client.ts', import.meta.url));
const BODY_MARKER = 'data-pagefind-body';
/** An element carrying the marker (in text, as in an article about Pagefind, `<` is escaped). */
const BODY_ELEMENT = /<[a-z][a-z0-9-]*\s[^>]*\bdata-pagefind-body[\s=>]/;
/** Pagefind's ready-made UIs, written with every index; this site renders results itself. */
const UNUSED_PAGEFIND_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];
/**
 * Furniture inside article bodies that only adds noise to excerpts: heading anchors ("#"),
 * citation marks ("[1]"), correction flags, and typeset math (KaTeX writes each formula twice,
 * and Pagefind matches a one-letter symbol against any query that starts with that letter),
 * the beat kicker a result shows anyway, and the margin copies of footnotes (side notes).
 */
const EXCLUDE_SELECTORS = [
  '.heading-anchor',
  '.citation',
  '.correction-flag',
  '.katex',
  '.kicker',
  '.sidenote',
];

/** The inline loader (bootstrap.ts): types stripped, minified, called with the client's URL. */
async function bootstrapScript(clientUrl: string): Promise<string> {
  const file = fileURLToPath(new URL('../components/search/bootstrap.ts', import.meta.url));
  const { code } = await transformWithOxc(readFileSync(file, 'utf8'), file);
  // Parenthesised here, not in the source, so a formatter cannot change what the expression means.
  const call = `(${code.trim().replace(/;$/, '')})(${JSON.stringify(clientUrl)});`;
  const minified = minifySync('bootstrap.js', call);
  if (minified.errors.length > 0)
    throw new Error(`${file}: ${minified.errors.map((e) => e.message).join('; ')}`);
  return minified.code;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** URL paths of the built pages marked for indexing (dist/a/b/index.html → /a/b/). */
async function markedPages(dir: string): Promise<Set<string>> {
  const marked = new Set<string>();
  for (const file of await htmlFiles(dir)) {
    if (!BODY_ELEMENT.test(await readFile(file, 'utf8'))) continue;
    const path = relative(dir, file).split(sep).join('/');
    marked.add(`/${path.replace(/(^|\/)index\.html$/, '$1')}`);
  }
  return marked;
}

/**
 * The marked pages must be exactly the content's searchable pages: a page missing its marker
 * would silently drop out of search, a marker on another page would add noise.
 */
export async function checkMarkedPages(
  site: string,
  contentRoot: string,
  cwd = process.cwd(),
): Promise<number> {
  const expected = searchablePages(await readContentIndex(resolve(contentRoot), { cwd }));
  const marked = await markedPages(site);
  const missing = expected.filter((page) => !marked.has(page.url));
  const wanted = new Set(expected.map((page) => page.url));
  const extra = [...marked].filter((url) => !wanted.has(url)).sort();
  const lines = [
    ...missing.map((p) => `${p.url} (${p.file}) is not marked ${BODY_MARKER}, or was not built`),
    ...extra.map((url) => `${url} is marked ${BODY_MARKER} but is no public article or newsletter issue`),
  ];
  if (lines.length > 0) throw new Error(`The search index would not match the content:\n${lines.join('\n')}`);
  if (marked.size === 0)
    throw new Error(`No built page is marked ${BODY_MARKER}; the search index would be empty.`);
  return marked.size;
}

function failOn(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
}

/** `contentRoot`: the content tree the site is built from (src/lib/content-root.ts). */
export default function search({ contentRoot }: { contentRoot: string }): AstroIntegration {
  return {
    name: 'mlsr:search',
    hooks: {
      'astro:config:setup': async ({ command, injectScript, updateConfig }) => {
        // In `astro dev` Vite serves the TypeScript module itself; there is no index there (the
        // client says so): `npm run build && npm run preview` to try search.
        const clientUrl =
          command === 'build' ? `/${SEARCH_CLIENT_FILE}` : `/${relative(process.cwd(), CLIENT_ENTRY)}`;
        injectScript('head-inline', await bootstrapScript(clientUrl));
        if (command !== 'build') return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'mlsr:search-client',
                apply: 'build',
                applyToEnvironment: (environment) => environment.name === 'client',
                buildStart() {
                  this.emitFile({ type: 'chunk', id: CLIENT_ENTRY, fileName: SEARCH_CLIENT_FILE });
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const outputPath = join(site, 'pagefind');
        const expected = await checkMarkedPages(site, contentRoot);
        try {
          const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS });
          failOn('start', errors);
          if (!index) throw new Error('Pagefind returned no index.');
          failOn('index the site', (await index.addDirectory({ path: site })).errors);
          failOn('write the index', (await index.writeFiles({ outputPath })).errors);
        } finally {
          await pagefind.close();
        }
        // Every marked page must be in the index (Pagefind skips, e.g., pages it cannot parse).
        const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
          languages: Record<string, { page_count: number }>;
        };
        const indexed = Object.values(entry.languages).reduce(
          (sum, language) => sum + language.page_count,
          0,
        );
        if (indexed !== expected)
          throw new Error(
            `Pagefind indexed ${indexed} page(s), but ${expected} built page(s) are marked ${BODY_MARKER}.`,
          );
        await Promise.all(UNUSED_PAGEFIND_FILES.map((file) => rm(join(outputPath, file), { force: true })));
        logger.info(`indexed ${indexed} page(s) into ${relative(process.cwd(), outputPath)}`);
      },
    },
  };
}
