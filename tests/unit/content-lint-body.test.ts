/**
 * Article body rules: MDX safety, raw HTML in Markdown, citations, corrections, methodology
 * and math. Each test breaks one rule in a copy of the valid fixture.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintEdited, onlyProblem, validTree } from './helpers/content-tree.ts';
import { lineOf } from './helpers/text.ts';

const FEATURE = 'articles/feature-store-latency.mdx'; // correction, citations, display math, Aside
const BENCH = 'articles/gpu-inference-benchmark/index.mdx'; // benchmarks: methodology and results
const DRIFT = 'articles/drift-monitoring.md'; // plain Markdown, inline math
const FIRST_PARAGRAPH = 'The store answers most reads';
const DRIFT_LAST_LINE = 'See [the glossary](https://example.com/glossary) for the terms.';

/** Puts `block` as its own paragraph before the first paragraph of the feature article. */
function beforeFirstParagraph(block: string): [string, string] {
  return [FIRST_PARAGRAPH, `${block}\n\n${FIRST_PARAGRAPH}`];
}

describe('MDX is not a programming surface', () => {
  it('refuses an import', async () => {
    const { result, text } = await lintEdited(FEATURE, ...beforeFirstParagraph("import fs from 'node:fs'"));
    expect(onlyProblem(result)).toEqual({
      severity: 'error',
      file: `content/${FEATURE}`,
      line: lineOf(text, 'import fs'),
      field: 'import/export',
      message: expect.stringMatching(
        /^is not allowed in articles: MDX is code.*Remove the line; Correction, Results, Aside and Figure are available without importing\.$/,
      ),
    });
  });

  it('refuses an export', async () => {
    const { result, text } = await lintEdited(
      FEATURE,
      ...beforeFirstParagraph('export const secret = process.env.HOME'),
    );
    expect(onlyProblem(result)).toMatchObject({
      line: lineOf(text, 'export const'),
      field: 'import/export',
      message: expect.stringContaining('Remove the line'),
    });
  });

  it('refuses an {expression} and says how to write a literal brace', async () => {
    const { result, text } = await lintEdited(FEATURE, 'The store answers', 'The {1 + 1} store answers');
    expect(onlyProblem(result)).toEqual({
      severity: 'error',
      file: `content/${FEATURE}`,
      line: lineOf(text, '{1 + 1}'),
      field: '{1 + 1}',
      message:
        'expressions are not allowed in articles. For a literal brace, put it in `code` or math, or escape it as \\{.',
    });
  });

  it('reports prose that is not valid MDX with the usual fixes', async () => {
    const { result, text } = await lintEdited(FEATURE, 'The store answers', 'The store (p99 <5 ms) answers');
    expect(onlyProblem(result)).toMatchObject({
      line: lineOf(text, '<5 ms'),
      field: 'body',
      message: expect.stringMatching(/^is not valid MDX: .*put them in `code`, escape them/),
    });
  });

  it('positions inside an MDX syntax error are file lines, not body lines', async () => {
    const { result, text } = await lintEdited(
      FEATURE,
      ...beforeFirstParagraph('A <span>bold</strong> claim.'),
    );
    const problem = onlyProblem(result);
    const line = lineOf(text, '<span>bold');
    expect(problem).toMatchObject({ line, field: 'body' });
    expect(problem.message).toContain(`(line ${line})`);
    expect(problem.message).not.toMatch(/\d+:\d+/);
  });

  it('refuses an unknown component and lists the allowed ones', async () => {
    const { result, text } = await lintEdited(
      FEATURE,
      ...beforeFirstParagraph('<Chart data="latency.csv" />'),
    );
    expect(onlyProblem(result)).toEqual({
      severity: 'error',
      file: `content/${FEATURE}`,
      line: lineOf(text, '<Chart'),
      field: '<Chart>',
      message: 'unknown component <Chart>. Articles may use only Correction, Results, Aside, Figure.',
    });
  });

  it('refuses a plain HTML element that is not on the safe list', async () => {
    const { result } = await lintEdited(FEATURE, ...beforeFirstParagraph('<div>boxed</div>'));
    expect(onlyProblem(result)).toMatchObject({
      field: '<div>',
      message: expect.stringContaining(
        'HTML element <div> is not allowed in articles. Use Markdown, or one of the components',
      ),
    });
  });

  it('refuses an attribute a safe element does not take', async () => {
    const { result } = await lintEdited(
      FEATURE,
      'The store answers',
      'The <abbr title="key-value" style="color:red">KV</abbr> store answers',
    );
    expect(onlyProblem(result)).toMatchObject({
      field: '<abbr>',
      message: 'attribute "style" is not allowed on <abbr> (allowed: title).',
    });
  });

  it('refuses a component attribute written as an {expression}', async () => {
    const { result, text } = await lintEdited(FEATURE, '<Aside label="Note">', '<Aside label={note}>');
    expect(onlyProblem(result)).toEqual({
      severity: 'error',
      file: `content/${FEATURE}`,
      line: lineOf(text, '<Aside'),
      field: '<Aside>',
      message: 'attribute "label" uses an {expression}; write it as label="text".',
    });
  });

  it('refuses spread attributes', async () => {
    const { result } = await lintEdited(FEATURE, '<Aside label="Note">', '<Aside {...props}>');
    expect(onlyProblem(result)).toMatchObject({
      field: '<Aside>',
      message: expect.stringContaining('spread attributes {…} are not allowed'),
    });
  });

  it('refuses an on* attribute on a component', async () => {
    const { result, text } = await lintEdited(
      FEATURE,
      '<Aside label="Note">',
      '<Aside label="Note" onClick="steal()">',
    );
    expect(onlyProblem(result)).toEqual({
      severity: 'error',
      file: `content/${FEATURE}`,
      line: lineOf(text, '<Aside'),
      field: '<Aside>',
      message: 'event-handler attribute "onClick" is not allowed: it would run script.',
    });
  });

  it('refuses an unknown attribute on a component and shows its usage', async () => {
    const { result } = await lintEdited(
      FEATURE,
      '<Aside label="Note">',
      '<Aside label="Note" tone="warning">',
    );
    expect(onlyProblem(result)).toMatchObject({
      field: '<Aside>',
      message:
        'unknown attribute "tone". Usage: <Aside label="Note">a remark set apart from the argument</Aside>',
    });
  });

  it('refuses a raw <script> in .mdx', async () => {
    const { result, text } = await lintEdited(FEATURE, ...beforeFirstParagraph('<script>alert(1)</script>'));
    expect(onlyProblem(result)).toEqual({
      severity: 'error',
      file: `content/${FEATURE}`,
      line: lineOf(text, '<script>'),
      field: '<script>',
      message: 'raw <script> is not allowed in articles: it can run code or restyle the site. Remove it.',
    });
  });

  it('refuses a javascript: URL in a Markdown link in .mdx', async () => {
    const { result } = await lintEdited(
      FEATURE,
      'The store answers',
      'The [store](javascript:alert(1)) answers',
    );
    expect(onlyProblem(result)).toMatchObject({
      field: 'link',
      message: expect.stringContaining('"javascript:alert(1)" uses a forbidden URL scheme'),
    });
  });
});

describe('raw HTML in a .md article', () => {
  it('refuses <script>', async () => {
    const { result, text } = await lintEdited(
      DRIFT,
      DRIFT_LAST_LINE,
      `<script>alert(1)</script>\n\n${DRIFT_LAST_LINE}`,
    );
    expect(onlyProblem(result)).toEqual({
      severity: 'error',
      file: `content/${DRIFT}`,
      line: lineOf(text, '<script>'),
      field: '<script>',
      message:
        'raw <script> is not allowed in articles: it can run code or restyle the site. Remove it; use Markdown, a fenced code block, or an allowed component.',
    });
  });

  it('refuses <iframe>', async () => {
    const { result, text } = await lintEdited(
      DRIFT,
      DRIFT_LAST_LINE,
      `<iframe src="https://example.com/embed"></iframe>\n\n${DRIFT_LAST_LINE}`,
    );
    expect(onlyProblem(result)).toMatchObject({
      line: lineOf(text, '<iframe'),
      field: '<iframe>',
      message: expect.stringContaining('raw <iframe> is not allowed'),
    });
  });

  it('refuses onclick=', async () => {
    const { result, text } = await lintEdited(
      DRIFT,
      DRIFT_LAST_LINE,
      `<p onclick="alert(1)">Open the dashboard.</p>\n\n${DRIFT_LAST_LINE}`,
    );
    expect(onlyProblem(result)).toEqual({
      severity: 'error',
      file: `content/${DRIFT}`,
      line: lineOf(text, 'onclick'),
      field: '<p onClick>',
      message: 'event-handler attributes (on…) are not allowed: they run script. Remove "onClick".',
    });
  });

  it('refuses a javascript: Markdown link', async () => {
    const { result, text } = await lintEdited(
      DRIFT,
      '(https://example.com/glossary)',
      '(javascript:alert(document.cookie))',
    );
    expect(onlyProblem(result)).toEqual({
      severity: 'error',
      file: `content/${DRIFT}`,
      line: lineOf(text, 'javascript:'),
      field: 'link',
      message:
        '"javascript:alert(document.cookie)" uses a forbidden URL scheme (javascript:, data:, vbscript:, file:). Link to an http(s) address or a page on this site.',
    });
  });

  it('refuses a javascript: href in an inline <a>', async () => {
    const { result } = await lintEdited(
      DRIFT,
      'See [the glossary](https://example.com/glossary)',
      'See <a href="javascript:void(0)">the glossary</a>',
    );
    expect(onlyProblem(result)).toMatchObject({
      field: '<a href>',
      message: expect.stringContaining(
        '"javascript:void(0)" uses a forbidden URL scheme; link to an http(s) address.',
      ),
    });
  });

  it('reports every unsafe construct of a page, each at its own line (static fixture)', async () => {
    const tree = await validTree();
    await tree.addInvalid('articles/unsafe-markdown.md', 'articles/unsafe-markdown.md');
    const text = await tree.read('articles/unsafe-markdown.md');
    const { problems } = await tree.lint();
    expect(problems.map(({ file, line, field }) => ({ file, line, field }))).toEqual([
      { file: 'content/articles/unsafe-markdown.md', line: lineOf(text, '<script>'), field: '<script>' },
      { file: 'content/articles/unsafe-markdown.md', line: lineOf(text, '<iframe'), field: '<iframe>' },
      { file: 'content/articles/unsafe-markdown.md', line: lineOf(text, 'onclick'), field: '<p onClick>' },
      { file: 'content/articles/unsafe-markdown.md', line: lineOf(text, 'javascript:'), field: 'link' },
    ]);
  });
});

describe('citations', () => {
  it('a citation of an unknown id names the known ids', async () => {
    const { result, text } = await lintEdited(
      DRIFT,
      '[@psi-note]. A common',
      '[@psi-note]. See also [@psi-paper]. A common',
    );
    expect(onlyProblem(result)).toEqual({
      severity: 'error',
      file: `content/${DRIFT}`,
      line: lineOf(text, '[@psi-paper]'),
      field: 'citation',
      message:
        '[@psi-paper] names no entry in "sources". Add a source with id "psi-paper" to the frontmatter, or cite one of: psi-note.',
    });
  });

  it('an unknown id inside a multiple citation is found too', async () => {
    const { result } = await lintEdited(
      FEATURE,
      '[@store-talk; @vendor-docs]',
      '[@store-talk; @vendor-docs; @vendor-blog]',
    );
    expect(onlyProblem(result)).toMatchObject({
      field: 'citation',
      message: expect.stringContaining('[@vendor-blog] names no entry in "sources"'),
    });
  });

  it('a malformed citation shows the accepted forms', async () => {
    const { result, text } = await lintEdited(DRIFT, '[@psi-note]. A common', '[@psi-note; 2019]. A common');
    expect(onlyProblem(result)).toEqual({
      severity: 'error',
      file: `content/${DRIFT}`,
      line: lineOf(text, '[@psi-note; 2019]'),
      field: 'citation',
      message: '[@psi-note; 2019] is malformed: "2019" is not "@source-id". Write [@id] or [@a; @b].',
    });
  });

  it('a source that is never cited is pointed at in the source list', async () => {
    const { result, text } = await lintEdited(DRIFT, ' [@psi-note]', '');
    expect(onlyProblem(result)).toEqual({
      severity: 'error',
      file: `content/${DRIFT}`,
      line: lineOf(text, '- id: psi-note'),
      field: 'sources[0]',
      message: '"psi-note" is never cited. Cite it as [@psi-note] where the text relies on it, or remove it.',
    });
  });

  it('a citation inside inline code does not count as citing', async () => {
    const { result } = await lintEdited(DRIFT, ' [@psi-note]', ' `[@psi-note]`');
    expect(onlyProblem(result)).toMatchObject({
      field: 'sources[0]',
      message: expect.stringContaining('"psi-note" is never cited'),
    });
  });
});

describe('corrections', () => {
  it('a log entry with no inline mark asks for one', async () => {
    const { result, text } = await lintEdited(
      FEATURE,
      '<Correction date="2025-04-02">cache hit rate of 82 percent</Correction>',
      'cache hit rate of 82 percent',
    );
    expect(onlyProblem(result)).toEqual({
      severity: 'error',
      file: `content/${FEATURE}`,
      line: lineOf(text, '  - date: 2025-04-02'),
      field: 'corrections[0]',
      message:
        '2025-04-02 has no inline mark. Wrap the changed words in <Correction date="2025-04-02">…</Correction>.',
    });
  });

  it('an inline mark whose date is not in the log is reported at the mark', async () => {
    const { result, text } = await lintEdited(
      FEATURE,
      '<Correction date="2025-04-02">',
      '<Correction date="2025-04-03">',
    );
    // The log entry for 2025-04-02 has lost its mark as well.
    expect(result.problems).toHaveLength(2);
    expect(result.problems).toContainEqual({
      severity: 'error',
      file: `content/${FEATURE}`,
      line: lineOf(text, '<Correction date="2025-04-03">'),
      field: '<Correction>',
      message:
        '<Correction date="2025-04-03"> has no entry in the "corrections" log. Add { date: 2025-04-03, summary: "…" } to corrections, or fix the date.',
    });
  });

  it('a <Correction> without a date shows its usage', async () => {
    const { result } = await lintEdited(FEATURE, '<Correction date="2025-04-02">', '<Correction>');
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        field: '<Correction>',
        message:
          'needs a non-empty date="…" attribute. Usage: <Correction date="YYYY-MM-DD">corrected words</Correction>',
      }),
    );
  });

  it('a corrections log in a .md article asks for .mdx', async () => {
    const { result, text } = await lintEdited(
      DRIFT,
      'sources:\n',
      'corrections:\n  - date: 2025-02-01\n    summary: "An earlier version gave the PSI threshold as 0.1."\nsources:\n',
    );
    expect(onlyProblem(result)).toEqual({
      severity: 'error',
      file: `content/${DRIFT}`,
      line: lineOf(text, '  - date: 2025-02-01'),
      field: 'corrections[0]',
      message:
        '2025-02-01 needs an inline <Correction date="2025-02-01"> mark, which only .mdx files support: rename the file to .mdx and mark the changed words.',
    });
  });

  it('a <Correction> mark in a .md article asks for .mdx instead of shipping an unknown element', async () => {
    const { result, text } = await lintEdited(
      DRIFT,
      'A common threshold',
      'A <Correction date="2025-02-01">common</Correction> threshold',
    );
    expect(onlyProblem(result)).toEqual({
      severity: 'error',
      file: `content/${DRIFT}`,
      line: lineOf(text, '<Correction'),
      field: '<Correction>',
      message: 'components work only in .mdx files: rename the file to .mdx (the URL stays the same).',
    });
  });
});

describe('per-beat contracts', () => {
  const KNIGHT_LIKE = 'articles/deploy-incident.mdx';
  const POSTMORTEM_SECTIONS = [
    'Timeline',
    'Impact',
    'Detection',
    'Root cause',
    'Contributing factors',
    'What changed afterwards',
  ];
  /** A post-mortem with the given section headings, built from the valid drift article. */
  async function postmortem(headings: readonly string[]) {
    const tree = await validTree();
    const text = await tree.read(DRIFT);
    const [frontmatter] = text.split(/\n---\n/, 1);
    const body = headings.map((h) => `## ${h}\n\nWe found the drift [@psi-note].\n`).join('\n');
    const sources = text.slice(text.indexOf('sources:'), text.indexOf('\n---', 4));
    await tree.remove(DRIFT);
    await tree.write(
      KNIGHT_LIKE,
      `${frontmatter!.replace('beat: mlops', 'beat: postmortems').replace(/sources:[\s\S]*$/, sources)}\n---\n\n${body}`,
    );
    return tree;
  }

  it('a benchmarks piece without a methodology block is refused, naming the block', async () => {
    const tree = await validTree();
    const text = await tree.read(BENCH);
    await tree.write(BENCH, text.replace(/^methodology:[\s\S]*?(?=^results:)/m, ''));
    expect(onlyProblem(await tree.lint())).toEqual({
      severity: 'error',
      file: `content/${BENCH}`,
      line: lineOf(text, 'beat:'),
      field: 'methodology',
      message: expect.stringMatching(
        /^benchmark pieces must report how they measured: add a `methodology:` block/,
      ),
    });
  });

  it('a benchmarks piece without results is refused', async () => {
    const tree = await validTree();
    const text = await tree.read(BENCH);
    await tree.write(
      BENCH,
      text
        .replace(/^results:[\s\S]*?(?=^---)/m, '')
        .replace('<Results id="fig-throughput" />\n\n[@fig-throughput] shows', 'The table shows'),
    );
    expect(onlyProblem(await tree.lint())).toMatchObject({
      field: 'results',
      message: expect.stringMatching(
        /^benchmark pieces must publish what they measured: add at least one `results:` entry/,
      ),
    });
  });

  it('the old <Methodology> box is refused with the way to migrate', async () => {
    const { result } = await lintEdited(
      BENCH,
      '<Results id="fig-throughput" />',
      '<Results id="fig-throughput" />\n\n<Methodology sampleSize="30" variance="low" confidence="95%">x</Methodology>',
    );
    expect(onlyProblem(result)).toMatchObject({
      field: '<Methodology>',
      message: expect.stringContaining('was replaced by the `methodology:` block in the frontmatter'),
    });
  });

  it('a post-mortem with every section passes; each missing section is named', async () => {
    expect((await (await postmortem(POSTMORTEM_SECTIONS)).lint()).problems).toEqual([]);
    const without = POSTMORTEM_SECTIONS.filter((h) => h !== 'Root cause');
    expect(onlyProblem(await (await postmortem(without)).lint())).toMatchObject({
      severity: 'error',
      file: `content/${KNIGHT_LIKE}`,
      field: 'section "Root cause"',
      message:
        'post-mortems need a "Root cause" section: add a heading such as "## Root cause" (any heading containing "root cause" counts).',
    });
  });

  it('section words match anywhere in a heading, case-insensitively', async () => {
    const headings = [
      'Timeline of the outage',
      'IMPACT',
      'Detection',
      'The root cause: a reused flag',
      'Contributing factors',
      'What changed afterwards',
    ];
    expect((await (await postmortem(headings)).lint()).problems).toEqual([]);
  });
});

describe('results in the text', () => {
  it('a <Results> naming no declared entry is refused at its line', async () => {
    const { result, text } = await lintEdited(
      BENCH,
      '<Results id="fig-throughput" />',
      '<Results id="fig-throughput" />\n\n<Results id="fig-latency" />',
    );
    expect(onlyProblem(result)).toEqual({
      severity: 'error',
      file: `content/${BENCH}`,
      line: lineOf(text, '<Results id="fig-latency"'),
      field: '<Results>',
      message:
        'id="fig-latency" names no entry in the frontmatter\'s results list (declared: fig-throughput). Declare it under results:, or fix the id.',
    });
  });

  it('a declared entry that is never shown, or never referred to, is refused', async () => {
    const notShown = await lintEdited(BENCH, '<Results id="fig-throughput" />', '');
    expect(onlyProblem(notShown.result)).toMatchObject({
      field: 'results[0].id',
      message:
        '"fig-throughput" is never shown: place <Results id="fig-throughput" /> where it belongs in the text, or remove the entry.',
    });
    const notReferred = await lintEdited(BENCH, '[@fig-throughput] shows', 'The chart shows');
    expect(onlyProblem(notReferred.result)).toMatchObject({
      field: 'results[0].id',
      message:
        '"fig-throughput" is never referred to in the text: say what it shows and point at it with [@fig-throughput].',
    });
  });

  it('bad data in the results file fails the lint with file, row and column', async () => {
    const tree = await validTree();
    await tree.edit(
      'articles/gpu-inference-benchmark/data/throughput.csv',
      '8,2150,2102,2190,30',
      '8,2150,2102,2190,0',
    );
    expect(onlyProblem(await tree.lint())).toEqual({
      severity: 'error',
      file: 'content/articles/gpu-inference-benchmark/data/throughput.csv',
      line: 3,
      field: 'row 2, column "runs"',
      message: expect.stringMatching(/^0 is not a sample size: it must be a whole number of at least 1/),
    });
  });

  it('results need the article in its own folder', async () => {
    const tree = await validTree();
    const text = await tree.read(BENCH);
    await rm(join(tree.content, 'articles/gpu-inference-benchmark'), { recursive: true });
    await tree.write('articles/gpu-inference-benchmark.mdx', text);
    expect(onlyProblem(await tree.lint())).toMatchObject({
      file: 'content/articles/gpu-inference-benchmark.mdx',
      field: 'results',
      message: expect.stringContaining(
        'move content/articles/gpu-inference-benchmark.mdx to content/articles/gpu-inference-benchmark/index.mdx',
      ),
    });
  });
});

describe('supersededBy', () => {
  it('must name another existing article', async () => {
    const missing = await lintEdited(
      DRIFT,
      'beat: mlops',
      'beat: mlops\nsupersededBy: drift-monitoring-2026',
    );
    expect(onlyProblem(missing.result)).toMatchObject({
      file: `content/${DRIFT}`,
      line: lineOf(missing.text, 'supersededBy:'),
      field: 'supersededBy',
      message: expect.stringMatching(/^"drift-monitoring-2026" is not an article/),
    });
    const self = await lintEdited(DRIFT, 'beat: mlops', 'beat: mlops\nsupersededBy: drift-monitoring');
    expect(onlyProblem(self.result)).toMatchObject({
      field: 'supersededBy',
      message: expect.stringContaining('itself'),
    });
    const ok = await lintEdited(DRIFT, 'beat: mlops', 'beat: mlops\nsupersededBy: feature-store-latency');
    expect(ok.result.problems).toEqual([]);
  });
});

describe('unsourced numbers', () => {
  it('a number with a unit and no citation in its paragraph is a warning at its line', async () => {
    const { result, text } = await lintEdited(
      FEATURE,
      FIRST_PARAGRAPH,
      `Reads take 250 ms at p99.\n\n${FIRST_PARAGRAPH}`,
    );
    expect(onlyProblem(result)).toEqual({
      severity: 'warning',
      file: `content/${FEATURE}`,
      line: lineOf(text, 'Reads take 250 ms'),
      field: 'unsourced number',
      message: expect.stringMatching(/^"250 ms" has no citation or figure reference in its paragraph/),
    });
    expect(result.markedNumbers).toBe(0);
  });

  it('a citation or a figure reference in the paragraph backs it', async () => {
    const cited = await lintEdited(
      FEATURE,
      FIRST_PARAGRAPH,
      `Reads take 250 ms at p99.\nThat is the vendor's figure [@vendor-docs].\n\n${FIRST_PARAGRAPH}`,
    );
    expect(cited.result.problems.filter((p) => p.field === 'unsourced number')).toEqual([]);
  });

  it("an editor's marker silences it, is counted, and needs a reason", async () => {
    const marked = await lintEdited(
      FEATURE,
      FIRST_PARAGRAPH,
      `Reads take 250 ms. {/* unsourced: an illustration */}\n\n${FIRST_PARAGRAPH}`,
    );
    expect(marked.result.problems).toEqual([]);
    expect(marked.result.markedNumbers).toBe(1);
    const bare = await lintEdited(
      FEATURE,
      FIRST_PARAGRAPH,
      `Reads take 250 ms. {/* unsourced: */}\n\n${FIRST_PARAGRAPH}`,
    );
    expect(bare.result.problems.map((p) => p.field)).toContain('unsourced marker');
  });

  it('other comments are still expressions, and refused', async () => {
    const { result } = await lintEdited(FEATURE, FIRST_PARAGRAPH, `{/* a note */}\n\n${FIRST_PARAGRAPH}`);
    expect(onlyProblem(result)).toMatchObject({ field: '{/* a note */}' });
  });
});

describe('math', () => {
  it('malformed inline TeX is an error naming the expression', async () => {
    const { result, text } = await lintEdited(DRIFT, '$\\mathrm{PSI} > 0.2$', '$\\frac{1}{$');
    expect(onlyProblem(result)).toEqual({
      severity: 'error',
      file: `content/${DRIFT}`,
      line: lineOf(text, '\\frac'),
      field: 'inline math',
      message: expect.stringMatching(
        /^malformed math "\\frac\{1\}\{": .*expected '\}'.*Fix the TeX \(KaTeX supports a subset of LaTeX/,
      ),
    });
  });

  it('malformed display TeX is an error at the opening $$', async () => {
    const { result, text } = await lintEdited(
      FEATURE,
      '(1 - h) \\, t_{\\text{disk}}',
      '(1 - h) \\, t_{\\text{disk}} \\notacommand',
    );
    expect(onlyProblem(result)).toMatchObject({
      severity: 'error',
      line: lineOf(text, '$$'),
      field: 'math',
      message: expect.stringContaining('Undefined control sequence: \\notacommand'),
    });
  });

  it('a command articles may not use (KaTeX prints it in red without failing) is an error', async () => {
    const { result, text } = await lintEdited(
      DRIFT,
      '$\\mathrm{PSI} > 0.2$',
      '$\\href{https://example.com}{\\mathrm{PSI}} > 0.2$',
    );
    expect(onlyProblem(result)).toEqual({
      severity: 'error',
      file: `content/${DRIFT}`,
      line: lineOf(text, '\\href'),
      field: 'inline math',
      message: expect.stringMatching(
        /^math "\\href\{https:\/\/example\.com\}\{\\mathrm\{PSI\}\} > 0\.2" uses \\href, which articles may not use/,
      ),
    });
  });

  it('Unicode text in math mode renders but is a warning, not an error', async () => {
    const { result, text } = await lintEdited(DRIFT, '$\\mathrm{PSI} > 0.2$', '$\\mathrm{PSI} > 0.2 é$');
    expect(onlyProblem(result)).toEqual({
      severity: 'warning',
      file: `content/${DRIFT}`,
      line: lineOf(text, 'é$'),
      field: 'inline math',
      message: expect.stringMatching(
        /^"\\mathrm\{PSI\} > 0\.2 é" renders but is not portable LaTeX: .*\[unicodeTextInMathMode\]$/,
      ),
    });
  });

  it('\\\\ in display math is one warning however often it appears', async () => {
    const { result } = await lintEdited(FEATURE, 't_{99} \\approx', 'a \\\\ b \\\\ t_{99} \\approx');
    expect(onlyProblem(result)).toMatchObject({
      severity: 'warning',
      field: 'math',
      message: expect.stringContaining('[newLineInDisplayMode]'),
    });
  });

  it('math in a benchmark piece is checked too', async () => {
    const { result } = await lintEdited(BENCH, '$\\lambda = N / t$', '$\\lambda = \\frac{N}{t$');
    expect(onlyProblem(result)).toMatchObject({
      severity: 'error',
      file: `content/${BENCH}`,
      field: 'inline math',
      message: expect.stringContaining('malformed math'),
    });
  });
});
