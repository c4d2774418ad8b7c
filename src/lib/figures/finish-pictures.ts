/**
 * The last touch on an article's HTML after Astro has replaced the image placeholders
 * (src/lib/markdown/rehype-article-images.ts). Astro writes the same attributes on every
 * placeholder, but a `<source>` may carry only srcset, sizes, type, media, width and height
 * (the W3C checker refuses src, alt, loading and decoding there); and a figure's zoom link
 * points at the image's full-resolution file, whose hashed name exists only now.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';

const SOURCE_ATTRIBUTES = new Set(['srcSet', 'sizes', 'type', 'media', 'width', 'height']);

export function finishPictures(html: string): string {
  if (!html.includes('<picture') && !html.includes('figure-zoom')) return html;
  const tree = fromHtml(html, { fragment: true });
  visit(tree, 'element', (element: Element) => {
    if (element.tagName === 'source') {
      // An SVG has no widths to choose from: Astro gives it a src only, which a source spells srcset.
      if (element.properties.srcSet === undefined && typeof element.properties.src === 'string')
        element.properties.srcSet = element.properties.src;
      for (const key of Object.keys(element.properties))
        if (!SOURCE_ATTRIBUTES.has(key)) element.properties[key] = undefined;
    }
    if (element.tagName === 'a' && element.properties.dataZoom !== undefined) {
      let full: string | undefined;
      visit(element, 'element', (img: Element) => {
        if (img.tagName === 'img' && typeof img.properties.src === 'string') full = img.properties.src;
      });
      delete element.properties.dataZoom;
      if (full) element.properties.href = full;
    }
  });
  return toHtml(tree);
}
