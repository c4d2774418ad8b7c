/**
 * The methodology block: its schema's refusals, the card's facts, the staleness note and the
 * JSON-LD Dataset nodes, all from one parsed block.
 */
import { describe, expect, it } from 'vitest';
import { datasetNodes } from '../../src/lib/json-ld.ts';
import { buildDate, methodologyFacts, sampleSize, stalenessNote } from '../../src/lib/methodology.ts';
import { methodologySchema } from '../../src/schemas/methodology.ts';
import { resultEntrySchema } from '../../src/schemas/results.ts';
import { site } from '../../src/site.config.ts';

const input = {
  workload: 'ResNet-50, closed loop',
  hardware: { accelerator: 'one A100 40 GB', cpu: '2× EPYC 7742' },
  software: [
    { name: 'PyTorch', version: '2.3.1' },
    { name: 'CUDA', version: '12.1' },
  ],
  warmup: '500 requests discarded',
  runs: 30,
  requests: 10000,
  statistic: 'mean throughput',
  interval: { method: 'percentile bootstrap over runs', level: 0.95 },
  seeds: [7],
  harness: {
    repository: 'https://example.com/mlsr/bench',
    commit: '0123456789abcdef0123456789abcdef01234567',
  },
  measured: '2025-05-18',
};
const methodology = methodologySchema.parse(input);
const issues = (value: unknown) => {
  const result = methodologySchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('methodologySchema', () => {
  it('refuses a block with no sample size, a moving version, a level outside (0, 1) and a short commit', () => {
    const { runs: _r, requests: _q, ...noSample } = input;
    expect(issues(noSample)).toEqual([
      'runs: give the sample size: runs (independent repetitions), requests (per run), or both',
    ]);
    expect(issues({ ...input, software: [{ name: 'PyTorch', version: 'latest' }] })).toEqual([
      'software.0.version: must be an exact version, not a moving label such as "latest"',
    ]);
    expect(issues({ ...input, interval: { method: 'bootstrap', level: 95 } })).toEqual([
      'interval.level: must be between 0 and 1 (0.95 for 95 percent)',
    ]);
    expect(issues({ ...input, harness: { repository: 'https://example.com/x', commit: 'abc123' } })[0]).toBe(
      'harness.commit: must be a full 40-character git commit hash',
    );
  });

  it('refuses a harness script outside the article folder and an unknown key', () => {
    expect(issues({ ...input, harness: { script: '../other/run.ts', command: 'node run.ts' } })[0]).toMatch(
      /^harness/,
    );
    expect(issues({ ...input, sampleSize: 30 })[0]).toMatch(/sampleSize|Unrecognized key/);
  });
});

describe('the methodology card', () => {
  it('lists the facts in reading order, with the harness linked at its commit', () => {
    const facts = methodologyFacts(methodology, (script) => `/x/${script}`);
    expect(facts.map((f) => f.term)).toEqual([
      'Workload',
      'Hardware',
      'Software',
      'Warm-up',
      'Sample',
      'Statistic',
      'Interval',
      'Seeds',
      'Harness',
      'Measured',
    ]);
    expect(facts.find((f) => f.term === 'Sample')!.detail).toBe('30 runs of 10,000 requests');
    expect(facts.find((f) => f.term === 'Interval')!.detail).toBe('95% percentile bootstrap over runs');
    expect(facts.find((f) => f.term === 'Software')!.detail).toBe('PyTorch 2.3.1 and CUDA 12.1');
    expect(facts.find((f) => f.term === 'Harness')).toMatchObject({
      detail: 'example.com/mlsr/bench at 0123456789ab',
      href: 'https://example.com/mlsr/bench/tree/0123456789abcdef0123456789abcdef01234567',
    });
    expect(facts.at(-1)!.detail).toBe('18 May 2025');
  });

  it('a harness script links to the file published beside the article', () => {
    const local = methodologySchema.parse({ ...input, harness: { script: 'run.ts', command: 'npm run x' } });
    expect(methodologyFacts(local, (s) => `/articles/a/${s}`).find((f) => f.term === 'Harness')).toEqual({
      term: 'Harness',
      detail: 'run.ts',
      href: '/articles/a/run.ts',
      command: 'npm run x',
    });
  });

  it('sample size reads naturally for one run or requests alone', () => {
    expect(sampleSize({ ...methodology, runs: 1, requests: undefined })).toBe('1 run');
    expect(sampleSize({ ...methodology, runs: undefined, requests: 2000 })).toBe('2,000 requests');
  });
});

describe('staleness', () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

  it('says nothing while the measurements are younger than the configured age', () => {
    expect(stalenessNote(methodology, day('2026-05-18'), 365)).toBeUndefined();
  });

  it('dates old measurements and names the software', () => {
    expect(stalenessNote(methodology, day('2026-05-19'), 365)).toBe(
      'Measured on 18 May 2025 with PyTorch 2.3.1 and CUDA 12.1. That is more than a year ago: newer hardware and software may give different numbers.',
    );
    expect(stalenessNote(methodology, day('2025-07-01'), 30)).toMatch(/more than 30 days ago/);
  });

  it('the age is configured once, in site.config.ts', () => {
    expect(site.measurementsStaleAfterDays).toBeGreaterThan(0);
  });

  it('SOURCE_DATE_EPOCH pins "today" so two builds agree', () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: '1767225600' }).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(Math.abs(buildDate({}).getTime() - Date.now())).toBeLessThan(5000);
  });
});

describe('JSON-LD', () => {
  it('publishes one Dataset per results entry, with technique, variable and download', () => {
    const entry = resultEntrySchema.parse({
      id: 'fig-throughput',
      file: 'data/throughput.csv',
      caption: 'Throughput by batch size.',
      quantity: 'throughput',
      unit: 'requests/s',
      columns: { label: 'batch', estimate: 't', lower: 'lo', upper: 'hi', n: 'runs' },
      level: 0.95,
    });
    const [node] = datasetNodes({
      slug: 'gpu',
      url: '/articles/gpu/',
      data: {
        title: 't',
        description: 'd',
        published: new Date(),
        tags: [],
        sources: [],
        corrections: [],
        methodology,
        results: [entry],
      },
      beat: site.beats[1]!,
      authors: [],
      reviewer: { id: 'x', data: {} as never },
      modified: new Date(),
    });
    expect(node).toMatchObject({
      '@type': 'Dataset',
      '@id': `${site.url}/articles/gpu/#fig-throughput`,
      variableMeasured: { '@type': 'PropertyValue', name: 'Throughput (requests/s)', unitText: 'requests/s' },
      measurementTechnique:
        'mean throughput; 95% intervals by percentile bootstrap over runs; ResNet-50, closed loop',
      dateCreated: '2025-05-18',
      distribution: {
        '@type': 'DataDownload',
        contentUrl: `${site.url}/articles/gpu/data/throughput.csv`,
        encodingFormat: 'text/csv',
      },
    });
  });
});
