/** /corrections/feed.xml: one item per logged correction, linking to the corrected passage. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCorrections, site } from '../../lib/content.ts';
import { correctionItem, feedOptions, feeds, newestForFeed } from '../../lib/feeds.ts';

export const GET: APIRoute = async () =>
  rss(
    feedOptions({
      feed: feeds.corrections(),
      description: `Every correction ${site.name} has made to a published article, with a link to the corrected passage.`,
      items: newestForFeed(await getCorrections()).map(correctionItem),
    }),
  );
