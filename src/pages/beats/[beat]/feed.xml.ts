/** /beats/<beat>/feed.xml: one beat's newest articles, full text. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticlesByBeat, site } from '../../../lib/content.ts';
import { articleItem, feedOptions, feeds, newestForFeed } from '../../../lib/feeds.ts';
import type { Beat } from '../../../site.config.ts';

export const getStaticPaths = (() =>
  site.beats.map((beat) => ({ params: { beat: beat.id }, props: { beat } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ beat: Beat }> = async ({ props: { beat } }) =>
  rss(
    feedOptions({
      feed: feeds.beat(beat),
      description: beat.blurb,
      items: newestForFeed(await getArticlesByBeat(beat.id)).map(articleItem),
    }),
  );
