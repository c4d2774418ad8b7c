/**
 * Draws a validated results table at build time, as HTML the page ships with no script: an
 * accessible table (caption, header cells, units, the interval written out) and, for `fig-`
 * entries, an SVG chart of the estimates with error bars. Scales, ticks and marker shapes come
 * from d3-scale and d3-shape (see scripts/bench/README.md for why not Observable Plot); colours
 * come from classes the site stylesheet defines for light, dark and print, because the CSP
 * refuses inline styles.
 */
import { extent } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, symbolWye } from 'd3-shape';
import type { Element, ElementContent } from 'hast';
import { h, s } from 'hastscript';
import type { ResultEntry, ResultRow } from '../../schemas/results.ts';
import { site } from '../../site.config.ts';
import { numberedTarget, numberLabel } from '../cross-refs.ts';
import type { ResultsTable } from './read.ts';

/** One marker shape per group, so series differ in print and for colour-blind readers. */
const SHAPES = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond, symbolWye];

/**
 * Layout in SVG user units; the stylesheet scales the drawing to the column (results.css). The
 * width is chosen for phones: a 320 px screen's 18rem column draws it at 0.72×, so 14-unit text
 * stays at 10 px, and desktop caps it at 30rem (1.2×) rather than blowing the text up.
 */
const WIDTH = 400;
const FONT = 14;
const ROW = 22;
const LABEL_GAP = 10;
const MARGIN = { top: 12, right: 24, bottom: 46 };

export interface RenderOptions {
  /** Site path of the published data file, for the download link. */
  href: string;
  /** Line of the `<Results>` component in the article file, for numbering errors. */
  line?: number;
}

export function percent(level: number): string {
  return `${Math.round(level * 1000) / 10}%`;
}

/** What the spread is, in words: "95% interval" or "standard deviation". */
export function spreadName(entry: ResultEntry): string {
  return entry.level !== undefined ? `${percent(entry.level)} interval` : 'standard deviation';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function quantityOf(entry: ResultEntry): string {
  return capitalise(entry.quantity ?? entry.columns.estimate);
}

/** "ms" → " (ms)"; a unitless "1" adds nothing. */
function unitSuffix(entry: ResultEntry): string {
  return entry.unit === '1' ? '' : ` (${entry.unit})`;
}

function groupsOf(rows: readonly ResultRow[]): string[] {
  return [...new Set(rows.map((r) => r.group).filter((g): g is string => g !== undefined))];
}

function spreadOf(row: ResultRow): [number, number] {
  if (row.lower !== undefined && row.upper !== undefined) return [row.lower, row.upper];
  const sd = row.sd ?? 0;
  return [row.estimate - sd, row.estimate + sd];
}

/* ------------------------------------------------------------------ table */

function tableOf(table: ResultsTable, caption: ElementContent[]): Element {
  const { entry, rows } = table;
  const { columns } = entry;
  const unit = unitSuffix(entry);
  const head = [
    h('th', { scope: 'col' }, capitalise(columns.label)),
    ...(columns.group ? [h('th', { scope: 'col' }, capitalise(columns.group))] : []),
    h('th', { scope: 'col' }, `${quantityOf(entry)}${unit}`),
    h('th', { scope: 'col' }, `${capitalise(spreadName(entry))}${unit}`),
    h('th', { scope: 'col' }, h('abbr', { title: 'sample size' }, 'n')),
  ];
  const body = rows.map((row) => {
    const cell = (name: string | undefined) => (name ? row.cells[name] : '');
    const number = (name: string | undefined) => readableNumber(cell(name) ?? '');
    const spread =
      columns.lower && columns.upper
        ? `${number(columns.lower)} to ${number(columns.upper)}`
        : `± ${number(columns.sd)}`;
    return h('tr', [
      h('th', { scope: 'row' }, cell(columns.label)),
      ...(columns.group ? [h('td', cell(columns.group))] : []),
      h('td.num', number(columns.estimate)),
      h('td.num', spread),
      h('td.num', number(columns.n)),
    ]);
  });
  return h('table.results-table', [h('caption', caption), h('thead', h('tr', head)), h('tbody', body)]);
}

/* ------------------------------------------------------------------ chart */

/** Rough text width for the label margin: system UI fonts average ~0.55 em per character. */
function textWidth(text: string): number {
  return Math.ceil(text.length * FONT * 0.56);
}

function chartOf(table: ResultsTable, titleId: string): Element {
  const { entry, rows } = table;
  const bars = entry.chart === 'bars';
  const groups = groupsOf(rows);
  const labels = [...new Set(rows.map((r) => r.label))];
  const slots = Math.max(1, groups.length);

  const labelWidth = Math.min(200, Math.max(...labels.map(textWidth))) + LABEL_GAP;
  const legendHeight = groups.length > 1 ? ROW + 6 : 0;
  const plotTop = MARGIN.top + legendHeight;
  const plotHeight = labels.length * slots * ROW + labels.length * 8;
  const height = plotTop + plotHeight + MARGIN.bottom;
  const left = labelWidth + 8;
  const right = WIDTH - MARGIN.right;

  const [low, high] = extent(rows.flatMap((row) => [...spreadOf(row), row.estimate])) as [number, number];
  // Bars encode length from zero, so zero must be on the axis; points need not include it.
  const domain: [number, number] = bars ? [Math.min(0, low), Math.max(0, high)] : [low, high];
  const x = scaleLinear().domain(domain).nice(6).range([left, right]);
  const y = scaleBand()
    .domain(labels)
    .range([plotTop, plotTop + plotHeight])
    .paddingInner(0.15);
  const slot = scaleBand()
    .domain(groups.length ? groups : [''])
    .range([0, y.bandwidth()])
    .padding(0.2);
  const ticks = x.ticks(6);
  const format = x.tickFormat(6);
  const n = (value: number) => Math.round(value * 10) / 10;

  const grid = ticks.map((tick) =>
    s('g.chart-tick', [
      s('line.chart-grid', { x1: n(x(tick)), x2: n(x(tick)), y1: plotTop, y2: plotTop + plotHeight }),
      s(
        'text.chart-tick-label',
        { x: n(x(tick)), y: plotTop + plotHeight + FONT + 6, textAnchor: 'middle' },
        format(tick),
      ),
    ]),
  );
  const axisTitle = s(
    'text.chart-axis-title',
    { x: n((left + right) / 2), y: height - 8, textAnchor: 'middle' },
    `${quantityOf(entry)}${unitSuffix(entry)}, ${spreadName(entry)}${entry.level === undefined ? ' (±1)' : ''}`,
  );
  const labelTexts = labels.map((label) =>
    s(
      'text.chart-label',
      { x: labelWidth, y: n(y(label)! + y.bandwidth() / 2), textAnchor: 'end', dominantBaseline: 'middle' },
      label,
    ),
  );

  const marks = rows.map((row) => {
    const groupIndex = row.group === undefined ? 0 : groups.indexOf(row.group);
    const cy = n(y(row.label)! + slot(row.group ?? '')! + slot.bandwidth() / 2);
    const [lo, hi] = spreadOf(row).map((v) => n(x(v)));
    const cap = Math.min(6, slot.bandwidth() / 2);
    const marker = symbol(SHAPES[groupIndex % SHAPES.length], 70)()!;
    return s(`g.chart-mark.chart-series-${groupIndex % SHAPES.length}`, [
      ...(bars
        ? [
            s('rect.chart-bar', {
              x: n(Math.min(x(0), x(row.estimate))),
              y: n(cy - slot.bandwidth() / 2),
              width: n(Math.abs(x(row.estimate) - x(0))),
              height: n(slot.bandwidth()),
            }),
          ]
        : []),
      s('path.chart-errorbar', {
        d: `M${lo},${cy}H${hi}M${lo},${n(cy - cap)}V${n(cy + cap)}M${hi},${n(cy - cap)}V${n(cy + cap)}`,
      }),
      ...(bars
        ? []
        : [s('path.chart-marker', { d: marker, transform: `translate(${n(x(row.estimate))},${cy})` })]),
    ]);
  });

  const legend =
    groups.length > 1
      ? [
          s(
            'g.chart-legend',
            groups.map((group, i) => {
              const offset = left + groups.slice(0, i).reduce((sum, g) => sum + textWidth(g) + 36, 0);
              return s(
                `g.chart-series-${i % SHAPES.length}`,
                { transform: `translate(${offset},${MARGIN.top + 8})` },
                [
                  s('path.chart-marker', { d: symbol(SHAPES[i % SHAPES.length], 70)()! }),
                  s('text.chart-legend-label', { x: 12, y: 0, dominantBaseline: 'middle' }, group),
                ],
              );
            }),
          ),
        ]
      : [];

  return s(
    'svg.results-chart',
    {
      viewBox: `0 0 ${WIDTH} ${height}`,
      width: WIDTH,
      height,
      role: 'img',
      ariaLabelledBy: titleId,
      fontSize: FONT,
    },
    [
      s('title', { id: titleId }, `Chart: ${entry.caption}`),
      s(
        'desc',
        `${bars ? 'Bars' : 'Points'} show each estimate, whiskers its ${spreadName(entry)}. Every value is in the table that follows.`,
      ),
      ...legend,
      s('g.chart-grid-lines', grid),
      s('g.chart-labels', labelTexts),
      s('g.chart-marks', marks),
      axisTitle,
    ],
  );
}

/* ------------------------------------------------------------------ figure */

function downloadOf(table: ResultsTable, options: RenderOptions): Element {
  const format = table.entry.file.endsWith('.json') ? 'JSON' : 'CSV';
  const rows = table.rows.length;
  return h('p.results-download', [
    h(
      'a',
      { href: options.href, type: format === 'JSON' ? 'application/json' : 'text/csv' },
      `Download the data`,
    ),
    ` (${format}, ${rows} ${rows === 1 ? 'row' : 'rows'}, ${table.entry.file})`,
  ]);
}

/**
 * The HTML for `<Results id="…" />`, registered with the article's cross-reference numbering
 * (../cross-refs.ts): a `fig-` entry is numbered as a figure, a `tbl-` entry as a table, and
 * `[@fig-…]` in the text resolves to the same "Figure 2" its caption shows.
 */
export function renderResults(table: ResultsTable, options: RenderOptions): Element {
  const { entry } = table;
  const kind = entry.id.startsWith('tbl-') ? 'tbl' : 'fig';
  const target = numberedTarget(kind, entry.id, options.line);
  const caption: ElementContent[] = [numberLabel(), { type: 'text', value: ` ${entry.caption}` }];
  if (kind === 'tbl') {
    return h('figure.results', target, [tableOf(table, caption), downloadOf(table, options)]);
  }
  const titleId = `${entry.id}-chart`;
  return h('figure.results', target, [
    h('figcaption', caption),
    // A column narrower than 18rem scrolls the chart sideways rather than shrink its text below
    // legibility; a scrollable region must be reachable by keyboard, hence the tabindex and name.
    h(
      'div.results-chart-frame',
      { tabIndex: 0, role: 'group', ariaLabelledBy: titleId },
      chartOf(table, titleId),
    ),
    tableOf(table, [
      {
        type: 'text',
        value: `The values in the chart: ${quantityOf(entry).toLowerCase()}${unitSuffix(entry)} with the ${spreadName(entry)} and sample size of each estimate.`,
      },
    ]),
    downloadOf(table, options),
  ]);
}

/** One formatter per number of decimals: a table asks for several per row. */
const numberFormats = new Map<number, Intl.NumberFormat>();

/**
 * A measured value as the file wrote it (same digits after the point, so the table keeps the
 * precision the authors chose), with thousands grouped for reading: 23886 → 23,886. Anything
 * that is not a plain decimal (1e-3, a label) is shown as written.
 */
export function readableNumber(raw: string): string {
  const match = /^-?\d+(?:\.(\d+))?$/.exec(raw.trim());
  if (!match) return raw;
  const decimals = match[1]?.length ?? 0;
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat(site.locale, {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    numberFormats.set(decimals, format);
  }
  return format.format(Number(raw));
}
