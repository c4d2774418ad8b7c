import { describe, expect, test } from 'vitest';
import { renderArticle } from '../../src/lib/markdown/article-renderer.ts';

const frontmatter = { sources: [{ id: 's', title: 'S' }], corrections: [] };
/** The few entities rehype-stringify writes in text. */
const decode = (text: string) =>
  text
    .replace(/&#x(\w+);/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&amp;/g, '&');
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
    // Shiki splits the code block into token spans, so compare its text, not the markup.
    const code = /<pre[^>]*>([\s\S]*?)<\/pre>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '');
    expect(code).toBeDefined();
    expect(decode(code!)).toContain(`print("x")  # it's`);
    expect(code).not.toMatch(/[“”‘’]/);
    // The TeX source KaTeX keeps is the author's: two hyphens, not an en dash.
    expect(html).toContain('<annotation encoding="application/x-tex">a--b</annotation>');
  });
});
