/**
 * Item 7, the HTTP half: dist/_headers (Netlify / Cloudflare Pages format, from public/_headers)
 * sends what a <meta> CSP cannot: frame-ancestors, nosniff, a referrer policy, a permissions
 * policy and HSTS, for every path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { display } from './dist.ts';
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
    test: (v) => /camera=\(\)/.test(v) && /microphone=\(\)/.test(v) && /geolocation=\(\)/.test(v),
    expected: 'Permissions-Policy denying at least camera, microphone and geolocation',
  },
  {
    header: 'strict-transport-security',
    test: (v) => Number(/max-age=(\d+)/.exec(v)?.[1] ?? 0) >= 31536000,
    expected: 'Strict-Transport-Security: max-age of at least one year',
  },
];

export function checkHeaders(distDir: string): CheckResult {
  const path = join(distDir, '_headers');
  if (!existsSync(path)) {
    return {
      findings: [
        {
          severity: 'error',
          file: display(path),
          problem: 'is missing, so the site is served without security headers',
          fix: 'Keep public/_headers (Astro copies it into dist/).',
        },
      ],
      summary: 'no _headers file',
    };
  }
  const all = parseHeadersFile(readFileSync(path, 'utf8')).get('/*') ?? new Map<string, string>();
  const findings: Finding[] = REQUIRED.filter(({ header, test }) => !test(all.get(header) ?? '')).map(
    ({ header, expected }) => ({
      severity: 'error',
      file: display(path),
      problem: all.has(header)
        ? `the /* rule sends ${header}: ${all.get(header)}`
        : `the /* rule does not send ${header}`,
      fix: `Send ${expected} for /* in public/_headers.`,
    }),
  );
  return { findings, summary: `${all.size} headers for /* (${REQUIRED.length} required)` };
}
