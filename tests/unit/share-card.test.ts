/** Share cards: drawn at 1200×630, byte-identical for the same input, drawn once and then read from the cache. */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cachedCard } from '../../src/lib/share-card/cache.ts';
import { cardAlt, cardElement, titleSize, type CardInput } from '../../src/lib/share-card/card.ts';
import { cardKey, renderCard } from '../../src/lib/share-card/render.ts';

const ARTICLE: CardInput = {
  kind: 'article',
  title: "Uber's continuous deployment for models: decouple, retire, shadow",
  beat: 'MLOps & reliability',
  authors: 'Lukas Berg',
  reviewer: 'Priya Ramachandran',
  publication: 'ML Systems Review',
};

describe('share cards', { timeout: 60_000 }, () => {
  it('draws a 1200×630 PNG, the same bytes every time', async () => {
    const [a, b] = [await renderCard(ARTICLE), await renderCard(ARTICLE)];
    expect(await sharp(a).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
    expect(a.equals(b)).toBe(true);
  });

  it('keys the cache on what the card shows, layout included', () => {
    expect(cardKey(ARTICLE)).toBe(cardKey({ ...ARTICLE }));
    expect(cardKey({ ...ARTICLE, reviewer: 'Someone Else' })).not.toBe(cardKey(ARTICLE));
    expect(JSON.stringify(cardElement(ARTICLE))).toContain('Technical review by Priya Ramachandran');
  });

  it('draws a card once; a warm build reads it back without drawing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlsr-cards-'));
    const cold = await cachedCard(ARTICLE, dir);
    const warm = await cachedCard(ARTICLE, dir);
    expect([cold.drawn, warm.drawn]).toEqual([true, false]);
    expect(warm.png.equals(cold.png)).toBe(true);
    expect(readdirSync(dir)).toEqual([`${cardKey(ARTICLE)}.png`]);
  });

  it('shrinks long titles and describes the card in its alt text', () => {
    expect(titleSize('Short')).toBeGreaterThan(titleSize('x'.repeat(120)));
    expect(cardAlt(ARTICLE)).toBe(
      "ML Systems Review: “Uber's continuous deployment for models: decouple, retire, shadow” (MLOps & reliability), by Lukas Berg, technical review by Priya Ramachandran.",
    );
  });
});
