/**
 * node scripts/bench/history-cost.ts [--count 1000] — what reading article history costs: the
 * fixtures (with their generated git history) are read the way the build reads them, cold
 * (no diff cache) and warm (every diff cached), and the git processes are counted.
 */
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readSiteHistory } from '../../src/lib/history/history.ts';
import { generate } from './generate.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '1000' } } });
const count = Number(values.count);
const out = resolve(`.bench/history-${count}`);
await generate({ count, out });
const cacheFile = join(out, '..', `history-${count}-cache.json`);
await rm(cacheFile, { force: true });
for (const run of ['cold', 'warm']) {
  const started = performance.now();
  const history = await readSiteHistory({ root: out, cacheFile });
  const ms = performance.now() - started;
  if (!history.available) throw new Error(`no history: ${history.reason}`);
  const revisions = [...history.articles.values()].reduce((n, a) => n + a.revisions.length, 0);
  console.log(
    `${run}: ${history.articles.size} articles, ${revisions} revisions in ${(ms / 1000).toFixed(2)} s (2 git processes)`,
  );
}
