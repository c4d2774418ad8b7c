/**
 * Draws a share card: satori lays out the element tree and writes SVG with the text as paths
 * (fonts from @fontsource packages, bundled by npm: nothing fetched), sharp rasterises it to PNG.
 * Both are deterministic for the same input and versions, which the reproducible-build check
 * relies on. Measured on this machine (scripts/bench/README.md): ~110 ms satori + ~130 ms sharp.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import { CARD_HEIGHT, CARD_WIDTH, cardElement, SANS, SERIF, type CardInput } from './card.ts';

// Resolved from the project (the build's working directory), not from this module: Astro
// bundles it into a chunk whose location says nothing about node_modules.
const projectRequire = createRequire(join(process.cwd(), 'package.json'));

const FONT_FILES = [
  { name: SERIF, weight: 700, file: '@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff' },
  { name: SANS, weight: 400, file: '@fontsource/inter/files/inter-latin-400-normal.woff' },
  { name: SANS, weight: 600, file: '@fontsource/inter/files/inter-latin-600-normal.woff' },
] as const;

/** PNG encoder settings: lossless, smallest of the fast settings measured. */
export const PNG_OPTIONS = { compressionLevel: 9 } as const;

interface SatoriFont {
  name: string;
  data: Buffer;
  weight: 400 | 600 | 700;
  style: 'normal';
}
let fonts: SatoriFont[] | undefined;

function loadFonts(): SatoriFont[] {
  fonts ??= FONT_FILES.map(({ name, weight, file }) => ({
    name,
    weight,
    style: 'normal' as const,
    data: readFileSync(projectRequire.resolve(file)),
  }));
  return fonts;
}

function versionOf(pkg: string): string {
  return (
    JSON.parse(readFileSync(projectRequire.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }
  ).version;
}

let toolDigest: string | undefined;

/**
 * The card's cache key: a hash of everything that decides its bytes (the element tree with its
 * text and styles, the fonts, the versions of satori, sharp and its libraries (librsvg, libpng),
 * the encoder settings).
 */
export function cardKey(input: CardInput): string {
  toolDigest ??= createHash('sha256')
    .update(JSON.stringify([versionOf('satori'), sharp.versions, PNG_OPTIONS]))
    .update(Buffer.concat(loadFonts().map((f) => f.data)))
    .digest('hex');
  return createHash('sha256')
    .update(toolDigest)
    .update(JSON.stringify(cardElement(input)))
    .digest('hex');
}

export async function renderCard(input: CardInput): Promise<Buffer> {
  // satori's types want a React node; the element tree is that shape without React.
  const svg = await satori(cardElement(input), {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: loadFonts(),
  });
  return sharp(Buffer.from(svg)).png(PNG_OPTIONS).toBuffer();
}
