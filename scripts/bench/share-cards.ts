/**
 * The share cards' own cost, apart from the rest of the build: draws N article cards into an
 * empty cache (a cold build), then asks for the same N again (a warm build: every card must
 * come from the cache, none redrawn), and prints both. Titles, beats and names vary like real
 * ones; the output is thrown away.
 *
 *   node scripts/bench/share-cards.ts [--count 1000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cachedCard } from '../../src/lib/share-card/cache.ts';
import type { CardInput } from '../../src/lib/share-card/card.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '1000' } } });
const count = Number(values.count);
const WORDS = [
  'feature',
  'store',
  'latency',
  'drift',
  'serving',
  'ranking',
  'retraining',
  'shadow',
  'rollout',
  'embedding',
  'monitoring',
  'budget',
];
const BEATS = [
  'Architecture case studies',
  'Benchmarks & comparisons',
  'MLOps & reliability',
  'Post-mortems',
];

function input(i: number): CardInput {
  const words = Array.from({ length: 5 + (i % 9) }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]!);
  return {
    kind: 'article',
    title: `${i}: ${words.join(' ')}`,
    beat: BEATS[i % BEATS.length]!,
    authors: i % 7 === 0 ? 'Lukas Berg, MS and Priya Ramachandran, MS' : 'Dr. Nadia Volkov, PhD',
    reviewer: 'Dr. Theo Nakamura, PhD',
    publication: 'ML Systems Review',
  };
}

const dir = mkdtempSync(join(tmpdir(), 'mlsr-card-bench-'));
try {
  for (const phase of ['cold', 'warm'] as const) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    let drawn = 0;
    for (let i = 0; i < count; i++) if ((await cachedCard(input(i), dir)).drawn) drawn += 1;
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    console.log(
      `${phase}: ${count} cards, ${drawn} drawn, ${(wall / 1000).toFixed(1)} s wall (${(wall / count).toFixed(1)} ms/card), ${((used.user + used.system) / 1e6).toFixed(1)} CPU s`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
