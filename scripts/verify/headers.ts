/**
 * The HTTP half of the site's policies: dist/_headers (Netlify / Cloudflare Pages format,
 * written by src/lib/http-headers.ts) sends what a <meta> CSP cannot (frame-ancestors,
 * nosniff, a referrer policy, a permissions policy, HSTS) for every path, a form-action that
 * agrees with the pages' own CSP, and caching that fits each file: content-hashed assets
 * immutable for a year, nothing else (HTML, feeds, the fixed-name search files) cached
 * without revalidation, and no file given two Cache-Control values by overlapping rules
 * (the hosts would join them).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { display, elements, headOf, listFiles, parseHtmlFile } from './dist.ts';
import { parseCsp } from './security.ts';
import type { CheckResult, Finding } from './types.ts';

/** `_headers`: a path line, then indented `Name: value` lines; `#` starts a comment. */
export function parseHeadersFile(text: string): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const raw of text.split('\n')) {
    if (/^\s*(#|$)/.test(raw)) continue;
    if (!/^\s/.test(raw)) {
      current = rules.get(raw.trim()) ?? new Map();
      rules.set(raw.trim(), current);
    } else if (current) {
      const colon = raw.indexOf(':');
      if (colon > 0) current.set(raw.slice(0, colon).trim().toLowerCase(), raw.slice(colon + 1).trim());
    }
  }
  return rules;
}

const REQUIRED: { header: string; test: (value: string) => boolean; expected: string }[] = [
  {
    header: 'content-security-policy',
    test: (v) => parseCsp(v).get('frame-ancestors')?.join(' ') === "'none'",
    expected: "Content-Security-Policy with frame-ancestors 'none'",
  },
  {
    header: 'x-content-type-options',
    test: (v) => v.toLowerCase() === 'nosniff',
    expected: 'X-Content-Type-Options: nosniff',
  },
  {
    header: 'referrer-policy',
    test: (v) => /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/.test(v),
    expected: 'Referrer-Policy: strict-origin-when-cross-origin (or stricter)',
  },
  {
    header: 'permissions-policy',
    test: (v) => v.includes('camera=()') && v.includes('microphone=()') && v.includes('geolocation=()'),
    expected: 'Permissions-Policy denying at least camera, microphone and geolocation',
  },
  {
    header: 'strict-transport-security',
    test: (v) => Number(/max-age=(\d+)/.exec(v)?.[1] ?? 0) >= 31536000,
    expected: 'Strict-Transport-Security: max-age of at least one year',
  },
];

/** Whether a `_headers` path pattern matches a site path (`*` matches any run of characters). */
export function matchesRule(pattern: string, path: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return regex.test(path);
}

/** Files whose names carry a content hash: Astro's bundles and the share cards. */
const HASHED = /^\/(_astro|og)\//;
/** Fixed-name files that change with the content and must be revalidated. */
const MUST_REVALIDATE = /(\.html|\.xml|^\/pagefind\/[^/]+\.(js|json)|^\/search-client\/.+)$/;

function cachingFindings(distDir: string, rules: Map<string, Map<string, string>>, file: string): Finding[] {
  const findings: Finding[] = [];
  const cacheRules = [...rules].filter(([, headers]) => headers.has('cache-control'));
  const reported = new Set<string>();
  for (const path of listFiles(distDir).map((f) => `/${relative(distDir, f).split(sep).join('/')}`)) {
    if (path === '/_headers') continue;
    const matching = cacheRules.filter(([pattern]) => matchesRule(pattern, path));
    const values = matching.map(([, headers]) => headers.get('cache-control')!);
    const immutable = values.some((v) => /immutable|max-age=[1-9]/.test(v));
    const problem = (text: string, fix: string) => {
      if (reported.has(text)) return;
      reported.add(text);
      findings.push({ severity: 'error', file: display(file), message: text, fix });
    };
    if (matching.length > 1) {
      problem(
        `${path} matches ${matching.length} Cache-Control rules (${matching.map(([p]) => p).join(', ')}); the host would send them joined`,
        'Make the Cache-Control rules in src/lib/http-headers.ts non-overlapping.',
      );
    } else if (HASHED.test(path) && !(values[0] ?? '').includes('max-age=31536000')) {
      problem(
        `${path.replace(/^(\/[^/]+\/).*/, '$1')}* (content-hashed files) is not cached as immutable for a year`,
        "Keep the HASHED_PATHS rule ('public, max-age=31536000, immutable') in src/lib/http-headers.ts.",
      );
    } else if (MUST_REVALIDATE.test(path) && immutable) {
      problem(
        `${path} has a fixed name but is cached without revalidation (${values[0]})`,
        'Only content-hashed paths may be immutable; give fixed-name files `public, max-age=0, must-revalidate` in src/lib/http-headers.ts.',
      );
    }
  }
  return findings;
}

/** The form-action sources the home page's <meta> CSP allows, to compare with the header's. */
function pageFormAction(distDir: string): string | undefined {
  const home = join(distDir, 'index.html');
  if (!existsSync(home)) return undefined;
  const head = headOf(parseHtmlFile(home));
  for (const el of head ? elements(head) : []) {
    if (
      el.tagName === 'meta' &&
      String(el.properties.httpEquiv ?? '').toLowerCase() === 'content-security-policy'
    )
      return parseCsp(el.properties.content ?? '')
        .get('form-action')
        ?.join(' ');
  }
  return undefined;
}

export function checkHeaders(distDir: string): CheckResult {
  const path = join(distDir, '_headers');
  if (!existsSync(path)) {
    return {
      findings: [
        {
          severity: 'error',
          file: display(path),
          message: 'is missing, so the site is served without security headers',
          fix: 'Keep the http-headers integration in astro.config.ts (it writes dist/_headers after the build).',
        },
      ],
      summary: 'no _headers file',
    };
  }
  const rules = parseHeadersFile(readFileSync(path, 'utf8'));
  const all = rules.get('/*') ?? new Map<string, string>();
  const findings: Finding[] = REQUIRED.filter(({ header, test }) => !test(all.get(header) ?? '')).map(
    ({ header, expected }) => ({
      severity: 'error',
      file: display(path),
      message: all.has(header)
        ? `the /* rule sends ${header}: ${all.get(header)}`
        : `the /* rule does not send ${header}`,
      fix: `Send ${expected} for /* in src/lib/http-headers.ts.`,
    }),
  );
  const headerFormAction = parseCsp(all.get('content-security-policy') ?? '')
    .get('form-action')
    ?.join(' ');
  const metaFormAction = pageFormAction(distDir);
  if (metaFormAction !== undefined && headerFormAction !== metaFormAction) {
    findings.push({
      severity: 'error',
      file: display(path),
      message: `form-action is "${headerFormAction ?? '(none)'}" here but "${metaFormAction}" in the pages' CSP; browsers enforce both, so forms would break or be over-allowed`,
      fix: 'Build both from formActionSources() (src/lib/csp-sources.ts), as astro.config.ts and src/lib/http-headers.ts do.',
    });
  }
  findings.push(...cachingFindings(distDir, rules, path));
  return {
    findings,
    summary: `${all.size} headers for /* (${REQUIRED.length} required), ${[...rules.values()].filter((h) => h.has('cache-control')).length} caching rules`,
  };
}
