/**
 * Image budgets on the built site. Sizes and attributes, not times, so they do not depend on
 * the machine:
 *
 * 1. Astro replaced every image placeholder: no `__ASTRO_IMAGE_` is left in a page (a content
 *    loader that forgets to register its images ships them raw, and the build stays green).
 * 2. Every <img> has an alt attribute, width and height; every raster <img> has a srcset and is
 *    offered in a modern format (an AVIF or WebP <source>, or an AVIF/WebP file itself).
 * 3. In an article, the first image loads eagerly and every later one lazily.
 * 4. The largest file in a srcset is at most MAX_OVERSIZE × the widest slot its `sizes`
 *    gives (device pixel ratio 2 plus one step): bigger files are bytes no reader sees.
 * 5. An article's first-load image bytes (eager images, AVIF candidate for a desktop column)
 *    stay within `site.images.firstLoadBytes`.
 */
import { statSync } from 'node:fs';
import type { Element } from 'hast';
import { site } from '../../src/site.config.ts';
import { isArticleUrl } from './budgets.ts';
import { elements, errorAt, fileOf, htmlPages } from './dist.ts';
import type { CheckResult, Finding } from './types.ts';

/** Largest srcset candidate ÷ widest rendered slot. */
export const MAX_OVERSIZE = 2.5;
/** Root font size the `sizes` rem values are measured in. */
const REM = 16;
/** The column a desktop reader sees at first load, for the first-load bytes. */
const DESKTOP_SLOT = 800;
const MODERN = /\.(avif|webp)(?:[?#]|$)/i;
const MODERN_TYPES = new Set(['image/avif', 'image/webp']);

interface Candidate {
  url: string;
  width: number;
}

function candidates(srcset: unknown): Candidate[] {
  if (typeof srcset !== 'string') return [];
  return srcset
    .split(',')
    .map((part) => part.trim().split(/\s+/))
    .filter(([url]) => url)
    .map(([url, descriptor]) => ({ url: url!, width: Number(/^(\d+)w$/.exec(descriptor ?? '')?.[1] ?? 0) }));
}

/** Widest slot in px a `sizes` attribute allows (its px and rem lengths; vw counts as 0). */
function widestSlot(sizes: unknown): number | undefined {
  if (typeof sizes !== 'string') return undefined;
  const lengths = [...sizes.replace(/\([^)]*\)/g, '').matchAll(/(\d+(?:\.\d+)?)(px|rem|em)\b/g)].map(
    ([, value, unit]) => Number(value) * (unit === 'px' ? 1 : REM),
  );
  return lengths.length ? Math.max(...lengths) : undefined;
}

function isSvg(url: string): boolean {
  return /\.svg(?:[?#]|$)/i.test(url);
}

export function checkImages(distDir: string): CheckResult {
  const findings: Finding[] = [];
  let images = 0;
  let articlesWithImages = 0;
  let heaviestFirstLoad = { bytes: 0, url: '' };

  for (const { file, url, tree } of htmlPages(distDir)) {
    const push = (el: Element | undefined, message: string, fix: string) =>
      findings.push(errorAt(file, el, message, fix));
    const sizeOf = (path: string) => {
      const target = fileOf(distDir, path);
      return target ? statSync(target).size : 0;
    };
    const all = [...elements(tree)];
    const parents = new Map<Element, Element>();
    for (const el of all)
      for (const child of el.children) if (child.type === 'element') parents.set(child, el);

    let firstLoad = 0;
    let seenInArticle = 0;
    for (const el of all) {
      if (Object.keys(el.properties).some((key) => /^__astro_image/i.test(key))) {
        push(
          el,
          `<${el.tagName}> still carries Astro's image placeholder (__ASTRO_IMAGE_): the image was never processed`,
          "The content loader must list the article's images in rendered.metadata.imagePaths and assetImports, and re-register them (store.addAssetImports) for entries it skips (src/lib/article-loader.ts).",
        );
        continue;
      }
      if (el.tagName !== 'img') continue;
      images += 1;
      const src = el.properties.src ?? '';
      const name = `<img src="${src.slice(0, 80)}">`;
      if (el.properties.alt === undefined)
        push(
          el,
          `${name} has no alt attribute`,
          'Give every image a text alternative (alt="" only for pure decoration).',
        );
      const picture = parents.get(el)?.tagName === 'picture' ? parents.get(el) : undefined;
      const sources = picture
        ? picture.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'source')
        : [];
      if (!isSvg(src)) {
        if (!el.properties.srcSet)
          push(
            el,
            `${name} has no srcset`,
            'Raster images go through the image service with widths (src/lib/markdown/rehype-article-images.ts), so phones get small files.',
          );
        const modern =
          MODERN.test(src) ||
          candidates(el.properties.srcSet).some((c) => MODERN.test(c.url)) ||
          sources.some((s) => MODERN_TYPES.has(String(s.properties.type)));
        if (!modern)
          push(
            el,
            `${name} is offered in no modern format (AVIF or WebP)`,
            'Wrap it in a <picture> with AVIF and WebP <source>s (rehype-article-images does).',
          );
      }
      // Every file this image can deliver, with the widest slot it is shown in.
      for (const holder of [...sources, el]) {
        const list = candidates(holder.properties.srcSet);
        const slot = widestSlot(holder.properties.sizes);
        const largest = list.reduce((max, c) => Math.max(max, c.width), 0);
        if (slot && largest > slot * MAX_OVERSIZE)
          push(
            holder,
            `${name} ships a ${largest} px wide file for a slot at most ${slot} px wide (over ${MAX_OVERSIZE}×)`,
            'Drop the largest widths (site.images.widths in src/site.config.ts) or fix `sizes`.',
          );
      }
      if (!isArticleUrl(url) || !parents.has(el) || !isInProse(el, parents)) continue;
      seenInArticle += 1;
      const loading = el.properties.loading ?? 'eager';
      if (seenInArticle === 1 && loading === 'lazy')
        push(
          el,
          `the article's first image (${src.slice(0, 60)}) loads lazily`,
          'The first figure may be on the first screen: load it eagerly.',
        );
      if (seenInArticle > 1 && loading !== 'lazy')
        push(
          el,
          `${name} is below the article's first image but not loading="lazy"`,
          'Only the first image loads eagerly (rehype-article-images).',
        );
      if (loading !== 'lazy') {
        const first = sources[0] ?? el;
        const list = candidates(first.properties.srcSet).sort((a, b) => a.width - b.width);
        const pick = list.find((c) => c.width >= DESKTOP_SLOT) ?? list.at(-1);
        firstLoad += sizeOf(pick?.url ?? src);
      }
    }
    if (seenInArticle > 0) articlesWithImages += 1;
    if (firstLoad > heaviestFirstLoad.bytes) heaviestFirstLoad = { bytes: firstLoad, url };
    if (firstLoad > site.images.firstLoadBytes)
      push(
        undefined,
        `loads ${firstLoad} bytes of images before the reader scrolls (budget ${site.images.firstLoadBytes})`,
        'Make the first figure lighter (smaller original, less detail, SVG for drawings) or move it down.',
      );
  }
  return {
    findings,
    summary: `${images} images; ${articlesWithImages} articles with images; heaviest first-load images ${(heaviestFirstLoad.bytes / 1000).toFixed(1)} kB${heaviestFirstLoad.url ? ` (${heaviestFirstLoad.url})` : ''} of ${site.images.firstLoadBytes / 1000} kB`,
  };
}

/** True when the image is in the article's text (not in the site's chrome). */
function isInProse(el: Element, parents: Map<Element, Element>): boolean {
  for (let at = parents.get(el); at; at = parents.get(at)) {
    const className = at.properties.className;
    if (Array.isArray(className) && className.includes('prose')) return true;
  }
  return false;
}
