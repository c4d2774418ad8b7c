/**
 * Results files: each planted defect, in CSV and in JSON, fails with the file, line, row and
 * column in the message and a fix; a clean file gives typed rows with the cells as written.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../src/lib/content-lint/problem.ts';
import { readResultsFile } from '../../src/lib/results/read.ts';
import { resultEntrySchema, resultsSchema, type ResultEntry } from '../../src/schemas/results.ts';

const entry: ResultEntry = resultEntrySchema.parse({
  id: 'fig-latency',
  file: 'data/latency.csv',
  caption: 'Latency by configuration',
  unit: 'ms',
  columns: { label: 'statistic', group: 'config', estimate: 'value', n: 'n', lower: 'lo', upper: 'hi' },
  level: 0.95,
});
const jsonEntry: ResultEntry = { ...entry, file: 'data/latency.json' };
const declared = { file: 'content/articles/x/index.mdx', line: 12, field: 'results[0]' };

async function read(name: string, text: string, which = entry) {
  const dir = await mkdtemp(join(tmpdir(), 'mlsr-results-'));
  await writeFile(join(dir, name), text);
  const problems: Problem[] = [];
  const table = await readResultsFile(
    which,
    join(dir, name),
    `content/articles/x/data/${name}`,
    declared,
    problems,
  );
  return { table, problems, lines: problems.map(formatProblem) };
}

const csv = (...rows: string[]) => ['statistic,config,value,n,lo,hi', ...rows].join('\n') + '\n';
const json = (...rows: object[]) => JSON.stringify(rows, null, 2) + '\n';
const row = { statistic: 'p50', config: 'A', value: 20.1, n: 2000, lo: 19.8, hi: 20.4 };

describe('readResultsFile: a valid file', () => {
  it('reads CSV rows as numbers, keeping the cells as written', async () => {
    const { table, problems } = await read(
      'latency.csv',
      csv('p50,A,20.10,2000,19.8,20.4', 'p99,A,41.0,2000,39.9,42.7'),
    );
    expect(problems).toEqual([]);
    expect(table!.rows).toHaveLength(2);
    expect(table!.rows[0]).toMatchObject({
      row: 1,
      line: 2,
      label: 'p50',
      group: 'A',
      estimate: 20.1,
      n: 2000,
    });
    expect(table!.rows[0]!.cells.value).toBe('20.10');
    expect(table!.header).toEqual(['statistic', 'config', 'value', 'n', 'lo', 'hi']);
  });

  it('reads JSON rows with their line numbers', async () => {
    const { table, problems } = await read(
      'latency.json',
      json(row, { ...row, statistic: 'p99' }),
      jsonEntry,
    );
    expect(problems).toEqual([]);
    expect(table!.rows.map((r) => [r.row, r.line, r.label])).toEqual([
      [1, 2, 'p50'],
      [2, 10, 'p99'],
    ]);
  });
});

describe('readResultsFile: planted defects fail with file, row and column', () => {
  const cases: { name: string; csv: string; json: object[]; row: number; column: string; fix: RegExp }[] = [
    {
      name: 'a bare mean (no spread)',
      csv: 'p50,A,20.1,2000,,',
      json: [{ ...row, lo: null, hi: null }],
      row: 1,
      column: 'lo',
      fix: /columns "lo" and "hi" are empty, so this row's estimate has no spread \(a bare mean\)\. Fill in the 95% interval/,
    },
    {
      name: 'a non-numeric cell',
      csv: 'p50,A,20.1 ms,2000,19.8,20.4',
      json: [{ ...row, value: '20.1 ms' }],
      row: 1,
      column: 'value',
      fix: /is not a number; write a (plain|JSON) number such as 12\.5.*no unit \(the unit "ms" is declared once/,
    },
    {
      name: 'an interval that does not contain its estimate',
      csv: 'p50,A,25,2000,19.8,20.4',
      json: [{ ...row, value: 25 }],
      row: 1,
      column: 'hi',
      fix: /the interval \[19\.8, 20\.4\] does not contain the estimate 25 \(column "value"\)/,
    },
    {
      name: 'a sample size below 1',
      csv: 'p50,A,20.1,0,19.8,20.4',
      json: [{ ...row, n: 0 }],
      row: 1,
      column: 'n',
      fix: /0 is not a sample size: it must be a whole number of at least 1/,
    },
    {
      name: 'a fractional sample size, on the second row',
      csv: 'p50,A,20.1,2000,19.8,20.4\np99,A,41,12.5,39,43',
      json: [row, { ...row, n: 12.5 }],
      row: 2,
      column: 'n',
      fix: /12\.5 is not a sample size/,
    },
    {
      name: 'an upside-down interval',
      csv: 'p50,A,20.1,2000,20.4,19.8',
      json: [{ ...row, lo: 20.4, hi: 19.8 }],
      row: 1,
      column: 'lo',
      fix: /upside down.*swap them/,
    },
    {
      name: 'a missing sample size',
      csv: 'p50,A,20.1,,19.8,20.4',
      json: [{ ...row, n: null }],
      row: 1,
      column: 'n',
      fix: /every estimate needs its sample size/,
    },
  ];

  it.each(cases)('CSV: $name', async (c) => {
    const { table, problems, lines } = await read('latency.csv', csv(c.csv));
    expect(table).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: 'error',
      file: 'content/articles/x/data/latency.csv',
      line: c.row + 1,
      field: `row ${c.row}, column "${c.column}"`,
    });
    expect(lines[0]).toMatch(c.fix);
  });

  it.each(cases)('JSON: $name', async (c) => {
    const { table, problems, lines } = await read('latency.json', json(...c.json), jsonEntry);
    expect(table).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'content/articles/x/data/latency.json',
      line: 2 + (c.row - 1) * 8,
      field: `row ${c.row}, column "${c.column}"`,
    });
    expect(lines[0]).toMatch(c.fix);
  });

  it('CSV: a declared column missing from the header', async () => {
    const { problems } = await read('latency.csv', 'statistic,config,value,n,lo\np50,A,20.1,2000,19.8\n');
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/articles/x/data/latency.csv',
        line: 1,
        field: 'column "hi"',
        message: expect.stringMatching(
          /is missing: results\[0\] in content\/articles\/x\/index.mdx names it as columns.upper.*Add the column/,
        ),
      }),
    ]);
  });

  it('JSON: a declared column missing from every row', async () => {
    const { problems } = await read('latency.json', json({ ...row, hi: undefined }), jsonEntry);
    expect(problems).toEqual([expect.objectContaining({ field: 'column "hi"', line: 1 })]);
  });

  it('JSON: a label that is neither text nor a number is refused', async () => {
    const { lines } = await read('latency.json', json({ ...row, statistic: { p: 50 } }), jsonEntry);
    expect(lines).toEqual([
      expect.stringMatching(/row 1, column "statistic": \{"p":50\} is not a label; write text or a number/),
    ]);
  });

  it('JSON: a number written as a string is refused (numbers are numbers)', async () => {
    const { lines } = await read('latency.json', json({ ...row, value: '20.1' }), jsonEntry);
    expect(lines).toEqual([
      expect.stringMatching(/row 1, column "value": "20.1" is not a number; write a JSON number/),
    ]);
  });

  it('CSV: a ragged row names its line', async () => {
    const { lines } = await read('latency.csv', csv('p50,A,20.1,2000,19.8'));
    expect(lines).toEqual([
      expect.stringMatching(/latency\.csv:2 csv: is not valid CSV: .*as many cells as the header/),
    ]);
  });

  it('JSON: malformed JSON and a non-array are refused', async () => {
    expect((await read('latency.json', '[{"a": 1,}]', jsonEntry)).lines[0]).toMatch(/is not valid JSON/);
    expect((await read('latency.json', '{"rows": []}', jsonEntry)).lines[0]).toMatch(
      /must be an array of rows/,
    );
  });

  it('a file with no rows, and a declared file that does not exist', async () => {
    expect((await read('latency.csv', 'statistic,config,value,n,lo,hi\n')).lines[0]).toMatch(/has no rows/);
    const problems: Problem[] = [];
    await readResultsFile(
      entry,
      '/nonexistent/latency.csv',
      'content/articles/x/data/latency.csv',
      declared,
      problems,
    );
    expect(problems.map(formatProblem)).toEqual([
      'error content/articles/x/index.mdx:12 results[0].file: declares data/latency.csv, but there is no such file (content/articles/x/data/latency.csv). Put the file beside the article or fix the path.',
    ]);
  });

  it('every problem of every row is reported, not only the first', async () => {
    const { problems } = await read('latency.csv', csv('p50,A,x,0,19.8,20.4', 'p99,A,41,2000,,'));
    expect(problems.map((p) => p.field)).toEqual([
      'row 1, column "value"',
      'row 1, column "n"',
      'row 2, column "lo"',
    ]);
  });
});

describe('results entries in the frontmatter', () => {
  const base = {
    id: 'fig-x',
    file: 'data/x.csv',
    caption: 'X',
    unit: 'ms',
    columns: { label: 'l', estimate: 'e', n: 'n', sd: 's' },
  };
  const messages = (input: unknown) => {
    const result = resultsSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts a standard deviation or an interval with its level', () => {
    expect(messages([base])).toEqual([]);
    expect(
      messages([
        { ...base, columns: { label: 'l', estimate: 'e', n: 'n', lower: 'a', upper: 'b' }, level: 0.9 },
      ]),
    ).toEqual([]);
  });

  it('refuses a bare estimate, a lone bound, an interval without level and an undeclared unit', () => {
    expect(messages([{ ...base, columns: { label: 'l', estimate: 'e', n: 'n' } }])).toEqual([
      expect.stringMatching(/^0.columns: declares no spread: a bare estimate is not a result/),
    ]);
    expect(
      messages([{ ...base, columns: { label: 'l', estimate: 'e', n: 'n', lower: 'a' }, level: 0.95 }]),
    ).toContain('0.columns.upper: is required with its partner: an interval has a lower and an upper bound');
    expect(
      messages([{ ...base, columns: { label: 'l', estimate: 'e', n: 'n', lower: 'a', upper: 'b' } }]),
    ).toContain('0.level: is required with an interval: its coverage as a fraction, e.g. 0.95');
    const { unit: _unit, ...noUnit } = base;
    expect(messages([noUnit])).toEqual([
      expect.stringMatching(/^0.unit: is required: the unit of the estimate/),
    ]);
  });

  it('refuses ids that are not fig-/tbl-, files outside the folder, and duplicate ids', () => {
    expect(messages([{ ...base, id: 'latency' }])[0]).toMatch(/^0.id: must be "fig-…"/);
    expect(messages([{ ...base, file: '../other/x.csv' }])[0]).toMatch(
      /^0.file: must be a .csv or .json file inside the article folder/,
    );
    expect(messages([base, base])).toEqual([
      '1.id: "fig-x" is already the id of results[0]; result ids must be unique',
    ]);
  });
});
