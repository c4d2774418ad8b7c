/**
 * Citation markers carry a preview of their source (popover + interestfor, no script) and
 * never start a line on their own, in what the production renderer emits.
 */
import { describe, expect, it } from 'vitest';
import { renderArticle } from '../../src/lib/markdown/article-renderer.ts';
import { shortUrl } from '../../src/lib/markdown/rehype-citation-previews.ts';

const sources = [
  {
    id: 'drift',
    title: 'Monitoring model drift',
    url: 'https://www.example.org/2021/05/20/monitor-machine-learning-model-drift/',
    publisher: 'Example Engineering',
    date: new Date('2021-05-20T00:00:00Z'),
    kind: 'blog',
  },
  { id: 'talk', title: 'An unrecorded talk', kind: 'talk' },
];
const render = (body: string) =>
  renderArticle(body, { path: 'content/articles/p.md', frontmatter: { sources } }).then((r) => r.html);

describe('citation previews', () => {
  it('pairs each marker with a hint popover naming title, publisher, date and link', async () => {
    const html = await render('Models age [@drift].\n');
    expect(html).toContain('interestfor="preview-cite-drift-1"');
    const preview =
      /<span class="cite-preview" id="preview-cite-drift-1" popover="hint">(.*?)<\/span><\/span>/.exec(
        html,
      )?.[1];
    expect(preview).toContain('<span class="cite-preview-title">Monitoring model drift</span>');
    expect(preview).toContain('<span class="cite-preview-meta">Example Engineering, 20 May 2021</span>');
    expect(preview).toContain(`href="${sources[0]!.url}"`);
  });

  it('gives every occurrence its own preview id, and a source without URL no link', async () => {
    const html = await render('One [@drift; @talk], two [@drift].\n');
    expect(html).toContain('id="preview-cite-drift-1"');
    expect(html).toContain('id="preview-cite-drift-2"');
    expect(html).toMatch(
      /id="preview-cite-talk-1" popover="hint"><span class="cite-preview-title">An unrecorded talk<\/span><\/span>/,
    );
  });

  it('glues the marker to the word before it with a no-break space', async () => {
    const html = await render('Models age [@drift].\n');
    expect(html).toContain('Models age<sup class="citation">\u2060[');
    expect(html).not.toMatch(/age <sup/);
  });

  it('shortens long URLs for the preview', () => {
    expect(shortUrl('https://www.example.org/')).toBe('example.org');
    expect(shortUrl('https://arxiv.org/abs/1810.11953')).toBe('arxiv.org/abs/1810.11953');
    expect(shortUrl(sources[0]!.url!)).toBe('example.org/2021/05/20/monitor-mach…');
  });
});
