/**
 * <meta> tags that describe an article to machines: Open Graph's article:* properties, Twitter's
 * labels, and the Highwire Press citation_* tags Google Scholar reads. Built here as data so
 * components/seo/ArticleMeta.astro only prints them.
 */
import { isoDay } from '../schemas/date.ts';
import type { Source } from '../schemas/source.ts';
import { site } from '../site.config.ts';
import { scholarDate, sourceReference } from './cite.ts';
import { absoluteUrl, urls } from './urls.ts';
import { listOf } from './words.ts';

export type MetaTag = { name: string; content: string } | { property: string; content: string };

export interface MetaArticle {
  url: string;
  data: { title: string; published: Date; tags: readonly string[]; sources: readonly Source[] };
  beat: { title: string };
  authors: readonly { id: string; data: { name: string } }[];
  reviewer: { data: { name: string } };
  modified: Date;
}

export function articleMetaTags(article: MetaArticle): MetaTag[] {
  const { data } = article;
  const names = article.authors.map((person) => person.data.name);
  return [
    { name: 'author', content: listOf(names) },
    // Open Graph (https://ogp.me/#type_article): authors are profile URLs.
    { property: 'article:published_time', content: isoDay(data.published) },
    { property: 'article:modified_time', content: isoDay(article.modified) },
    { property: 'article:section', content: article.beat.title },
    ...article.authors.map((person) => ({
      property: 'article:author',
      content: absoluteUrl(urls.person(person.id)),
    })),
    ...data.tags.map((tag) => ({ property: 'article:tag', content: tag })),
    // Twitter/X card labels.
    { name: 'twitter:label1', content: 'Written by' },
    { name: 'twitter:data1', content: listOf(names) },
    { name: 'twitter:label2', content: 'Technical review by' },
    { name: 'twitter:data2', content: article.reviewer.data.name },
    // Google Scholar (Highwire Press tags): one citation_author per author, one
    // citation_reference per source.
    { name: 'citation_title', content: data.title },
    ...names.map((name) => ({ name: 'citation_author', content: name })),
    { name: 'citation_publication_date', content: scholarDate(data.published) },
    { name: 'citation_journal_title', content: site.name },
    { name: 'citation_publisher', content: site.name },
    { name: 'citation_language', content: site.language },
    { name: 'citation_fulltext_html_url', content: absoluteUrl(article.url) },
    ...data.sources.map((source) => ({ name: 'citation_reference', content: sourceReference(source) })),
  ];
}
