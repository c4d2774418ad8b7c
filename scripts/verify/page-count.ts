/**
 * Item 9, first half: the HTML pages in dist are exactly the pages the content implies
 * (expected-pages.ts). Reports, per route, which expected URLs were not built and which built
 * pages no route explains — a bare count would not say where to look.
 */
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { display, fileOf, listFiles, urlPathOf } from './dist.ts';
import { expectedPages } from './expected-pages.ts';
import type { CheckResult, Finding } from './types.ts';

export interface PageCountOptions {
  projectDir?: string;
  contentRoot?: string;
}

export async function checkPageCount(distDir: string, options: PageCountOptions = {}): Promise<CheckResult> {
  const { pages: expected, unknownRoutes } = await expectedPages(options);
  const findings: Finding[] = [];
  for (const route of unknownRoutes) {
    findings.push({
      severity: 'error',
      file: route,
      message: 'is a dynamic route the page-count check has no rule for, so its pages cannot be verified',
      fix: 'Add a rule for it to RULES in scripts/verify/expected-pages.ts, mirroring its getStaticPaths.',
    });
  }

  const built = new Set(listFiles(distDir, '.html').map((file) => urlPathOf(distDir, file)));
  // Endpoint URLs may hold a `*` for a part only the build knows (a content hash in a file name).
  let allFiles: string[] | undefined;
  const matchesFile = (url: string) => {
    allFiles ??= listFiles(distDir).map((file) => `/${relative(distDir, file).split(sep).join('/')}`);
    const pattern = new RegExp(
      `^${url
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]+')}$`,
    );
    return allFiles.some((file) => pattern.test(file));
  };
  // Endpoints (feed.xml.ts…) produce other files: only their existence is checked here.
  const isHtml = (p: { url: string }) => p.url.endsWith('/') || p.url.endsWith('.html');
  const expectedHtml = expected.filter(isHtml);
  const byUrl = new Map(expectedHtml.map((p) => [p.url, p]));
  const missingByRoute = new Map<string, number>();
  for (const page of expected) {
    const present = isHtml(page)
      ? built.has(page.url)
      : page.url.includes('*')
        ? matchesFile(page.url)
        : existsSync(join(distDir, page.url));
    if (present) continue;
    missingByRoute.set(page.route, (missingByRoute.get(page.route) ?? 0) + 1);
    findings.push({
      severity: 'error',
      file: page.route,
      message: `should have built ${page.url} (${page.because}), but it is not in dist/`,
      fix: 'Look for a render error in the build log for this route (Astro can skip a page and still exit 0), or for a mismatch between getStaticPaths and scripts/verify/expected-pages.ts.',
    });
  }
  // Pages of routes we could not predict are not "unexplained".
  const unknownPrefixes = unknownRoutes.map((r) => `/${r.replace(/^src\/pages\//, '').split('[')[0]}`);
  for (const url of built) {
    if (byUrl.has(url) || unknownPrefixes.some((prefix) => url.startsWith(prefix))) continue;
    findings.push({
      severity: 'error',
      file: display(fileOf(distDir, url) ?? join(distDir, url)),
      message: `was built, but no route rule expects ${url} from the content (a draft rendered, a stale file, or a rule out of date)`,
      fix: 'Check drafts are filtered (src/lib/content.ts isPublic), build from a clean dist/, or update scripts/verify/expected-pages.ts.',
    });
  }

  const routes = new Map<string, number>();
  for (const page of expectedHtml) routes.set(page.route, (routes.get(page.route) ?? 0) + 1);
  const breakdown = [...routes]
    .map(
      ([route, n]) =>
        `${route.replace('src/pages/', '')} ${n}${missingByRoute.get(route) ? ` (${missingByRoute.get(route)} missing)` : ''}`,
    )
    .join(', ');
  const others = expected.length - expectedHtml.length;
  return {
    findings,
    summary: `${built.size} HTML pages built, ${byUrl.size} expected from content: ${breakdown}; plus ${others} feed/endpoint files`,
  };
}
