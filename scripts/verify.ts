/**
 * npm run verify — post-build checks over dist/: links, HTML validity, math, security, headers,
 * page-weight budgets, feeds, sitemap, page count, external links. Prints file → problem → fix,
 * writes the same report to reports/verify.txt, emits GitHub annotations under Actions, exits 1
 * on any error.
 * Each check lives in scripts/verify/<check>.ts and takes a dist directory, so the unit tests
 * run the same functions on planted defects.
 *
 *   node scripts/verify.ts [--dist=dist] [--only=id,id] [--skip=id,id] [--external=strict]
 *
 * `npm run check:external` is `--only=external-links --external=strict`. Reproducible builds are
 * a separate command (`npm run verify:reproducible`): it builds twice, doubling the time.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentRoot } from '../src/lib/content-root.ts';
import { formActionSources, frameSources } from '../src/lib/csp-sources.ts';
import { site } from '../src/site.config.ts';
import { checkBudgets } from './verify/budgets.ts';
import { display } from './verify/dist.ts';
import { checkEmail } from './verify/email.ts';
import { sourceUses } from './verify/source-links.ts';
import { checkExternalLinks } from './verify/external-links.ts';
import { checkFeeds } from './verify/feeds.ts';
import { checkHeaders } from './verify/headers.ts';
import { checkHtmlValidity } from './verify/html-validity.ts';
import { checkImages } from './verify/images.ts';
import { checkInternalLinks } from './verify/internal-links.ts';
import { checkMath } from './verify/math.ts';
import { checkPageCount } from './verify/page-count.ts';
import { formatReport, githubAnnotations, type RanCheck } from './verify/report.ts';
import { checkSecurity } from './verify/security.ts';
import { checkShareCards } from './verify/share-cards.ts';
import { checkSitemap } from './verify/sitemap.ts';
import type { Check } from './verify/types.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    only: { type: 'string' },
    skip: { type: 'string' },
    external: { type: 'string', default: 'report' },
  },
});

const siteUrl = site.url;
const external = values.external === 'strict' ? 'strict' : 'report';
const CHECKS: Check[] = [
  {
    id: 'page-count',
    title: 'Build integrity: pages the content implies',
    run: (dist) => checkPageCount(dist, { contentRoot: resolve(contentRoot) }),
  },
  {
    id: 'internal-links',
    title: 'Internal links and fragments',
    run: (dist) => checkInternalLinks(dist, { siteUrl }),
  },
  { id: 'html', title: 'HTML validity (W3C Nu checker)', run: (dist) => checkHtmlValidity(dist) },
  { id: 'math', title: 'Math (KaTeX)', run: (dist) => checkMath(dist) },
  {
    id: 'security',
    title: 'Security: CSP, scripts, javascript: URLs, fonts',
    run: async (dist) =>
      checkSecurity(dist, {
        siteUrl,
        formAction: formActionSources(),
        frameSources: (path) => frameSources(path),
      }),
  },
  { id: 'headers', title: 'Security headers (_headers)', run: async (dist) => checkHeaders(dist) },
  {
    id: 'budgets',
    title: 'Page-weight budgets: no JS on load, KaTeX only with math, article weight, fonts, images',
    run: async (dist) => checkBudgets(dist),
  },
  {
    id: 'images',
    title:
      'Images: processed, alt, dimensions, srcset, modern formats, lazy below the first, sizes, first-load bytes',
    run: async (dist) => checkImages(dist),
  },
  { id: 'feeds', title: 'Feeds', run: (dist) => checkFeeds(dist, { siteUrl }) },
  {
    id: 'email',
    title: 'Newsletter email editions: size, absolute URLs, no script or forms, inlined CSS',
    run: async (dist) => checkEmail(dist, { siteUrl }),
  },
  { id: 'sitemap', title: 'Sitemap', run: (dist) => checkSitemap(dist, { siteUrl }) },
  {
    id: 'share-cards',
    title: 'Share cards: og:image 1200×630 PNG with alt on every page, one per article',
    run: async (dist) => checkShareCards(dist, { siteUrl }),
  },
  {
    id: 'external-links',
    title: `External links (${external === 'strict' ? 'failures fail' : 'report only'})`,
    run: async (dist) =>
      checkExternalLinks(dist, {
        siteUrl,
        mode: external,
        cacheFile: join(import.meta.dirname, 'verify', 'external-links.json'),
        sources: await sourceUses(contentRoot),
      }),
  },
];

const list = (v: string | undefined) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
const only = list(values.only);
const skip = list(values.skip) ?? [];
const unknown = [...(only ?? []), ...skip].filter((id) => !CHECKS.some((c) => c.id === id));
if (unknown.length) {
  console.error(`verify: unknown check ${unknown.join(', ')}; known: ${CHECKS.map((c) => c.id).join(', ')}`);
  process.exit(2);
}
const selected = CHECKS.filter((c) => (!only || only.includes(c.id)) && !skip.includes(c.id));

const distDir = resolve(values.dist);
if (!existsSync(join(distDir, 'index.html'))) {
  console.error(`verify: ${display(distDir)}/index.html does not exist. Build first: npm run build`);
  process.exit(1);
}

const started = performance.now();
// Checks are independent; running them together overlaps the JVM (vnu) and subprocesses.
const ran: RanCheck[] = await Promise.all(
  selected.map(async ({ id, title, run }) => {
    const t = performance.now();
    try {
      return { id, title, result: await run(distDir), seconds: (performance.now() - t) / 1000 };
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      return {
        id,
        title,
        seconds: (performance.now() - t) / 1000,
        result: {
          summary: 'crashed',
          findings: [
            {
              severity: 'error' as const,
              file: 'scripts/verify.ts',
              message: `the ${id} check crashed: ${message}`,
              fix: `Fix scripts/verify/${id}.ts (or what it runs).`,
            },
          ],
        },
      };
    }
  }),
);
const report = formatReport(ran, (performance.now() - started) / 1000, `${display(distDir)}/`);

console.log(report);
if (process.env.GITHUB_ACTIONS) for (const line of githubAnnotations(ran)) console.log(line);
mkdirSync('reports', { recursive: true });
const reportFile = only ? `reports/verify-${only.join('+')}.txt` : 'reports/verify.txt';
writeFileSync(reportFile, `${report}\n`);
console.log(`report written to ${reportFile}`);
process.exit(ran.some((c) => c.result.findings.some((f) => f.severity === 'error')) ? 1 : 0);
