/**
 * The checkable facts in an article's prose: numbers (with their unit or scale word), dates
 * and quotations. A change to any of them in a published article is what the corrections
 * policy is about; a change to anything else is an edit.
 */
import { lineAt, type ProseBlock } from './prose.ts';

export type FactKind = 'number' | 'date' | 'quotation';

export interface Fact {
  kind: FactKind;
  /** The fact as written, whitespace collapsed: "USD 460 million", "1 August 2012". */
  value: string;
  line: number;
}

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
const DATE = new RegExp(
  [
    `\\b\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?\\b`, // 1 August 2012, 1 Aug
    `\\b${MONTH}\\s+\\d{1,2},?\\s+\\d{4}\\b`, // August 1, 2012
    `\\b${MONTH}\\s+\\d{4}\\b`, // August 2012
    '\\b\\d{4}-\\d{2}-\\d{2}\\b', // 2012-08-01
  ].join('|'),
  'g',
);

/**
 * A number, or a word with a digit in it (p99, A100, 3x), with what gives it its size:
 * a currency before it, a scale word or unit after it ("USD 460 million", "82 percent").
 */
const NUMBER =
  /(?:(?:USD|EUR|GBP|US\$|\$|€|£)\s?)?[\p{L}]*\d(?:[\p{L}\p{N}]|[.,:/-](?=\p{N}))*(?:\s?(?:%|percent|per cent|thousand|million|billion|trillion|ms|µs|ns|seconds?|minutes?|hours?|days?|weeks?|months?|years?|GB|MB|TB|GiB|MiB|TiB|x|×|times|points?))?(?!\p{L})/gu;

/** Quotations: “curly” or "straight", within one block, short enough to be a quote. */
const QUOTATION = /“([^”]{2,400})”|"([^"\n]{2,400})"/g;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Every fact in the blocks, in reading order, each at its source line. */
export function factsOf(blocks: readonly ProseBlock[]): Fact[] {
  const facts: Fact[] = [];
  for (const block of blocks) {
    const found: (Fact & { at: number })[] = [];
    // Dates first, then numbers outside them, so "1 August 2012" is one fact, not three.
    let rest = block.text;
    for (const match of block.text.matchAll(DATE)) {
      found.push({
        kind: 'date',
        value: collapse(match[0]),
        line: lineAt(block, match.index),
        at: match.index,
      });
      rest =
        rest.slice(0, match.index) + ' '.repeat(match[0].length) + rest.slice(match.index + match[0].length);
    }
    for (const match of rest.matchAll(NUMBER)) {
      found.push({
        kind: 'number',
        value: collapse(match[0]),
        line: lineAt(block, match.index),
        at: match.index,
      });
    }
    if (block.type !== 'code' && block.type !== 'math') {
      for (const match of block.text.matchAll(QUOTATION)) {
        found.push({
          kind: 'quotation',
          value: collapse(match[1] ?? match[2]!),
          line: lineAt(block, match.index),
          at: match.index,
        });
      }
    }
    found.sort((a, b) => a.at - b.at);
    for (const { at: _at, ...fact } of found) facts.push(fact);
  }
  return facts;
}
