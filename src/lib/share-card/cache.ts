/**
 * Share cards cached by content: a card is drawn once for a given key (src/lib/share-card/
 * render.ts) and read back on every later build, so a warm rebuild redraws nothing unchanged.
 * The cache is a directory of `<key>.png` files; MLSR_SHARE_CARD_CACHE points it elsewhere
 * (the reproducible-build check gives each of its builds a fresh one, so both really draw).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CardInput } from './card.ts';
import { cardKey, renderCard } from './render.ts';

export function cacheDir(): string {
  return resolve(process.env.MLSR_SHARE_CARD_CACHE ?? 'node_modules/.cache/mlsr-share-cards');
}

export interface CachedCard {
  png: Buffer;
  /** False when the card came from the cache. */
  drawn: boolean;
}

export async function cachedCard(input: CardInput, dir = cacheDir()): Promise<CachedCard> {
  const file = join(dir, `${cardKey(input)}.png`);
  try {
    return { png: await readFile(file), drawn: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const png = await renderCard(input);
  await mkdir(dir, { recursive: true });
  // Written aside and renamed, so a build running at the same time never reads half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, png);
  await rename(temporary, file);
  return { png, drawn: true };
}
