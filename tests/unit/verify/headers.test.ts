import { describe, expect, it } from 'vitest';
import { checkHeaders, matchesRule } from '../../../scripts/verify/headers.ts';
import { fixedNamePaths, headerRules, headersFile } from '../../../src/lib/http-headers.ts';
import { makeDist, page } from './helpers.ts';

const FILES = {
  '_astro/app.3f2a1b.css': 'body{}',
  'og/articles/x.0123abcd.png': 'png',
  'pagefind/pagefind.js': '',
  'pagefind/pagefind-entry.json': '{}',
  'pagefind/fragment/en_1.pf_fragment': '',
  'feed.xml': '<rss/>',
  'articles/x/index.html': page('<h1>X</h1>'),
};
const PATHS = Object.keys(FILES).map((file) => `/${file}`);
const withProvider = {
  newsletter: {
    subscribe: {
      provider: 'P',
      action: 'https://mail.example.com/subscribe',
      emailField: 'email',
      hiddenFields: {},
    },
    cadence: 'weekly',
  },
};
const META_WITH_PROVIDER = `<meta http-equiv="content-security-policy" content="default-src 'self'; form-action 'self' https://mail.example.com">`;

function dist(headers: string, home = page('<h1>Home</h1>', { head: META_WITH_PROVIDER, csp: false })) {
  return makeDist({ ...FILES, 'index.html': home, _headers: headers });
}

describe('_headers', () => {
  it('passes the file src/lib/http-headers.ts writes', () => {
    const headers = headersFile(headerRules(fixedNamePaths(PATHS), withProvider));
    expect(checkHeaders(dist(headers)).findings).toEqual([]);
  });

  it('fails when a required header is missing or weak, naming the file', () => {
    const found = checkHeaders(
      makeDist({
        _headers: "/*\n  Content-Security-Policy: default-src 'self'\n  X-Content-Type-Options: nosniff\n",
      }),
    );
    expect(found.findings.every((f) => f.file.endsWith('_headers'))).toBe(true);
    expect(found.findings.map((f) => f.fix).join('\n')).toMatch(
      /frame-ancestors 'none'[\s\S]*Referrer-Policy[\s\S]*Permissions-Policy[\s\S]*Strict-Transport-Security/,
    );
  });

  it('fails when there is no _headers file', () => {
    expect(checkHeaders(makeDist({})).findings[0]!.message).toContain('is missing');
  });

  it("fails when the header's form-action differs from the pages' CSP", () => {
    const headers = headersFile(
      headerRules(fixedNamePaths(PATHS), { newsletter: { subscribe: null, cadence: 'weekly' } }),
    );
    const problems = checkHeaders(dist(headers)).findings.map((f) => f.message);
    expect(problems).toEqual([
      expect.stringContaining(`form-action is "'self'" here but "'self' https://mail.example.com"`),
    ]);
  });

  it('fails on overlapping Cache-Control rules, an immutable fixed-name file and hashed files left to revalidate', () => {
    const good = headersFile(headerRules(fixedNamePaths(PATHS), withProvider));
    const overlapping = `${good}/pagefind/*\n  Cache-Control: public, max-age=0, must-revalidate\n`;
    expect(checkHeaders(dist(overlapping)).findings.map((f) => f.message)).toContainEqual(
      expect.stringMatching(/^\/pagefind\/fragment\/en_1\.pf_fragment matches 2 Cache-Control rules/),
    );
    const immutableFeed = good.replace(
      '/feed.xml\n  Cache-Control: public, max-age=0, must-revalidate',
      '/feed.xml\n  Cache-Control: public, max-age=31536000, immutable',
    );
    expect(checkHeaders(dist(immutableFeed)).findings.map((f) => f.message)).toEqual([
      expect.stringContaining('/feed.xml has a fixed name but is cached without revalidation'),
    ]);
    const noImmutable = good.replace('/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n', '');
    expect(checkHeaders(dist(noImmutable)).findings.map((f) => f.message)).toEqual([
      '/_astro/* (content-hashed files) is not cached as immutable for a year',
    ]);
  });

  it('matches patterns the way the hosts do', () => {
    expect(matchesRule('/_astro/*', '/_astro/a.css')).toBe(true);
    expect(matchesRule('/feed.xml', '/beats/x/feed.xml')).toBe(false);
    expect(matchesRule('/*', '/')).toBe(true);
  });
});
