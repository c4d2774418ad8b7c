/**
 * Regenerates this article's data: synthetic log-normal latencies for two hypothetical server
 * configurations, A and B, at two sample sizes, with 95 percent percentile-bootstrap intervals
 * for the mean, p50 and p99. Run by an editor, never by the build:
 *
 *     node content/articles/latency-benchmarks-with-confidence-intervals/generate-data.ts
 *
 * Seeded and pinned (Node and d3 versions come from package-lock.json), so the output is the
 * same bytes on every machine; `git diff` after a run shows nothing unless this file changed.
 */
import { writeFileSync } from 'node:fs';
import { mean, quantile } from 'd3-array';
import { randomInt, randomLcg, randomLogNormal } from 'd3-random';

const SEED = 20250611;
/** Bootstrap resamples per statistic. */
const RESAMPLES = 10_000;
const LEVEL = 0.95;
/** Requests per configuration: a quick run and a real one. */
const SIZES = [100, 2_000];
/** Hypothetical configurations: log(latency in ms) ~ Normal(mu, sigma). */
const CONFIGS = { A: { mu: Math.log(20), sigma: 0.3 }, B: { mu: Math.log(18), sigma: 0.45 } };
const STATISTICS: Record<string, (sample: Float64Array) => number> = {
  mean: (sample) => mean(sample)!,
  p50: (sample) => quantile(sample, 0.5)!,
  p99: (sample) => quantile(sample, 0.99)!,
};

// One stream of random numbers for the whole run, in a fixed order: draws, then resamples.
const source = randomLcg(SEED);

function percentileBootstrap(sample: Float64Array, statistic: (s: Float64Array) => number): [number, number] {
  const pick = randomInt.source(source)(sample.length);
  const resample = new Float64Array(sample.length);
  const replicates = new Float64Array(RESAMPLES);
  for (let b = 0; b < RESAMPLES; b++) {
    for (let i = 0; i < sample.length; i++) resample[i] = sample[pick()]!;
    replicates[b] = statistic(resample);
  }
  const tail = (1 - LEVEL) / 2;
  return [quantile(replicates, tail)!, quantile(replicates, 1 - tail)!];
}

const fixed = (value: number) => value.toFixed(2);

for (const size of SIZES) {
  const lines = ['statistic,configuration,estimate,ci_low,ci_high,n'];
  for (const [name, { mu, sigma }] of Object.entries(CONFIGS)) {
    const draw = randomLogNormal.source(source)(mu, sigma);
    const sample = Float64Array.from({ length: size }, draw);
    for (const [label, statistic] of Object.entries(STATISTICS)) {
      const [low, high] = percentileBootstrap(sample, statistic);
      lines.push([label, name, fixed(statistic(sample)), fixed(low), fixed(high), size].join(','));
    }
  }
  const file = new URL(`data/latency-${size}.csv`, import.meta.url);
  writeFileSync(file, `${lines.join('\n')}\n`);
  console.log(`wrote ${file.pathname}\n${lines.join('\n')}`);
}
