/**
 * Item 7, what the built site itself must satisfy: every page carries Astro's CSP <meta> with no
 * unsafe-eval / unsafe-inline where it matters; no inline event handlers; no `javascript:` URL
 * anywhere (attributes, JSON-LD, feeds, any text file); no third-party scripts or stylesheets;
 * every inline <script>/<style> is covered by a hash in the page's policy (so one injected
 * through content cannot run); fonts are files, not data: URLs. Everything is read with a real
 * HTML parser: an attribute split across lines or entity-encoded is still found.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import { display, elements, errorAt, EXECUTABLE_SCRIPT_TYPES, headOf, htmlPages, listFiles } from './dist.ts';
import type { CheckResult, Finding } from './types.ts';

export interface SecurityOptions {
  /** The site's own origin: scripts and stylesheets may come from it or be relative. */
  siteUrl: string;
  /**
   * The form-action sources every page's CSP must list, exactly (src/lib/csp-sources.ts): the
   * site and the newsletter provider's origin, nothing more.
   */
  formAction?: readonly string[];
  /**
   * The frame-src sources a page's CSP must list, exactly, by the page's path (frameSources()
   * in src/lib/csp-sources.ts): giscus's origin on discussion pages when discussions are
   * embedded; none (no frame-src directive at all) anywhere else.
   */
  frameSources?: (pagePath: string) => readonly string[];
}

export type Csp = Map<string, string[]>;

export function parseCsp(policy: string): Csp {
  const csp: Csp = new Map();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !csp.has(name.toLowerCase())) csp.set(name.toLowerCase(), values);
  }
  return csp;
}

/** The directive a browser applies to <script>/<style> elements, following CSP's fallback chain. */
function effective(csp: Csp, kind: 'script' | 'style'): string[] | undefined {
  return csp.get(`${kind}-src-elem`) ?? csp.get(`${kind}-src`) ?? csp.get('default-src');
}

/** URL parsing strips ASCII tab/newline anywhere and C0 controls/spaces at the ends. */
export function isJavascriptUrl(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- browsers strip C0 controls before reading a URL's scheme
  return /^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ''));
}

const DATA_FONT =
  /url\(\s*(['"]?)\s*data:(?:font\/|application\/(?:x-)?font|application\/vnd\.ms-fontobject|application\/octet-stream)/i;
/** Text files where a `javascript:` string can only be a URL (prose lives in HTML text nodes). */
const TEXT_EXTENSIONS = ['.xml', '.json', '.txt', '.webmanifest', '.rss', '.atom', '.css'];

function hashes(text: string): string[] {
  return (['sha256', 'sha384', 'sha512'] as const).map(
    (alg) => `'${alg}-${createHash(alg).update(text, 'utf8').digest('base64')}'`,
  );
}

function attributeValues(el: Element): [string, string][] {
  return Object.entries(el.properties).flatMap(([name, value]) =>
    Array.isArray(value)
      ? value.map((v): [string, string] => [name, String(v)])
      : value == null
        ? []
        : [[name, String(value)]],
  );
}

export function checkSecurity(
  distDir: string,
  { siteUrl, formAction, frameSources }: SecurityOptions,
): CheckResult {
  const origin = new URL(siteUrl).origin;
  const findings: Finding[] = [];
  const pages = htmlPages(distDir);
  const push = (file: string, el: Element | undefined, message: string, fix: string) =>
    findings.push(errorAt(file, el, message, fix));

  const isThirdParty = (url: string, base: string) => {
    try {
      return new URL(url, `${origin}${base}`).origin !== origin;
    } catch {
      return true;
    }
  };

  for (const { file, url, tree } of pages) {
    // Browsers ignore a CSP <meta> outside <head>, so only look there.
    let csp: Csp | undefined;
    const head = headOf(tree);
    for (const el of head ? elements(head) : []) {
      if (
        el.tagName === 'meta' &&
        String(el.properties.httpEquiv ?? '').toLowerCase() === 'content-security-policy'
      ) {
        csp = parseCsp(el.properties.content ?? '');
      }
    }
    if (!csp) {
      push(
        file,
        undefined,
        'has no <meta http-equiv="content-security-policy">',
        'Render the page through src/layouts/Base.astro (Astro adds the CSP meta to every page with `security.csp` on in astro.config.ts).',
      );
      csp = new Map();
    } else {
      for (const [name, values] of csp) {
        if (values.includes("'unsafe-eval'"))
          push(
            file,
            undefined,
            `CSP ${name} allows 'unsafe-eval'`,
            "Remove it from astro.config.ts `security.csp`; Pagefind only needs 'wasm-unsafe-eval'.",
          );
        if (/^(script|style)-src(-elem)?$|^default-src$/.test(name) && values.includes("'unsafe-inline'")) {
          push(
            file,
            undefined,
            `CSP ${name} allows 'unsafe-inline'`,
            'Inline styles are allowed on style-src-attr only (for KaTeX); scripts never. Fix astro.config.ts `security.csp`.',
          );
        }
        if (
          name.startsWith('script-src') &&
          values.some((v) => v === '*' || v === 'https:' || v === 'http:' || v === 'data:')
        ) {
          push(
            file,
            undefined,
            `CSP ${name} allows any origin (${values.join(' ')})`,
            "List only 'self' (and hashes) in astro.config.ts `security.csp.scriptDirective`.",
          );
        }
      }
    }
    const formSources = csp.get('form-action');
    if (formAction && csp.size > 0 && formSources?.join(' ') !== formAction.join(' ')) {
      push(
        file,
        undefined,
        `CSP form-action is "${formSources?.join(' ') ?? '(none)'}", expected exactly "${formAction.join(' ')}"`,
        'Build it from formActionSources() (src/lib/csp-sources.ts) in astro.config.ts: the site and the newsletter provider, nothing else.',
      );
    }
    const frameSrc = csp.get('frame-src');
    const expectedFrames = frameSources?.(url);
    if (expectedFrames && csp.size > 0 && (frameSrc?.join(' ') ?? '') !== expectedFrames.join(' ')) {
      push(
        file,
        undefined,
        expectedFrames.length === 0
          ? `CSP has frame-src "${frameSrc?.join(' ') ?? ''}", but this page embeds no frames`
          : `CSP frame-src is "${frameSrc?.join(' ') ?? '(none)'}", expected exactly "${expectedFrames.join(' ')}"`,
        "Only an article's discussion page adds frame-src, from frameSources() (src/lib/csp-sources.ts): giscus.app when site.discussions embeds threads, nothing otherwise.",
      );
    }
    // What the browser applies to <iframe>: frame-src, else child-src, else default-src.
    const allowedFrames = frameSrc ?? csp.get('child-src') ?? csp.get('default-src') ?? [];
    const scriptSources = effective(csp, 'script') ?? [];
    const styleSources = effective(csp, 'style') ?? [];

    for (const el of elements(tree)) {
      for (const [name, value] of attributeValues(el)) {
        if (/^on/i.test(name)) {
          push(
            file,
            el,
            `<${el.tagName}> has an inline event handler ${name.toLowerCase()}="${value.slice(0, 60)}"`,
            'Move the behaviour into a <script> in a component (Astro bundles and hashes it); the CSP blocks inline handlers anyway.',
          );
        }
        if (isJavascriptUrl(value)) {
          push(
            file,
            el,
            `<${el.tagName} ${name}> is a javascript: URL (${value.slice(0, 60)})`,
            'Use an http(s) or relative URL. If it comes from content, fix the article/person file: the content lint should have refused it.',
          );
        }
      }
      if (el.tagName === 'form') {
        const action = el.properties.action ?? '';
        let target: string;
        try {
          target = new URL(action || url, `${origin}${url}`).origin;
        } catch {
          target = action;
        }
        if (target !== origin && !(formSources ?? []).includes(target)) {
          push(
            file,
            el,
            `<form> posts to ${target}, which the page's CSP form-action (${formSources?.join(' ') ?? 'not set'}) does not allow`,
            'Forms post to the site or to the newsletter provider set in src/site.config.ts (newsletter.subscribe.action).',
          );
        }
      }
      if (el.tagName === 'iframe' && el.properties.src !== undefined) {
        const src = el.properties.src;
        const frameOrigin = (() => {
          try {
            return new URL(src, `${origin}${url}`).origin;
          } catch {
            return src;
          }
        })();
        const allowed =
          frameOrigin === origin ? allowedFrames.includes("'self'") : allowedFrames.includes(frameOrigin);
        if (!allowed) {
          push(
            file,
            el,
            `<iframe> loads ${frameOrigin}, which the page's CSP (${frameSrc ? 'frame-src' : 'default-src'} ${allowedFrames.join(' ') || '(none)'}) blocks`,
            'Frames come only from the discussion embed (src/lib/discussion.ts), allowed by frameSources() in astro.config.ts; content may not embed frames.',
          );
        }
      }
      if (el.tagName === 'script') {
        const type = (el.properties.type ?? '').toLowerCase().trim();
        const src = el.properties.src;
        const text = toString(el);
        if (src !== undefined) {
          if (isThirdParty(src, url))
            push(
              file,
              el,
              `loads a third-party script ${src}`,
              'Self-host it under src/ (Astro bundles it) or drop it: the publication loads no third-party code.',
            );
        } else if (EXECUTABLE_SCRIPT_TYPES.has(type) && text.trim() !== '') {
          if (!hashes(text).some((h) => scriptSources.includes(h))) {
            push(
              file,
              el,
              `has an inline <script> whose hash is not in the page's CSP (“${text.trim().slice(0, 60)}”)`,
              'Only scripts Astro processes are allowed; if this came from content or a set:html, remove it. Put page scripts in a component <script>.',
            );
          }
        } else if (type.includes('json') && /javascript:/i.test(text)) {
          push(
            file,
            el,
            `${type} data contains a javascript: URL`,
            'Fix the URL at its source (article sources, person links); only http(s) URLs may be published.',
          );
        }
      }
      if (el.tagName === 'link') {
        const rel = (Array.isArray(el.properties.rel) ? el.properties.rel : [el.properties.rel]).map((r) =>
          String(r).toLowerCase(),
        );
        const href = el.properties.href ?? '';
        const asScript =
          rel.includes('modulepreload') ||
          (rel.includes('preload') && /^(script|style|font)$/.test(el.properties.as ?? ''));
        if ((rel.includes('stylesheet') || asScript) && isThirdParty(href, url)) {
          push(
            file,
            el,
            `loads a third-party ${rel.join(' ')} ${href}`,
            'Self-host the stylesheet or font (import it so Astro bundles it).',
          );
        }
      }
      if (el.tagName === 'style') {
        const text = toString(el);
        if (text.trim() !== '' && !hashes(text).some((h) => styleSources.includes(h))) {
          push(
            file,
            el,
            "has an inline <style> whose hash is not in the page's CSP",
            "Put styles in a component's <style> (Astro bundles and hashes them), not in content.",
          );
        }
        if (DATA_FONT.test(text))
          push(
            file,
            el,
            'inlines a font as a data: URL',
            'Keep `vite.build.assetsInlineLimit: 0` in astro.config.ts so fonts stay files.',
          );
      }
    }
  }

  const others = TEXT_EXTENSIONS.flatMap((ext) => listFiles(distDir, ext));
  for (const file of others) {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    lines.forEach((line, index) => {
      if (/javascript:/i.test(line) && !file.endsWith('.css')) {
        findings.push({
          severity: 'error',
          file: display(file),
          line: index + 1,
          message: 'contains a javascript: URL',
          fix: 'Fix the URL at its source (article sources, person links, feed items); only http(s) URLs may be published.',
        });
      }
      if (file.endsWith('.css') && DATA_FONT.test(line)) {
        findings.push({
          severity: 'error',
          file: display(file),
          line: index + 1,
          message: 'inlines a font as a data: URL',
          fix: 'Keep `vite.build.assetsInlineLimit: 0` in astro.config.ts so fonts stay files (a data: font would need font-src data:).',
        });
      }
    });
  }

  return { findings, summary: `${pages.length} pages and ${others.length} CSS/XML/JSON/text files scanned` };
}
