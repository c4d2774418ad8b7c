import { describe, expect, it } from 'vitest';
import { checkImages, MAX_OVERSIZE } from '../../../scripts/verify/images.ts';
import { makeDist, page } from './helpers.ts';

const SIZES = '(min-width: 48rem) 44rem, calc(100vw - 2.5rem)';
const srcset = (ext: string, widths = [480, 800, 1200, 1600]) =>
  widths.map((w) => `/_astro/a_${w}.${ext} ${w}w`).join(', ');
/** A figure as the site writes it: AVIF and WebP sources, a PNG fallback. */
const picture = (loading: string, options: { widths?: number[]; modern?: boolean; alt?: boolean } = {}) =>
  `<picture>${options.modern === false ? '' : `<source type="image/avif" srcset="${srcset('avif', options.widths)}" sizes="${SIZES}" width="1600" height="900"><source type="image/webp" srcset="${srcset('webp', options.widths)}" sizes="${SIZES}" width="1600" height="900">`}<img src="/_astro/a.png"${options.alt === false ? '' : ' alt="The read path."'} srcset="${srcset('png', options.widths)}" sizes="${SIZES}" width="1600" height="900" loading="${loading}" decoding="async"></picture>`;
const article = (body: string) => page(`<article><div class="prose">${body}</div></article>`);
const files = (size = 1000) =>
  Object.fromEntries(
    ['avif', 'webp', 'png'].flatMap((ext) =>
      [480, 800, 1200, 1600].map((w) => [`_astro/a_${w}.${ext}`, 'x'.repeat(size)]),
    ),
  );

function problems(body: string, extra: Record<string, string> = {}) {
  const dist = makeDist({ 'articles/a/index.html': article(body), ...files(), ...extra });
  return checkImages(dist).findings.map((f) => f.message);
}

describe('image budgets', () => {
  it('pass a first eager figure and a later lazy one', () => {
    expect(problems(picture('eager') + picture('lazy'))).toEqual([]);
  });

  it('fail on an image placeholder Astro never replaced', () => {
    expect(problems('<img __astro_image_="{&#x22;src&#x22;:&#x22;./a.png&#x22;}">')).toEqual([
      "<img> still carries Astro's image placeholder (__ASTRO_IMAGE_): the image was never processed",
    ]);
  });

  it('fail on a missing alt, a missing srcset and no modern format', () => {
    expect(problems('<img src="/_astro/a.png" width="10" height="10">')).toEqual([
      '<img src="/_astro/a.png"> has no alt attribute',
      '<img src="/_astro/a.png"> has no srcset',
      '<img src="/_astro/a.png"> is offered in no modern format (AVIF or WebP)',
    ]);
    expect(problems(picture('eager', { modern: false }))).toEqual([
      '<img src="/_astro/a.png"> is offered in no modern format (AVIF or WebP)',
    ]);
  });

  it('let an SVG through without srcset', () => {
    expect(problems('<img src="/_astro/d.svg" alt="A drawing." width="480" height="300">')).toEqual([]);
  });

  it('fail when a later image is not lazy, or the first one is', () => {
    expect(problems(picture('lazy') + picture('eager'))).toEqual([
      "the article's first image (/_astro/a.png) loads lazily",
      '<img src="/_astro/a.png"> is below the article\'s first image but not loading="lazy"',
    ]);
  });

  it(`fail on files over ${MAX_OVERSIZE}× the widest slot`, () => {
    const found = problems(picture('eager', { widths: [480, 800, 1800] }));
    expect(found).toHaveLength(3);
    expect(found[0]).toBe(
      '<img src="/_astro/a.png"> ships a 1800 px wide file for a slot at most 704 px wide (over 2.5×)',
    );
  });

  it('fail when the first screen loads too many image bytes', () => {
    const dist = makeDist({ 'articles/a/index.html': article(picture('eager')), ...files(500_000) });
    expect(checkImages(dist).findings.map((f) => f.message)).toEqual([
      'loads 500000 bytes of images before the reader scrolls (budget 400000)',
    ]);
  });
});
