/**
 * npm run bench [-- --sizes 100,1000] — builds the site on generated fixtures at several sizes,
 * next to a plain Astro 7 + MDX + rehype-katex baseline (scripts/bench/baseline/), and reports
 * build time, peak memory, output size, Pagefind cost and per-page-type weight.
 * A measurement, not a test: it never fails on a slow number, only when a build breaks.
 * See scripts/bench/README.md for what each column means.
 *
 * Options:
 *   --sizes 100,1000,5000   article counts (default 100,1000,5000)
 *   --format mdx|md|mixed   fixture format (default mdx; see generate.ts)
 *   --math-share 0.7        share of fixture articles with math
 *   --seed S                fixture seed
 *   --no-figures            fixtures without images and diagrams (as measured before figures)
 *   --skip-baseline         build only the real site
 *   --cpu-prof              write V8 CPU profiles of each build to .bench/profiles/ (slower;
 *                           summarise with scripts/bench/profile.ts)
 *   --heap-mb M             --max-old-space-size for the builds (default: Node's own limit)
 *   --warm                  also time a second site build that keeps the caches (data store,
 *                           Vite cache); only dist/ is removed
 *   --rev REV               git revision of the site to build (default HEAD)
 *   --worktree              build the working tree instead, uncommitted changes included
 *   --label text            free text stored with the results (e.g. "md fixtures")
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate, type FixtureFormat, type GenerateResult } from './generate.ts';
import { hasGnuTime, runMeasured, type Measured } from './measure.ts';
import { childPages, measurePage, type PageWeight } from './page-weight.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
const BENCH = join(REPO, '.bench');
const ASTRO_BIN = join(REPO, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND_BIN = join(REPO, 'node_modules/pagefind/lib/runner/bin.cjs');
/** Top-level entries never copied into the site snapshot (the fixtures replace content/). */
const NOT_COPIED = new Set([
  'node_modules',
  '.git',
  '.bench',
  'dist',
  '.astro',
  'content',
  'tests',
  'test-results',
  'playwright-report',
  'reports',
]);

type Variant = 'site' | 'baseline';

interface Phases {
  /** Process start → content sync starts: config, integrations (the content gate runs here). */
  setupMs?: number;
  /** Content layer sync (glob loaders, schemas; .md bodies are rendered here). */
  syncMs?: number;
  /** Type generation and build info. */
  prepareMs?: number;
  /** Vite/Rolldown bundling of pages, components and every .mdx as a module. */
  bundleMs?: number;
  /** Executing the bundle to write every HTML page. */
  renderMs?: number;
  /** After rendering: integrations' build:done (sitemap, CSP…) and exit. */
  finishMs?: number;
}

interface PagefindResult {
  /** true when the site build already ran Pagefind (dist/pagefind existed afterwards); its
   *  time is then inside the build's wall time (finish phase) as well as timed here on its own. */
  integrated: boolean;
  ok: boolean;
  wallMs?: number;
  peakRssKiB?: number;
  indexBytes: number;
  indexFiles: number;
  pagesIndexed?: number;
}

interface BuildResult {
  /** site, baseline, or "site (warm)": a second site build that keeps the caches. */
  variant: string;
  ok: boolean;
  exitCode: number;
  wallMs: number;
  msPerArticle: number;
  cpuS?: number;
  peakRssKiB?: number;
  rssSource: Measured['rssSource'];
  pages: number;
  articlePages: number;
  distBytes: number;
  distFiles: number;
  phases: Phases;
  /** 1-minute load average before and after the build: other work on the machine skews times. */
  load: { before: number; after: number };
  pagefind?: PagefindResult;
  pageTypes: PageWeight[];
  log: string;
  error?: string;
}

interface SizeResult {
  size: number;
  fixtures: GenerateResult & { generateMs: number };
  lint: { ok: boolean; wallMs: number; peakRssKiB?: number };
  builds: BuildResult[];
  ratio?: { wall: number; peakRss?: number; dist: number; articleHtmlGzip?: number };
}

function dirStats(dir: string, skip?: string): { bytes: number; files: number; html: number } {
  let bytes = 0;
  let files = 0;
  let html = 0;
  if (!existsSync(dir)) return { bytes, files, html };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (skip && path.startsWith(`${skip}/`)) continue;
    bytes += statSync(path).size;
    files++;
    if (entry.name.endsWith('.html')) html++;
  }
  return { bytes, files, html };
}

function phasesFrom(lines: Measured['lines'], wallMs: number): Phases {
  const at = (pattern: RegExp, after = 0) => lines.find((l) => l.ms >= after && pattern.test(l.text))?.ms;
  const syncStart = at(/\[content\] Syncing content/);
  const syncEnd = at(/\[content\] Synced content/);
  const bundleStart = at(/Building static entrypoints/);
  const renderStart = at(/generating static routes/);
  const bundleEnd = [...lines]
    .reverse()
    .find(
      (l) => l.text.includes('[vite] ✓ built in') && (renderStart === undefined || l.ms <= renderStart),
    )?.ms;
  const renderEnd = renderStart !== undefined ? at(/✓ Completed in/, renderStart) : undefined;
  const span = (a?: number, b?: number) =>
    a !== undefined && b !== undefined ? Math.round(b - a) : undefined;
  const phases: Phases = {};
  const set = (key: keyof Phases, value: number | undefined) => {
    if (value !== undefined) phases[key] = value;
  };
  set('setupMs', syncStart !== undefined ? Math.round(syncStart) : undefined);
  set('syncMs', span(syncStart, syncEnd));
  set('prepareMs', span(syncEnd, bundleStart));
  set('bundleMs', span(bundleStart, bundleEnd ?? renderStart));
  set('renderMs', span(renderStart, renderEnd));
  set('finishMs', span(renderEnd, wallMs));
  return phases;
}

function pickArticles(dist: string, prefix: string): { math?: string; plain?: string } {
  const picked: { math?: string; plain?: string } = {};
  for (const slug of childPages(dist, prefix).filter((s) => s !== 'page')) {
    const html = readFileSync(join(dist, prefix, slug, 'index.html'), 'utf8');
    const hasMath = /class="katex[" ]/.test(html);
    if (hasMath) picked.math ??= `/${prefix}/${slug}/`;
    else picked.plain ??= `/${prefix}/${slug}/`;
    if (picked.math && picked.plain) break;
  }
  return picked;
}

function measurePageTypes(dist: string, variant: Variant): PageWeight[] {
  const types: [string, string | undefined][] = [['home', '/']];
  const { math, plain } = pickArticles(dist, 'articles');
  types.push(['article (math)', math], ['article (no math)', plain]);
  if (variant === 'site') {
    types.push([
      'beat listing',
      existsSync(join(dist, 'beats/architecture/index.html')) ? '/beats/architecture/' : undefined,
    ]);
    const person = childPages(dist, 'people')[0];
    types.push(['person', person ? `/people/${person}/` : undefined]);
    const issue = childPages(dist, 'newsletter')
      .filter((n) => /^\d+$/.test(n))
      .sort((a, b) => Number(a) - Number(b))[0];
    types.push(['newsletter issue', issue ? `/newsletter/${issue}/` : undefined]);
    types.push(['search', existsSync(join(dist, 'search/index.html')) ? '/search/' : undefined]);
  }
  return types
    .filter((t): t is [string, string] => t[1] !== undefined)
    .map(([type, path]) => measurePage(dist, type, path));
}

/**
 * Pagefind's cost, measured the same way whether or not the build already runs it: the CLI is
 * run on the built pages into a scratch directory (.bench/pagefind-<N>) and timed. The index
 * size reported is the one that ships (dist/pagefind) when the build made one, else the CLI's.
 */
async function runPagefind(
  dist: string,
  size: number,
  buildLines: Measured['lines'],
): Promise<PagefindResult> {
  const shipped = join(dist, 'pagefind');
  const integrated = existsSync(join(shipped, 'pagefind.js'));
  const scratch = join(BENCH, `pagefind-${size}`);
  rmSync(scratch, { recursive: true, force: true });
  const measured = await runMeasured(
    process.execPath,
    [PAGEFIND_BIN, '--site', dist, '--output-path', scratch],
    {
      cwd: REPO,
      env: process.env,
      logFile: join(BENCH, 'logs', `pagefind-${size}.log`),
    },
  );
  const stats = dirStats(integrated ? shipped : scratch);
  const indexedIn = (lines: Measured['lines']) =>
    lines.map((l) => /indexed (\d+) pages?/i.exec(l.text)?.[1]).find(Boolean);
  const indexed = (integrated ? indexedIn(buildLines) : undefined) ?? indexedIn(measured.lines);
  return {
    integrated,
    ok: measured.exitCode === 0,
    wallMs: Math.round(measured.wallMs),
    ...(measured.peakRssKiB !== undefined ? { peakRssKiB: measured.peakRssKiB } : {}),
    indexBytes: stats.bytes,
    indexFiles: stats.files,
    ...(indexed ? { pagesIndexed: Number(indexed) } : {}),
  };
}

interface BuildOptions {
  size: number;
  fixtures: string;
  cpuProf: boolean;
  heapMb?: number;
}

async function build(
  variant: Variant,
  root: string,
  options: BuildOptions,
  warm = false,
): Promise<BuildResult> {
  const label = warm ? `${variant} (warm)` : variant;
  const dist = join(BENCH, 'dist', `${variant}-${options.size}`);
  const log = join(BENCH, 'logs', `${variant}${warm ? '-warm' : ''}-${options.size}.log`);
  // Cold build: no dist, no content-layer data store, no Vite cache. Warm: only dist goes.
  rmSync(dist, { recursive: true, force: true });
  if (!warm)
    for (const dir of [join(root, '.astro'), join(root, 'node_modules')])
      rmSync(dir, { recursive: true, force: true });
  const profiles = join(BENCH, 'profiles', `${variant}${warm ? '-warm' : ''}-${options.size}`);
  if (options.cpuProf) rmSync(profiles, { recursive: true, force: true });
  const nodeArgs = [
    ...(options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`] : []),
    ...(options.heapMb ? [`--max-old-space-size=${options.heapMb}`] : []),
    ASTRO_BIN,
    'build',
    '--outDir',
    dist,
  ];
  const env = {
    ...process.env,
    MLSR_CONTENT_ROOT: options.fixtures,
    BENCH_CONTENT_ROOT: options.fixtures,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  process.stdout.write(`  ${label.padEnd(8)} building… `);
  const loadBefore = loadavg()[0]!;
  const measured = await runMeasured(process.execPath, nodeArgs, {
    cwd: root,
    env,
    logFile: log,
    keep: /\[content\] Sync|Building static entrypoints|\[vite\] ✓ built in|generating static routes|✓ Completed in|page\(s\) built|Complete!|error|Error|pagefind/i,
  });
  const stats = dirStats(dist, join(dist, 'pagefind'));
  const articlePages = childPages(dist, 'articles').filter((s) => s !== 'page').length;
  const ok = measured.exitCode === 0 && articlePages === options.size;
  const result: BuildResult = {
    variant: label,
    ok,
    exitCode: measured.exitCode,
    wallMs: Math.round(measured.wallMs),
    msPerArticle: Math.round((measured.wallMs / options.size) * 10) / 10,
    ...(measured.userS !== undefined && measured.sysS !== undefined
      ? { cpuS: Math.round((measured.userS + measured.sysS) * 10) / 10 }
      : {}),
    ...(measured.peakRssKiB !== undefined ? { peakRssKiB: measured.peakRssKiB } : {}),
    rssSource: measured.rssSource,
    pages: stats.html,
    articlePages,
    distBytes: stats.bytes,
    distFiles: stats.files,
    phases: phasesFrom(measured.lines, measured.wallMs),
    load: { before: Math.round(loadBefore * 100) / 100, after: Math.round(loadavg()[0]! * 100) / 100 },
    pageTypes: [],
    log: relative(REPO, log),
  };
  if (measured.exitCode !== 0) {
    const errors = measured.lines
      .filter((l) => /error/i.test(l.text))
      .slice(-5)
      .map((l) => l.text);
    result.error = `exit ${measured.exitCode}: ${errors.join(' | ') || 'see log'}`;
    console.log(`FAILED (${result.error}); log: ${result.log}`);
    return result;
  }
  if (articlePages !== options.size)
    result.error = `${articlePages} article pages for ${options.size} articles`;
  console.log(
    `${(result.wallMs / 1000).toFixed(1)} s, ${result.peakRssKiB ? `${Math.round(result.peakRssKiB / 1024)} MiB peak` : 'RSS n/a'}${result.error ? `; ${result.error}` : ''}`,
  );
  if (warm) return result;
  if (variant === 'site') {
    process.stdout.write(`  pagefind ${'…'.padStart(9)} `);
    result.pagefind = await runPagefind(dist, options.size, measured.lines);
    console.log(
      `${s(result.pagefind.wallMs)} s (CLI, timed on its own${result.pagefind.integrated ? '; the build also ran it' : ''})`,
    );
  }
  result.pageTypes = measurePageTypes(dist, variant);
  return result;
}

/**
 * A snapshot of the project to build (content/ excluded: the fixtures replace it), so nothing is
 * written into the real tree and edits made while the bench runs cannot leak into it. The site
 * comes from a git revision (default HEAD) or, with --worktree, from the working tree; the
 * baseline always from the working tree.
 */
function snapshot(variant: Variant, rev: string | undefined): string {
  const root = join(BENCH, 'work', variant);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  if (variant === 'baseline') {
    cpSync(join(REPO, 'scripts/bench/baseline'), root, { recursive: true });
  } else if (rev) {
    const tar = execFileSync('git', ['archive', '--format=tar', rev], { cwd: REPO, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', root], { input: tar });
    for (const entry of NOT_COPIED) rmSync(join(root, entry), { recursive: true, force: true });
  } else {
    for (const entry of readdirSync(REPO))
      if (!NOT_COPIED.has(entry)) cpSync(join(REPO, entry), join(root, entry), { recursive: true });
  }
  return root;
}

// --- formatting ------------------------------------------------------------------------------

const s = (ms?: number) => (ms === undefined ? '–' : (ms / 1000).toFixed(1));
const mib = (bytes?: number) => (bytes === undefined ? '–' : (bytes / 1048576).toFixed(1));
const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const x = (value?: number) => (value === undefined || !Number.isFinite(value) ? '–' : `${value.toFixed(2)}×`);

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function report(results: SizeResult[], meta: Record<string, unknown>): string {
  const buildRows: string[][] = [];
  for (const r of results) {
    for (const b of r.builds) {
      const pf = b.pagefind;
      buildRows.push([
        String(r.size),
        b.ok ? b.variant : `${b.variant} (FAILED)`,
        s(b.wallMs),
        b.msPerArticle.toFixed(1),
        b.peakRssKiB ? String(Math.round(b.peakRssKiB / 1024)) : '–',
        b.cpuS !== undefined ? b.cpuS.toFixed(1) : '–',
        String(b.pages),
        mib(b.distBytes),
        pf ? `${s(pf.wallMs)}${pf.integrated ? '*' : ''}` : '–',
        pf ? mib(pf.indexBytes) : '–',
        b.variant === 'site' ? s(r.lint.wallMs) : '–',
        s(b.phases.syncMs),
        s(b.phases.bundleMs),
        s(b.phases.renderMs),
        s(b.phases.finishMs),
        `${b.load.before.toFixed(1)}→${b.load.after.toFixed(1)}`,
      ]);
    }
    if (r.ratio) {
      buildRows.push([
        String(r.size),
        '**site ÷ baseline**',
        x(r.ratio.wall),
        x(r.ratio.wall),
        x(r.ratio.peakRss),
        '',
        '',
        x(r.ratio.dist),
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ]);
    }
  }
  const weightRows: string[][] = [];
  for (const r of results) {
    for (const b of r.builds) {
      for (const p of b.pageTypes) {
        weightRows.push([
          String(r.size),
          b.variant,
          p.type,
          `${kib(p.html.raw)} / ${kib(p.html.gzip)}`,
          `${kib(p.css.raw)} / ${kib(p.css.gzip)}`,
          `${kib(p.js.raw)} / ${kib(p.js.gzip)}`,
          String(p.requests),
          Object.entries(p.requestKinds)
            .map(([k, n]) => `${n} ${k}`)
            .join(', '),
        ]);
      }
    }
  }
  return [
    `## Build (${String(meta.date)}, ${String(meta.machine)})`,
    '',
    table(
      [
        'N',
        'variant',
        'wall s',
        'ms/article',
        'peak RSS MiB',
        'CPU s',
        'pages',
        'dist MiB',
        'Pagefind s',
        'Pagefind MiB',
        'lint s',
        'sync s',
        'bundle s',
        'render s',
        'finish s',
        'load 1m',
      ],
      buildRows,
    ),
    '',
    ...(results.some((r) => r.builds.some((b) => b.pagefind?.integrated))
      ? [
          '\\* Pagefind already runs inside this build (its time is also part of "finish s"); the figure is the CLI timed on its own over the same pages.',
          '',
        ]
      : []),
    '## Page weight on first load (KiB raw / gzip)',
    '',
    table(['N', 'variant', 'page type', 'HTML', 'CSS', 'JS', 'requests', 'request kinds'], weightRows),
    '',
  ].join('\n');
}

// --- main ------------------------------------------------------------------------------------

/** What was built: a commit, or the working tree on top of one. */
function describeSource(rev: string | undefined): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', rev ?? 'HEAD'], {
      cwd: REPO,
      encoding: 'utf8',
    }).trim();
    if (rev) return commit;
    const dirty = execFileSync(
      'git',
      ['status', '--porcelain', '--', 'src', 'astro.config.ts', 'package.json'],
      { cwd: REPO, encoding: 'utf8' },
    ).trim();
    return dirty ? `working tree (${commit} + uncommitted changes)` : `working tree (${commit})`;
  } catch {
    return rev ?? 'working tree';
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100,1000,5000' },
      format: { type: 'string', default: 'mdx' },
      'math-share': { type: 'string', default: '0.7' },
      seed: { type: 'string' },
      'skip-baseline': { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      'heap-mb': { type: 'string' },
      warm: { type: 'boolean', default: false },
      rev: { type: 'string', default: 'HEAD' },
      worktree: { type: 'boolean', default: false },
      label: { type: 'string', default: '' },
      'no-figures': { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map((v) => Number(v.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--sizes must be positive integers, got "${values.sizes}"`);
  const format = values.format as FixtureFormat;
  if (!['mdx', 'md', 'mixed'].includes(format))
    throw new Error(`--format must be mdx, md or mixed, got ${values.format}`);
  const heapMb = values['heap-mb'] ? Number(values['heap-mb']) : undefined;

  for (const dir of ['logs', 'results', 'dist']) mkdirSync(join(BENCH, dir), { recursive: true });
  const date = new Date().toISOString();
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const astroVersion = (
    JSON.parse(readFileSync(join(REPO, 'node_modules/astro/package.json'), 'utf8')) as { version: string }
  ).version;
  const meta = {
    date,
    machine,
    astro: astroVersion,
    commit: describeSource(values.worktree ? undefined : values.rev),
    rss: hasGnuTime
      ? '/usr/bin/time -v (Maximum resident set size)'
      : 'polled /proc VmRSS of the process tree every 100 ms',
    options: {
      sizes,
      format,
      mathShare: Number(values['math-share']),
      seed: values.seed ?? 'default',
      cpuProf: values['cpu-prof'],
      heapMb: heapMb ?? 'default',
      label: values.label,
    },
  };
  console.log(`bench: sizes ${sizes.join(', ')}; ${machine}; astro ${astroVersion}; ${meta.commit}`);
  if (!hasGnuTime)
    console.log(
      'bench: /usr/bin/time not found; peak RSS is polled from /proc (apt-get install time for exact numbers)',
    );

  const variants: Variant[] = values['skip-baseline'] ? ['site'] : ['site', 'baseline'];
  const roots = Object.fromEntries(
    variants.map((v) => [v, snapshot(v, values.worktree ? undefined : values.rev)]),
  ) as Record<Variant, string>;
  const results: SizeResult[] = [];
  for (const size of sizes) {
    console.log(`\nN = ${size}`);
    const fixtures = join(BENCH, `content-${size}`);
    const started = performance.now();
    const generated = await generate({
      count: size,
      out: fixtures,
      format,
      mathShare: Number(values['math-share']),
      figures: !values['no-figures'],
      ...(values.seed ? { seed: Number(values.seed) } : {}),
    });
    const generateMs = Math.round(performance.now() - started);
    console.log(
      `  fixtures  ${generated.articles} articles (${generated.mdx} mdx, ${generated.md} md, ${generated.withMath} with math, ${generated.images} figures, ${generated.diagrams} diagrams) in ${generateMs} ms`,
    );
    const lint = await runMeasured(process.execPath, [join(REPO, 'scripts/lint-content.ts'), fixtures], {
      cwd: REPO,
      env: process.env,
      logFile: join(BENCH, 'logs', `lint-${size}.log`),
    });
    console.log(`  lint      ${lint.exitCode === 0 ? 'ok' : 'FAILED'} in ${s(lint.wallMs)} s`);
    if (lint.exitCode !== 0)
      throw new Error(`fixtures at ${fixtures} fail the content lint; see .bench/logs/lint-${size}.log`);

    const result: SizeResult = {
      size,
      fixtures: { ...generated, generateMs },
      lint: {
        ok: true,
        wallMs: Math.round(lint.wallMs),
        ...(lint.peakRssKiB !== undefined ? { peakRssKiB: lint.peakRssKiB } : {}),
      },
      builds: [],
    };
    for (const variant of variants) {
      const options: BuildOptions = {
        size,
        fixtures,
        cpuProf: values['cpu-prof'],
        ...(heapMb ? { heapMb } : {}),
      };
      result.builds.push(await build(variant, roots[variant], options));
      if (values.warm && variant === 'site' && result.builds.at(-1)!.exitCode === 0) {
        result.builds.push(await build(variant, roots[variant], options, true));
      }
    }
    const site = result.builds.find((b) => b.variant === 'site' && b.exitCode === 0);
    const base = result.builds.find((b) => b.variant === 'baseline' && b.exitCode === 0);
    if (site && base) {
      const gz = (b: BuildResult) => b.pageTypes.find((p) => p.type === 'article (math)')?.html.gzip;
      const siteGz = gz(site);
      const baseGz = gz(base);
      result.ratio = {
        wall: site.wallMs / base.wallMs,
        ...(site.peakRssKiB && base.peakRssKiB ? { peakRss: site.peakRssKiB / base.peakRssKiB } : {}),
        dist: site.distBytes / base.distBytes,
        ...(siteGz && baseGz ? { articleHtmlGzip: siteGz / baseGz } : {}),
      };
    }
    results.push(result);
  }

  const markdown = report(results, meta);
  const stamp = date.replace(/[:.]/g, '-');
  const jsonFile = join(BENCH, 'results', `bench-${stamp}.json`);
  const mdFile = join(BENCH, 'results', `bench-${stamp}.md`);
  writeFileSync(jsonFile, `${JSON.stringify({ meta, results }, null, 2)}\n`);
  writeFileSync(
    mdFile,
    `# MLSR build benchmark${values.label ? `: ${values.label}` : ''}\n\n${markdown}\nCommit ${meta.commit}, Astro ${meta.astro}. Fixtures: ${format}, math share ${meta.options.mathShare}. Peak RSS: ${meta.rss}.\n`,
  );
  console.log(`\n${markdown}`);
  console.log(`results: ${relative(REPO, jsonFile)}, ${relative(REPO, mdFile)}`);
  if (results.some((r) => r.builds.some((b) => !b.ok))) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
