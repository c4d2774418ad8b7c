import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSecurity } from '../../../scripts/verify/security.ts';
import { makeDist, page, SITE_URL } from './helpers.ts';

const run = (files: Record<string, string>) => checkSecurity(makeDist(files), { siteUrl: SITE_URL });
const problems = (files: Record<string, string>) => run(files).findings.map((f) => `${f.file}: ${f.message}`);

describe('security', () => {
  it('passes a page with a CSP, self-hosted assets, JSON-LD and a hashed inline script', () => {
    const script = 'console.log(1)';
    const hash = `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
    const head = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' ${hash}; style-src 'self'"><link rel="stylesheet" href="/_astro/x.css"><script type="application/ld+json">{"url":"https://example.com/"}</script>`;
    const html = `<!doctype html><html lang="en"><head><title>t</title>${head}</head><body><script>${script}</script><a href="https://example.com/">x</a></body></html>`;
    expect(
      problems({ 'a/index.html': html, '_astro/x.css': '@font-face{src:url(/_astro/f.woff2)}' }),
    ).toEqual([]);
  });

  it('fails on an inline script that the CSP does not hash', () => {
    expect(problems({ 'a/index.html': page('<p>hi</p><script>alert(1)</script>') })).toEqual([
      expect.stringMatching(/a\/index\.html: has an inline <script>.*alert\(1\)/),
    ]);
  });

  it('fails on an inline event handler', () => {
    expect(problems({ 'a/index.html': page('<img src="/x.png" alt="" onerror="alert(1)">') })).toEqual([
      expect.stringMatching(/a\/index\.html: <img> has an inline event handler onerror/),
    ]);
  });

  it('fails on a javascript: URL, even obfuscated', () => {
    expect(problems({ 'a/index.html': page('<a href=" java&#x09;script:alert(1)">x</a>') })).toEqual([
      expect.stringMatching(/a\/index\.html: <a href> is a javascript: URL/),
    ]);
  });

  it('fails on a javascript: URL in a feed (sources included)', () => {
    expect(
      problems({ 'rss.xml': '<rss><channel><item><link>javascript:alert(1)</link></item></channel></rss>' }),
    ).toEqual([expect.stringMatching(/rss\.xml: contains a javascript: URL/)]);
  });

  it('fails on a javascript: URL in JSON-LD', () => {
    expect(
      problems({
        'a/index.html': page('', {
          head: '<script type="application/ld+json">{"citation":[{"url":"javascript:alert(1)"}]}</script>',
        }),
      }),
    ).toEqual([expect.stringMatching(/JSON-LD|ld\+json data contains a javascript: URL/)]);
  });

  it('fails on third-party scripts and stylesheets', () => {
    const found = problems({
      'a/index.html': page('', {
        head: '<script src="https://cdn.example.com/x.js"></script><link rel="stylesheet" href="//fonts.example.com/f.css">',
      }),
    });
    expect(found).toEqual([
      expect.stringContaining('third-party script https://cdn.example.com/x.js'),
      expect.stringContaining('third-party stylesheet //fonts.example.com/f.css'),
    ]);
  });

  it('fails on a page without the CSP meta, and on unsafe directives', () => {
    expect(problems({ 'a/index.html': page('', { csp: false }) })).toEqual([
      expect.stringMatching(/a\/index\.html: has no <meta http-equiv="content-security-policy">/),
    ]);
    const unsafe = `<meta http-equiv="content-security-policy" content="script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'">`;
    expect(problems({ 'a/index.html': page('', { csp: false, head: unsafe }) })).toEqual([
      expect.stringContaining("script-src allows 'unsafe-eval'"),
      expect.stringContaining("style-src allows 'unsafe-inline'"),
    ]);
  });

  it('fails on a font inlined as a data: URL', () => {
    expect(
      problems({
        '_astro/k.css': '@font-face{font-family:K;src:url(data:font/woff2;base64,AAAA) format("woff2")}',
      }),
    ).toEqual([expect.stringMatching(/_astro\/k\.css: inlines a font as a data: URL/)]);
  });
});

describe('security: forms and form-action', () => {
  const csp = (formAction: string) =>
    `<meta http-equiv="content-security-policy" content="default-src 'self'; form-action ${formAction}">`;
  const form = (action: string) => `<form action="${action}" method="post"><button>Go</button></form>`;
  const check = (formAction: string, body: string) =>
    checkSecurity(makeDist({ 'a/index.html': page(body, { head: csp(formAction), csp: false }) }), {
      siteUrl: SITE_URL,
      formAction: ["'self'", 'https://mail.example.com'],
    })
      .findings.filter((f) => f.file.endsWith('/a/index.html'))
      .map((f) => f.message);

  it('passes a form posting to the provider the CSP allows', () => {
    expect(check("'self' https://mail.example.com", form('https://mail.example.com/subscribe'))).toEqual([]);
  });

  it('fails on a form posting to an origin the CSP does not allow', () => {
    expect(check("'self' https://mail.example.com", form('https://evil.example.net/collect'))).toEqual([
      expect.stringContaining('<form> posts to https://evil.example.net'),
    ]);
  });

  it('fails on a form-action that allows more (or less) than the configured provider', () => {
    expect(check("'self' https://mail.example.com https:", '')).toEqual([
      expect.stringContaining(`expected exactly "'self' https://mail.example.com"`),
    ]);
    expect(check("'self'", '')).toEqual([expect.stringContaining('CSP form-action is')]);
  });
});

describe('security: frames and frame-src', () => {
  const csp = (extra: string) =>
    `<meta http-equiv="content-security-policy" content="default-src 'self'; form-action 'self'${extra}">`;
  const frame = (src: string) => `<iframe src="${src}" title="t" loading="lazy"></iframe>`;
  const check = (extra: string, body: string, frameSources: string[]) =>
    checkSecurity(makeDist({ 'a/index.html': page(body, { head: csp(extra), csp: false }) }), {
      siteUrl: SITE_URL,
      frameSources: (path) => (path === '/a/' ? frameSources : []),
    })
      .findings.filter((f) => f.file.endsWith('/a/index.html'))
      .map((f) => f.message);

  it('passes the giscus frame when frame-src names exactly giscus.app', () => {
    expect(
      check('; frame-src https://giscus.app', frame('https://giscus.app/en/widget?term=a'), [
        'https://giscus.app',
      ]),
    ).toEqual([]);
  });

  it('fails when discussions are off but the CSP still names a frame origin', () => {
    expect(check('; frame-src https://giscus.app', '', [])).toEqual([
      expect.stringContaining('CSP has frame-src "https://giscus.app", but this page embeds no frames'),
    ]);
  });

  it('fails when frame-src allows more than giscus.app, or is missing while the site embeds', () => {
    expect(check('; frame-src https://giscus.app https:', '', ['https://giscus.app'])).toEqual([
      expect.stringContaining('expected exactly "https://giscus.app"'),
    ]);
    expect(check('', '', ['https://giscus.app'])).toEqual([
      expect.stringContaining('CSP frame-src is "(none)"'),
    ]);
  });

  it('fails on a frame from an origin the CSP blocks', () => {
    expect(check('', frame('https://www.youtube.com/embed/x'), [])).toEqual([
      expect.stringContaining(
        "<iframe> loads https://www.youtube.com, which the page's CSP (default-src 'self') blocks",
      ),
    ]);
  });
});
