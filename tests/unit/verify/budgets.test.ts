import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_HTML_CSS_GZIP_BUDGET,
  checkBudgets,
  FONT_PRELOAD_BUDGET,
  INLINE_SCRIPT_BUDGET,
  isArticleUrl,
} from '../../../scripts/verify/budgets.ts';
import { makeDist, page } from './helpers.ts';

const SITE_CSS = 'body{font-family:system-ui,sans-serif;color:#111}';
/** KaTeX's stylesheet, as far as the check cares: its faces keep KaTeX's font-display: block. */
const KATEX_CSS =
  '.katex{font:normal 1.21em KaTeX_Main,Times New Roman,serif}@font-face{font-display:block;font-family:KaTeX_Main;src:url(/_astro/KaTeX_Main-Regular.woff2) format("woff2")}';
const SITE_LINK = '<link rel="stylesheet" href="/_astro/Base.css">';
const KATEX_LINK = '<link rel="stylesheet" href="/_astro/katex.min.css">';
const MATH = '<p>Let <span class="katex"><span class="katex-html">x</span></span> be the latency.</p>';
/** The inline search bootstrap, at about its real size. */
const BOOTSTRAP = `<script>${'void 0;'.repeat(95)}</script>`;

/** A small, clean site: a home page, an article without math, one with math, and their CSS. */
function site(overrides: Record<string, string> = {}): string {
  return makeDist({
    'index.html': page('<h1>Home</h1>', { head: SITE_LINK + BOOTSTRAP }),
    'articles/plain/index.html': page('<article><h1>Plain</h1><p>Words.</p></article>', {
      head: SITE_LINK + BOOTSTRAP,
    }),
    'articles/mathy/index.html': page(`<article><h1>Mathy</h1>${MATH}</article>`, {
      head: SITE_LINK + KATEX_LINK + BOOTSTRAP,
    }),
    'about/index.html': page(
      '<img src="/_astro/diagram.Ab12.svg" alt="A diagram" width="480" height="200">',
      { head: SITE_LINK + BOOTSTRAP },
    ),
    '_astro/Base.css': SITE_CSS,
    '_astro/katex.min.css': KATEX_CSS,
    ...overrides,
  });
}

const problems = (dist: string) =>
  checkBudgets(dist)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => `${f.file}: ${f.message}`);

describe('budgets', () => {
  it('passes a site within every budget (KaTeX fonts with font-display: block on the math page included)', () => {
    const result = checkBudgets(site());
    expect(result.findings).toEqual([]);
    expect(result.summary).toMatch(/heaviest article without math .*\(\/articles\/plain\/\)/);
    expect(result.summary).toMatch(/inline JS at most 665 of 1024 bytes/);
  });

  it('fails an article without math over the HTML + CSS gzip budget, naming the file and the sizes', () => {
    // Random text does not compress: this is well over the budget gzip-compressed too.
    const filler = randomBytes(ARTICLE_HTML_CSS_GZIP_BUDGET).toString('base64');
    const found = problems(
      site({
        'articles/plain/index.html': page(`<article><h1>Plain</h1><p>${filler}</p></article>`, {
          head: SITE_LINK + BOOTSTRAP,
        }),
      }),
    );
    expect(found).toEqual([
      expect.stringMatching(
        new RegExp(
          `articles/plain/index\\.html: weighs \\d+ bytes of HTML \\+ CSS gzip-compressed .*budget for an article without math is ${ARTICLE_HTML_CSS_GZIP_BUDGET}`,
        ),
      ),
    ]);
  });

  it('counts the linked CSS in the article budget', () => {
    const heavyCss = `${SITE_CSS}/*${randomBytes(ARTICLE_HTML_CSS_GZIP_BUDGET).toString('base64')}*/`;
    expect(problems(site({ '_astro/Base.css': heavyCss }))).toEqual([
      expect.stringMatching(/articles\/plain\/index\.html: weighs \d+ bytes .*CSS \d{5}/),
    ]);
  });

  it('fails a page that downloads JavaScript on load (<script src>, modulepreload)', () => {
    const found = problems(
      site({
        'articles/plain/index.html': page(
          '<h1>Plain</h1><script type="module" src="/_astro/page.js"></script>',
          { head: `${SITE_LINK}<link rel="modulepreload" href="/_astro/chunk.js">` },
        ),
      }),
    );
    expect(found).toEqual([
      expect.stringMatching(
        /articles\/plain\/index\.html: downloads JavaScript on load: <link rel="modulepreload" href="\/_astro\/chunk\.js">/,
      ),
      expect.stringMatching(
        /articles\/plain\/index\.html: downloads JavaScript on load: <script src="\/_astro\/page\.js">/,
      ),
    ]);
  });

  it('fails inline JavaScript over its cap, so the search bootstrap cannot grow silently', () => {
    const big = `<script>${'x'.repeat(INLINE_SCRIPT_BUDGET + 1)}</script>`;
    expect(problems(site({ 'index.html': page('<h1>Home</h1>', { head: SITE_LINK + big }) }))).toEqual(
      [
        `index.html: has ${INLINE_SCRIPT_BUDGET + 1} bytes of inline JavaScript (budget ${INLINE_SCRIPT_BUDGET})`,
      ].map((p) => expect.stringContaining(p)),
    );
  });

  it('does not count JSON-LD as JavaScript', () => {
    const jsonLd = `<script type="application/ld+json">${JSON.stringify({ text: 'x'.repeat(4000) })}</script>`;
    expect(
      problems(site({ 'index.html': page('<h1>Home</h1>', { head: SITE_LINK + BOOTSTRAP + jsonLd }) })),
    ).toEqual([]);
  });

  it('fails KaTeX CSS on a page without math, and a math page without it', () => {
    const found = problems(
      site({
        'articles/plain/index.html': page('<h1>Plain</h1>', { head: SITE_LINK + KATEX_LINK }),
        'articles/mathy/index.html': page(`<h1>Mathy</h1>${MATH}`, { head: SITE_LINK }),
      }),
    );
    expect(found).toEqual([
      expect.stringMatching(
        /articles\/mathy\/index\.html: has math \(class="katex"\) but links no KaTeX stylesheet/,
      ),
      expect.stringMatching(
        /articles\/plain\/index\.html: has no math but links KaTeX's stylesheet .*katex\.min\.css \(1 KaTeX fonts\)/,
      ),
    ]);
  });

  it('recognises KaTeX CSS by its @font-face, whatever the file is called (e.g. merged into the site CSS)', () => {
    const found = problems(site({ '_astro/Base.css': SITE_CSS + KATEX_CSS }));
    expect(found).toEqual([
      expect.stringMatching(/about\/index\.html: has no math but links KaTeX's stylesheet/),
      expect.stringMatching(/articles\/plain\/index\.html: has no math but links KaTeX's stylesheet/),
      expect.stringMatching(/[^/]\/index\.html: has no math but links KaTeX's stylesheet/),
    ]);
  });

  it('fails a KaTeX font preloaded on a page without math', () => {
    const preload =
      '<link rel="preload" as="font" type="font/woff2" crossorigin href="/_astro/KaTeX_Main-Regular.woff2">';
    expect(problems(site({ 'index.html': page('<h1>Home</h1>', { head: SITE_LINK + preload }) }))).toEqual([
      expect.stringMatching(/[^/]\/index\.html: has no math but preloads a KaTeX font/),
    ]);
  });

  it('fails a web font that hides text while it loads, and passes one with font-display: swap', () => {
    const face = (display: string) =>
      `${SITE_CSS}@font-face{font-family:"Body Serif";${display}src:url(/_astro/body.woff2) format("woff2")}`;
    expect(problems(site({ '_astro/Base.css': face('') }))).toContainEqual(
      expect.stringMatching(
        /articles\/plain\/index\.html: links .*Base\.css whose @font-face "Body Serif" has font-display: auto \(not set\)/,
      ),
    );
    expect(problems(site({ '_astro/Base.css': face('font-display:block;') }))).toContainEqual(
      expect.stringMatching(/font-display: block/),
    );
    expect(problems(site({ '_astro/Base.css': face('font-display:swap;') }))).toEqual([]);
  });

  it('checks @font-face in an inline <style> too', () => {
    const style = '<style>@font-face{font-family:Inline;src:url(/_astro/i.woff2)}</style>';
    expect(problems(site({ 'index.html': page('<h1>Home</h1>', { head: SITE_LINK + style }) }))).toEqual([
      expect.stringMatching(
        /[^/]\/index\.html: has an inline <style> whose @font-face Inline has font-display: auto/,
      ),
    ]);
  });

  it(`fails more than ${FONT_PRELOAD_BUDGET} font preload on a page`, () => {
    const preload = (name: string) =>
      `<link rel="preload" as="font" type="font/woff2" crossorigin href="/_astro/${name}.woff2">`;
    expect(
      problems(site({ 'index.html': page('<h1>Home</h1>', { head: SITE_LINK + preload('a') }) })),
    ).toEqual([]);
    expect(
      problems(
        site({ 'index.html': page('<h1>Home</h1>', { head: SITE_LINK + preload('a') + preload('b') }) }),
      ),
    ).toEqual([
      expect.stringMatching(
        new RegExp(`[^/]/index\\.html: preloads 2 fonts \\(budget ${FONT_PRELOAD_BUDGET}\\)`),
      ),
    ]);
  });

  it('fails an <img> without width or height, or outside the image pipeline', () => {
    const found = problems(
      site({
        'about/index.html': page(
          '<img src="/_astro/diagram.Ab12.svg" alt="A diagram" width="480"><img src="/images/photo.jpg" alt="A photo" width="800" height="600">',
          { head: SITE_LINK },
        ),
      }),
    );
    expect(found).toEqual([
      expect.stringMatching(
        /about\/index\.html: <img src="\/_astro\/diagram\.Ab12\.svg"> has no height attribute/,
      ),
      expect.stringMatching(
        /about\/index\.html: <img src="\/images\/photo\.jpg"> did not go through Astro's image pipeline/,
      ),
    ]);
  });

  it('tells article pages from listings', () => {
    expect(isArticleUrl('/articles/zillow-offers-postmortem/')).toBe(true);
    expect(isArticleUrl('/articles/')).toBe(false);
    expect(isArticleUrl('/articles/page/2/')).toBe(false);
    expect(isArticleUrl('/beats/mlops/')).toBe(false);
  });
});
