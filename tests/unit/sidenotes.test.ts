import { describe, expect, it } from 'vitest';
import { renderArticle } from '../../src/lib/markdown/article-renderer.ts';

const render = (body: string) =>
  renderArticle(body, { path: 'content/articles/n.md', frontmatter: { sources: [] } }).then((r) => r.html);

describe('side notes', () => {
  it('puts a hidden-from-AT copy of each footnote next to its reference, without ids or back-links', async () => {
    const html = await render('A claim.[^a] More.\n\n[^a]: The note, with [a link](https://example.org/).\n');
    const sidenote =
      /<span class="sidenote" aria-hidden="true">([\s\S]*?)<\/span>\s*More/.exec(html)?.[1] ?? '';
    expect(html).toMatch(/data-footnote-ref[^>]*>1<\/a><\/sup><span class="sidenote"/);
    expect(sidenote).toContain('<span class="sidenote-number">1</span>');
    expect(sidenote).toContain('The note, with');
    expect(sidenote).toMatch(/<a href="https:\/\/example.org\/" tabindex="-1">a link<\/a>/);
    expect(sidenote).not.toContain('data-footnote-backref');
    expect(sidenote).not.toContain('id=');
    // The numbered notes at the end are still there.
    expect(html).toMatch(/<section data-footnotes class="footnotes">/);
  });

  it('adds nothing to a body without footnotes', async () => {
    expect(await render('Just text [^x] in brackets.\n')).not.toContain('sidenote');
  });
});
