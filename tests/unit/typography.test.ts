import { describe, expect, test } from 'vitest';
import { renderArticle } from '../../src/lib/markdown/article-renderer.ts';

const frontmatter = { sources: [{ id: 's', title: 'S' }], corrections: [] };
const render = async (body: string) =>
  (await renderArticle(body, { path: 'content/articles/t.mdx', frontmatter })).html;

describe('remark-typography', () => {
  test('curls quotes and apostrophes, and sets dashes and ellipses', async () => {
    const html = await render(`"Fast," she said -- it's p99... or --- worse 'maybe' [@s].`);
    expect(html).toContain('“Fast,” she said – it’s p99… or — worse ‘maybe’');
  });

  test('leaves code and math alone', async () => {
    const html = await render('Run `x = "a" -- b` and $a--b$ [@s].\n\n```python\nprint("x")  # it\'s\n```');
    expect(html).toMatch(/<code>x = (&#x22;|")a(&#x22;|") -- b<\/code>/);
    expect(html).not.toContain('print(“x”)');
  });
});
