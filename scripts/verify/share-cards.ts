/**
 * Share cards: every page names an og:image with its width, height and alt text and a
 * twitter:card of summary_large_image; the image is a PNG built into dist/ at exactly the size
 * the page declares (1200×630); every article has a card of its own (not the publication's).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Root } from 'hast';
import { display, elements, fileOf, headOf, htmlPages, isNoindex } from './dist.ts';
import type { CheckResult, Finding } from './types.ts';

export const CARD_SIZE = { width: 1200, height: 630 };

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature) return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function metaOf(tree: Root): Map<string, string> {
  const meta = new Map<string, string>();
  const head = headOf(tree);
  for (const el of head ? elements(head) : []) {
    if (el.tagName !== 'meta') continue;
    const key = String(el.properties.property ?? el.properties.name ?? '');
    if (key && !meta.has(key)) meta.set(key, el.properties.content ?? '');
  }
  return meta;
}

export function checkShareCards(distDir: string, { siteUrl }: { siteUrl: string }): CheckResult {
  const origin = new URL(siteUrl).origin;
  const findings: Finding[] = [];
  const cards = new Set<string>();
  let pages = 0;
  for (const { file, tree } of htmlPages(distDir)) {
    if (isNoindex(tree)) continue;
    pages += 1;
    const meta = metaOf(tree);
    const push = (problem: string, fix: string) =>
      findings.push({ severity: 'error', file: display(file), message: problem, fix });
    const image = meta.get('og:image');
    if (!image) {
      push('has no og:image', 'Render the page through src/layouts/Base.astro, which adds the share card.');
      continue;
    }
    const url = URL.canParse(image) ? new URL(image) : undefined;
    if (url?.origin !== origin) {
      push(
        `og:image "${image}" is not an absolute URL on ${origin}`,
        'Use absoluteUrl() for the share card (src/layouts/Base.astro).',
      );
      continue;
    }
    if (meta.get('twitter:card') !== 'summary_large_image')
      push(
        `twitter:card is "${meta.get('twitter:card') ?? '(none)'}"`,
        'Set twitter:card to summary_large_image in src/layouts/Base.astro.',
      );
    if (!meta.get('og:image:alt')?.trim())
      push('has no og:image:alt', 'Give the share card alt text (cardAlt in src/lib/share-card/card.ts).');
    const declared = {
      width: Number(meta.get('og:image:width')),
      height: Number(meta.get('og:image:height')),
    };
    if (declared.width !== CARD_SIZE.width || declared.height !== CARD_SIZE.height)
      push(
        `declares og:image at ${meta.get('og:image:width') ?? '?'}×${meta.get('og:image:height') ?? '?'}, not ${CARD_SIZE.width}×${CARD_SIZE.height}`,
        'Keep og:image:width and og:image:height from the ShareCard (src/lib/share-card/index.ts).',
      );
    if (meta.get('og:type') === 'article' && !url.pathname.startsWith('/og/articles/'))
      push(
        `is an article but shares the card ${url.pathname}`,
        'Pass the article card to Base (src/layouts/ArticleLayout.astro).',
      );
    if (cards.has(url.pathname)) continue;
    cards.add(url.pathname);
    const png = fileOf(distDir, url.pathname);
    if (!png || !existsSync(png)) {
      push(
        `og:image ${url.pathname} was not built`,
        'Check src/pages/og/[...card].png.ts and the build log.',
      );
      continue;
    }
    const size = pngSize(readFileSync(png));
    if (size?.width !== CARD_SIZE.width || size.height !== CARD_SIZE.height)
      findings.push({
        severity: 'error',
        file: display(png),
        message: size
          ? `is ${size.width}×${size.height}, not ${CARD_SIZE.width}×${CARD_SIZE.height}`
          : 'is not a PNG',
        fix: 'Draw it with renderCard (src/lib/share-card/render.ts) at CARD_WIDTH × CARD_HEIGHT.',
      });
  }
  return { findings, summary: `${pages} indexable pages, ${cards.size} share cards checked` };
}
