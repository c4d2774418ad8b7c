import { z } from 'astro/zod';
import { SLUG_BODY } from './slug.ts';

/**
 * Measured results: the `results:` entries of an article's frontmatter, each declaring one
 * data file beside the article (CSV or JSON) and which of its columns hold what. The rows
 * themselves are checked by `resultRowProblems` below once the file is read (see
 * src/lib/results/read.ts): every estimate comes with its sample size and its spread.
 */

/**
 * `fig-…` entries are drawn as a chart (with the table as its text alternative), `tbl-…`
 * entries as a table. The id is what the text cross-references: `[@fig-latency]`.
 */
export const RESULT_ID_PATTERN = new RegExp(`^(fig|tbl)-${SLUG_BODY}$`);

/** A results file: a path inside the article's folder, CSV or JSON. */
export const RESULT_FILE_PATTERN = /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9._/-]+\.(csv|json)$/;

const column = (role: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `is required: the name of the column that holds ${role}` });

/** Which columns of the file hold what. */
const columnsSchema = z
  .object({
    /** What each row measures: "p99", "Config A", "batch 32". */
    label: column('the row label'),
    /** Optional second dimension (series), drawn as a separate marker and colour. */
    group: column('the group').optional(),
    estimate: column('the estimate'),
    /** Sample size behind the estimate: a whole number, at least 1. */
    n: column('the sample size'),
    /** Interval bounds, with `level` on the entry. */
    lower: column('the lower bound of the interval').optional(),
    upper: column('the upper bound of the interval').optional(),
    /** Or a standard deviation. */
    sd: column('the standard deviation').optional(),
  })
  .strict();

export const CHART_TYPES = ['points', 'bars'] as const;

export const resultEntrySchema = z
  .object({
    id: z.string().regex(RESULT_ID_PATTERN, {
      error: 'must be "fig-…" (drawn as a chart) or "tbl-…" (a table), in lower-case words joined by dashes',
    }),
    file: z.string().regex(RESULT_FILE_PATTERN, {
      error: 'must be a .csv or .json file inside the article folder, e.g. "data/latency.csv" (no "..")',
    }),
    caption: z.string().trim().min(1, { error: 'is required: one sentence saying what the results show' }),
    /** Unit of the estimate and its spread, e.g. "ms", "QPS", "%", "samples/s". */
    unit: z
      .string({ error: 'is required: the unit of the estimate, e.g. "ms" or "QPS" (write "1" if unitless)' })
      .trim()
      .min(1, { error: 'is required: the unit of the estimate, e.g. "ms" or "QPS" (write "1" if unitless)' }),
    /** What the estimate measures, for the axis title and table header, e.g. "Latency". */
    quantity: z.string().trim().min(1).optional(),
    columns: columnsSchema,
    /** Coverage of the interval in `columns.lower`/`upper`, as a fraction: 0.95. */
    level: z
      .number({ error: 'must be a number: the interval coverage as a fraction, e.g. 0.95' })
      .gt(0, { error: 'must be between 0 and 1 (0.95 for 95 percent)' })
      .lt(1, { error: 'must be between 0 and 1 (0.95 for 95 percent)' })
      .optional(),
    /** How a `fig-` entry is drawn: points with error bars (default) or bars with error bars. */
    chart: z.enum(CHART_TYPES, { error: `must be one of ${CHART_TYPES.join(', ')}` }).optional(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    const { lower, upper, sd } = entry.columns;
    const issue = (path: (string | number)[], message: string) => {
      ctx.addIssue({ code: 'custom', path, message });
    };
    if (!lower && !upper && !sd) {
      issue(
        ['columns'],
        'declares no spread: a bare estimate is not a result. Name the interval columns (lower and upper, with level) or an sd column',
      );
    }
    if ((lower && !upper) || (upper && !lower)) {
      issue(
        ['columns', lower ? 'upper' : 'lower'],
        'is required with its partner: an interval has a lower and an upper bound',
      );
    }
    if (lower && upper && entry.level === undefined) {
      issue(['level'], 'is required with an interval: its coverage as a fraction, e.g. 0.95');
    }
    if (entry.level !== undefined && !(lower && upper)) {
      issue(['level'], 'is only meaningful with interval columns (lower and upper); remove it or add them');
    }
    if (entry.chart && entry.id.startsWith('tbl-')) {
      issue(['chart'], `"${entry.id}" is a table; rename it "fig-${entry.id.slice(4)}" to draw a chart`);
    }
  });

export type ResultEntry = z.infer<typeof resultEntrySchema>;
export type ResultColumns = ResultEntry['columns'];

/** The declared results of one article: ids unique. */
export const resultsSchema = z.array(resultEntrySchema).superRefine((entries, ctx) => {
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const first = seen.get(entry.id);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'id'],
        message: `"${entry.id}" is already the id of results[${first}]; result ids must be unique`,
      });
    } else seen.set(entry.id, index);
  });
});

/** One row of a results file once validated: numbers are numbers. */
export interface ResultRow {
  /** 1-based data row (the header is not counted). */
  row: number;
  /** 1-based line in the file, for messages. */
  line: number;
  label: string;
  group?: string | undefined;
  estimate: number;
  n: number;
  lower?: number | undefined;
  upper?: number | undefined;
  sd?: number | undefined;
  /** The cells as written in the file, so the table shows exactly what was published. */
  cells: Record<string, string>;
}

/** How a results file is written: CSV cells are text, JSON values are typed. */
export type ResultFormat = 'csv' | 'json';

/** Roles a column can play, in the order a table shows them. */
export const COLUMN_ROLES = ['label', 'group', 'estimate', 'lower', 'upper', 'sd', 'n'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** A plain decimal as a CSV cell: no unit, no thousands separator, no percent sign. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function numberCell(format: ResultFormat, unit: string) {
  const hint =
    format === 'csv'
      ? `write a plain number such as 12.5: no unit (the unit "${unit}" is declared once in the frontmatter), no thousands separator`
      : `write a JSON number such as 12.5, not a string: no unit (the unit "${unit}" is declared once in the frontmatter)`;
  return z.unknown().transform((value, ctx) => {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      ctx.addIssue({ code: 'custom', message: 'is empty', params: { empty: true } });
      return z.NEVER;
    }
    if (format === 'json' && typeof value !== 'number') {
      ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} is not a number; ${hint}` });
      return z.NEVER;
    }
    const number =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && DECIMAL.test(value.trim())
          ? Number(value)
          : NaN;
    if (!Number.isFinite(number)) {
      ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} is not a number; ${hint}` });
      return z.NEVER;
    }
    return number;
  });
}

/**
 * One row of a results file, keyed by role (label, estimate, n…) rather than by column name;
 * src/lib/results/read.ts maps the file's columns onto roles and issue paths back to columns.
 * What it enforces: numbers are numbers, every row has a sample size of at least 1 and a
 * spread (no bare estimates), an interval contains its estimate, a deviation is not negative.
 */
export function resultRowSchema(entry: ResultEntry, format: ResultFormat) {
  const number = numberCell(format, entry.unit);
  const { columns } = entry;
  const labelCell = z.unknown().transform((value, ctx) => {
    const text =
      typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
    if (text === undefined && value !== undefined && value !== null) {
      ctx.addIssue({
        code: 'custom',
        message: `${JSON.stringify(value)} is not a label; write text or a number`,
      });
      return z.NEVER;
    }
    if (!text) {
      ctx.addIssue({ code: 'custom', message: 'is empty: every row needs a label saying what it measures' });
      return z.NEVER;
    }
    return text;
  });
  return z
    .object({
      label: labelCell,
      group: columns.group ? labelCell : z.undefined().optional(),
      estimate: number,
      n: number.pipe(
        z.number().refine((n) => Number.isInteger(n) && n >= 1, {
          error: (issue) =>
            `${String(issue.input)} is not a sample size: it must be a whole number of at least 1 (how many runs or requests the estimate rests on)`,
        }),
      ),
      lower: columns.lower ? number : z.undefined().optional(),
      upper: columns.upper ? number : z.undefined().optional(),
      sd: columns.sd
        ? number.pipe(
            z.number().min(0, {
              error: (issue) => `${String(issue.input)} is negative; a standard deviation is at least 0`,
            }),
          )
        : z.undefined().optional(),
    })
    .superRefine((row, ctx) => {
      if (row.lower === undefined || row.upper === undefined) return;
      const shown = `[${row.lower}, ${row.upper}]`;
      if (row.lower > row.upper) {
        ctx.addIssue({
          code: 'custom',
          path: ['lower'],
          message: `the interval ${shown} is upside down: the lower bound (column "${columns.lower}") must not exceed the upper bound (column "${columns.upper}"); swap them`,
        });
      } else if (row.estimate < row.lower || row.estimate > row.upper) {
        ctx.addIssue({
          code: 'custom',
          path: [row.estimate < row.lower ? 'lower' : 'upper'],
          message: `the interval ${shown} does not contain the estimate ${row.estimate} (column "${columns.estimate}"); an interval must contain its estimate: check the bounds, the estimate, or that the columns are not swapped`,
        });
      }
    });
}
