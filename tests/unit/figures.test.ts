/**
 * Figures through the production renderer: Astro image placeholders (AVIF, WebP, fallback),
 * eager then lazy loading, dark variants, numbering, credits; and the finishing step that
 * makes Astro's output valid HTML.
 */
import { describe, expect, it } from 'vitest';
import { renderArticle } from '../../src/lib/markdown/article-renderer.ts';
import { finishPictures } from '../../src/lib/figures/finish-pictures.ts';
import { licenseLabel } from '../../src/lib/figures/credits.ts';

const path = 'content/articles/figures/index.mdx';
const render = (body: string) =>
  renderArticle(body, { path, frontmatter: { sources: [{ id: 'paper', title: 'P' }] } });
const placeholders = (html: string) =>
  [...html.matchAll(/__ASTRO_IMAGE_="([^"]+)"/g)].map(
    (m) => JSON.parse(m[1]!.replaceAll('&#x22;', '"')) as { src: string; format?: string; loading?: string },
  );

describe('figures', () => {
  it('hand every local image to Astro as AVIF and WebP sources and a fallback img, first eager then lazy', async () => {
    const { html, imagePaths } = await render(
      '<Figure src="./a.png" alt="First." id="fig-a" />\n\n![Second.](./b.jpg)\n\nSee [@fig-a].\n',
    );
    expect(imagePaths).toEqual(['./a.png', './b.jpg']);
    const images = placeholders(html);
    expect(images.map((p) => [p.src, p.format, p.loading])).toEqual([
      ['./a.png', 'avif', undefined],
      ['./a.png', 'webp', undefined],
      ['./a.png', 'png', 'eager'],
      ['./b.jpg', 'avif', undefined],
      ['./b.jpg', 'webp', undefined],
      ['./b.jpg', 'jpg', 'lazy'],
    ]);
    expect(images[2]).toMatchObject({
      alt: 'First.',
      widths: [480, 800, 1200, 1600],
      sizes: expect.stringContaining('rem'),
    });
    expect(html).toContain('<source type="image/avif"');
    expect(html).toContain('<figcaption><span class="number-label">Figure 1</span></figcaption>');
    expect(html).toContain('<a href="#fig-a" class="cross-ref">Figure 1</a>');
  });

  it('serve SVG as a file, with a dark variant as a source for the dark scheme', async () => {
    const { html } = await render('<Figure src="./d.svg" srcDark="./d-dark.svg" alt="A drawing." />\n');
    expect(placeholders(html).map((p) => [p.src, p.format])).toEqual([
      ['./d-dark.svg', 'svg'],
      ['./d.svg', 'svg'],
    ]);
    expect(html).toContain('<source media="(prefers-color-scheme: dark)" type="image/svg+xml"');
  });

  it('put the caption and the credit under the figure and keep the credit for the credits list', async () => {
    const { html, frontmatter } = await render(
      '<Figure src="./a.png" alt="Load over a day." id="fig-load" credit="Jane Doe" license="CC-BY-4.0" sourceUrl="https://example.com/load">\n  Load over a day [@paper].\n</Figure>\n',
    );
    expect(html).toMatch(
      /<figcaption><span class="number-label">Figure 1<\/span>\. Load over a day[\s\u00a0]?<sup class="citation">.*<\/sup>\. <span class="figure-credit">Credit: <a href="https:\/\/example.com\/load">Jane Doe<\/a>, CC BY 4.0\.<\/span><\/figcaption>/,
    );
    expect(html).not.toContain('data-credit');
    expect(frontmatter.figureCredits).toEqual([
      {
        label: 'Figure 1',
        id: 'fig-load',
        credit: 'Jane Doe',
        license: 'CC-BY-4.0',
        sourceUrl: 'https://example.com/load',
      },
    ]);
  });

  it('fail on a figure id used twice, naming both lines', async () => {
    await expect(
      render(
        '<Figure src="./a.png" alt="One." id="fig-a" />\n\n<Figure src="./b.png" alt="Two." id="fig-a" />\n',
      ),
    ).rejects.toThrow(
      'content/articles/figures/index.mdx:3: id "fig-a" is already used by Figure 1 (line 1)',
    );
  });

  it('refuse a remote image even when the lint was bypassed', async () => {
    await expect(render('![Remote.](https://example.com/x.png)\n')).rejects.toThrow(
      'is not a file beside the article',
    );
  });
});

describe('finishPictures', () => {
  it('keeps only what a <source> may carry and points the zoom link at the full-size file', () => {
    const html =
      '<a class="figure-zoom" data-zoom=""><picture><source type="image/avif" src="/_astro/a.avif" srcset="/_astro/a-480.avif 480w" sizes="44rem" width="800" height="450" alt="x" loading="lazy" decoding="async"><img src="/_astro/a.png" alt="x" width="800" height="450"></picture></a>';
    expect(finishPictures(html)).toBe(
      '<a class="figure-zoom" href="/_astro/a.png"><picture><source type="image/avif" srcset="/_astro/a-480.avif 480w" sizes="44rem" width="800" height="450"><img src="/_astro/a.png" alt="x" width="800" height="450"></picture></a>',
    );
  });

  it('gives an SVG source its file as srcset', () => {
    expect(
      finishPictures(
        '<picture><source type="image/svg+xml" src="/_astro/d.svg" width="4" height="3"><img src="/_astro/l.svg" alt="x"></picture>',
      ),
    ).toContain('<source type="image/svg+xml" width="4" height="3" srcset="/_astro/d.svg">');
  });
});

it('licence labels read as people write them', () => {
  expect(['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'MIT', 'used-with-permission'].map(licenseLabel)).toEqual([
    'CC BY 4.0',
    'CC BY-SA 4.0',
    'CC0 1.0',
    'MIT',
    'used with permission',
  ]);
});
