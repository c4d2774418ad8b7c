/**
 * Wide blocks become named, focusable scroll boxes in what the production renderer emits.
 */
import { describe, expect, it } from 'vitest';
import { renderArticle } from '../../src/lib/markdown/article-renderer.ts';

const render = (body: string) =>
  renderArticle(body, { path: 'content/articles/wide.md', frontmatter: { sources: [] } }).then((r) => r.html);

describe('scroll boxes for wide content', () => {
  it('wraps a table in a focusable box named after its column headings, keeping the table', async () => {
    const html = await render('| Scenario | Metric |\n| --- | --- |\n| Server | p99 latency |\n');
    expect(html).toMatch(
      /<div class="scroll-box scroll-box-table" tabindex="0" role="group" aria-label="Table: Scenario, Metric"><table>/,
    );
  });

  it('makes a display equation its own focusable, named scroll box', async () => {
    const html = await render('$$\nPSI = \\sum_i (a_i - e_i) \\ln \\frac{a_i}{e_i}\n$$\n');
    expect(html).toMatch(
      /<span class="katex-display scroll-box scroll-box-math" tabindex="0" role="group" aria-label="Equation">/,
    );
  });

  it('makes a highlighted code block a named scroll box with one class and one tabindex', async () => {
    const html = await render('```python\nprint("a very long line")\n```\n');
    const pre = /<pre[^>]*>/.exec(html)![0];
    expect(pre).toContain('aria-label="Code (python)"');
    expect(pre).toMatch(/class="astro-code [^"]*scroll-box scroll-box-code"/);
    expect(pre.match(/tabindex=/g)).toHaveLength(1);
    expect(pre.match(/class=/g)).toHaveLength(1);
  });

  it('leaves inline math alone', async () => {
    const html = await render('Inline $x^2$ only.\n');
    expect(html).not.toContain('scroll-box');
  });
});

describe('scroll boxes and numbering', () => {
  it('names a captioned table and a numbered equation with their numbers', async () => {
    const html = await render(
      '| Scenario | Metric |\n| --- | --- |\n| Server | p99 |\n\n: Scenarios and their metric [#tbl-scenarios]\n\n$$ [#eq-psi]\nx = 1\n$$\n',
    );
    expect(html).toMatch(
      /<div class="scroll-box scroll-box-table" [^>]*aria-label="Table 1 Scenarios and their metric"><table[^>]*><caption>/,
    );
    expect(html).toMatch(/class="katex-display scroll-box scroll-box-math"[^>]*aria-label="Equation 1"/);
  });
});

describe('scroll boxes for diagrams', () => {
  it('names a diagram frame after its figure caption', async () => {
    const html = await render(
      '```mermaid\n%%| label: fig-flow\n%%| fig-cap: How a model ships\naccTitle: Training then serving\nflowchart LR\n  A[Train] --> B[Serve]\n```\n',
    );
    expect(html).toMatch(
      /<div class="diagram-frame scroll-box scroll-box-figure" tabindex="0" role="group" aria-label="Figure 1\. How a model ships">/,
    );
  });
});
