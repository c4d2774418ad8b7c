/**
 * Page weight of one built page, computed statically from dist/ (no browser):
 *
 * - HTML: the page file. CSS: every <link rel="stylesheet"> file plus inline <style>. JS: every
 *   <script src> and <link rel="modulepreload"> file, the modules they import statically
 *   (followed recursively), plus inline scripts (JSON-LD and other non-JS types excluded).
 *   Raw bytes and gzip (zlib level 6, what a typical server applies on the fly).
 * - Requests on first load: the document, each stylesheet, script, static import, modulepreload,
 *   <img>/icon/preload, and the web fonts the page would download. A browser fetches a font only
 *   when text is rendered in it, so fonts are estimated: a CSS rule counts as used when every
 *   class, id and element name in its selector occurs in the page; the first family named by a
 *   used rule's `font`/`font-family` that has an @font-face (matching weight and style) costs one
 *   request (the first format in `src`, woff2 for KaTeX). Dynamic imports (Pagefind's search
 *   runtime, loaded on first query) are not first-load requests and are not counted.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface PageWeight {
  type: string;
  /** URL path of the page measured. */
  path: string;
  html: Bytes;
  css: Bytes;
  js: Bytes;
  requests: number;
  /** What the requests are, by kind. */
  requestKinds: Record<string, number>;
  fonts: string[];
}

function bytesOf(content: Buffer | string): Bytes {
  const buffer = typeof content === 'string' ? Buffer.from(content) : content;
  return { raw: buffer.length, gzip: gzipSync(buffer, { level: 6 }).length };
}

function add(a: Bytes, b: Bytes): Bytes {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip };
}

const ZERO: Bytes = { raw: 0, gzip: 0 };

/** Resolves a same-origin URL to its file in dist; undefined for other origins or missing files. */
function distFile(dist: string, pageUrl: string, href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href, new URL(pageUrl, 'https://bench.invalid'));
  } catch {
    return undefined;
  }
  if (url.origin !== 'https://bench.invalid') return undefined;
  const path = decodeURIComponent(url.pathname);
  const candidates = path.endsWith('/')
    ? [join(dist, path, 'index.html')]
    : [join(dist, path), join(dist, path, 'index.html')];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile());
}

/** Rewrites relative url(…) in a stylesheet to root-relative paths, so sheets can be merged. */
function absoluteUrls(css: string, sheetUrl: string): string {
  return css.replace(/url\(\s*(["']?)([^"')]+)\1\s*\)/g, (whole, _quote: string, target: string) =>
    /^(data:|[a-z]+:\/\/)/i.test(target) ? whole : `url(${new URL(target, sheetUrl).pathname})`,
  );
}

/** A space-separated or list-valued hast property (className, rel) as tokens. */
function tokens(element: Element, name: 'className' | 'rel'): string[] {
  const value: unknown = element.properties[name];
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

const classList = (element: Element) => tokens(element, 'className');
const relTokens = (element: Element) => tokens(element, 'rel').map((r) => r.toLowerCase());

// --- a deliberately small CSS reader: enough for minified, well-formed output of a bundler ----

interface CssRule {
  selectors: string[];
  declarations: string;
}
interface FontFace {
  family: string;
  weight: number;
  style: string;
  url: string | undefined;
}

function splitBlocks(css: string, rules: CssRule[], faces: FontFace[]) {
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open < 0) break;
    const prelude = css.slice(i, open).trim();
    let depth = 1;
    let j = open + 1;
    while (j < css.length && depth > 0) {
      if (css[j] === '{') depth++;
      else if (css[j] === '}') depth--;
      j++;
    }
    const body = css.slice(open + 1, j - 1);
    if (/^@font-face/i.test(prelude)) {
      const get = (name: string) =>
        new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`, 'i').exec(body)?.[1]?.trim();
      const family = get('font-family')?.replace(/["']/g, '') ?? '';
      const weight = get('font-weight') ?? '400';
      const src = get('src') ?? '';
      faces.push({
        family,
        weight: weight === 'bold' ? 700 : weight === 'normal' ? 400 : Number.parseInt(weight, 10) || 400,
        style: get('font-style') ?? 'normal',
        url: /url\(\s*["']?([^"')]+)["']?\s*\)/.exec(src)?.[1],
      });
    } else if (/^@(media|supports|layer|container|scope)/i.test(prelude)) {
      splitBlocks(body, rules, faces);
    } else if (!prelude.startsWith('@')) {
      rules.push({ selectors: prelude.split(',').map((s) => s.trim()), declarations: body });
    }
    i = j;
  }
}

interface PageFacts {
  classes: Set<string>;
  ids: Set<string>;
  tags: Set<string>;
}

function selectorUsed(selector: string, page: PageFacts): boolean {
  const simplified = selector.replace(/::?[a-zA-Z-]+(\([^)]*\))?/g, '').replace(/\[[^\]]*\]/g, '');
  for (const match of simplified.matchAll(/([.#]?)(-?[_a-zA-Z][\w-]*)/g)) {
    const [, sigil, name] = match;
    if (sigil === '.' && !page.classes.has(name!)) return false;
    if (sigil === '#' && !page.ids.has(name!)) return false;
    if (sigil === '' && !page.tags.has(name!.toLowerCase()) && !['html', 'body', ':root'].includes(name!))
      return false;
  }
  return true;
}

function declared(declarations: string, property: string): string | undefined {
  return new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;]+)`, 'i').exec(declarations)?.[1]?.trim();
}

/** Web fonts a page would fetch (see the header for the rule). Returns the font URLs. */
function usedFonts(css: string, page: PageFacts): string[] {
  const rules: CssRule[] = [];
  const faces: FontFace[] = [];
  splitBlocks(css.replace(/\/\*[\s\S]*?\*\//g, ''), rules, faces);
  if (faces.length === 0) return [];
  const families = new Set(faces.map((f) => f.family));
  const urls = new Set<string>();
  for (const rule of rules) {
    const shorthand = declared(rule.declarations, 'font');
    const familyValue = declared(rule.declarations, 'font-family') ?? shorthand;
    if (!familyValue) continue;
    const first = familyValue.split(',')[0]!.trim().split(/\s+/).pop()!.replace(/["']/g, '');
    if (!families.has(first)) continue;
    if (!rule.selectors.some((s) => selectorUsed(s, page))) continue;
    const weightValue = declared(rule.declarations, 'font-weight') ?? '400';
    const weight = weightValue === 'bold' ? 700 : Number.parseInt(weightValue, 10) || 400;
    const style = declared(rule.declarations, 'font-style') ?? 'normal';
    const candidates = faces.filter((f) => f.family === first);
    const face =
      candidates.find((f) => f.weight === weight && f.style === style) ??
      candidates.find((f) => f.weight === 400 && f.style === 'normal') ??
      candidates[0];
    if (face?.url) urls.add(face.url);
  }
  return [...urls];
}

const STATIC_IMPORT =
  /(?:^|[;\s}])import\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+)["']|(?:^|[;\s}])export\s*[\w*${}\s,]+from\s*["']([^"']+)["']/g;

/** Measures one page of a built site. `pagePath` is a URL path such as /articles/x/. */
export function measurePage(dist: string, type: string, pagePath: string): PageWeight {
  const htmlFile = distFile(dist, pagePath, pagePath);
  if (!htmlFile) throw new Error(`${dist}: no file for ${pagePath}`);
  const htmlBuffer = readFileSync(htmlFile);
  const tree: Root = fromHtml(htmlBuffer.toString('utf8'));
  const page: PageFacts = { classes: new Set(), ids: new Set(), tags: new Set() };
  const requests = new Map<string, string>([[pagePath, 'document']]);
  let css = ZERO;
  let js = ZERO;
  let cssText = '';
  const scripts: string[] = [];

  visit(tree, 'element', (element: Element) => {
    page.tags.add(element.tagName);
    for (const c of classList(element)) page.classes.add(c);
    if (typeof element.properties.id === 'string') page.ids.add(element.properties.id);
    const props = element.properties;
    if (element.tagName === 'link') {
      const rel = relTokens(element);
      const href = typeof props.href === 'string' ? props.href : undefined;
      if (!href) return;
      if (rel.includes('stylesheet')) {
        requests.set(href, 'css');
        const file = distFile(dist, pagePath, href);
        if (file) {
          const content = readFileSync(file);
          css = add(css, bytesOf(content));
          cssText += `\n${absoluteUrls(content.toString('utf8'), new URL(href, `https://bench.invalid${pagePath}`).href)}`;
        }
      } else if (rel.includes('modulepreload')) {
        requests.set(href, 'js');
        scripts.push(href);
      } else if (rel.includes('icon') || rel.includes('preload') || rel.includes('manifest')) {
        requests.set(href, rel.includes('preload') ? `preload` : 'icon');
      }
    } else if (element.tagName === 'script') {
      const type = typeof props.type === 'string' ? props.type : '';
      if (typeof props.src === 'string') {
        requests.set(props.src, 'js');
        scripts.push(props.src);
      } else if (type === '' || type === 'module' || type === 'text/javascript') {
        js = add(js, bytesOf(toString(element)));
      }
    } else if (element.tagName === 'style') {
      const text = toString(element);
      css = add(css, bytesOf(text));
      cssText += `\n${text}`;
    } else if (element.tagName === 'img' && typeof props.src === 'string') {
      requests.set(props.src, 'image');
    }
  });

  // Scripts and their static imports (each a request, counted once).
  const seen = new Set<string>();
  const queue = scripts.map((href) => new URL(href, `https://bench.invalid${pagePath}`).pathname);
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    requests.set(path, 'js');
    const file = distFile(dist, path, path);
    if (!file) continue;
    const source = readFileSync(file);
    js = add(js, bytesOf(source));
    for (const match of source.toString('utf8').matchAll(STATIC_IMPORT)) {
      const specifier = match[1] ?? match[2];
      if (specifier && /^(\.|\/)/.test(specifier))
        queue.push(new URL(specifier, `https://bench.invalid${path}`).pathname);
    }
  }

  const fonts = usedFonts(cssText, page);
  for (const font of fonts) requests.set(font, 'font');
  // Deduplicate by resolved path (the document may be referenced under another spelling).
  const resolved = new Map<string, string>();
  for (const [href, kind] of requests) {
    let key = href;
    try {
      key = new URL(href, `https://bench.invalid${pagePath}`).href;
    } catch {
      /* keep as is */
    }
    resolved.set(key, kind);
  }
  const requestKinds: Record<string, number> = {};
  for (const kind of resolved.values()) requestKinds[kind] = (requestKinds[kind] ?? 0) + 1;

  return {
    type,
    path: pagePath,
    html: bytesOf(htmlBuffer),
    css,
    js,
    requests: resolved.size,
    requestKinds,
    fonts: fonts.map((f) => f.split('/').pop()!),
  };
}

/** Page directories directly under dist/<dir>/ (e.g. article slugs), sorted. */
export function childPages(dist: string, dir: string): string[] {
  const base = join(dist, dir);
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .filter((name) => existsSync(join(base, name, 'index.html')))
    .sort();
}
