/**
 * Item 2: every internal href, src, srcset and CSS url() in dist resolves, and every #fragment
 * exists on its target page.
 *
 * Why linkinator (in-process) and not a hand-written checker: measured on this site and on a
 * planted-defect fixture, linkinator 8 with `checkFragments` + `checkCss` finds, fully offline,
 * a missing page, a missing fragment on another page and on the same page, a missing `srcset`
 * candidate (on <img> and on <picture><source>), a missing `url()` in a stylesheet and in a
 * `style` attribute, and our own absolute URLs in JSON-LD — 0.4–0.6 s for the whole site on
 * one 2-core machine. Two things it needs help with, handled below:
 * - its crawl only descends below each start path, so stylesheets are not parsed when pages
 *   are the start paths: we start from every HTML *and* CSS file (which also reaches pages no
 *   link points at, such as 404.html);
 * - it treats our own absolute URLs (canonical, og:url, JSON-LD) as external: we rewrite the
 *   site origin to its local server, so they are checked against dist too.
 */
import { createServer } from 'node:net';
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';
import { display, fileOf, listFiles } from './dist.ts';
import type { CheckResult, Finding } from './types.ts';

export interface InternalLinkOptions {
  /** The site's own origin (site.config.ts url): absolute links to it are internal. */
  siteUrl: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (typeof address === 'object' && address) resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** linkinator reports URLs as served paths ("articles/x/", "http://localhost:N/x/"); we print paths. */
function pathOf(url: string, port: number): string {
  const path = url.replace(new RegExp(`^http://[^/]+:${port}(?=/)`), '');
  return path.startsWith('/') || /^[a-z]+:/i.test(path) ? path : `/${path}`;
}

export async function checkInternalLinks(
  distDir: string,
  { siteUrl }: InternalLinkOptions,
): Promise<CheckResult> {
  const port = await freePort();
  const local = `http://localhost:${port}/`;
  const origin = new URL(siteUrl).origin;
  const own = new RegExp(`^${escapeRegExp(origin)}/`);
  // linkinator's own static server (it may name itself localhost or 127.0.0.1).
  const served = new RegExp(`^http://(localhost|127\\.0\\.0\\.1|\\[::1\\]):${port}/`);
  const started = performance.now();
  const result = await new LinkChecker().check({
    serverRoot: distDir,
    // linkinator refuses a glob with no match, and a site may have no CSS.
    path: ['**/*.html', ...(listFiles(distDir, '.css').length ? ['**/*.css'] : [])],
    port,
    recurse: true,
    checkFragments: true,
    checkCss: true,
    concurrency: 32,
    urlRewriteExpressions: [{ pattern: own, replacement: local }],
    // Everything with a scheme that is not our own origin (https://…, mailto:, tel:) and
    // protocol-relative URLs belong to the external-links check.
    linksToSkip: async (link) =>
      !own.test(link) && !served.test(link) && (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  // One finding per broken target, naming the first page and counting the others: a broken
  // link in the site header would otherwise be reported once per page.
  const byProblem = new Map<string, { finding: Finding; files: Set<string> }>();
  for (const link of result.links) {
    if (link.state !== LinkState.BROKEN) continue;
    const finding = toFinding(distDir, link, port);
    const entry = byProblem.get(finding.message) ?? { finding, files: new Set<string>() };
    entry.files.add(finding.file);
    byProblem.set(finding.message, entry);
  }
  const findings = [...byProblem.values()].map(({ finding, files }) => {
    const others = [...files].filter((f) => f !== finding.file).sort();
    if (others.length === 0) return finding;
    const list =
      others.length <= 3
        ? others.join(', ')
        : `${others.slice(0, 3).join(', ')} and ${others.length - 3} more`;
    return {
      ...finding,
      message: `${finding.message} (also on ${others.length} other page${others.length === 1 ? '' : 's'}: ${list})`,
    };
  });
  const checked = result.links.filter((l) => l.state !== LinkState.SKIPPED).length;
  return {
    findings,
    summary: `${checked} internal links, fragments and CSS url() checked with linkinator in ${seconds} s`,
  };
}

function label(link: LinkResult): string {
  const text = link.displayText?.replace(/\s+/g, ' ').trim();
  return text ? ` ("${text.length > 60 ? `${text.slice(0, 57)}…` : text}")` : '';
}

function toFinding(distDir: string, link: LinkResult, port: number): Finding {
  const target = pathOf(link.url, port);
  const parentPath = link.parent ? pathOf(link.parent, port) : undefined;
  const parentFile = parentPath ? fileOf(distDir, parentPath) : undefined;
  const file = parentFile ? display(parentFile) : (parentPath ?? display(distDir));
  const [targetPath, fragment] = target.split('#') as [string, string | undefined];
  const fragmentMissing =
    link.failureDetails?.some((d) => d instanceof Error && /fragment/i.test(d.message)) ?? false;
  if (fragmentMissing && fragment !== undefined) {
    const onSelf =
      parentPath !== undefined && (targetPath === parentPath || fileOf(distDir, targetPath) === parentFile);
    return {
      severity: 'error',
      file,
      message: `links to ${onSelf ? `#${fragment}` : target}${label(link)}, but ${onSelf ? 'this page' : targetPath} has no element with id="${fragment}"`,
      fix: `Point the link at an existing heading/anchor id, or add id="${fragment}" to the target (headings get ids from their text).`,
    };
  }
  return {
    severity: 'error',
    file,
    message: `links to ${target}${label(link)}${link.status ? ` (HTTP ${link.status})` : ''}, which is not in dist/`,
    fix: targetPath.match(/\.(png|jpe?g|gif|webp|avif|svg|woff2?|ttf|css|js)$/i)
      ? 'Add the missing asset under public/ (or import it so Astro emits it), or correct the path in the src/srcset/url().'
      : 'Correct the link (see src/lib/urls.ts for every internal URL) or build the missing page.',
  };
}
