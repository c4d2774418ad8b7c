/**
 * Reading a built site: listing its files, mapping URLs to files and back, parsing HTML with a
 * real parser (hast-util-from-html, i.e. parse5) so checks never match markup with regexes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';
import type { Finding } from './types.ts';

/** Every file under `dir`, as absolute paths, sorted so reports are stable. */
export function listFiles(dir: string, extension?: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && (!extension || e.name.endsWith(extension)))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** How a path is printed in the report: relative to where verify runs (dist/404.html). */
export function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

/** The URL path a built HTML file is served at: dist/a/index.html → /a/, dist/404.html → /404.html. */
export function urlPathOf(distDir: string, file: string): string {
  const rel = relative(distDir, file).split(sep).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

/** The file a URL path is served from (static-host rules: /a/ → a/index.html, /a → a.html or a/index.html). */
export function fileOf(distDir: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  } catch {
    return undefined;
  }
  const candidates = path.endsWith('/')
    ? [join(distDir, path, 'index.html')]
    : [join(distDir, path), join(distDir, `${path}.html`), join(distDir, path, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

export interface HtmlPage {
  file: string;
  url: string;
  tree: Root;
}

const parsed = new Map<string, Root>();

export function parseHtmlFile(file: string): Root {
  let tree = parsed.get(file);
  if (!tree) {
    tree = fromHtml(readFileSync(file, 'utf8'));
    parsed.set(file, tree);
  }
  return tree;
}

/**
 * The email editions of newsletter issues (newsletter/<n>/email.html) are HTML files but not
 * pages of the site: mail clients read them, with no CSP and a table layout. The email check
 * (scripts/verify/email.ts) holds them to the rules of email instead.
 */
export function isEmailEdition(file: string): boolean {
  return /(^|[\\/])newsletter[\\/]\d+[\\/]email\.html$/.test(file);
}

/** Every HTML page of the site in dist (email editions aside), parsed once per process. */
export function htmlPages(distDir: string): HtmlPage[] {
  return sitePages(distDir).map((file) => ({
    file,
    url: urlPathOf(distDir, file),
    tree: parseHtmlFile(file),
  }));
}

/** The site's HTML files: every .html in dist except the email editions. */
export function sitePages(distDir: string): string[] {
  return listFiles(distDir, '.html').filter((file) => !isEmailEdition(file));
}

/** Depth-first walk over elements (the few checks here need nothing fancier than this). */
export function* elements(node: Root | Element): Generator<Element> {
  for (const child of node.children as RootContent[]) {
    if (child.type === 'element') {
      yield child;
      yield* elements(child);
    }
    // <template> content lives in a separate fragment in hast.
    if (child.type === 'element' && child.content) yield* elements(child.content);
  }
}

export function classesOf(el: Element): string[] {
  const value: unknown = el.properties.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
}

export function lineOf(el: Element): number | undefined {
  return el.position?.start.line;
}

/** An error in a built file, at the element's line when there is one. */
export function errorAt(file: string, el: Element | undefined, message: string, fix: string): Finding {
  const line = el && lineOf(el);
  return { severity: 'error', file: display(file), ...(line ? { line } : {}), message, fix };
}

/** True for a page that asks not to be indexed (<meta name="robots" content="noindex">). */
export function isNoindex(tree: Root): boolean {
  for (const el of elements(tree)) {
    if (
      el.tagName === 'meta' &&
      (el.properties.name ?? '').toLowerCase() === 'robots' &&
      /noindex/i.test(el.properties.content ?? '')
    )
      return true;
  }
  return false;
}

/** The home page's <head>, where feeds are announced. */
export function headOf(tree: Root): Element | undefined {
  for (const el of elements(tree)) if (el.tagName === 'head') return el;
  return undefined;
}

/** `<script type>` values a browser runs (the empty string is a script without `type`). */
export const EXECUTABLE_SCRIPT_TYPES = new Set([
  '',
  'module',
  'text/javascript',
  'application/javascript',
  'text/ecmascript',
  'application/ecmascript',
]);
