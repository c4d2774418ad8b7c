/**
 * Numbering and cross-references through the production renderer: tables with a caption,
 * display equations with an id, and any producer that registers a target with
 * numberedTarget/numberLabel. Unknown and duplicate ids must stop the build.
 */
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { crossRefIdProblem, isCrossRefId, numberLabel, numberedTarget } from '../../src/lib/cross-refs.ts';
import rehypeCrossRefs from '../../src/lib/markdown/rehype-cross-refs.ts';
import { renderArticle } from '../../src/lib/markdown/article-renderer.ts';
import { sourceSchema } from '../../src/schemas/source.ts';
import { VFile } from 'vfile';
import type { Root } from 'hast';

const path = 'content/articles/numbering.mdx';
const sources = [{ id: 'paper', title: 'A paper' }];
const render = (body: string) => renderArticle(body, { path, frontmatter: { sources } });
const visible = (html: string) => html.replace(/<[^>]+>/g, '');

const TABLE = (id: string) =>
  `| batch | p99 |\n| --- | --- |\n| 1 | 12 ms |\n\n: Latency by batch size [#${id}]\n`;

describe('numbered tables and equations', () => {
  it('puts the caption inside the table with its number, and resolves [@tbl-…]', async () => {
    const { html, frontmatter } = await render(`${TABLE('tbl-latency')}\nAs [@tbl-latency] shows.\n`);
    expect(html).toContain(
      '<table id="tbl-latency"><caption><span class="number-label">Table 1</span> Latency by batch size</caption>',
    );
    expect(html).toContain('As <a href="#tbl-latency" class="cross-ref">Table 1</a> shows.');
    expect(frontmatter.numbered).toEqual([{ kind: 'tbl', number: 1, label: 'Table 1', id: 'tbl-latency' }]);
  });

  it('numbers a captioned table without an id too', async () => {
    const { html } = await render(TABLE('tbl-a').replace(' [#tbl-a]', ''));
    expect(html).toContain(
      '<caption><span class="number-label">Table 1</span> Latency by batch size</caption>',
    );
  });

  it('numbers equations with an id as (n) and refers to them as Equation n', async () => {
    const { html } = await render(
      '$$ [#eq-little]\nL = \\lambda W\n$$\n\n$$\nx\n$$\n\n$$ [#eq-two]\ny\n$$\n\nBy [@eq-two] and [@eq-little].\n',
    );
    expect(html).toMatch(
      /<div class="equation" id="eq-little">.*<span class="number-label">\(1\)<\/span><\/div>/s,
    );
    expect(html).toMatch(
      /<div class="equation" id="eq-two">.*<span class="number-label">\(2\)<\/span><\/div>/s,
    );
    expect(visible(html)).toContain('By Equation 2 and Equation 1.');
  });

  it('writes several references of one kind as "Tables 1 and 2"', async () => {
    const { html } = await render(`${TABLE('tbl-a')}\n${TABLE('tbl-b')}\nSee [@tbl-a; @tbl-b].\n`);
    expect(html).toContain(
      'See <a href="#tbl-a" class="cross-ref">Tables 1</a> and <a href="#tbl-b" class="cross-ref">2</a>.',
    );
  });

  it('keeps source citations working beside cross-references', async () => {
    const { html, frontmatter } = await render(`${TABLE('tbl-a')}\n[@tbl-a] comes from [@paper].\n`);
    expect(html).toContain('<a href="#source-paper"');
    expect(frontmatter.citationCounts).toEqual({ paper: 1 });
  });
});

describe('cross-reference errors name the file, the line and the fix', () => {
  it('fails on an unknown id', async () => {
    await expect(render(`${TABLE('tbl-a')}\nText.\n\nSee [@tbl-missing].\n`)).rejects.toThrow(
      'content/articles/numbering.mdx:9: cross-reference [@tbl-missing] names no figure, table or equation in this article. Give the item id="tbl-missing", or refer to one of: tbl-a.',
    );
  });

  it('fails on a duplicate id, naming both places', async () => {
    await expect(render(`${TABLE('tbl-a')}\n${TABLE('tbl-a')}`)).rejects.toThrow(
      'content/articles/numbering.mdx:11: id "tbl-a" is already used by Table 1 (line 5); every figure, table and equation id must be unique in the article. Rename one of them.',
    );
  });

  it('fails on an id with the wrong prefix', async () => {
    await expect(render('$$ [#fig-x]\nx\n$$\n')).rejects.toThrow(
      'numbering.mdx:1: equation: id "fig-x" must start with "eq-"',
    );
  });

  it('fails when cross-references and citations share a bracket', async () => {
    await expect(render(`${TABLE('tbl-a')}\n[@tbl-a; @paper]\n`)).rejects.toThrow(
      '[@tbl-a; @paper] mixes cross-references and source citations; write them in separate brackets',
    );
  });

  it('refuses source ids that look like cross-references', () => {
    const result = sourceSchema.safeParse({ id: 'fig-1', title: 'x', kind: 'paper' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('must not start with fig-, tbl- or eq-');
  });
});

describe('the registration API other producers use', () => {
  it('numbers any element carrying numberedTarget, in document order, whoever made it', () => {
    const tree: Root = {
      type: 'root',
      children: [
        h('figure', numberedTarget('fig', 'fig-a', 3), [h('figcaption', [numberLabel(), ' A'])]),
        h('div', numberedTarget('fig', 'fig-b'), [h('p', [numberLabel(), ' B'])]),
        h('p', [h('span', { dataCrossRefs: 'fig-b fig-a' })]),
      ],
    };
    const file = new VFile({ path });
    rehypeCrossRefs()(tree, file);
    expect(tree.children[1]).toMatchObject({ properties: { id: 'fig-b' } });
    const text = JSON.stringify(tree);
    expect(text).toContain('"value":"Figure 2"');
    expect(text).not.toContain('dataNumbered');
    expect(visible(JSON.stringify(tree))).toContain('Figures 2');
  });

  it('says which ids are acceptable', () => {
    expect(isCrossRefId('fig-x')).toBe(true);
    expect(isCrossRefId('figure-x')).toBe(false);
    expect(crossRefIdProblem('fig', 'fig-serving-path')).toBeUndefined();
    expect(crossRefIdProblem('fig', 'fig-Serving')).toContain('lower-case');
  });
});

describe('the content lint and cross-references', () => {
  it('does not treat [@fig-…] as a source citation, and reports a mixed bracket with its line', async () => {
    const { checkBody } = await import('../../src/lib/content-lint/body.ts');
    const problems: import('../../src/lib/content-lint/problem.ts').Problem[] = [];
    const facts = checkBody(path, 'See [@fig-a].\n\nAnd [@fig-a; @paper].\n', 10, true, problems);
    expect([...facts.cited.keys()]).toEqual(['paper']);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 12,
        field: 'cross-reference',
        message: expect.stringContaining('mixes cross-references and source citations'),
      }),
    ]);
  });
});
