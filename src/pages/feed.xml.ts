/** /feed.xml: the newest articles, full text. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArticles, site } from '../lib/content.ts';
import { articleItem, feedOptions, feeds, newestForFeed } from '../lib/feeds.ts';

export const GET: APIRoute = async () =>
  rss(
    feedOptions({
      feed: feeds.site(),
      description: site.description,
      items: newestForFeed(await getArticles()).map(articleItem),
    }),
  );
