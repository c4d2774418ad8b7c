import { z } from 'astro/zod';
import { calendarDate } from './date.ts';

/**
 * How a measurement was made: the `methodology:` block of an article's frontmatter. Required
 * for benchmark pieces (the content lint enforces it), allowed on any article that reports
 * measured numbers. It is data, not a paragraph, so the card at the top of the article, the
 * JSON-LD `Dataset` and the staleness note are all drawn from the same fields.
 */

const text = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `is required: ${what}` });

/** Where the numbers came from. Every field optional, but an empty block says nothing. */
const hardwareSchema = z
  .object({
    /** e.g. "8× NVIDIA H100 SXM 80 GB", or "none (CPU only)". */
    accelerator: text('the accelerator, or "none"').optional(),
    cpu: text('the CPU model and core count').optional(),
    memory: text('the memory size and type').optional(),
    /** e.g. "NVLink 4, 400 Gb/s InfiniBand between hosts". */
    interconnect: text('the interconnect').optional(),
  })
  .strict()
  .refine((hardware) => Object.keys(hardware).length > 0, {
    error: 'name at least one of accelerator, cpu, memory, interconnect (or remove hardware)',
  });

/** One piece of software the result depends on, pinned. */
const softwareSchema = z
  .object({
    name: text('the software name'),
    /** Exact version (`2.4.1`, a commit, a container digest), never "latest". */
    version: z
      .string()
      .trim()
      .min(1, { error: 'is required: the exact version' })
      .refine((v) => !/^(latest|stable|current)$/i.test(v), {
        error: 'must be an exact version, not a moving label such as "latest"',
      }),
  })
  .strict();

/** How the interval around each estimate was computed. */
const intervalSchema = z
  .object({
    /** e.g. "percentile bootstrap, 10,000 resamples" or "t-interval over 5 runs". */
    method: text('how the interval was computed, e.g. "percentile bootstrap, 10,000 resamples"'),
    /** Coverage as a fraction: 0.95 for a 95 percent interval. */
    level: z
      .number({ error: 'must be a number: the coverage as a fraction, e.g. 0.95' })
      .gt(0, { error: 'must be between 0 and 1 (0.95 for 95 percent)' })
      .lt(1, { error: 'must be between 0 and 1 (0.95 for 95 percent)' }),
  })
  .strict();

/** A 40-character git commit, so "the harness" names one exact state of the code. */
const COMMIT = /^[0-9a-f]{40}$/;

/**
 * The code that produced the numbers: a public repository at one commit, or a script kept
 * beside the article (published with it, so readers can run it).
 */
const harnessSchema = z.union(
  [
    z
      .object({
        repository: z.url({ protocol: /^https$/, error: 'must be an https:// repository URL' }),
        commit: z.string().regex(COMMIT, { error: 'must be a full 40-character git commit hash' }),
      })
      .strict(),
    z
      .object({
        /** Path relative to the article's folder, e.g. `generate-data.ts`. */
        script: z.string().regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9._/-]+$/, {
          error:
            'must be a path inside the article folder, e.g. "generate-data.ts" (no "..", no leading "/")',
        }),
        /** The exact command that regenerates the results files, e.g. `node generate-data.ts`. */
        command: text('the command that regenerates the data'),
      })
      .strict(),
  ],
  {
    error:
      'must be { repository: https://…, commit: <40-hex> } or { script: <file beside the article>, command: "…" }',
  },
);

export const methodologySchema = z
  .object({
    /** What was run: model, task, load pattern. */
    workload: text('what was measured, e.g. "ResNet-50 image classification, Poisson arrivals"'),
    dataset: text('the dataset').optional(),
    hardware: hardwareSchema.optional(),
    software: z.array(softwareSchema).min(1, { error: 'list at least one piece of software' }).optional(),
    /** What happened before measuring, e.g. "1,000 requests discarded" or "none: simulated". */
    warmup: text('the warm-up, or "none" and why'),
    /** Independent repetitions (separate processes, hosts or days). */
    runs: z
      .int({ error: 'must be a whole number of runs' })
      .min(1, { error: 'must be at least 1' })
      .optional(),
    /** Requests, queries or samples measured per run. */
    requests: z
      .int({ error: 'must be a whole number of requests' })
      .min(1, { error: 'must be at least 1' })
      .optional(),
    /** The statistic reported, e.g. "mean, p50 and p99 of per-request latency". */
    statistic: text('the statistic reported, e.g. "p99 latency"'),
    interval: intervalSchema,
    /** Random seeds, so the run can be repeated exactly. */
    seeds: z
      .array(z.union([z.int(), z.string().trim().min(1)]))
      .min(1)
      .optional(),
    harness: harnessSchema,
    /** The day the measurements were taken (not the day of publication). */
    measured: calendarDate,
    /** Anything a reader needs to judge the numbers that fits no field above. */
    notes: z.string().trim().min(1).optional(),
  })
  .strict()
  .refine((m) => m.runs !== undefined || m.requests !== undefined, {
    error: 'give the sample size: runs (independent repetitions), requests (per run), or both',
    path: ['runs'],
  });

export type Methodology = z.infer<typeof methodologySchema>;
export type MethodologyHarness = Methodology['harness'];
