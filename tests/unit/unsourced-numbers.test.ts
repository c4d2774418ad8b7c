/** What counts as a numeric claim, and what backs one (the lint's integration is in content-lint-body). */
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { findNumericClaims, findUnsourcedNumbers } from '../../src/lib/content-lint/unsourced-numbers.ts';

const claims = (text: string) => findNumericClaims(text).map((c) => c.text);
const parse = (body: string) =>
  unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkMdx).parse(body);

describe('findNumericClaims', () => {
  it.each([
    ['p99 rose to 250 ms', ['250 ms']],
    ['a 3× speed-up and a 2.5x one', ['3×', '2.5x']],
    ['40 GB of memory, 1.5 TB/day', ['40 GB', '1.5 TB']],
    ['12,000 QPS at peak', ['12,000 QPS']],
    ['USD 460 million lost', ['USD 460 million']],
    ['$4bn and $12 million', ['$4bn', '$12 million']],
    ['63 percent of the time, 5% of users', ['63 percent', '5%']],
    ['10M requests, 2.5B parameters', ['10M', '2.5B']],
    ['in 2 seconds', ['2 seconds']],
  ])('finds the claims in %j', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });

  it.each([
    'the p99 of 2025',
    'version 1.2 on an H100',
    'batch size 32',
    'the 90th percentile',
    'step 3 of 5',
  ])('ignores %j (no unit or magnitude)', (text) => {
    expect(claims(text)).toEqual([]);
  });
});

describe('findUnsourcedNumbers', () => {
  it('a citation or a cross-reference anywhere in the paragraph backs every number in it', () => {
    const report = findUnsourcedNumbers(
      parse(
        'It took 40 ms.\nSee the vendor [@docs].\n\nIt took 50 ms, as [@fig-latency] shows.\n\nIt took 60 ms.\n',
      ),
    );
    expect(report.unsourced).toEqual([{ text: '60 ms', line: 6 }]);
  });

  it('skips code, math and headings', () => {
    const report = findUnsourcedNumbers(
      parse('## 40 ms budgets\n\n`sleep 5s` and $x = 10\\%$\n\n```\n30 ms\n```\n'),
    );
    expect(report.unsourced).toEqual([]);
  });

  it('a marker on its own line covers the next paragraph only', () => {
    const report = findUnsourcedNumbers(
      parse('{/* unsourced: illustrative */}\n\nIt took 40 ms.\n\nIt took 50 ms.\n'),
    );
    expect(report.marked).toEqual([{ text: '40 ms', line: 3, reason: 'illustrative' }]);
    expect(report.unsourced).toEqual([{ text: '50 ms', line: 5 }]);
  });

  it('a Markdown comment marker works in .md', () => {
    const md = unified().use(remarkParse).parse('It took 40 ms. <!-- unsourced: a round example -->\n');
    expect(findUnsourcedNumbers(md as never).marked).toHaveLength(1);
  });

  it('numbers in a table are backed by a citation in the table', () => {
    const report = findUnsourcedNumbers(parse('| a | b |\n| - | - |\n| 40 ms | [@docs] |\n| 50 ms | x |\n'));
    expect(report.unsourced).toEqual([]);
  });
});
