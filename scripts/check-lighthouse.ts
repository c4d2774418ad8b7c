/**
 * npm run check:lighthouse — Lighthouse on the built site, the way readers get it: the home page, the article with the most math, and the search page with a query
 * (results render in the browser, so that is the state worth measuring). Every category
 * (performance, accessibility, best practices, SEO) must reach MIN_SCORE on the median of the
 * runs; below it, the check names the page, the category and the audits that cost points, and
 * exits 1.
 *
 *   node scripts/check-lighthouse.ts [--dist=dist] [--runs=3] [--out=reports/lighthouse]
 *
 * - Serves dist/ itself on a free loopback port (sirv, gzip-compressed as a static host serves
 *   it; 404s get dist/404.html), so it never competes with `astro preview` on 4321.
 * - Lighthouse's default: mobile emulation (a mid-range phone) with simulated throttling (slow
 *   4G, 4x CPU slowdown), computed from one unthrottled load. Mobile is the stricter form factor,
 *   and simulation keeps a run at a few seconds and the scores steady on a busy 2-core machine
 *   (devtools throttling would really slow every load and vary with the machine's load).
 * - One Debian Chromium (CHROME_PATH, CHROMIUM_PATH, or the usual system paths) for all runs,
 *   with the flags that keep it quiet offline (scripts/lib/chromium.ts); Lighthouse resets
 *   storage and cache before each run.
 * - Writes every run's result to <out>/<page>-run<N>.json, the median run as <out>/<page>.html,
 *   and the medians to <out>/summary.json.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import compression from 'compression';
import lighthouse, { generateReport, type Result } from 'lighthouse';
import sirv from 'sirv';
import { CHROMIUM_ARGS, findChromium } from './lib/chromium.ts';
import {
  CATEGORIES,
  MIN_SCORE,
  failures,
  formatTable,
  summarizePage,
  type PageSummary,
} from './lib/lighthouse.ts';
import { classesOf, display, elements, listFiles, parseHtmlFile, urlPathOf } from './verify/dist.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: 'reports/lighthouse' },
  },
});

/** A word every built-in article uses, so the search page renders a full page of results. */
const SEARCH_QUERY = 'model';

interface Target {
  name: string;
  path: string;
  /** Audits that do not apply to this page, each with the reason (printed with the table). */
  skipAudits?: Record<string, string>;
}

/** The built article with the most KaTeX expressions: the heaviest page that ships KaTeX. */
function mathiestArticle(distDir: string): string {
  let best: { url: string; count: number } | undefined;
  for (const file of listFiles(join(distDir, 'articles'), '.html')) {
    const url = urlPathOf(distDir, file);
    if (!/^\/articles\/[^/]+\/$/.test(url) || url.startsWith('/articles/page/')) continue;
    let count = 0;
    for (const el of elements(parseHtmlFile(file))) if (classesOf(el).includes('katex')) count++;
    if (count > 0 && (!best || count > best.count)) best = { url, count };
  }
  if (!best)
    throw new Error(
      `no article in ${display(distDir)} has math (class="katex"); is the built-in content complete?`,
    );
  return best.url;
}

const distDir = resolve(values.dist);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`check:lighthouse: --runs must be a positive integer, got "${values.runs}"`);
  process.exit(2);
}
if (!existsSync(join(distDir, 'index.html'))) {
  console.error(
    `check:lighthouse: ${display(distDir)}/index.html does not exist. Build first: npm run build`,
  );
  process.exit(1);
}
const chromePath = process.env.CHROME_PATH ?? findChromium();
if (!chromePath) {
  console.error(
    "check:lighthouse: no Chromium found. `npm run tools` installs Debian's (or set CHROME_PATH).",
  );
  process.exit(1);
}

const targets: Target[] = [
  { name: 'home', path: '/' },
  { name: 'article-math', path: mathiestArticle(distDir) },
  {
    name: 'search',
    path: `/search/?q=${SEARCH_QUERY}`,
    skipAudits: {
      'is-crawlable':
        'the search page is noindex on purpose (a results page is not content for search engines)',
    },
  },
];

// The static server: compression first (gzip, as hosts serve text), then sirv; unknown paths get
// the site's 404 page with status 404.
const gzip = compression() as unknown as (
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
) => void;
const serve = sirv(distDir, { dev: false, etag: true });
const notFound = readFileSync(join(distDir, '404.html'));
const server = createServer((req, res) => {
  gzip(req, res, () => {
    serve(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(notFound);
    });
  });
});
await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const outDir = resolve(values.out);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const started = performance.now();
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROMIUM_ARGS, logLevel: 'error' });
const summaries: PageSummary[] = [];
let lighthouseVersion = '';
try {
  for (const target of targets) {
    const lhrs: Result[] = [];
    for (let run = 1; run <= runs; run++) {
      const t = performance.now();
      const result = await lighthouse(`${origin}${target.path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        throttlingMethod: 'simulate',
        ...(target.skipAudits ? { skipAudits: Object.keys(target.skipAudits) } : {}),
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${target.path}`);
      lhrs.push(result.lhr);
      lighthouseVersion = result.lhr.lighthouseVersion;
      writeFileSync(join(outDir, `${target.name}-run${run}.json`), JSON.stringify(result.lhr, null, 2));
      const scores = CATEGORIES.map((id) => `${id} ${result.lhr.categories[id]?.score ?? 'n/a'}`).join(', ');
      console.log(
        `check:lighthouse: ${target.name} ${target.path} run ${run}/${runs} (${((performance.now() - t) / 1000).toFixed(1)} s): ${scores}`,
      );
    }
    const summary = summarizePage(target.name, target.path, lhrs, target.skipAudits);
    summaries.push(summary);
    // The run that gave the median performance score, as Lighthouse's own HTML report.
    const perf = summary.categories.find((c) => c.id === 'performance')!;
    const medianRun =
      lhrs.find((lhr) => (lhr.categories.performance?.score ?? 0) === perf.median) ?? lhrs[0]!;
    writeFileSync(join(outDir, `${target.name}.html`), generateReport(medianRun, 'html'));
  }
} finally {
  chrome.kill();
  server.close();
}

const failed = failures(summaries, MIN_SCORE);
console.log(
  `\nLighthouse ${lighthouseVersion}, mobile emulation, simulated throttling; median of ${runs} run(s) per page (min–max), threshold ${MIN_SCORE}`,
);
console.log(formatTable(summaries, MIN_SCORE));
writeFileSync(
  join(outDir, 'summary.json'),
  `${JSON.stringify({ lighthouseVersion, runs, minScore: MIN_SCORE, origin, pages: summaries }, null, 2)}\n`,
);
console.log(
  `\nreports written to ${display(outDir)}/ (${((performance.now() - started) / 1000).toFixed(0)} s)`,
);
if (failed.length > 0) {
  console.error(
    `\ncheck:lighthouse: ${failed.length} categor${failed.length === 1 ? 'y' : 'ies'} below ${MIN_SCORE}:`,
  );
  for (const line of failed) console.error(`  ${line}`);
  console.error(
    "Open the page's HTML report in the reports folder for the details; fix the page (src/pages, src/layouts, src/components, src/styles).",
  );
  process.exit(1);
}
console.log('check:lighthouse: every page at or above the threshold');
