/**
 * Adds a correction to an article: an entry in its `corrections` log (date and summary) and,
 * when the editor names the corrected words, the inline `<Correction>` mark around them. The
 * frontmatter is edited as text so nothing else in the file changes.
 */
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { withoutByteOrderMark } from '../frontmatter.ts';

export class ScaffoldError extends Error {}

const FRONTMATTER = /^---\r?\n([\s\S]*?\r?\n)---[ \t]*(?:\r?\n|$)/;

export interface CorrectionStart {
  /** YYYY-MM-DD */
  date: string;
  summary: string;
  /** Exact words of the corrected text to wrap in the mark; must occur once in the body. */
  mark?: string;
}

export function correctionMark(date: string, words = 'the corrected words'): string {
  return `<Correction date="${date}">${words}</Correction>`;
}

export function addCorrection(file: string, saved: string, start: CorrectionStart): string {
  // A byte-order mark the editor saved stays where it was; the frontmatter starts after it.
  const text = withoutByteOrderMark(saved);
  const bom = saved.slice(0, saved.length - text.length);
  if (!file.endsWith('.mdx')) {
    throw new ScaffoldError(
      `${file}: inline <Correction> marks need MDX. Rename the file to .mdx (git mv), then run this again.`,
    );
  }
  const match = FRONTMATTER.exec(text);
  if (!match) throw new ScaffoldError(`${file}: no frontmatter (the file must start with a "---" line).`);
  const yamlText = match[1]!;
  const yamlStart = match[0].indexOf(yamlText);
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter });
  if (doc.errors.length || !isMap(doc.contents)) {
    throw new ScaffoldError(
      `${file}: the frontmatter is not valid YAML; run npm run lint:content and fix it first.`,
    );
  }
  const raw = doc.get('published');
  const published = typeof raw === 'string' ? raw : '';
  if (published && start.date < published) {
    throw new ScaffoldError(`${file}: ${start.date} is before the article was published (${published}).`);
  }
  const log = doc.get('corrections', true);
  const entry = (indent: string) =>
    `${indent}- date: ${start.date}\n${indent}  summary: ${JSON.stringify(start.summary)}\n`;

  let frontmatter: string;
  if (isSeq(log) && log.items.length > 0 && log.range) {
    for (const item of log.items) {
      if (isMap(item) && String(item.get('date')) === start.date) {
        throw new ScaffoldError(
          `${file}: already has a correction dated ${start.date}; add to that entry's summary instead (one entry per day).`,
        );
      }
    }
    // Append after the last entry, indented like the first.
    const firstItem = log.items[0] as { range?: [number, number, number] };
    const column = counter.linePos(firstItem.range![0]).col - 1;
    const indent = ' '.repeat(Math.max(0, column - 2));
    const end = log.range[2];
    const before = yamlText.slice(0, end);
    const after = yamlText.slice(end);
    frontmatter = `${before}${before.endsWith('\n') ? '' : '\n'}${entry(indent)}${after.replace(/^\n/, '')}`;
  } else if (log !== undefined && !(isSeq(log) && log.items.length === 0)) {
    throw new ScaffoldError(
      `${file}: "corrections" is not a list; fix it (see content/FORMAT.md) and run this again.`,
    );
  } else {
    // No log yet (or `corrections: []`): a new key at the end of the frontmatter.
    const withoutEmpty = yamlText.replace(/^corrections:\s*\[\s*\]\s*\n/m, '');
    frontmatter = `${withoutEmpty}corrections:\n${entry('  ')}`;
  }

  let body = text.slice(match[0].length);
  if (start.mark !== undefined) {
    const count = body.split(start.mark).length - 1;
    if (count !== 1) {
      throw new ScaffoldError(
        count === 0
          ? `${file}: the words to mark, ${JSON.stringify(start.mark)}, are not in the text. Copy them exactly as they stand (after your edit).`
          : `${file}: ${JSON.stringify(start.mark)} occurs ${count} times; give a longer phrase that occurs once.`,
      );
    }
    body = body.replace(start.mark, () => correctionMark(start.date, start.mark));
  }
  return `${bom}${text.slice(0, yamlStart)}${frontmatter}${match[0].slice(yamlStart + yamlText.length)}${body}`;
}
