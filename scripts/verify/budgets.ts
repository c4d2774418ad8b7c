/**
 * The page-weight budgets, checked on the built site (sizes, not times, so they
 * do not depend on the machine):
 *
 * 1. No JavaScript is downloaded on load: no <script src>, no modulepreload, no preload of a
 *    script, on any page. Search is loaded by the inline bootstrap (src/integrations/pagefind.ts)
 *    when the reader opens it; that inline script is capped so it cannot grow silently.
 * 2. KaTeX's stylesheet (and with it its fonts) is linked by exactly the pages that have math.
 * 3. An article without math weighs at most the budget in HTML + CSS, gzip-compressed.
 * 4. No web font blocks the first render: every @font-face a page can load says
 *    `font-display: swap` (or `optional`), and a page preloads at most one font. KaTeX's own
 *    faces keep KaTeX's `font-display: block` on purpose: they draw only math glyphs, never body
 *    text (which uses system font stacks, global.css), and math drawn in a fallback font has the
 *    wrong metrics and then jumps when the font arrives. Rule 2 keeps them off math-free pages.
 * 5. Every <img> went through Astro's image pipeline (astro:assets: its src is under /_astro/)
 *    and has width and height, so the browser reserves its box before it loads.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import postcss from 'postcss';
import { urls } from '../../src/lib/urls.ts';
import {
  classesOf,
  display,
  elements,
  errorAt,
  EXECUTABLE_SCRIPT_TYPES,
  fileOf,
  htmlPages,
  type HtmlPage,
} from './dist.ts';
import type { CheckResult, Finding } from './types.ts';

/**
 * HTML + CSS of an article page without math, gzip-compressed: ≤ 20 KB. Counted as
 * 20,000 bytes, the stricter reading of "KB". About what a slow 3G link moves in the first
 * round trips, so the text is readable before anything else arrives. Measured 2026-11: ~14 KB.
 */
export const ARTICLE_HTML_CSS_GZIP_BUDGET = 20_000;

/**
 * Inline JavaScript per page, raw bytes. The only inline script is the search bootstrap
 * (~670 bytes minified, src/components/search/bootstrap.ts), which downloads nothing until
 * the reader focuses a search box; 1 KiB leaves room for a fix, not for a feature.
 */
export const INLINE_SCRIPT_BUDGET = 1024;

/** Fonts a page may preload: at most one, so no font competes with the text for the first round trips. */
export const FONT_PRELOAD_BUDGET = 1;

/** gzip as a typical server applies it on the fly (the same level as scripts/bench/page-weight.ts). */
const GZIP_LEVEL = 6;

/** font-display values that never hide text while a font downloads (longer than ~100 ms). */
const NON_BLOCKING_FONT_DISPLAY = new Set(['swap', 'optional']);
const KATEX_FAMILY = /^['"]?KaTeX_/;
/** Where astro:assets writes processed images. */
const IMAGE_PIPELINE_PREFIX = '/_astro/';

/** An article page (/articles/<slug>/), not a listing (/articles/, /articles/page/2/). */
export function isArticleUrl(url: string): boolean {
  return url.startsWith(urls.articles()) && /^\/[^/]+\/[^/]+\/$/.test(url);
}

function relList(el: Element): string[] {
  const rel = el.properties.rel;
  return (Array.isArray(rel) ? rel : [rel]).filter((r) => r != null).map((r) => r.toLowerCase());
}

interface FontFace {
  family: string;
  display: string | undefined;
}

interface Stylesheet {
  /** The CSS file, or the page for an inline <style>. */
  file: string;
  inline: boolean;
  /** gzip size of the file (0 for an inline <style>: it is part of the HTML). */
  gzip: number;
  fontFaces: FontFace[];
  isKatex: boolean;
}

const stylesheets = new Map<string, Stylesheet>();

function gzipSize(buffer: Buffer | string): number {
  return gzipSync(buffer, { level: GZIP_LEVEL }).length;
}

function fontFacesOf(css: string, from: string): FontFace[] {
  const faces: FontFace[] = [];
  postcss.parse(css, { from }).walkAtRules(/^font-face$/i, (rule) => {
    let family = '';
    let fontDisplay: string | undefined;
    rule.walkDecls((decl) => {
      const prop = decl.prop.toLowerCase();
      if (prop === 'font-family') family = decl.value.trim();
      if (prop === 'font-display') fontDisplay = decl.value.trim().toLowerCase();
    });
    faces.push({ family, display: fontDisplay });
  });
  return faces;
}

function sheetOf(file: string, css: string, gzip: number, inline = false): Stylesheet {
  const fontFaces = fontFacesOf(css, file);
  return { file, inline, gzip, fontFaces, isKatex: fontFaces.some((f) => KATEX_FAMILY.test(f.family)) };
}

/** A stylesheet in dist, read and measured once per process. */
function stylesheet(file: string): Stylesheet {
  let sheet = stylesheets.get(file);
  if (!sheet) {
    const css = readFileSync(file, 'utf8');
    sheet = sheetOf(file, css, gzipSize(css));
    stylesheets.set(file, sheet);
  }
  return sheet;
}

interface PageWeight {
  url: string;
  file: string;
  hasMath: boolean;
  htmlGzip: number;
  cssGzip: number;
  inlineScriptBytes: number;
}

function resolveHref(href: string, pageUrl: string): string | undefined {
  try {
    const url = new URL(href, `http://site.invalid${pageUrl}`);
    return url.origin === 'http://site.invalid' ? url.pathname : undefined;
  } catch {
    return undefined;
  }
}

function checkPage(distDir: string, page: HtmlPage, findings: Finding[]): PageWeight {
  const { file, url, tree } = page;
  const push = (el: Element | undefined, message: string, fix: string) =>
    findings.push(errorAt(file, el, message, fix));

  let hasMath = false;
  let inlineScriptBytes = 0;
  let fontPreloads = 0;
  /** Linked stylesheets and inline <style> elements. */
  const linked: { el: Element; sheet: Stylesheet }[] = [];
  const katexFontPreloads: Element[] = [];

  for (const el of elements(tree)) {
    if (classesOf(el).includes('katex')) hasMath = true;

    if (el.tagName === 'script') {
      const type = (el.properties.type ?? '').toLowerCase().trim();
      if (el.properties.src !== undefined) {
        push(
          el,
          `downloads JavaScript on load: <script src="${el.properties.src}">`,
          'Pages ship no JavaScript until the reader opens search. Load code on demand from the search bootstrap (src/components/search/bootstrap.ts), or drop the script.',
        );
      } else if (EXECUTABLE_SCRIPT_TYPES.has(type)) {
        inlineScriptBytes += Buffer.byteLength(toString(el), 'utf8');
      }
    }

    if (el.tagName === 'link') {
      const rel = relList(el);
      const href = el.properties.href ?? '';
      const as = (el.properties.as ?? '').toLowerCase();
      if (rel.includes('modulepreload') || (rel.includes('preload') && as === 'script')) {
        push(
          el,
          `downloads JavaScript on load: <link rel="${rel.join(' ')}" href="${href}">`,
          'Pages ship no JavaScript until the reader opens search; remove the preload (an Astro <script> in a component adds one: load it from the search bootstrap instead).',
        );
      }
      if (rel.includes('preload') && as === 'font') {
        fontPreloads++;
        if (href.includes('KaTeX_')) katexFontPreloads.push(el);
      }
      if (rel.includes('stylesheet')) {
        const path = resolveHref(href, url);
        const cssFile = path ? fileOf(distDir, path) : undefined;
        if (cssFile) linked.push({ el, sheet: stylesheet(cssFile) });
      }
    }

    if (el.tagName === 'style') linked.push({ el, sheet: sheetOf(file, toString(el), 0, true) });

    if (el.tagName === 'img') {
      const src = el.properties.src ?? '';
      const missing = (['width', 'height'] as const).filter((attr) => !(Number(el.properties[attr]) > 0));
      if (missing.length > 0) {
        push(
          el,
          `<img src="${src.slice(0, 80)}"> has no ${missing.join(' or ')} attribute`,
          'Show images with astro:assets <Image> (or <Picture>), which writes width and height from the file; for Markdown images, give the width and height.',
        );
      }
      if (!src.startsWith(IMAGE_PIPELINE_PREFIX)) {
        push(
          el,
          `<img src="${src.slice(0, 80)}"> did not go through Astro's image pipeline (its src is not under ${IMAGE_PIPELINE_PREFIX})`,
          'Put the image in src/assets/ and show it with astro:assets <Image>, so it is optimised and sized at build time.',
        );
      }
    }
  }

  if (inlineScriptBytes > INLINE_SCRIPT_BUDGET) {
    push(
      undefined,
      `has ${inlineScriptBytes} bytes of inline JavaScript (budget ${INLINE_SCRIPT_BUDGET})`,
      'The only inline script is the search bootstrap (src/components/search/bootstrap.ts): keep it to loading the client on demand; put features in the client (src/components/search/client.ts).',
    );
  }
  if (fontPreloads > FONT_PRELOAD_BUDGET) {
    push(
      undefined,
      `preloads ${fontPreloads} fonts (budget ${FONT_PRELOAD_BUDGET})`,
      'Preload at most the one font the first screen needs; the others load when used.',
    );
  }

  const katex = linked.filter(({ sheet }) => sheet.isKatex);
  if (hasMath && katex.length === 0) {
    push(
      undefined,
      'has math (class="katex") but links no KaTeX stylesheet',
      'Math pages link katex.min.css: check the hasMath flag in src/layouts/ArticleLayout.astro (or the layout this page uses).',
    );
  }
  if (!hasMath) {
    for (const el of katexFontPreloads)
      push(
        el,
        `has no math but preloads a KaTeX font (${String(el.properties.href)})`,
        'Remove the preload: KaTeX fonts belong to math pages only.',
      );
    for (const { el, sheet } of katex) {
      const where = sheet.inline
        ? "has KaTeX's styles in an inline <style>"
        : `links KaTeX's stylesheet ${display(sheet.file)}`;
      push(
        el,
        `has no math but ${where} (${sheet.fontFaces.length} KaTeX fonts)`,
        'Link katex.min.css only when the page has math (src/layouts/ArticleLayout.astro); never import it from a stylesheet every page uses.',
      );
    }
  }
  for (const { el, sheet } of linked) {
    for (const face of sheet.fontFaces) {
      if (KATEX_FAMILY.test(face.family) || NON_BLOCKING_FONT_DISPLAY.has(face.display ?? '')) continue;
      const where = sheet.inline ? 'has an inline <style>' : `links ${display(sheet.file)}`;
      push(
        el,
        `${where} whose @font-face ${face.family || '(no family)'} has font-display: ${face.display ?? 'auto (not set)'}: text in it stays invisible while it downloads`,
        'Body text uses system font stacks (src/styles/global.css); a web font needs `font-display: swap` in its @font-face.',
      );
    }
  }

  return {
    url,
    file,
    hasMath,
    htmlGzip: gzipSize(readFileSync(file)),
    cssGzip: linked.reduce((sum, { sheet }) => sum + sheet.gzip, 0),
    inlineScriptBytes,
  };
}

export function checkBudgets(distDir: string): CheckResult {
  const findings: Finding[] = [];
  const pages = htmlPages(distDir);
  const weights = pages.map((page) => checkPage(distDir, page, findings));

  const articles = weights.filter((w) => isArticleUrl(w.url));
  const plain = articles.filter((w) => !w.hasMath);
  for (const w of plain) {
    const total = w.htmlGzip + w.cssGzip;
    if (total <= ARTICLE_HTML_CSS_GZIP_BUDGET) continue;
    findings.push({
      severity: 'error',
      file: display(w.file),
      message: `weighs ${total} bytes of HTML + CSS gzip-compressed (HTML ${w.htmlGzip}, CSS ${w.cssGzip}); the budget for an article without math is ${ARTICLE_HTML_CSS_GZIP_BUDGET}`,
      fix: 'Trim what every article carries (src/layouts/ArticleLayout.astro, src/components/article/, src/styles/global.css); if the article itself is the weight, split it.',
    });
  }
  if (articles.length > 0 && plain.length === 0) {
    findings.push({
      severity: 'warning',
      file: display(distDir),
      message: 'every built article has math, so the budget for an article without math measured nothing',
      fix: 'Keep at least one article without math in content/articles/.',
    });
  }

  const heaviest = (list: PageWeight[]) =>
    list.reduce<PageWeight | undefined>(
      (max, w) => (!max || w.htmlGzip + w.cssGzip > max.htmlGzip + max.cssGzip ? w : max),
      undefined,
    );
  const describe = (w: PageWeight | undefined) =>
    w ? `${((w.htmlGzip + w.cssGzip) / 1000).toFixed(1)} kB (${w.url})` : 'none';
  return {
    findings,
    summary: `${pages.length} pages; heaviest article without math ${describe(heaviest(plain))} of ${ARTICLE_HTML_CSS_GZIP_BUDGET / 1000} kB HTML+CSS gzip, with math ${describe(heaviest(articles.filter((w) => w.hasMath)))}; inline JS at most ${Math.max(0, ...weights.map((w) => w.inlineScriptBytes))} of ${INLINE_SCRIPT_BUDGET} bytes; ${weights.filter((w) => w.hasMath).length} pages with math`,
  };
}
