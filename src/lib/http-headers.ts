/**
 * dist/_headers: the HTTP headers file Netlify and Cloudflare Pages read (GitHub Pages ignores
 * it: see the README's deploy section). Written by src/integrations/http-headers.ts after the
 * build, from here, so the form-action it sends always matches the per-page <meta> CSP.
 *
 * Security: the page's own policy (script-src, style-src with per-page hashes) is the <meta>
 * CSP Astro writes into every page. Browsers enforce every policy they receive, so this header
 * must not repeat script/style/default-src (it would block Astro's hashed inline scripts); it
 * carries what a <meta> cannot (frame-ancestors) plus directives that are safe on every page.
 *
 * Caching: both hosts join the values of a header set by two matching rules, so Cache-Control
 * is only ever set by rules that cannot overlap: content-hashed files (Astro's /_astro/, the
 * share cards, Pagefind's chunks) are immutable for a year; files with fixed names that change
 * with the content (the search entry points, feeds, sitemaps) must be revalidated. HTML keeps
 * the hosts' default (`public, max-age=0, must-revalidate` on both), which is what it needs.
 */
import { site, type SiteConfig } from '../site.config.ts';
import { formActionSources } from './csp-sources.ts';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/** Paths whose file names carry a hash of their content: a new version is a new URL. */
export const HASHED_PATHS = [
  '/_astro/*',
  '/og/*',
  '/pagefind/fragment/*',
  '/pagefind/index/*',
  '/pagefind/filter/*',
];

/**
 * Fixed-name files that change whenever the content does, as site paths: the search entry
 * points (dist/pagefind/*.js, the entry JSON, the WASM), the search client, feeds and
 * sitemaps. The integration lists them from dist/ so every rule names one real file (the hosts
 * differ in how they read a `*` inside a path).
 */
export function fixedNamePaths(files: readonly string[]): string[] {
  return files
    .filter(
      (path) =>
        /^\/pagefind\/[^/]+$/.test(path) || path.startsWith('/search-client/') || path.endsWith('.xml'),
    )
    .sort();
}

export type HeaderRules = [path: string, headers: [name: string, value: string][]][];

export function headerRules(
  fixedNames: readonly string[],
  config: Pick<SiteConfig, 'newsletter'> = site,
): HeaderRules {
  const csp = [
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formActionSources(config).join(' ')}`,
    'upgrade-insecure-requests',
  ].join('; ');
  return [
    [
      '/*',
      [
        ['Content-Security-Policy', csp],
        ['X-Content-Type-Options', 'nosniff'],
        ['X-Frame-Options', 'DENY'],
        ['Referrer-Policy', 'strict-origin-when-cross-origin'],
        [
          'Permissions-Policy',
          'accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), screen-wake-lock=(), usb=(), xr-spatial-tracking=()',
        ],
        ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains; preload'],
        ['Cross-Origin-Opener-Policy', 'same-origin'],
      ],
    ],
    ...HASHED_PATHS.map((path): HeaderRules[number] => [path, [['Cache-Control', IMMUTABLE]]]),
    ...fixedNames.map((path): HeaderRules[number] => [path, [['Cache-Control', REVALIDATE]]]),
  ];
}

/** The file's text: a path line, then indented `Name: value` lines. */
export function headersFile(rules: HeaderRules): string {
  const lines = [
    '# Written by the build (src/lib/http-headers.ts) for Netlify and Cloudflare Pages; edit that module, not this file.',
  ];
  for (const [path, headers] of rules) {
    lines.push(path, ...headers.map(([name, value]) => `  ${name}: ${value}`));
  }
  return `${lines.join('\n')}\n`;
}
