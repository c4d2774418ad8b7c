/**
 * Reads one declared results file (CSV or JSON) beside an article and validates every row
 * against `resultRowSchema`. Each problem names the file, the line, the row and the column,
 * and says what would fix it; nothing is dropped: a file with any problem yields no rows.
 */
import { readFile } from 'node:fs/promises';
import { parse as parseCsv } from 'csv-parse/sync';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Problem } from '../content-lint/problem.ts';
import {
  COLUMN_ROLES,
  resultRowSchema,
  type ColumnRole,
  type ResultEntry,
  type ResultFormat,
  type ResultRow,
} from '../../schemas/results.ts';

export interface ResultsTable {
  entry: ResultEntry;
  /** Column names in file order. */
  header: string[];
  rows: ResultRow[];
  /** The file's bytes as text, published unchanged for "download the data". */
  text: string;
}

/** A parsed record before validation: cells by column name, and where it sits in the file. */
interface RawRecord {
  row: number;
  line: number;
  cells: Record<string, unknown>;
}

interface Parsed {
  header: string[];
  records: RawRecord[];
}

function parseCsvRecords(
  text: string,
  fail: (line: number, field: string, message: string) => void,
): Parsed | undefined {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, { info: true, skip_empty_lines: true, bom: true }) as unknown as typeof records;
  } catch (error) {
    const { lines, message } = error as { lines?: number; message: string };
    fail(
      lines ?? 1,
      'csv',
      `is not valid CSV: ${message}. Every row needs as many cells as the header; quote cells that contain commas.`,
    );
    return undefined;
  }
  const [head, ...body] = records;
  if (!head) {
    fail(1, 'csv', 'is empty: the first line is the header (column names), then one line per row.');
    return undefined;
  }
  const header = head.record.map((name) => name.trim());
  return {
    header,
    records: body.map(({ record, info }, index) => ({
      row: index + 1,
      line: info.lines,
      cells: Object.fromEntries(header.map((name, i) => [name, record[i]])),
    })),
  };
}

function parseJsonRecords(
  text: string,
  fail: (line: number, field: string, message: string) => void,
): Parsed | undefined {
  try {
    JSON.parse(text);
  } catch (error) {
    fail(1, 'json', `is not valid JSON: ${(error as Error).message}.`);
    return undefined;
  }
  // JSON is YAML 1.2, and the YAML parser keeps positions: each row's line for the messages.
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const lineOf = (node: YamlNode | null | undefined) =>
    node?.range ? counter.linePos(node.range[0]).line : 1;
  const rows = doc.contents;
  if (!isSeq(rows)) {
    fail(1, 'json', 'must be an array of rows: [{ "label": "…", "estimate": 12.5, … }, …].');
    return undefined;
  }
  const header: string[] = [];
  const records: RawRecord[] = [];
  let ok = true;
  for (const [index, item] of rows.items.entries()) {
    const node = item as YamlNode;
    if (!isMap(node)) {
      fail(
        lineOf(node),
        `row ${index + 1}`,
        'must be an object of column names to values: { "label": "…", "estimate": 12.5, … }.',
      );
      ok = false;
      continue;
    }
    const cells = node.toJSON() as Record<string, unknown>;
    for (const name of Object.keys(cells)) if (!header.includes(name)) header.push(name);
    records.push({ row: index + 1, line: lineOf(node), cells });
  }
  return ok ? { header, records } : undefined;
}

const SPREAD_ROLES: readonly ColumnRole[] = ['lower', 'upper', 'sd'];

/** A cell as the file wrote it, for the table: CSV cells are text, JSON cells text or numbers. */
function cellText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === undefined || value === null ? '' : JSON.stringify(value);
}

function formatOf(file: string): ResultFormat {
  return file.endsWith('.json') ? 'json' : 'csv';
}

/** What an empty cell means depends on the column's role: say that, not just "empty". */
function emptyCellMessage(role: ColumnRole, entry: ResultEntry): string {
  switch (role) {
    case 'lower':
    case 'upper':
    case 'sd':
      return `is empty: fill in the ${role === 'sd' ? 'standard deviation' : `${role} bound of the ${Math.round((entry.level ?? 0.95) * 100)}% interval`}, or remove the row.`;
    case 'n':
      return 'is empty: every estimate needs its sample size (a whole number of runs or requests, at least 1).';
    case 'estimate':
      return 'is empty: the row has no estimate. Fill it in, or remove the row.';
    default:
      return 'is empty: every row needs a label saying what it measures.';
  }
}

/** Where an entry is declared: the article file, the line and field of its `results` entry. */
export interface Declaration {
  file: string;
  line?: number;
  field: string;
}

/**
 * Validates the declared entry's file. `file` is the path printed in problems (relative to the
 * project), `absolute` where to read it; `declared` points at the frontmatter entry, for a
 * missing file and for columns the file lacks.
 */
export async function readResultsFile(
  entry: ResultEntry,
  absolute: string,
  file: string,
  declared: Declaration,
  problems: Problem[],
): Promise<ResultsTable | undefined> {
  const before = problems.length;
  const fail = (line: number, field: string, message: string) =>
    problems.push({ severity: 'error', file, line, field, message });

  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    problems.push({
      severity: 'error',
      file: declared.file,
      ...(declared.line ? { line: declared.line } : {}),
      field: `${declared.field}.file`,
      message: `declares ${entry.file}, but there is no such file (${file}). Put the file beside the article or fix the path.`,
    });
    return undefined;
  }
  const format = formatOf(entry.file);
  const parsed = format === 'csv' ? parseCsvRecords(text, fail) : parseJsonRecords(text, fail);
  if (!parsed) return undefined;

  const seen = new Set<string>();
  for (const name of parsed.header) {
    if (!name) fail(1, 'header', 'has an empty column name; name every column.');
    else if (seen.has(name))
      fail(1, `column "${name}"`, 'appears twice in the header; column names must be unique.');
    seen.add(name);
  }
  const roles = COLUMN_ROLES.flatMap((role) => {
    const name = entry.columns[role];
    return name ? [{ role, name }] : [];
  });
  const missing = roles.filter(({ name }) => !parsed.header.includes(name));
  for (const { role, name } of missing) {
    fail(
      1,
      `column "${name}"`,
      `is missing: ${declared.field} in ${declared.file} names it as columns.${role}, but the file's columns are ${parsed.header.map((h) => `"${h}"`).join(', ') || 'none'}. Add the column to the file or fix the name in the frontmatter.`,
    );
  }
  if (parsed.records.length === 0) {
    fail(1, 'rows', 'has no rows: a results file needs at least one measured row.');
  }
  if (problems.length > before) return undefined;

  const schema = resultRowSchema(entry, format);
  const rows: ResultRow[] = [];
  for (const record of parsed.records) {
    const input = Object.fromEntries(roles.map(({ role, name }) => [role, record.cells[name]]));
    const result = schema.safeParse(input);
    if (!result.success) {
      const issues = result.error.issues.map((issue) => ({
        role: issue.path[0] as ColumnRole,
        empty: issue.code === 'custom' && (issue.params as { empty?: boolean } | undefined)?.empty === true,
        message: issue.message,
      }));
      // Every spread cell empty is one defect, a bare mean, not one per column.
      const emptySpread = issues.filter((i) => i.empty && SPREAD_ROLES.includes(i.role));
      const spreadRoles = SPREAD_ROLES.filter((role) => entry.columns[role]);
      const bare = emptySpread.length === spreadRoles.length;
      if (bare) {
        const names = spreadRoles.map((role) => `"${entry.columns[role]}"`);
        fail(
          record.line,
          `row ${record.row}, column ${names[0]}`,
          `${names.length > 1 ? `columns ${names.join(' and ')} are` : `column ${names[0]} is`} empty, so this row's estimate has no spread (a bare mean). Fill in ${entry.columns.sd ? 'the standard deviation' : `the ${Math.round((entry.level ?? 0.95) * 100)}% interval`}, or remove the row.`,
        );
      }
      for (const issue of issues) {
        if (bare && issue.empty && SPREAD_ROLES.includes(issue.role)) continue;
        const column = entry.columns[issue.role] ?? issue.role;
        fail(
          record.line,
          `row ${record.row}, column "${column}"`,
          issue.empty ? emptyCellMessage(issue.role, entry) : `${issue.message}.`,
        );
      }
      continue;
    }
    const cells = Object.fromEntries(parsed.header.map((name) => [name, cellText(record.cells[name])]));
    rows.push({ row: record.row, line: record.line, ...result.data, cells });
  }
  return problems.length > before ? undefined : { entry, header: parsed.header, rows, text };
}
