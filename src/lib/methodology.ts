/**
 * What the methodology card, the staleness note and the JSON-LD `Dataset` say, derived once
 * from the article's `methodology:` and `results:` frontmatter. Pure: the card component and
 * the JSON-LD builder only lay it out.
 */
import type { Methodology } from '../schemas/methodology.ts';
import type { ResultEntry } from '../schemas/results.ts';
import { site } from '../site.config.ts';
import { formatDate } from './dates.ts';
import { percent } from './results/render.ts';

export interface MethodologyFact {
  term: string;
  detail: string;
  /** A link for the detail (the harness). */
  href?: string;
  /** A command to show after the detail, as code. */
  command?: string;
}

const joinList = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });
const count = new Intl.NumberFormat('en');

/** "Node.js 24.21.0, d3-random 3.0.2 and d3-array 3.2.5". */
export function softwareList(methodology: Methodology): string | undefined {
  const software = methodology.software ?? [];
  return software.length ? joinList.format(software.map((s) => `${s.name} ${s.version}`)) : undefined;
}

/** "5 runs of 2,000 requests", "2,000 requests", "5 runs". */
export function sampleSize(methodology: Methodology): string {
  const { runs, requests } = methodology;
  const plural = (n: number, word: string) => `${count.format(n)} ${word}${n === 1 ? '' : 's'}`;
  if (runs !== undefined && requests !== undefined)
    return `${plural(runs, 'run')} of ${plural(requests, 'request')}`;
  return runs !== undefined ? plural(runs, 'run') : plural(requests!, 'request');
}

/** The card's rows, in the order a reader checks a measurement. */
export function methodologyFacts(
  methodology: Methodology,
  harnessHref: (script: string) => string,
): MethodologyFact[] {
  const facts: MethodologyFact[] = [{ term: 'Workload', detail: methodology.workload }];
  if (methodology.dataset) facts.push({ term: 'Dataset', detail: methodology.dataset });
  const { hardware } = methodology;
  if (hardware) {
    const parts = [
      hardware.accelerator && `accelerator: ${hardware.accelerator}`,
      hardware.cpu && `CPU: ${hardware.cpu}`,
      hardware.memory && `memory: ${hardware.memory}`,
      hardware.interconnect && `interconnect: ${hardware.interconnect}`,
    ].filter((p): p is string => Boolean(p));
    facts.push({ term: 'Hardware', detail: parts.join('; ') });
  }
  const software = softwareList(methodology);
  if (software) facts.push({ term: 'Software', detail: software });
  facts.push({ term: 'Warm-up', detail: methodology.warmup });
  facts.push({ term: 'Sample', detail: sampleSize(methodology) });
  facts.push({ term: 'Statistic', detail: methodology.statistic });
  facts.push({
    term: 'Interval',
    detail: `${percent(methodology.interval.level)} ${methodology.interval.method}`,
  });
  if (methodology.seeds) facts.push({ term: 'Seeds', detail: methodology.seeds.join(', ') });
  const { harness } = methodology;
  if ('script' in harness) {
    facts.push({
      term: 'Harness',
      detail: harness.script,
      href: harnessHref(harness.script),
      command: harness.command,
    });
  } else {
    facts.push({
      term: 'Harness',
      detail: `${harness.repository.replace(/^https:\/\//, '')} at ${harness.commit.slice(0, 12)}`,
      href: `${harness.repository.replace(/\/$/, '')}/tree/${harness.commit}`,
    });
  }
  facts.push({ term: 'Measured', detail: formatDate(methodology.measured) });
  return facts;
}

/**
 * The day the build treats as "today" for staleness. `SOURCE_DATE_EPOCH` (seconds, the
 * reproducible-builds convention) pins it, so two builds of one commit agree.
 */
export function buildDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) && env.SOURCE_DATE_EPOCH !== '' && epoch > 0
    ? new Date(epoch * 1000)
    : new Date();
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * "Measured on 14 October 2025 with Node.js 24.21.0 and d3-random 3.0.2." when the
 * measurements are older than the configured age, else undefined.
 */
export function stalenessNote(
  methodology: Methodology,
  today: Date = buildDate(),
  maxAgeDays: number = site.measurementsStaleAfterDays,
): string | undefined {
  const ageDays = Math.floor((today.getTime() - methodology.measured.getTime()) / DAY_MS);
  if (ageDays <= maxAgeDays) return undefined;
  const software = softwareList(methodology);
  const on = `Measured on ${formatDate(methodology.measured)}${software ? ` with ${software}` : ''}.`;
  return `${on} That is more than ${maxAgeDays === 365 ? 'a year' : `${maxAgeDays} days`} ago: newer hardware and software may give different numbers.`;
}

/** What a results entry measures, for `variableMeasured`: "Latency (ms)". */
export function variableName(entry: ResultEntry): string {
  const quantity = entry.quantity ?? entry.columns.estimate;
  return `${quantity.charAt(0).toUpperCase()}${quantity.slice(1)}${entry.unit === '1' ? '' : ` (${entry.unit})`}`;
}
