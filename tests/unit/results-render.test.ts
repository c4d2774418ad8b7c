/**
 * `<Results id="…" />` end to end through the article analysis the loader runs (lint, then
 * render from the same parse): an SVG chart with one error bar per row, an accessible name,
 * no inline styles, a numbered caption the cross-reference agrees with, a table whose rows are
 * the file's rows, and a link to the file as published.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll, select } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/lib/article-analysis.ts';
import { readableNumber } from '../../src/lib/results/render.ts';
import { validTree } from './helpers/content-tree.ts';

const BENCH = 'articles/gpu-inference-benchmark/index.mdx';
const PEOPLE = new Set(['ada-okafor', 'ben-sato', 'chen-li']);

async function analyse(edit?: (tree: Awaited<ReturnType<typeof validTree>>) => Promise<void>) {
  const tree = await validTree();
  await edit?.(tree);
  const path = join(tree.content, BENCH);
  const article = { id: 'gpu-inference-benchmark', path, file: BENCH, folder: dirname(path) };
  const result = await analyseArticle(article, tree.root, PEOPLE);
  return { tree, result, html: fromHtml(result.rendered?.html ?? '', { fragment: true }) };
}

describe('<Results> for a fig- entry', () => {
  it('draws a numbered figure: chart with error bars, table, download link', async () => {
    const { tree, result, html } = await analyse();
    expect(result.problems).toEqual([]);
    const figure = select('figure#fig-throughput', html)!;
    expect(toString(select('figcaption', figure)!)).toBe(
      'Figure 1 Throughput by batch size, with 95% intervals over 30 runs.',
    );

    const svg = select('svg', figure)!;
    expect(svg.properties).toMatchObject({ role: 'img', ariaLabelledBy: ['fig-throughput-chart'] });
    expect(toString(select('title', svg)!)).toBe(
      'Chart: Throughput by batch size, with 95% intervals over 30 runs.',
    );
    expect(selectAll('.chart-errorbar', svg)).toHaveLength(4);
    expect(toString(select('.chart-axis-title', svg)!)).toBe('Throughput (requests/s), 95% interval');
    expect(selectAll('.chart-tick-label', svg).length).toBeGreaterThanOrEqual(3);
    // No <style> element or attribute: the CSP would block it, and the colours follow the scheme.
    expect(toHtml(figure)).not.toMatch(/<style|\sstyle="/);

    const csv = (await tree.read('articles/gpu-inference-benchmark/data/throughput.csv'))
      .trim()
      .split('\n')
      .slice(1);
    const rows = selectAll('table.results-table tbody tr', figure).map((tr) =>
      selectAll('th, td', tr).map((cell) => toString(cell)),
    );
    expect(csv[1]).toBe('8,2150,2102,2190,30');
    // The file's numbers, with thousands grouped for reading.
    expect(rows).toEqual([
      ['1', '410', '398 to 421', '30'],
      ['8', '2,150', '2,102 to 2,190', '30'],
      ['32', '5,480', '5,390 to 5,575', '30'],
      ['128', '5,610', '5,500 to 5,702', '30'],
    ]);
    expect(selectAll('table.results-table thead th', figure).map((th) => toString(th))).toEqual([
      'Batch',
      'Throughput (requests/s)',
      '95% interval (requests/s)',
      'n',
    ]);
    const link = select('.results-download a', figure)!;
    expect(link.properties.href).toBe('/articles/gpu-inference-benchmark/data/throughput.csv');
  });

  it('the cross-reference in the text reads the same number as the caption', async () => {
    const { html } = await analyse();
    expect(selectAll('a.cross-ref', html).map((a) => [a.properties.href, toString(a)])).toEqual([
      ['#fig-throughput', 'Figure 1'],
    ]);
  });

  it('bars start at zero when the entry asks for bars', async () => {
    const { html } = await analyse((tree) =>
      tree.edit(BENCH, '    level: 0.95\n---', '    level: 0.95\n    chart: bars\n---'),
    );
    const bars = selectAll('rect.chart-bar', html);
    expect(bars).toHaveLength(4);
    const zero = select('.chart-tick-label', html)!;
    expect(toString(zero)).toBe('0');
  });
});

describe('<Results> for a tbl- entry from JSON', () => {
  it('is a numbered table with a caption, the interval written out, and the file linked', async () => {
    const { result, html } = await analyse(async (tree) => {
      const rows = (await tree.read('articles/gpu-inference-benchmark/data/throughput.csv'))
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => {
          const [batch, throughput, ci_low, ci_high, runs] = line.split(',');
          return {
            batch,
            throughput: Number(throughput),
            ci_low: Number(ci_low),
            ci_high: Number(ci_high),
            runs: Number(runs),
          };
        });
      await tree.write(
        'articles/gpu-inference-benchmark/data/throughput.json',
        JSON.stringify(rows, null, 2),
      );
      const text = (await tree.read(BENCH))
        .replaceAll('fig-throughput', 'tbl-throughput')
        .replace('data/throughput.csv', 'data/throughput.json');
      await tree.write(BENCH, text);
    });
    expect(result.problems).toEqual([]);
    const figure = select('figure#tbl-throughput', html)!;
    expect(select('svg', figure)).toBeUndefined();
    expect(toString(select('caption', figure)!)).toBe(
      'Table 1 Throughput by batch size, with 95% intervals over 30 runs.',
    );
    expect(toString(select('tbody tr', figure)!)).toBe('1410398 to 42130');
    expect(select('.results-download', figure) && toString(select('.results-download', figure)!)).toBe(
      'Download the data (JSON, 4 rows, data/throughput.json)',
    );
  });
});

describe('the published data matches the committed file', () => {
  it('the latency article declares files that exist beside it', async () => {
    const text = await readFile(
      'content/articles/latency-benchmarks-with-confidence-intervals/index.mdx',
      'utf8',
    );
    for (const [, file] of text.matchAll(/file: (data\/[\w.-]+)/g)) {
      await expect(
        readFile(`content/articles/latency-benchmarks-with-confidence-intervals/${file}`, 'utf8'),
      ).resolves.toMatch(/^statistic,configuration,estimate,ci_low,ci_high,n\n/);
    }
  });
});

describe('readableNumber', () => {
  it.each([
    ['23886', '23,886'],
    ['270336', '270,336'],
    ['22.08', '22.08'],
    ['1234.50', '1,234.50'],
    ['-1500', '-1,500'],
    ['0.000', '0.000'],
    ['1e-3', '1e-3'],
    ['p99', 'p99'],
  ])('%s reads as %s', (raw, shown) => {
    expect(readableNumber(raw)).toBe(shown);
  });
});
