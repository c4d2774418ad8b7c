/**
 * Share cards for pages: which card a page shows (its article's, or the publication's) and the
 * metadata <head> needs for it. The PNG files are written by src/pages/og/[...card].png.ts;
 * their names carry the cache key, so a changed card is a new URL (social sites cache by URL)
 * and /og/ can be served immutable.
 */
import type { Article } from '../content.ts';
import { displayName, namesOf } from '../people.ts';
import { site } from '../../site.config.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardAlt, type CardInput } from './card.ts';
import { cardKey } from './render.ts';

export interface ShareCard {
  /** Site path of the PNG. */
  url: string;
  width: number;
  height: number;
  alt: string;
}

export interface CardRoute {
  /** The route parameter: the path under /og/ without ".png". */
  card: string;
  input: CardInput;
}

export function articleCardInput(article: Article): CardInput {
  return {
    kind: 'article',
    title: article.data.title,
    beat: article.beat.title,
    authors: namesOf(article.authors),
    reviewer: displayName(article.reviewer.data),
    publication: site.name,
  };
}

export function siteCardInput(): CardInput {
  return {
    kind: 'site',
    publication: site.name,
    tagline: 'Production machine learning, sourced and reviewed.',
    beats: site.beats.map((beat) => beat.shortTitle),
    host: new URL(site.url).host,
  };
}

function route(name: string, input: CardInput): CardRoute {
  return { card: `${name}.${cardKey(input).slice(0, 16)}`, input };
}

export function articleCardRoute(article: Article): CardRoute {
  return route(`articles/${article.slug}`, articleCardInput(article));
}

export function siteCardRoute(): CardRoute {
  return route('site', siteCardInput());
}

export function shareCardOf({ card, input }: CardRoute): ShareCard {
  return { url: `/og/${card}.png`, width: CARD_WIDTH, height: CARD_HEIGHT, alt: cardAlt(input) };
}
