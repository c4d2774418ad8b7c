/**
 * RSS feeds (built by @astrojs/rss in src/pages/**\/feed.xml.ts): the items of each feed and
 * the HTML they carry. Article and newsletter HTML is the body the content layer already
 * rendered (entry.rendered.html), made self-contained for feed readers: every link and image
 * URL absolute, the page-only chrome (heading anchors, section report links, KaTeX's visual duplicate of the
 * MathML) removed.
 */
import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { CORRECTION_KIND_LABELS } from '../schemas/correction.ts';
import { site, type Beat } from '../site.config.ts';
import type { PersonData } from '../schemas/person.ts';
import type { Article, LoggedCorrection, NewsletterEntry } from './content.ts';
import { nameArticleLinks } from './newsletter.ts';
import { namesOf } from './people.ts';
import { absoluteUrl, urls } from './urls.ts';

export interface FeedLink {
  title: string;
  /** Site path of the feed. */
  href: string;
}

export interface Feed extends FeedLink {
  /** Site path of the HTML page the feed follows (the channel's <link>). */
  page: string;
}

/** Every feed the site publishes: its title, address and page, for the endpoints and autodiscovery. */
export const feeds = {
  site: (): Feed => ({ title: site.name, href: urls.feed(), page: urls.home() }),
  beat: (beat: Beat): Feed => ({
    title: `${site.name}: ${beat.title}`,
    href: urls.beatFeed(beat.id),
    page: urls.beat(beat.id),
  }),
  corrections: (): Feed => ({
    title: `${site.name}: corrections`,
    href: urls.correctionsFeed(),
    page: urls.corrections(),
  }),
  newsletter: (): Feed => ({
    title: `${site.name}: the weekly newsletter`,
    href: urls.newsletterFeed(),
    page: urls.newsletter(),
  }),
};

const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite'] as const;

function hasClass(node: Element, name: string): boolean {
  const className = node.properties.className;
  return Array.isArray(className) && className.includes(name);
}

function resolve(value: string, base: string): string {
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

/**
 * Makes rendered HTML fit a feed: relative URLs (`/x/`, `#source-a`, `img.png`, srcset
 * candidates) resolved against `pageUrl`, heading anchors and KaTeX's aria-hidden HTML
 * rendering dropped (the MathML stays: feed readers show it without KaTeX's stylesheet).
 */
export function feedHtml(html: string, pageUrl: string): string {
  const tree = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node: Element, index, parent) => {
    if (
      parent &&
      index !== undefined &&
      (hasClass(node, 'heading-anchor') || hasClass(node, 'katex-html') || hasClass(node, 'section-report'))
    ) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    for (const name of URL_ATTRIBUTES) {
      const value = node.properties[name];
      if (typeof value === 'string' && value !== '') node.properties[name] = resolve(value, pageUrl);
    }
    const srcset = node.properties.srcSet;
    if (typeof srcset === 'string' || Array.isArray(srcset)) {
      node.properties.srcSet = (Array.isArray(srcset) ? srcset.join(',') : srcset)
        .split(',')
        .map((candidate) => {
          const [url, ...descriptor] = candidate.trim().split(/\s+/);
          return url ? [resolve(url, pageUrl), ...descriptor].join(' ') : '';
        })
        .filter(Boolean)
        .join(', ');
    }
    return undefined;
  });
  return unified().use(rehypeStringify).stringify(tree);
}

/** RSS wants "email (Name)" for authors; the editors' address stands for everyone. */
export function feedAuthor(people: readonly { data: PersonData }[]): string {
  return `${site.email} (${namesOf(people)})`;
}

/** The newest `site.feedSize` entries of a newest-first list: what a feed carries. */
export function newestForFeed<T>(list: readonly T[]): T[] {
  return list.slice(0, site.feedSize);
}

export interface FeedChannel {
  feed: Feed;
  description: string;
  items: RSSFeedItem[];
}

/**
 * Options for @astrojs/rss: items newest first, `<language>`, an Atom self link and a
 * lastBuildDate taken from the newest item (never the clock, so a rebuild of the same
 * content produces the same bytes). Dates are written in UTC by @astrojs/rss.
 */
export function feedOptions(channel: FeedChannel): RSSOptions {
  const items = [...channel.items].sort((a, b) => (b.pubDate?.getTime() ?? 0) - (a.pubDate?.getTime() ?? 0));
  const newest = items[0]?.pubDate;
  const self = absoluteUrl(channel.feed.href);
  if (/[<>&"']/.test(self))
    throw new Error(`feed path ${channel.feed.href} cannot be written into XML as is`);
  return {
    title: channel.feed.title,
    description: channel.description,
    // The channel's <link>; item links are absolute already.
    site: absoluteUrl(channel.feed.page),
    items,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      `<language>${site.language}</language>`,
      `<atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
      newest ? `<lastBuildDate>${newest.toUTCString()}</lastBuildDate>` : '',
    ].join(''),
    trailingSlash: true,
  };
}

function renderedHtml(entry: {
  id: string;
  filePath?: string | undefined;
  rendered?: { html: string } | undefined;
}): string {
  const html = entry.rendered?.html;
  if (html === undefined)
    throw new Error(
      `${entry.filePath ?? entry.id}: the content layer has no rendered HTML for this entry, so its feed item would be empty`,
    );
  return html;
}

/** A full-text item for an article. */
export function articleItem(article: Article): RSSFeedItem {
  const link = absoluteUrl(article.url);
  return {
    title: article.data.title,
    link,
    pubDate: article.data.published,
    description: article.data.description,
    content: feedHtml(renderedHtml(article.entry), link),
    categories: [article.beat.title, ...article.data.tags],
    author: feedAuthor(article.authors),
  };
}

/** One item per logged correction, linking to the corrected passage (the link is its guid). */
export function correctionItem(correction: LoggedCorrection): RSSFeedItem {
  return {
    title: `${CORRECTION_KIND_LABELS[correction.kind].label}: ${correction.article.data.title}`,
    link: absoluteUrl(correction.url),
    pubDate: correction.date,
    description: correction.summary,
    categories: [CORRECTION_KIND_LABELS[correction.kind].label, correction.article.beat.title],
  };
}

/**
 * A full-text item for a newsletter issue; `articleTitles` (by site path) names the links
 * written as an article's bare path, as on the issue's page.
 */
export function issueItem(
  issue: NewsletterEntry,
  url: string,
  articleTitles: ReadonlyMap<string, string>,
): RSSFeedItem {
  const link = absoluteUrl(url);
  return {
    title: `No. ${issue.data.number}: ${issue.data.title}`,
    link,
    pubDate: issue.data.date,
    description: issue.data.summary,
    content: feedHtml(nameArticleLinks(renderedHtml(issue), articleTitles), link),
  };
}
