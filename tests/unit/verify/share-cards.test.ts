import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkShareCards } from '../../../scripts/verify/share-cards.ts';
import { makeDist, page, SITE_URL } from './helpers.ts';

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#fff' } })
    .png()
    .toBuffer();

function head({
  image = '/og/articles/x.abc.png',
  width = '1200',
  height = '630',
  alt = 'A card',
  card = 'summary_large_image',
  type = 'article',
} = {}) {
  return [
    `<meta property="og:type" content="${type}">`,
    `<meta property="og:image" content="${SITE_URL}${image}">`,
    `<meta property="og:image:width" content="${width}">`,
    `<meta property="og:image:height" content="${height}">`,
    alt ? `<meta property="og:image:alt" content="${alt}">` : '',
    `<meta name="twitter:card" content="${card}">`,
  ].join('');
}

async function problems(articleHead: string, files: Record<string, Buffer> = {}) {
  const site = await png(1200, 630);
  const dist = makeDist({
    'index.html': page('<h1>Home</h1>', { head: head({ image: '/og/site.abc.png', type: 'website' }) }),
    'og/site.abc.png': site,
    'articles/x/index.html': page('<h1>X</h1>', { head: articleHead }),
    ...files,
  });
  return checkShareCards(dist, { siteUrl: SITE_URL }).findings.map((f) => f.message);
}

describe('share cards check', () => {
  it('passes pages with their cards', async () => {
    expect(await problems(head(), { 'og/articles/x.abc.png': await png(1200, 630) })).toEqual([]);
  });

  it('fails on a card that was not built or has the wrong size', async () => {
    expect(await problems(head())).toEqual(['og:image /og/articles/x.abc.png was not built']);
    expect(await problems(head(), { 'og/articles/x.abc.png': await png(600, 315) })).toEqual([
      'is 600×315, not 1200×630',
    ]);
  });

  it('fails on a missing alt, a small twitter card, wrong declared size and an article sharing the site card', async () => {
    const found = await problems(head({ alt: '', card: 'summary', width: '600', image: '/og/site.abc.png' }));
    expect(found).toEqual([
      'twitter:card is "summary"',
      'has no og:image:alt',
      'declares og:image at 600×630, not 1200×630',
      'is an article but shares the card /og/site.abc.png',
    ]);
  });
});
