import { describe, expect, it } from 'vitest';
import { classifyArticleChange, compareArticle } from '../../../src/lib/changes/compare.ts';
import { factsOf } from '../../../src/lib/changes/facts.ts';
import { proseBlocks } from '../../../src/lib/changes/prose.ts';

const PATH = 'content/articles/knight.mdx';

function article(body: string, extra = '', sourceUrl = 'https://www.sec.gov/order.pdf'): string {
  return `---
title: "Knight Capital"
description: "What happened."
beat: postmortems
author: ada-okafor
reviewer: ben-sato
published: 2025-08-26
${extra}sources:
  - id: sec-order
    title: "Order"
    url: ${sourceUrl}
    kind: filing
---

${body}`;
}

const BODY = `## What the SEC found

Knight lost more than USD 460 million [@sec-order] on 1 August 2012. The order says
the firm had "no written procedure" for deployments [@sec-order].

The system sent 97 automated emails before the open.
`;

describe('proseBlocks and factsOf', () => {
  it('reads prose without citation keys and finds numbers, dates and quotations at their lines', () => {
    const blocks = proseBlocks(BODY, { mdx: true, firstLine: 10 });
    expect(blocks.map((b) => b.text)).toEqual([
      'What the SEC found',
      'Knight lost more than USD 460 million on 1 August 2012. The order says\nthe firm had "no written procedure" for deployments.',
      'The system sent 97 automated emails before the open.',
    ]);
    expect(factsOf(blocks)).toEqual([
      { kind: 'number', value: 'USD 460 million', line: 12 },
      { kind: 'date', value: '1 August 2012', line: 12 },
      { kind: 'quotation', value: 'no written procedure', line: 13 },
      { kind: 'number', value: '97', line: 15 },
    ]);
  });

  it('takes facts from component attributes but not from a Correction date', () => {
    const blocks = proseBlocks(
      '<Methodology sampleSize="30 runs" variance="±4 ms" confidence="95%">How.</Methodology>\n\nIt was <Correction date="2025-09-01">12 servers</Correction>.\n',
      { mdx: true },
    );
    expect(factsOf(blocks).map((f) => f.value)).toEqual(['30', '4 ms', '95%', '12']);
  });
});

describe('compareArticle', () => {
  it('refuses a changed number without a new corrections entry, naming old, new and the line', () => {
    const result = compareArticle(article(BODY), article(BODY.replace('460 million', '440 million')), PATH);
    expect(result.unaccounted).toEqual([
      { kind: 'number', before: 'USD 460 million', after: 'USD 440 million', line: 17 },
    ]);
  });

  it('reads a file saved with a byte-order mark like any other (the content lint accepts it)', () => {
    const result = compareArticle(
      `\uFEFF${article(BODY)}`,
      `\uFEFF${article(BODY.replace('460 million', '440 million'))}`,
      PATH,
    );
    expect(result.unaccounted).toEqual([
      { kind: 'number', before: 'USD 460 million', after: 'USD 440 million', line: 17 },
    ]);
  });

  it('refuses a changed date, a changed quotation and a changed source URL', () => {
    const edited = BODY.replace('1 August 2012', '2 August 2012').replace(
      'no written procedure',
      'no procedure',
    );
    const result = compareArticle(article(BODY), article(edited, '', 'https://www.sec.gov/other.pdf'), PATH);
    expect(result.unaccounted.map((c) => [c.kind, c.before, c.after, c.line])).toEqual([
      ['source', 'https://www.sec.gov/order.pdf', 'https://www.sec.gov/other.pdf', 11],
      ['date', '1 August 2012', '2 August 2012', 17],
      ['quotation', 'no written procedure', 'no procedure', 18],
    ]);
  });

  it('treats a doi.org URL moved into doi as the same link, and a removed source as a change', () => {
    const asDoi = article(BODY, '', 'https://doi.org/10.1145/1').replace('kind: filing', 'kind: filing');
    const moved = asDoi.replace('    url: https://doi.org/10.1145/1\n', '    doi: 10.1145/1\n');
    expect(compareArticle(asDoi, moved, PATH).changes).toEqual([]);
    const dropped = article(BODY).replace(/ {2}- id: sec-order[\s\S]*?kind: filing\n/, '');
    expect(compareArticle(article(BODY), dropped, PATH).changes).toMatchObject([
      { kind: 'source', source: 'sec-order', before: 'https://www.sec.gov/order.pdf' },
    ]);
  });

  it('accepts the same change when a new corrections entry logs it', () => {
    const log =
      'corrections:\n  - date: 2025-09-01\n    kind: correction\n    summary: "An earlier version gave the loss as USD 440 million."\n';
    const result = compareArticle(
      article(BODY),
      article(BODY.replace('460 million', '440 million'), log),
      PATH,
    );
    expect(result.changes).toHaveLength(1);
    expect(result.newCorrections).toEqual(['2025-09-01']);
    expect(result.unaccounted).toEqual([]);
  });

  it('passes a typo fix, a re-wrapped paragraph and a moved paragraph', () => {
    const edited = BODY.replace('automated', 'automatic')
      .replace('The order says\nthe firm', 'The order says the firm')
      .replace(/(Knight lost[\s\S]*?deployments \[@sec-order\]\.)\n\n(The system sent[^\n]*)/, '$2\n\n$1');
    expect(edited).not.toBe(BODY);
    expect(compareArticle(article(BODY), article(edited), PATH).unaccounted).toEqual([]);
  });

  it('lets a fact that is only added through (an addition, not a correction)', () => {
    const added = `${BODY}\nBy the close, Knight had lost about 10 percent of its market value.\n`;
    const result = compareArticle(article(BODY), article(added), PATH);
    expect(result.changes.map((c) => [c.before, c.after])).toEqual([[undefined, '10 percent']]);
    expect(result.unaccounted).toEqual([]);
    expect(classifyArticleChange(article(BODY), article(added), PATH)).toBe('substantive');
  });

  it('exempts new articles and drafts', () => {
    expect(compareArticle(undefined, article(BODY), PATH).exempt).toBe('new article');
    const draft = article(BODY, 'draft: true\n');
    expect(compareArticle(draft, article(BODY.replace('97', '98')), PATH).exempt).toBe('draft');
  });
});

describe('classifyArticleChange', () => {
  it('calls a spelling fix typo-level', () => {
    expect(classifyArticleChange(article(BODY), article(BODY.replace('automated', 'automatic')), PATH)).toBe(
      'typo',
    );
  });

  it('calls a changed number, a new sentence or a new reviewer substantive', () => {
    expect(classifyArticleChange(article(BODY), article(BODY.replace('97', '96')), PATH)).toBe('substantive');
    expect(
      classifyArticleChange(
        article(BODY),
        article(`${BODY}\nNobody at the firm read them until the afternoon, when it was too late.\n`),
        PATH,
      ),
    ).toBe('substantive');
    expect(
      classifyArticleChange(
        article(BODY),
        article(BODY).replace('reviewer: ben-sato', 'reviewer: chen-li'),
        PATH,
      ),
    ).toBe('substantive');
  });

  it('calls publishing a draft substantive', () => {
    expect(classifyArticleChange(article(BODY, 'draft: true\n'), article(BODY), PATH)).toBe('substantive');
  });
});
