/**
 * Hands every local image of an article to Astro's image service, the way Astro's own
 * Markdown images go: each `<img>` / `<source>` becomes an `__ASTRO_IMAGE_` placeholder that
 * Astro replaces when the page renders (hashed files, `srcset`, width and height), and the
 * paths are recorded (`file.data.imagePaths`) so the loader registers them with the content
 * layer (`assetImports`). Raster images become a `<picture>`: AVIF, then WebP, then the
 * original format as the fallback `<img>`; SVG is served as a file, never inlined. The first
 * image loads eagerly, the rest lazily. A `data-src-dark` variant becomes `<source>`s for the
 * dark scheme.
 *
 * The rules (alt text, existing files, formats, sizes) are the content lint's
 * (../figures/image-rules.ts); this step only refuses what would otherwise ship broken.
 */
import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { site } from '../../site.config.ts';
import { IMAGE_EXTENSIONS } from '../figures/image-rules.ts';
import { placeOf } from './vfile-astro.ts';

const DARK = '(prefers-color-scheme: dark)';

export interface ImageFileData {
  /** Local image paths as written in the article, for the content layer's assetImports. */
  imagePaths?: string[];
}

function extensionOf(src: string): string {
  return /\.[a-z0-9]+$/i.exec(src)?.[0].toLowerCase() ?? '';
}

/** The fallback `<img>` keeps a format every browser decodes. */
function fallbackFormat(src: string): 'png' | 'jpg' {
  return ['.jpg', '.jpeg'].includes(extensionOf(src)) ? 'jpg' : 'png';
}

export default function rehypeArticleImages() {
  return (tree: Root, file: VFile) => {
    const paths = new Set<string>();
    const occurrences = new Map<string, number>();
    let first = true;

    /** One placeholder: the options Astro's getImage receives, plus attributes it passes on. */
    const placeholder = (options: Record<string, unknown>) => {
      const key = JSON.stringify(options);
      const index = occurrences.get(key) ?? 0;
      occurrences.set(key, index + 1);
      paths.add(options.src as string);
      return { __ASTRO_IMAGE_: JSON.stringify({ ...options, index }) };
    };

    visit(tree, 'element', (img, index, parent) => {
      if (img.tagName !== 'img' || !parent || index === undefined) return;
      const src = img.properties.src;
      if (typeof src !== 'string' || /^(?:[a-z][a-z0-9+.-]*:|\/)/i.test(src)) {
        // The content lint refuses these first; reaching here means it was bypassed.
        file.fail(
          `${placeOf(file, img.position?.start.line)}: image "${String(src)}" is not a file beside the article; download it into the article's folder and write ./name.png.`,
        );
      }
      if (!IMAGE_EXTENSIONS.includes(extensionOf(src))) {
        file.fail(`${placeOf(file, img.position?.start.line)}: image "${src}" has an unsupported format.`);
      }
      const dark = typeof img.properties.dataSrcDark === 'string' ? img.properties.dataSrcDark : undefined;
      const wide = img.properties.dataWide !== undefined;
      const alt = img.properties.alt ?? '';
      const loading = first ? 'eager' : 'lazy';
      first = false;

      if (extensionOf(src) === '.svg') {
        const sources: ElementContent[] = dark
          ? [
              {
                type: 'element',
                tagName: 'source',
                properties: {
                  media: DARK,
                  type: 'image/svg+xml',
                  ...placeholder({ src: dark, format: 'svg' }),
                },
                children: [],
              },
            ]
          : [];
        const image: Element = {
          type: 'element',
          tagName: 'img',
          properties: {
            ...(dark ? {} : { className: ['light-only'] }),
            ...placeholder({ src, alt, format: 'svg', loading, decoding: 'async' }),
          },
          children: [],
        };
        parent.children[index] = dark
          ? { type: 'element', tagName: 'picture', properties: {}, children: [...sources, image] }
          : image;
        return SKIP;
      }

      const { widths, wideWidths, sizes, wideSizes } = site.images;
      const sizing = { widths: wide ? wideWidths : widths, sizes: wide ? wideSizes : sizes };
      const source = (path: string, format: 'avif' | 'webp', media?: string): Element => ({
        type: 'element',
        tagName: 'source',
        properties: {
          ...(media ? { media } : {}),
          type: `image/${format}`,
          ...placeholder({ src: path, format, ...sizing }),
        },
        children: [],
      });
      const sources = [
        ...(dark ? [source(dark, 'avif', DARK), source(dark, 'webp', DARK)] : []),
        source(src, 'avif'),
        source(src, 'webp'),
      ];
      const image: Element = {
        type: 'element',
        tagName: 'img',
        properties: placeholder({
          src,
          alt,
          format: fallbackFormat(src),
          ...sizing,
          loading,
          decoding: 'async',
        }),
        children: [],
      };
      parent.children[index] = {
        type: 'element',
        tagName: 'picture',
        properties: dark ? {} : { className: ['light-only'] },
        children: [...sources, image],
      };
      return SKIP;
    });

    (file.data as ImageFileData).imagePaths = [...paths];
  };
}
