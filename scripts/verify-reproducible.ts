/**
 * npm run verify:reproducible — builds the site twice from scratch (`astro build --force`, which
 * clears the content-layer cache) into two temporary directories and compares them byte for
 * byte, the Pagefind index included. Not part of `npm run verify`: it doubles the build time.
 * dist/ is left untouched, so it can run next to other work.
 *
 * Pagefind: if it runs inside the build (an Astro integration) it indexes each output dir by
 * itself; if the package.json "build" script calls the pagefind CLI, we run it on each dir too.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compareDirs } from './verify/compare-dirs.ts';
import { formatReport } from './verify/report.ts';

const require = createRequire(import.meta.url);
const astroBin = join(dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
const buildScript =
  (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts?: Record<string, string> }).scripts?.build ??
  '';
const runsPagefindCli = /\bpagefind\b/.test(buildScript);

function build(outDir: string): number {
  const started = performance.now();
  // Each build gets an empty share-card cache of its own, so both really draw every card and
  // the comparison proves the drawing deterministic (a shared cache would hide it).
  const cardCache = mkdtempSync(join(tmpdir(), 'mlsr-cards-'));
  const astro = spawnSync(process.execPath, [astroBin, 'build', '--force', '--outDir', outDir], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, MLSR_SHARE_CARD_CACHE: cardCache },
  });
  rmSync(cardCache, { recursive: true, force: true });
  if (astro.status !== 0) throw new Error(`astro build --outDir ${outDir} failed (exit ${astro.status})`);
  if (runsPagefindCli) {
    const pagefind = spawnSync(
      process.execPath,
      [join(dirname(require.resolve('pagefind/package.json')), 'lib', 'runner', 'bin.cjs'), '--site', outDir],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (pagefind.status !== 0) throw new Error(`pagefind --site ${outDir} failed (exit ${pagefind.status})`);
  }
  return (performance.now() - started) / 1000;
}

const root = mkdtempSync(join(tmpdir(), 'mlsr-repro-'));
const [a, b] = [join(root, 'a'), join(root, 'b')];
try {
  const started = performance.now();
  const secondsA = build(a);
  const secondsB = build(b);
  const result = compareDirs(a, b);
  result.summary += `; builds took ${secondsA.toFixed(1)} s and ${secondsB.toFixed(1)} s${runsPagefindCli ? ' (with the pagefind CLI)' : ''}`;
  console.log(
    formatReport(
      [
        {
          id: 'reproducible',
          title: 'Reproducible build',
          result,
          seconds: (performance.now() - started) / 1000,
        },
      ],
      (performance.now() - started) / 1000,
      'two clean builds',
    ),
  );
  process.exitCode = result.findings.length ? 1 : 0;
} finally {
  rmSync(root, { recursive: true, force: true });
}
