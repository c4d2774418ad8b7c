/**
 * Item 3: external links (article sources, people's links…) still answer. Network checks are
 * slow and flaky, so: a small worker pool (concurrency), retries with backoff for network
 * errors, 429 and 5xx, and a cache committed to the repo (external-links.json: url → last status
 * and date) so a link that answered recently is not asked again.
 *
 * Two modes: `report` (inside `npm run verify`: broken links are warnings, the cache is only
 * read, so a pull request never fails because someone else's server is down) and `strict`
 * (`npm run check:external`, run weekly by .github/workflows/external-links.yml: broken links
 * fail and the cache is rewritten). With no network at all the check says "skipped: offline"
 * and passes in both modes.
 */
import { deadSourceReport, type SourceUse } from './source-links.ts';
import { lookup } from 'node:dns/promises';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { display, elements, htmlPages } from './dist.ts';
import type { CheckResult, Finding } from './types.ts';

export interface CacheEntry {
  /** HTTP status, or an error code such as "ENOTFOUND" / "timeout". */
  status: number | string;
  /** ISO day of the last check. */
  checked: string;
}

export interface LinkCache {
  version: 1;
  links: Record<string, CacheEntry>;
}

export interface ExternalLinkOptions {
  siteUrl: string;
  cacheFile: string;
  mode: 'report' | 'strict';
  /** A link that answered OK within this many days is not checked again. */
  maxAgeDays?: number;
  concurrency?: number;
  retries?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Whether the network is reachable; default: DNS answers for any of a few of the hosts. */
  isOnline?: (hosts: string[]) => Promise<boolean>;
  /**
   * Article sources by URL: a dead source is reported against the article and its line, with
   * the archived copy to propose (see source-links.ts).
   */
  sources?: Map<string, SourceUse[]>;
  now?: Date;
}

const USER_AGENT = 'Mozilla/5.0 (compatible; MLSR-link-check/1.0; +https://github.com/)';
const DAY = 24 * 60 * 60 * 1000;

/** Every http(s) URL in an href/src/cite attribute that is not on our own origin, with the pages using it. */
export function collectExternalUrls(distDir: string, origin: string): Map<string, string[]> {
  const urls = new Map<string, string[]>();
  for (const { file, tree } of htmlPages(distDir)) {
    for (const el of elements(tree)) {
      for (const name of ['href', 'src', 'cite'] as const) {
        const value = el.properties[name];
        if (typeof value !== 'string' || !/^https?:\/\//i.test(value)) continue;
        let url: URL;
        try {
          url = new URL(value);
        } catch {
          continue;
        }
        if (url.origin === origin) continue;
        url.hash = '';
        const pages = urls.get(url.href) ?? [];
        if (!pages.includes(file)) pages.push(file);
        urls.set(url.href, pages);
      }
    }
  }
  return urls;
}

export function readCache(file: string): LinkCache {
  if (!existsSync(file)) return { version: 1, links: {} };
  const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<LinkCache>;
  return { version: 1, links: data.links ?? {} };
}

function writeCache(file: string, cache: LinkCache): void {
  const links = Object.fromEntries(Object.entries(cache.links).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(file, `${JSON.stringify({ version: 1, links }, null, 2)}\n`);
}

async function dnsAnswers(hosts: string[]): Promise<boolean> {
  if (process.env.MLSR_OFFLINE === '1') return false;
  const probes = hosts.slice(0, 3).map((host) =>
    Promise.race([
      lookup(host).then(() => true),
      new Promise<boolean>((resolve) =>
        setTimeout(() => {
          resolve(false);
        }, 3000).unref(),
      ),
    ]).catch(() => false),
  );
  return (await Promise.all(probes)).some(Boolean);
}

const isOk = (status: number | string) => typeof status === 'number' && status < 400;
const isTransient = (status: number | string) =>
  typeof status === 'string' || status === 429 || status >= 500;

async function request(
  doFetch: typeof fetch,
  url: string,
  method: 'HEAD' | 'GET',
  timeoutMs: number,
): Promise<{ status: number | string; retryAfter?: number }> {
  try {
    const response = await doFetch(url, {
      method,
      redirect: 'follow',
      headers: { 'user-agent': USER_AGENT, accept: '*/*' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      status: response.status,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : {}),
    };
  } catch (error) {
    const e = error as { name?: string; cause?: { code?: string } };
    return { status: e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.name ?? 'error') };
  }
}

/** HEAD first (cheap); many servers refuse HEAD, so fall back to GET; retry transient failures. */
export async function checkUrl(
  url: string,
  {
    fetch: doFetch = fetch,
    retries = 2,
    timeoutMs = 15_000,
  }: Pick<ExternalLinkOptions, 'fetch' | 'retries' | 'timeoutMs'> = {},
): Promise<number | string> {
  let status: number | string = 'error';
  for (let attempt = 0; attempt <= retries; attempt++) {
    let result = await request(doFetch, url, 'HEAD', timeoutMs);
    if (typeof result.status === 'number' && [400, 403, 405, 501].includes(result.status))
      result = await request(doFetch, url, 'GET', timeoutMs);
    status = result.status;
    if (!isTransient(status) || attempt === retries) break;
    const wait = Math.min(30, result.retryAfter ?? 2 ** attempt) * 1000;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return status;
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

export async function checkExternalLinks(
  distDir: string,
  options: ExternalLinkOptions,
): Promise<CheckResult> {
  const { siteUrl, cacheFile, mode, maxAgeDays = 7, concurrency = 8, now = new Date() } = options;
  const urls = collectExternalUrls(distDir, new URL(siteUrl).origin);
  const cache = readCache(cacheFile);
  const hosts = [...new Set([...urls.keys()].map((u) => new URL(u).hostname))];
  if (urls.size === 0) return { findings: [], summary: 'no external links' };
  if (!(await (options.isOnline ?? dnsAnswers)(hosts))) {
    const known = [...urls.keys()].filter((u) => cache.links[u]).length;
    return {
      findings: [],
      summary: `${urls.size} external URLs on ${hosts.length} hosts; cache knows ${known}`,
      skipped: 'offline (no DNS answer for the link hosts); run `npm run check:external` with network',
    };
  }

  const today = now.toISOString().slice(0, 10);
  const fresh = (u: string) => {
    const entry = cache.links[u];
    return (
      entry !== undefined &&
      isOk(entry.status) &&
      now.getTime() - Date.parse(entry.checked) < maxAgeDays * DAY
    );
  };
  const due = [...urls.keys()].filter((u) => !fresh(u));
  await pool(due, concurrency, async (url) => {
    cache.links[url] = { status: await checkUrl(url, options), checked: today };
  });

  const findings: Finding[] = [];
  for (const [url, pages] of urls) {
    const { status } = cache.links[url]!;
    if (isOk(status)) continue;
    const statusText = typeof status === 'number' ? `HTTP ${status}` : status;
    const uses = options.sources?.get(url) ?? [];
    for (const use of uses) {
      findings.push({
        severity: mode === 'strict' ? 'error' : 'warning',
        file: use.file,
        ...(use.line ? { line: use.line } : {}),
        ...deadSourceReport(url, statusText, use),
      });
    }
    if (uses.length > 0) continue;
    findings.push({
      severity: mode === 'strict' ? 'error' : 'warning',
      file: display(pages[0]!),
      message: `links to ${url}: ${typeof status === 'number' ? `HTTP ${status}` : status}${pages.length > 1 ? ` (also on ${pages.length - 1} other page${pages.length > 2 ? 's' : ''})` : ''}`,
      fix: "Update the URL at its source (the article's `sources`, a person's `links`, or the page template), or point to an archived copy (web.archive.org).",
    });
  }
  if (mode === 'strict') {
    // Forget links that are no longer published, so the committed cache stays the site's.
    cache.links = Object.fromEntries(Object.entries(cache.links).filter(([u]) => urls.has(u)));
    writeCache(cacheFile, cache);
  }
  return {
    findings,
    summary: `${urls.size} external URLs, ${due.length} checked now (concurrency ${concurrency}), ${urls.size - due.length} fresh in the cache`,
  };
}
