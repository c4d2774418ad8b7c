/**
 * Benchmark fixture generator: writes N realistic articles into a separate content root, so the
 * real `content/` is never touched. Deterministic: a seeded PRNG (no Math.random), fixed dates,
 * and article i depends only on (seed, i) — except its internal links, which point at other
 * articles of the same run.
 *
 *   node scripts/bench/generate.ts --count 1000 --out .bench/content-1000 [--check]
 *
 * Options:
 *   --count N           number of articles (required)
 *   --out DIR           content root to write (people/, articles/, newsletter/); recreated
 *   --seed S            PRNG seed (default 20261101)
 *   --format F          mdx (default: every article .mdx, like the real corpus) | md (every
 *                       article .md: no components, so no corrections and no benchmarks beat) |
 *                       mixed (articles that use a component are .mdx, the rest .md at 50 %)
 *   --math-share X      share of articles containing math, 0..1 (default 0.7)
 *   --people DIR        people to copy (default: the real content/people)
 *   --check             run the project's content lint (same schemas as the build) on the result
 *
 * Every article obeys content/FORMAT.md: valid frontmatter, every source cited, correction marks
 * matching the log on ~10 %, methodology and a results file on benchmark pieces (written as
 * <slug>/index.mdx with data/latency.csv), KaTeX-valid math, no braces or
 * "<" in prose, fenced code with a language, a GFM table and internal links.
 */
import { generateHistory } from './history.ts';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { site } from '../../src/site.config.ts';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export type FixtureFormat = 'mdx' | 'md' | 'mixed';

export interface GenerateOptions {
  count: number;
  out: string;
  seed?: number;
  format?: FixtureFormat;
  mathShare?: number;
  peopleDir?: string;
  /**
   * Figures (default true): every article becomes a folder with one or two generated PNG
   * figures as Markdown images, and architecture pieces carry a Mermaid diagram. Off gives
   * the single-file fixtures earlier measurements used.
   */
  figures?: boolean;
}

export interface GenerateResult {
  out: string;
  articles: number;
  mdx: number;
  md: number;
  withMath: number;
  withCorrections: number;
  /** Articles with an earlier published version in the fixture's git history. */
  revised: number;
  benchmarks: number;
  newsletterIssues: number;
  words: number;
  bytes: number;
  images: number;
  diagrams: number;
}

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REAL_CONTENT = resolve(REPO_ROOT, 'content');
const MARKER = '.bench-fixture.json';
const DEFAULT_SEED = 20261101;
const DAY_MS = 86_400_000;
/** First possible publication day; all dates derive from it (no clock involved). */
const EPOCH = Date.UTC(2023, 5, 1);

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** splitmix32: mixes (seed, index) into an independent stream seed. */
function mix(a: number, b: number): number {
  let z = (a ^ Math.imul(b + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0f7b5) >>> 0;
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97) >>> 0;
  return (z ^ (z >>> 15)) >>> 0;
}

/** mulberry32: small, fast, good enough for fixtures. */
class Rng {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Zipf-like: earlier items are more likely. */
  pickSkewed<T>(items: readonly T[]): T {
    const u = this.next();
    return items[Math.min(items.length - 1, Math.floor(items.length * u * u))]!;
  }
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < n && copy.length > 0)
      out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]!);
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. Fictional organisations (".example" domains) so no claim is pinned on a real one.

const ORGS = [
  'Northwind Freight',
  'Helio Pay',
  'Larkspur Health',
  'Quanta Retail',
  'Tessellate Maps',
  'Brightline Media',
  'Orca Mobility',
  'Fenwick Insurance',
  'Juniper Travel',
  'Kestrel Ads',
  'Marlow Bank',
  'Pinecrest Foods',
  'Sable Games',
  'Vireo Music',
  'Zephyr Logistics',
  'Aurora Search',
];
const SYSTEMS = [
  'feature store',
  'embedding index',
  'ranking service',
  'model registry',
  'batch inference pipeline',
  'streaming feature pipeline',
  'GPU inference fleet',
  'retraining scheduler',
  'vector search tier',
  'online experiment platform',
  'label pipeline',
  'drift monitor',
  'shadow deployment harness',
  'KV cache layer',
  'training data lake',
  'model gateway',
];
const COMPONENTS = [
  'the request router',
  'the feature cache',
  'the offline store',
  'the online store',
  'the scheduler',
  'the autoscaler',
  'the batcher',
  'the tokenizer service',
  'the embedding table',
  'the ANN index',
  'the label joiner',
  'the monitoring agent',
  'the canary controller',
  'the queue consumer',
  'the checkpoint writer',
  'the parameter server',
];
const METRICS = [
  'p99 latency',
  'p50 latency',
  'throughput',
  'cost per thousand requests',
  'GPU utilisation',
  'recall at ten',
  'calibration error',
  'training time',
  'feature freshness',
  'error budget burn',
  'cache hit rate',
  'memory per replica',
  'time to recovery',
  'AUC',
];
const TECH = [
  'Kafka',
  'Flink',
  'Spark',
  'Redis',
  'Cassandra',
  'Kubernetes',
  'Ray',
  'Triton',
  'vLLM',
  'PyTorch',
  'ONNX Runtime',
  'Postgres',
  'DuckDB',
  'Parquet',
  'Arrow',
  'Airflow',
  'Feast',
  'FAISS',
  'ScaNN',
  'gRPC',
];
const VERBS = [
  'rebuilt',
  'split',
  'replaced',
  'sharded',
  'cached',
  'moved',
  'retired',
  'instrumented',
  'rewrote',
  'simplified',
];
const ADJ = [
  'stale',
  'skewed',
  'bursty',
  'underused',
  'overloaded',
  'brittle',
  'opaque',
  'redundant',
  'noisy',
  'costly',
];
const TITLE_TEMPLATES: ((r: Rng, org: string, system: string) => string)[] = [
  (r, org, system) => `How ${org} ${r.pick(VERBS)} its ${system}`,
  (r, org, system) => `What ${org} learned from ${a(r.pick(ADJ))} ${system}`,
  (_r, org, system) => `Inside the ${system} at ${org}`,
  (r, org, system) => `${org} and the cost of ${a(r.pick(ADJ))} ${system}`,
  (r, org, system) => `Why ${org} ${r.pick(VERBS)} its ${system} twice`,
  (r, org, system) => `Measuring the ${system} at ${org}: ${r.pick(METRICS)} under load`,
];
const TAGS = [
  'feature-stores',
  'serving',
  'monitoring',
  'embeddings',
  'recommendation',
  'real-time',
  'gpu',
  'inference',
  'training',
  'data-quality',
  'drift',
  'cost',
  'latency',
  'caching',
  'vector-search',
  'llm',
  'batching',
  'kubernetes',
  'streaming',
  'labels',
  'experimentation',
  'incident-response',
  'deployment',
  'forecasting',
  'ranking',
  'quantization',
  'observability',
  'capacity-planning',
  'feature-selection',
  'reproducibility',
  'privacy',
  'evaluation',
  'scheduling',
  'storage',
  'retrieval',
  'fine-tuning',
  'canaries',
  'rollbacks',
  'sharding',
  'compilers',
  'distillation',
  'autoscaling',
  'queues',
  'checkpoints',
  'data-lineage',
  'governance',
  'benchmarks',
  'postmortems',
];
const SOURCE_KINDS = [
  'paper',
  'talk',
  'blog',
  'docs',
  'benchmark',
  'dataset',
  'measurement',
  'interview',
] as const;
const PUBLISHERS = [
  'Engineering blog',
  'arXiv',
  'USENIX OSDI',
  'MLSys',
  'ACM RecSys',
  'VLDB',
  'KDD',
  'QCon',
  'SREcon',
  'project documentation',
];

/** KaTeX-valid, strict-clean expressions (the --check option and the content lint verify them). */
const INLINE_MATH = [
  'p_{99}',
  'O(n \\log n)',
  '\\lambda = 0.3',
  '\\mathbb{E}[L]',
  '\\sigma^2',
  'k \\ll n',
  '\\hat{y}',
  '\\alpha \\in [0, 1]',
  '\\sqrt{n}',
  '\\Delta t',
  'd = 768',
  '\\epsilon',
  'n/m',
  '1 - e^{-n/m}',
  '\\mathrm{KL}(P \\parallel Q)',
  'B \\times T',
  '\\eta = 10^{-4}',
  'x_t',
];
const DISPLAY_MATH = [
  'J(f) = I(f; y) - \\frac{1}{|S|} \\sum_{s \\in S} I(f; s)',
  'P(\\text{collision}) = 1 - \\left(1 - \\frac{1}{m}\\right)^{n-1} \\approx 1 - e^{-n/m}',
  'L = \\lambda W',
  '\\text{throughput} = \\frac{B}{t_{\\text{prefill}} + B \\, t_{\\text{decode}}}',
  '\\mathrm{PSI} = \\sum_{i=1}^{k} (a_i - e_i) \\ln \\frac{a_i}{e_i}',
  '\\hat{\\sigma}^2 = \\frac{1}{n-1} \\sum_{i=1}^{n} (x_i - \\bar{x})^2',
  '\\mathrm{CI}_{95} = \\bar{x} \\pm 1.96 \\frac{s}{\\sqrt{n}}',
  '\\mathcal{L}(\\theta) = -\\frac{1}{N} \\sum_{i=1}^{N} \\left[ y_i \\log \\hat{y}_i + (1 - y_i) \\log (1 - \\hat{y}_i) \\right]',
  '\\text{memory}_{\\text{KV}} = 2 \\cdot L \\cdot H \\cdot d_{h} \\cdot T \\cdot b',
  '\\begin{aligned} \\text{cost} &= \\text{GPU hours} \\times \\text{price} \\\\ &= 512 \\times 2.48 \\end{aligned}',
  '\\mathrm{recall}_k = \\frac{|R_k \\cap G|}{|G|}',
  'w_{t+1} = w_t - \\eta \\nabla_w \\mathcal{L}(w_t)',
];

const CODE_BLOCKS: ((r: Rng) => { lang: string; code: string })[] = [
  (r) => ({
    lang: 'python',
    code: `def batch_requests(queue, max_batch=${r.pick([8, 16, 32, 64])}, max_wait_ms=${r.int(2, 20)}):
    """Collect requests until the batch is full or the deadline passes."""
    batch, deadline = [], now_ms() + max_wait_ms
    while len(batch) < max_batch and now_ms() < deadline:
        item = queue.get(timeout=deadline - now_ms())
        if item is not None:
            batch.append(item)
    return {"size": len(batch), "items": batch}`,
  }),
  (r) => ({
    lang: 'yaml',
    code: `feature_view:
  name: user_activity_${r.int(1, 9)}d
  entities: [user_id]
  ttl: ${r.int(1, 72)}h
  online: true
  source:
    kind: stream
    topic: events.user_activity
    watermark: ${r.int(1, 30)}m`,
  }),
  (r) => ({
    lang: 'sql',
    code: `SELECT model_version,
       approx_percentile(latency_ms, 0.99) AS p99_ms,
       count(*) AS requests
FROM inference_log
WHERE ts >= now() - INTERVAL '${r.int(1, 14)}' DAY
GROUP BY model_version
ORDER BY p99_ms DESC
LIMIT ${r.int(5, 50)};`,
  }),
  (r) => ({
    lang: 'bash',
    code: `kubectl -n serving rollout status deploy/ranker-v${r.int(2, 9)} --timeout=${r.int(60, 600)}s
kubectl -n serving get pods -l app=ranker -o jsonpath='{.items[*].status.phase}'
curl -s http://ranker.internal/metrics | grep -E '^request_latency_seconds'`,
  }),
  (r) => ({
    lang: 'json',
    code: `{
  "max_num_seqs": ${r.pick([64, 128, 256])},
  "gpu_memory_utilization": 0.${r.int(80, 95)},
  "enable_prefix_caching": true,
  "scheduler": { "policy": "fcfs", "max_wait_ms": ${r.int(5, 50)} }
}`,
  }),
  (r) => ({
    lang: 'go',
    code: `func (c *Cache) Get(key string) ([]float32, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	entry, ok := c.items[key]
	if !ok || time.Since(entry.at) > ${r.int(1, 60)}*time.Second {
		return nil, false
	}
	return entry.vector, true
}`,
  }),
];

// ---------------------------------------------------------------------------------------------
// Prose

interface ArticleContext {
  r: Rng;
  org: string;
  system: string;
  tech: string[];
}

const SENTENCES: ((c: ArticleContext) => string)[] = [
  ({ r, org, system }) =>
    `${org} runs its ${system} on a fleet of roughly ${r.int(12, 480)} machines spread over ${r.int(2, 6)} regions.`,
  ({ r, system }) =>
    `The ${system} answers about ${r.int(2, 90)} thousand requests per second at peak, and the traffic is ${r.pick(ADJ)} enough that averages hide most of what matters.`,
  ({ r, tech }) =>
    `Most of the moving parts are ordinary: ${tech[0]} for transport, ${tech[1]} for state and ${tech[2]} for the heavy lifting, glued together by about ${r.int(3, 40)} thousand lines of internal code.`,
  ({ r }) =>
    `The team measured ${r.pick(METRICS)} before and after the change, and the difference was larger than the run-to-run noise on every day of the comparison.`,
  ({ r }) =>
    `${capitalise(r.pick(COMPONENTS))} turned out to be the bottleneck, which nobody had suspected because its dashboards looked healthy.`,
  ({ r }) =>
    `When ${r.pick(COMPONENTS)} falls behind, requests queue upstream and the ${r.pick(METRICS)} degrades long before any alert fires.`,
  ({ r }) =>
    `Engineers we spoke to described the old design as ${r.pick(ADJ)} rather than broken: it worked, but each fix made the next one harder.`,
  ({ r }) =>
    `A rollout of this kind usually starts with ${r.int(1, 5)} percent of traffic, and the published timeline suggests the team held that step for about ${r.int(2, 21)} days.`,
  ({ system }) =>
    `Nothing about the ${system} is exotic, which is precisely why its failure modes are worth studying: most readers run something similar.`,
  ({ r }) =>
    `The reported gain was ${r.int(8, 61)} percent on ${r.pick(METRICS)}, measured over ${r.int(3, 30)} days of production traffic.`,
  ({ r }) =>
    `That number deserves some caution, because the comparison window overlapped with a seasonal dip of roughly ${r.int(3, 15)} percent.`,
  ({ r, tech }) =>
    `Replacing ${tech[1]} with ${r.pick(TECH)} was considered and rejected; the migration cost outweighed a saving the team estimated at ${r.int(5, 25)} percent.`,
  ({ r }) =>
    `The on-call rotation absorbed about ${r.int(2, 14)} pages a week during the transition, most of them from ${r.pick(COMPONENTS)}.`,
  ({ r }) =>
    `In practice the limiting resource was memory bandwidth, not compute, and the profile showed ${r.pick(COMPONENTS)} spending most of its time waiting.`,
  ({ r }) =>
    `Capacity planning moved from a quarterly spreadsheet to a weekly job that replays ${r.int(2, 7)} days of traffic against a candidate configuration.`,
  ({ r }) =>
    `The retraining cadence went from monthly to every ${r.int(2, 10)} days once label delay stopped being the constraint.`,
  ({ r }) =>
    `A design review flagged ${r.pick(COMPONENTS)} as a single point of failure, and the fix was a second replica rather than a redesign.`,
  ({ r }) =>
    `Offline evaluation and online results disagreed by ${r.int(1, 9)} points, a gap the team traced to training data that was ${r.pick(ADJ)} in ways the metrics did not show.`,
  ({ r }) =>
    `The lesson the authors draw is modest: measure ${r.pick(METRICS)} at the tail, per tenant, and before the change ships.`,
  ({ org }) =>
    `${org} has not published its raw measurements, so the figures here come from the talk slides and from two engineers who worked on the project.`,
  ({ r }) =>
    `We reproduced the shape of the result on a smaller setup with ${r.int(2, 16)} GPUs, though not the absolute numbers.`,
  ({ r }) =>
    `Feature freshness mattered more than model size: a model fed ${r.int(2, 30)}-minute-old features beat a larger one fed day-old features.`,
  ({ r }) =>
    `Cost fell by about ${r.int(10, 45)} percent, mostly because idle replicas were no longer pinned to expensive instance types.`,
  ({ r }) =>
    `Each shard holds around ${r.int(2, 64)} million vectors, and rebuilding one takes ${r.int(5, 90)} minutes on the current hardware.`,
  ({ r }) =>
    `Rollbacks became routine rather than dramatic once every model version carried its own feature schema and ${r.pick(['evaluation report', 'lineage record', 'owner', 'canary verdict'])}.`,
  ({ r }) =>
    `None of this required new research; it required someone to own ${r.pick(COMPONENTS)} end to end.`,
];

const HEADINGS = [
  'The starting point',
  'Where the time went',
  'What changed',
  'The numbers',
  'What did not work',
  'Operating it',
  'The trade-offs',
  'What we would ask next',
  'How it fails',
  'The data path',
  'Cost',
  'The rollout',
  'Why it matters',
  'Open questions',
];

/** "a stale …" / "an opaque …". */
function a(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function wordsIn(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function paragraph(c: ArticleContext, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(c.r.pick(SENTENCES)(c));
  return out.join(' ');
}

/** Appends a citation before the final full stop of a paragraph's sentence. */
function cite(text: string, citation: string): string {
  return text.endsWith('.') ? `${text.slice(0, -1)} ${citation}.` : `${text} ${citation}`;
}

// ---------------------------------------------------------------------------------------------
// Articles

const BEATS = ['architecture', 'benchmarks', 'mlops', 'postmortems'] as const;

interface Person {
  id: string;
  role: string;
}

interface PlannedArticle {
  index: number;
  slug: string;
  ext: 'md' | 'mdx';
  text: string;
  words: number;
  hasMath: boolean;
  corrections: number;
  beat: string;
  title: string;
  published: number;
  /** Generated figure files (name → seed), written beside the article when figures are on. */
  figures: { name: string; seed: number }[];
  hasDiagram: boolean;
  /** Files beside the article (results data): the article is then written as <slug>/index.<ext>. */
  files?: Record<string, string>;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function yamlString(value: string): string {
  return JSON.stringify(value);
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Article i's identity (slug, title, org…) depends only on the seed and i. */
function identity(seed: number, index: number) {
  const r = new Rng(mix(seed, index));
  const org = r.pick(ORGS);
  const system = r.pick(SYSTEMS);
  const title = r.pick(TITLE_TEMPLATES)(r, org, system);
  const slug = `${slugify(title).split('-').slice(0, 6).join('-')}-${String(index).padStart(5, '0')}`;
  return { r, org, system, title, slug };
}

/**
 * A deterministic 1200×675 bar chart as PNG (an SVG drawn by sharp): the size of a typical
 * article figure, with enough detail that the encoders have real work to do.
 */
async function chartPng(seed: number): Promise<Buffer> {
  const r = new Rng(seed);
  const bars = r.int(8, 16);
  const width = 1200;
  const height = 675;
  const step = (width - 120) / bars;
  const rects = Array.from({ length: bars }, (_, i) => {
    const h = r.int(60, 560);
    const hue = r.int(0, 359);
    return `<rect x="${80 + i * step}" y="${620 - h}" width="${step * 0.7}" height="${h}" fill="hsl(${hue},55%,50%)"/><text x="${80 + i * step}" y="650" font-size="18" font-family="sans-serif">c${i + 1}</text>`;
  }).join('');
  const grid = Array.from(
    { length: 6 },
    (_, i) => `<line x1="70" x2="1180" y1="${620 - i * 100}" y2="${620 - i * 100}" stroke="#ccc"/>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fdfcf9"/>${grid}${rects}<text x="80" y="40" font-size="26" font-family="sans-serif">p99 latency by configuration (seed ${seed})</text></svg>`;
  const { default: sharp } = await import('sharp');
  return sharp(Buffer.from(svg)).png().toBuffer();
}

function planArticle(
  seed: number,
  index: number,
  count: number,
  people: Person[],
  options: Required<Pick<GenerateOptions, 'format' | 'mathShare' | 'figures'>>,
): PlannedArticle {
  const { r, org, system, title, slug } = identity(seed, index);
  const tech = r.sample(TECH, 3);
  const c: ArticleContext = { r, org, system, tech };
  const componentsAllowed = options.format !== 'md';

  let beat: (typeof BEATS)[number] = r.pick(BEATS);
  if (beat === 'benchmarks' && !componentsAllowed) beat = 'architecture';
  const hasMath = r.chance(options.mathShare);
  const correctionCount = componentsAllowed && r.chance(0.1) ? (r.chance(0.2) ? 2 : 1) : 0;
  const hasAside = componentsAllowed && r.chance(0.15);
  const usesComponents = beat === 'benchmarks' || correctionCount > 0 || hasAside;
  const ext: 'md' | 'mdx' =
    options.format === 'md'
      ? 'md'
      : options.format === 'mdx' || usesComponents
        ? 'mdx'
        : r.chance(0.5)
          ? 'mdx'
          : 'md';

  // People: 15 % co-authored; the reviewer is never an author, preferably a reviewer or editor.
  const authors = r.sample(people, r.chance(0.15) && people.length > 2 ? 2 : 1);
  const candidates = people.filter((p) => !authors.includes(p));
  const preferred = candidates.filter((p) =>
    ['technical-reviewer', 'deputy-editor', 'editor-in-chief'].includes(p.role),
  );
  const reviewer = r.pick(preferred.length > 0 && r.chance(0.8) ? preferred : candidates);

  const published = EPOCH + r.int(0, 1250) * DAY_MS;
  const correctionDays: number[] = [];
  for (let i = 0; i < correctionCount; i++) {
    let day = published + r.int(2, 120) * DAY_MS;
    while (correctionDays.includes(day)) day += DAY_MS;
    correctionDays.push(day);
  }
  correctionDays.sort((a, b) => a - b);
  const updated =
    correctionDays.length > 0
      ? correctionDays.at(-1)!
      : r.chance(0.2)
        ? published + r.int(1, 90) * DAY_MS
        : undefined;
  const tags = [...new Set(Array.from({ length: r.int(1, 4) }, () => r.pickSkewed(TAGS)))];

  // Sources: 3–6, each cited at least once in the body.
  const sourceCount = r.int(3, 6);
  const sources = Array.from({ length: sourceCount }, (_, i) => {
    const kind = r.pick(SOURCE_KINDS);
    const year = 2015 + r.int(0, 9);
    const id = `${slugify(org).split('-')[0]}-${kind}-${year}-${i + 1}`;
    return {
      id,
      title: `${capitalise(r.pick(ADJ))} ${r.pick(SYSTEMS)}s in production: notes on ${r.pick(METRICS)}`,
      url: r.chance(0.9)
        ? `https://${slugify(org)}.example/${kind}s/${year}/${slugify(r.pick(SYSTEMS))}-${i + 1}`
        : undefined,
      publisher: r.chance(0.8) ? r.pick(PUBLISHERS) : undefined,
      date: r.chance(0.6)
        ? `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`
        : undefined,
      kind,
    };
  });

  // Frontmatter
  const fm: string[] = ['---', `title: ${yamlString(title)}`];
  fm.push(
    `description: ${yamlString(`${paragraph(c, 1)} We reconstruct how the ${system} at ${org} works and what it costs to run.`)}`,
  );
  fm.push(`beat: ${beat}`);
  fm.push(
    authors.length === 1 ? `author: ${authors[0]!.id}` : `author: [${authors.map((a) => a.id).join(', ')}]`,
  );
  fm.push(`reviewer: ${reviewer.id}`, `published: ${isoDay(published)}`);
  if (updated !== undefined) fm.push(`updated: ${isoDay(updated)}`);
  fm.push(`tags: [${tags.join(', ')}]`);
  if (r.chance(0.05))
    fm.push(
      `disclosure: ${yamlString(`One of the authors consulted for ${org} on an unrelated project until ${2019 + r.int(0, 4)}.`)}`,
    );
  fm.push('sources:');
  for (const s of sources) {
    fm.push(`  - id: ${s.id}`, `    title: ${yamlString(s.title)}`);
    if (s.url) fm.push(`    url: ${s.url}`);
    // Derived without drawing random numbers, so the rest of the fixture stays as it was:
    // every web source archived (no lint warnings), papers with a DOI under the test prefix.
    if (s.url)
      fm.push(
        `    archived: https://web.archive.org/web/${/-(\d{4})-\d+$/.exec(s.id)![1]}0101000000/${s.url}`,
      );
    if (s.kind === 'paper') fm.push(`    doi: 10.5555/${s.id}`);
    if (s.publisher) fm.push(`    publisher: ${yamlString(s.publisher)}`);
    if (s.date) fm.push(`    date: ${s.date}`);
    fm.push(`    kind: ${s.kind}`);
  }
  if (correctionDays.length > 0) {
    fm.push('corrections:');
    for (const day of correctionDays) {
      fm.push(
        `  - date: ${isoDay(day)}`,
        `    summary: ${yamlString(`An earlier version misstated the ${r.pick(METRICS)} of ${r.pick(COMPONENTS)}; the figure is now ${r.int(2, 99)} percent.`)}`,
      );
    }
  }
  // Benchmarks carry their methodology as data and publish a results file beside the article.
  const files: Record<string, string> = {};
  if (beat === 'benchmarks') {
    const runs = r.int(5, 60);
    fm.push(
      'methodology:',
      `  workload: ${yamlString(`The ${system} at ${org} under a replayed production load`)}`,
      `  hardware: { accelerator: ${yamlString(`${r.int(1, 8)}× GPU`)}, cpu: "${r.int(16, 128)}-core x86" }`,
      `  software: [{ name: ${r.pick(TECH)}, version: "${r.int(1, 4)}.${r.int(0, 20)}.${r.int(0, 9)}" }]`,
      '  warmup: "The first 1,000 requests of each run were discarded"',
      `  runs: ${runs}`,
      `  requests: ${r.int(1, 50) * 1000}`,
      '  statistic: "p50 and p99 latency per configuration"',
      '  interval: { method: "percentile bootstrap over runs", level: 0.95 }',
      `  harness: { repository: "https://${slugify(org)}.example/bench", commit: "${mix(seed, index).toString(16).padStart(8, '0').repeat(5)}" }`,
      `  measured: ${isoDay(published - r.int(3, 30) * DAY_MS)}`,
      'results:',
      '  - id: fig-latency',
      '    file: data/latency.csv',
      `    caption: ${yamlString(`Latency of each configuration of the ${system}, with 95 percent intervals over ${runs} runs.`)}`,
      '    quantity: latency',
      '    unit: ms',
      '    columns: { label: configuration, estimate: p50, lower: low, upper: high, n: runs }',
      '    level: 0.95',
    );
    const rows = ['configuration,p50,low,high,runs'];
    for (let i = 0, n = r.int(3, 6); i < n; i++) {
      const p50 = r.int(30, 800) / 10;
      const spread = r.int(2, 40) / 10;
      rows.push(
        `${capitalise(r.pick(['baseline', 'batched', 'cached', 'sharded', 'quantised']))} ${i + 1},${p50.toFixed(1)},${(p50 - spread).toFixed(1)},${(p50 + spread).toFixed(1)},${runs}`,
      );
    }
    files['data/latency.csv'] = `${rows.join('\n')}\n`;
  }
  fm.push('---', '');

  // Body: intro, 4–6 sections; math, code, table, links, components spread through them.
  const blocks: string[] = [];
  let words = 0;
  const push = (block: string, counts = true) => {
    blocks.push(block);
    if (counts) words += wordsIn(block);
  };
  const pendingCitations = sources.map((s) => s.id);
  const nextCitation = (): string => {
    if (pendingCitations.length > 1 && r.chance(0.15))
      return `[@${pendingCitations.shift()!}; @${pendingCitations.shift()!}]`;
    const id = pendingCitations.shift() ?? r.pick(sources).id;
    return r.chance(0.1) ? `[@${id}, p. ${r.int(2, 40)}]` : `[@${id}]`;
  };
  const otherArticle = () => {
    if (count < 2) return undefined;
    let j = r.int(0, count - 2);
    if (j >= index) j += 1;
    return identity(seed, j);
  };
  const linkSentences: string[] = [];
  for (let i = 0, n = r.int(3, 5); i < n; i++) {
    const kind = r.int(0, 2);
    const other = otherArticle();
    if (kind === 0 && other)
      linkSentences.push(
        `We covered a related case in [${other.title.toLowerCase()}](/articles/${other.slug}/).`,
      );
    else if (kind === 1)
      linkSentences.push(`More pieces like this one are collected on [the ${beat} beat](/beats/${beat}/).`);
    else
      linkSentences.push(`Other articles tagged [${tags[0]!}](/tags/${tags[0]!}/) take up the same theme.`);
  }
  const inlineMath = () => `$${r.pick(INLINE_MATH)}$`;

  push(cite(paragraph(c, 4), nextCitation()));
  // Post-mortems carry the sections their beat's contract requires (site.config.ts).
  const postmortemHeadings = site.postmortemSections.map((section) => section.heading);
  const sectionCount = beat === 'postmortems' ? postmortemHeadings.length : r.int(4, 6);
  const headings = beat === 'postmortems' ? postmortemHeadings : r.sample(HEADINGS, sectionCount);
  const mathSection = r.int(1, sectionCount - 1);
  const codeSection = r.int(0, sectionCount - 1);
  const tableSection = r.int(0, sectionCount - 1);
  const componentSection = r.int(0, sectionCount - 1);
  // Drawn from their own stream, so fixtures without figures stay what they were.
  const f = new Rng(mix(seed ^ 0xf16, index));
  const figureSections = [f.int(0, sectionCount - 1), f.int(0, sectionCount - 1)];
  const figures = options.figures
    ? Array.from({ length: f.int(1, 2) }, (_, k) => ({
        name: `figure-${k + 1}.png`,
        seed: mix(seed, index * 7 + k),
      }))
    : [];
  const hasDiagram = options.figures && beat === 'architecture';
  const correctionSections = correctionDays.map(() => r.int(0, sectionCount - 1));
  for (let s = 0; s < sectionCount; s++) {
    push(`## ${headings[s]!}`);
    for (let p = 0; p < 2; p++) {
      let text = paragraph(c, r.int(3, 5));
      if (pendingCitations.length > 0 || r.chance(0.4)) text = cite(text, nextCitation());
      if (hasMath && s === mathSection && p === 0) {
        text += ` With ${inlineMath()} fixed, the relevant quantity is ${inlineMath()}, which the team tracked per shard.`;
      }
      if (linkSentences.length > 0 && r.chance(0.35)) text += ` ${linkSentences.shift()!}`;
      correctionSections.forEach((section, k) => {
        if (section === s && p === 0) {
          text += ` At the time of the incident the fleet ran <Correction date="${isoDay(correctionDays[k]!)}">about ${r.int(20, 400)} replicas across ${r.int(2, 6)} zones</Correction>, a figure the team later confirmed.`;
        }
      });
      push(text);
    }
    if (hasMath && s === mathSection) {
      push(['$$', r.pick(DISPLAY_MATH), '$$'].join('\n'), false);
      push(
        `Here the terms follow the notation of the original write-up, and ${inlineMath()} stays small in practice.`,
      );
      if (r.chance(0.5)) push(['$$', r.pick(DISPLAY_MATH), '$$'].join('\n'), false);
    }
    if (s === codeSection) {
      const { lang, code } = r.pick(CODE_BLOCKS)(r);
      push(`The relevant configuration is short enough to quote in full.`);
      push(`\`\`\`${lang}\n${code}\n\`\`\``, false);
    }
    if (options.figures && s === figureSections[0]) {
      figures.forEach((figure, k) => {
        push(
          `![Chart ${k + 1} of ${org}'s ${system}: request latency by configuration over ${r.int(6, 30)} days.](./${figure.name})`,
          false,
        );
      });
    }
    if (hasDiagram && s === figureSections[1]) {
      const stages = r.sample(
        ['Gateway', 'Feature cache', 'Ranker', 'Model server', 'Feature store', 'Event log', 'Trainer'],
        4,
      );
      push(
        [
          '```mermaid',
          `accTitle: How requests flow through ${org}'s ${system}`,
          'flowchart LR',
          ...stages.slice(1).map((stage, k) => `  S${k}[${stages[k]}] --> S${k + 1}[${stage}]`),
          '```',
        ].join('\n'),
        false,
      );
    }
    if (s === tableSection) {
      const rows = r.int(3, 5);
      const table = [
        '| Configuration | p50 (ms) | p99 (ms) | Cost per 1k requests |',
        '| --- | ---: | ---: | ---: |',
      ];
      for (let i = 0; i < rows; i++) {
        const p50 = r.int(3, 80);
        table.push(
          `| ${capitalise(r.pick(ADJ))} ${r.pick(['baseline', 'batched', 'cached', 'sharded', 'quantised'])} ${i + 1} | ${p50} | ${p50 * r.int(2, 9)} | ${(r.int(1, 900) / 100).toFixed(2)} USD |`,
        );
      }
      push(table.join('\n'), false);
    }
    if (s === componentSection && beat === 'benchmarks') {
      push('<Results id="fig-latency" />', false);
      push(`${paragraph(c, 2)} [@fig-latency] shows each configuration with its interval.`);
    }
    if (s === componentSection && hasAside) {
      push(`<Aside label="${r.pick(['Note', 'Context', 'Caveat'])}">\n${paragraph(c, 2)}\n</Aside>`);
    }
  }
  // Whatever is left: the remaining citations and links, then pad to ~1,200 words.
  while (pendingCitations.length > 0) push(cite(paragraph(c, 3), nextCitation()));
  if (linkSentences.length > 0) push(linkSentences.join(' '));
  const target = r.int(1150, 1250);
  if (words < target) {
    push('## What we would ask next');
    while (words < target)
      push(cite(paragraph(c, Math.min(6, Math.max(2, Math.ceil((target - words) / 22)))), nextCitation()));
  }

  return {
    index,
    slug,
    ext,
    text: `${fm.join('\n')}\n${blocks.join('\n\n')}\n`,
    words,
    hasMath,
    corrections: correctionDays.length,
    beat,
    title,
    published,
    figures,
    hasDiagram,
    ...(Object.keys(files).length > 0 ? { files } : {}),
  };
}

function newsletterIssue(seed: number, number: number, articles: PlannedArticle[]): string {
  const r = new Rng(mix(seed ^ 0x5eed, number));
  const date = EPOCH + (number - 1) * 7 * DAY_MS + 3 * DAY_MS;
  const picks = r.sample(articles, Math.min(articles.length, r.int(3, 5)));
  const lines = [
    '---',
    `number: ${number}`,
    `title: ${yamlString(`${capitalise(r.pick(ADJ))} pipelines and ${r.pick(SYSTEMS)}s`)}`,
    `date: ${isoDay(date)}`,
    `summary: ${yamlString(`This week: ${picks.length} pieces on ${r.pick(METRICS)}, ${r.pick(SYSTEMS)}s and what breaks at scale.`)}`,
    '---',
    '',
    'Welcome back. Here is what we published and what we are reading.',
    '',
    ...picks.flatMap((a) => [
      `- [${a.title}](/articles/${a.slug}/): ${paragraph({ r, org: r.pick(ORGS), system: r.pick(SYSTEMS), tech: r.sample(TECH, 3) }, 1)}`,
    ]),
    '',
    'Replies go straight to the editors; we read every one.',
    '',
  ];
  return lines.join('\n');
}

async function readPeople(dir: string): Promise<{ people: Person[]; files: string[] }> {
  const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  const people: Person[] = [];
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8');
    const role = /^role:\s*([a-z-]+)/m.exec(text)?.[1] ?? 'staff-writer';
    people.push({ id: file.replace(/\.ya?ml$/, ''), role });
  }
  if (people.length < 2)
    throw new Error(`${dir}: need at least two people (an author and a different reviewer)`);
  return { people, files };
}

async function prepareOut(out: string): Promise<void> {
  if (resolve(out) === REAL_CONTENT || REAL_CONTENT.startsWith(`${resolve(out)}/`)) {
    throw new Error(`refusing to write fixtures into ${out}: that is (or contains) the real content root`);
  }
  const existing = await readdir(out).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing && existing.length > 0 && !existing.includes(MARKER)) {
    throw new Error(
      `refusing to overwrite ${out}: it is not empty and was not written by this generator (no ${MARKER})`,
    );
  }
  for (const dir of ['people', 'articles', 'newsletter'])
    await rm(join(out, dir), { recursive: true, force: true });
  await mkdir(out, { recursive: true });
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const seed = options.seed ?? DEFAULT_SEED;
  const format = options.format ?? 'mdx';
  const mathShare = options.mathShare ?? 0.7;
  const figures = options.figures ?? true;
  const peopleDir = options.peopleDir ?? join(REAL_CONTENT, 'people');
  if (!Number.isInteger(options.count) || options.count < 1)
    throw new Error(`--count must be a positive integer, got ${options.count}`);
  const out = resolve(options.out);
  await prepareOut(out);

  const { people, files } = await readPeople(peopleDir);
  await mkdir(join(out, 'people'));
  for (const file of files) await copyFile(join(peopleDir, file), join(out, 'people', file));

  await mkdir(join(out, 'articles'));
  const planned: PlannedArticle[] = [];
  let bytes = 0;
  for (let i = 0; i < options.count; i++) {
    const article = planArticle(seed, i, options.count, people, { format, mathShare, figures });
    if (figures || article.files) {
      const folder = join(out, 'articles', article.slug);
      await mkdir(join(folder, 'data'), { recursive: true });
      await writeFile(join(folder, `index.${article.ext}`), article.text);
      if (figures)
        for (const figure of article.figures)
          await writeFile(join(folder, figure.name), await chartPng(figure.seed));
      for (const [file, text] of Object.entries(article.files ?? {}))
        await writeFile(join(folder, file), text);
    } else {
      await writeFile(join(out, 'articles', `${article.slug}.${article.ext}`), article.text);
    }
    bytes += Buffer.byteLength(article.text);
    planned.push({ ...article, text: '', files: {} });
  }

  await mkdir(join(out, 'newsletter'));
  const issues = Math.min(52, Math.max(3, Math.ceil(options.count / 100)));
  for (let n = 1; n <= issues; n++)
    await writeFile(join(out, 'newsletter', `${n}.md`), newsletterIssue(seed, n, planned));

  // History pages read the repository: give the fixtures one (after the marker check above).
  const history = await generateHistory(out);

  const result: GenerateResult = {
    out,
    revised: history.revised,
    articles: planned.length,
    mdx: planned.filter((a) => a.ext === 'mdx').length,
    md: planned.filter((a) => a.ext === 'md').length,
    withMath: planned.filter((a) => a.hasMath).length,
    withCorrections: planned.filter((a) => a.corrections > 0).length,
    benchmarks: planned.filter((a) => a.beat === 'benchmarks').length,
    newsletterIssues: issues,
    words: Math.round(planned.reduce((sum, a) => sum + a.words, 0) / Math.max(1, planned.length)),
    bytes,
    images: planned.reduce((sum, a) => sum + a.figures.length, 0),
    diagrams: planned.filter((a) => a.hasDiagram).length,
  };
  await writeFile(
    join(out, MARKER),
    `${JSON.stringify({ generator: 'scripts/bench/generate.ts', seed, format, mathShare, figures, count: options.count }, null, 2)}\n`,
  );
  return result;
}

/** Runs the project's content lint (the same schemas and rules the build's content gate uses). */
export async function check(out: string): Promise<boolean> {
  const { lintContent, errorsIn, formatReport } = await import('../../src/lib/content-lint/index.ts');
  const { problems, articleCount } = await lintContent(resolve(out));
  if (problems.length > 0) console.log(formatReport(problems.slice(0, 50)));
  console.log(
    `check: ${articleCount} articles, ${errorsIn(problems).length} errors, ${problems.length - errorsIn(problems).length} warnings`,
  );
  return problems.length === 0;
}

async function main() {
  const { values } = parseArgs({
    options: {
      count: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      format: { type: 'string', default: 'mdx' },
      'math-share': { type: 'string', default: '0.7' },
      people: { type: 'string' },
      'no-figures': { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
    },
  });
  if (!values.count || !values.out) {
    console.error(
      'usage: node scripts/bench/generate.ts --count N --out DIR [--seed S] [--format mdx|md|mixed] [--math-share 0.7] [--no-figures] [--check]',
    );
    process.exit(2);
  }
  const format = values.format as FixtureFormat;
  if (!['mdx', 'md', 'mixed'].includes(format))
    throw new Error(`--format must be mdx, md or mixed, got ${values.format}`);
  const started = performance.now();
  const result = await generate({
    count: Number(values.count),
    out: values.out,
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    format,
    mathShare: Number(values['math-share']),
    figures: !values['no-figures'],
    ...(values.people ? { peopleDir: values.people } : {}),
  });
  console.log(
    `wrote ${result.articles} articles (${result.mdx} .mdx, ${result.md} .md; ${result.withMath} with math, ${result.withCorrections} with corrections, ${result.benchmarks} benchmarks, ${result.images} figures, ${result.diagrams} diagrams; ~${result.words} words each) and ${result.newsletterIssues} newsletter issues to ${result.out} in ${Math.round(performance.now() - started)} ms`,
  );
  if (values.check && !(await check(values.out))) process.exit(1);
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
