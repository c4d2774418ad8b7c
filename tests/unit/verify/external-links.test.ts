import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { checkExternalLinks, checkUrl, collectExternalUrls } from '../../../scripts/verify/external-links.ts';
import { sourceUses } from '../../../scripts/verify/source-links.ts';
import { VALID_FIXTURE } from '../helpers/content-tree.ts';
import { makeDir, makeDist, page, SITE_URL } from './helpers.ts';

const dist = () =>
  makeDist({
    'a/index.html': page(
      '<a href="https://ok.example/">ok</a><a href="https://gone.example/paper.pdf#p3">gone</a><a href="https://mlsystemsreview.com/own/">own</a>',
    ),
  });
const fakeFetch =
  (statuses: Record<string, number[]>): typeof fetch =>
  async (input: string | URL | Request) => {
    const url = input instanceof Request ? input.url : String(input);
    const next = statuses[url]?.length ? statuses[url].shift()! : 200;
    return new Response(null, { status: next });
  };

describe('external links', () => {
  it('collects external URLs only, without fragments', () => {
    expect([...collectExternalUrls(dist(), SITE_URL).keys()]).toEqual([
      'https://ok.example/',
      'https://gone.example/paper.pdf',
    ]);
  });

  it('is skipped, and passes, when offline', async () => {
    const cacheFile = join(makeDir({}), 'cache.json');
    const result = await checkExternalLinks(dist(), {
      siteUrl: SITE_URL,
      cacheFile,
      mode: 'strict',
      isOnline: async () => false,
    });
    expect(result.skipped).toMatch(/^offline/);
    expect(result.findings).toEqual([]);
  });

  it('reports a broken link as a warning in report mode, an error in strict mode, and writes the cache', async () => {
    const cacheFile = join(makeDir({}), 'cache.json');
    const options = {
      siteUrl: SITE_URL,
      cacheFile,
      isOnline: async () => true,
      fetch: fakeFetch({ 'https://gone.example/paper.pdf': [404, 404, 404, 404] }),
      now: new Date('2026-11-01T00:00:00Z'),
    };
    const report = await checkExternalLinks(dist(), { ...options, mode: 'report' });
    expect(report.findings.map((f) => [f.severity, f.message])).toEqual([
      ['warning', expect.stringContaining('https://gone.example/paper.pdf: HTTP 404')],
    ]);
    expect(report.findings[0]!.file).toMatch(/a\/index\.html$/);
    const strict = await checkExternalLinks(dist(), {
      ...options,
      mode: 'strict',
      fetch: fakeFetch({ 'https://gone.example/paper.pdf': [404, 404] }),
    });
    expect(strict.findings.map((f) => f.severity)).toEqual(['error']);
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as { links: Record<string, unknown> };
    expect(cache.links['https://gone.example/paper.pdf']).toEqual({ status: 404, checked: '2026-11-01' });
    expect(cache.links['https://ok.example/']).toEqual({ status: 200, checked: '2026-11-01' });
  });

  it('reports a dead source against its article and line, proposing the archived copy when there is one', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mlsr-rot-'));
    cpSync(VALID_FIXTURE, join(root, 'content'), { recursive: true });
    const article = join(root, 'content/articles/feature-store-latency.mdx');
    // The paper's page is the one that died; the talk has no archived copy in this variant.
    writeFileSync(
      article,
      readFileSync(article, 'utf8')
        .replace('https://example.com/papers/online-feature-store\n', 'https://gone.example/paper.pdf\n')
        .replace('/https://example.com/papers/online-feature-store', '/https://gone.example/paper.pdf'),
    );
    const sources = await sourceUses(join(root, 'content'), root);
    const result = await checkExternalLinks(dist(), {
      siteUrl: SITE_URL,
      cacheFile: join(makeDir({}), 'cache.json'),
      mode: 'strict',
      isOnline: async () => true,
      fetch: fakeFetch({ 'https://gone.example/paper.pdf': [404, 404] }),
      sources,
    });
    const text = readFileSync(article, 'utf8');
    expect(result.findings).toEqual([
      {
        severity: 'error',
        file: 'content/articles/feature-store-latency.mdx',
        line: text.split('\n').findIndex((l) => l.includes('url: https://gone.example/paper.pdf')) + 1,
        message: 'source "store-paper" is dead: https://gone.example/paper.pdf answers HTTP 404',
        fix: expect.stringContaining(
          'set url to https://web.archive.org/web/20250301120000/https://gone.example/paper.pdf',
        ),
      },
    ]);
  });

  it('does not re-check a link that answered recently', async () => {
    const cacheFile = join(
      makeDir({
        'cache.json': JSON.stringify({
          version: 1,
          links: {
            'https://ok.example/': { status: 200, checked: '2026-10-30' },
            'https://gone.example/paper.pdf': { status: 200, checked: '2026-10-30' },
          },
        }),
      }),
      'cache.json',
    );
    let calls = 0;
    const counting = (async () => (calls++, new Response(null, { status: 200 }))) as unknown as typeof fetch;
    const result = await checkExternalLinks(dist(), {
      siteUrl: SITE_URL,
      cacheFile,
      mode: 'report',
      isOnline: async () => true,
      fetch: counting,
      now: new Date('2026-11-01T00:00:00Z'),
    });
    expect(calls).toBe(0);
    expect(result.summary).toContain('0 checked now');
  });

  it('retries transient failures and falls back from HEAD to GET', async () => {
    const seen: string[] = [];
    const flaky = (async (_url: string, init?: RequestInit) => {
      seen.push(init?.method ?? 'GET');
      return new Response(null, { status: seen.length === 1 ? 503 : seen.length === 2 ? 405 : 200 });
    }) as unknown as typeof fetch;
    expect(await checkUrl('https://x.example/', { fetch: flaky, retries: 2 })).toBe(200);
    expect(seen).toEqual(['HEAD', 'HEAD', 'GET']);
  });
});
