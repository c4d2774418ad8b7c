/**
 * Regenerates data/query-counts.json: how many queries MLPerf Inference's formula asks for to
 * estimate a tail-latency percentile p within a margin m at 99 percent confidence,
 *
 *     n = z² · p · (1 − p) / m²,   z = 2.5758… (two-sided 99 percent normal quantile),
 *
 * with the margin the rules pair with each percentile, m = (1 − p) / 20. Like the rules' table,
 * n is rounded to the nearest query (50,425 and 85,811, not 50,426 and 85,812), then up to a
 * multiple of 2^13 to keep the numbers round. Read as a result: a run of n queries pins the
 * observed percentile to p ± m with 99 percent confidence. Run by an editor, never by the build:
 *
 *     npm run results:regenerate -- mlperf-inference-how-to-read
 */
import { writeFileSync } from 'node:fs';

/** Two-sided 99 percent quantile of the standard normal distribution. */
const Z_99 = 2.5758293035489004;
const ROUNDING = 2 ** 13;
/** Tail percentile and margin of error, both as fractions. */
const TARGETS = [
  { p: 0.9, margin: 0.005 },
  { p: 0.95, margin: 0.0025 },
  { p: 0.97, margin: 0.0015 },
  { p: 0.99, margin: 0.0005 },
];

/** Fractions as percentages without binary noise: 0.95 − 0.0025 → 94.75. */
const percent = (fraction: number) => Number((fraction * 100).toFixed(4));

const rows = TARGETS.map(({ p, margin }) => {
  const queries = Math.round((Z_99 ** 2 * p * (1 - p)) / margin ** 2);
  return {
    percentile: `p${percent(p)}, margin ±${percent(margin)} points`,
    estimate: percent(p),
    low: percent(p - margin),
    high: percent(p + margin),
    queries,
    queries_rounded: Math.ceil(queries / ROUNDING) * ROUNDING,
  };
});

const file = new URL('data/query-counts.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(rows, null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
