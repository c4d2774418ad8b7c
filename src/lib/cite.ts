/**
 * "Cite this article": the human-readable citation, the BibTeX entry (shown on the page and
 * served as /articles/<slug>.bib) and the reference strings Google Scholar reads. Pure
 * functions of plain data, so they are unit-tested without the content layer.
 */
import { isoDay } from '../schemas/date.ts';
import { SLUG_PATTERN } from '../schemas/slug.ts';
import type { Source } from '../schemas/source.ts';
import { site } from '../site.config.ts';
import { absoluteUrl } from './urls.ts';
import { listOf } from './words.ts';

export interface CitableArticle {
  slug: string;
  title: string;
  /** Authors' names as printed in a byline, without honorific or degree. */
  authors: readonly string[];
  published: Date;
  /** Absolute URL of the article. */
  url: string;
  /** The publication ("ML Systems Review"). */
  journal: string;
}

/** The citable facts of an article view model (`Article` from content.ts fits). */
export function citableArticle(article: {
  slug: string;
  url: string;
  data: { title: string; published: Date };
  authors: readonly { data: { name: string } }[];
}): CitableArticle {
  return {
    slug: article.slug,
    title: article.data.title,
    authors: article.authors.map((person) => person.data.name),
    published: article.data.published,
    url: absoluteUrl(article.url),
    journal: site.name,
  };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** Adds a full stop unless the text already ends a sentence ("…?" stays "…?"). */
function sentence(text: string): string {
  return /[.!?…]["”’)]?$/.test(text) ? text : `${text}.`;
}

/**
 * The citation readers copy: authors (year). “Title.” Journal, day month year. URL
 * e.g. Lukas Berg (2024). “Zillow Offers: …” ML Systems Review, 24 September 2024. https://…
 */
export function formatCitation(article: CitableArticle, formatDate: (date: Date) => string): string {
  const year = article.published.getUTCFullYear();
  return `${listOf(article.authors)} (${year}). “${sentence(article.title)}” ${article.journal}, ${formatDate(article.published)}. ${article.url}`;
}

const BIBTEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/**
 * Escapes text for a braced BibTeX field: the characters TeX treats specially become their
 * escaped forms, in one pass (so the backslashes it adds are never escaped again). Line
 * breaks collapse to spaces; Unicode letters stay as they are (biber and modern BibTeX read UTF-8).
 */
export function escapeBibtex(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}&%$#_~^]/g, (char) => BIBTEX_SPECIALS[char]!);
}

/** A key that is unique across the site and safe in every BibTeX dialect. */
export function bibtexKey(slug: string): string {
  if (!SLUG_PATTERN.test(slug)) throw new Error(`cannot make a BibTeX key from slug "${slug}"`);
  return `mlsr-${slug}`;
}

/** A BibTeX @article entry; the title is double-braced so its capitalisation survives. */
export function toBibtex(article: CitableArticle): string {
  if (/[\s{}\\]/.test(article.url))
    throw new Error(`URL "${article.url}" cannot appear in a BibTeX url field`);
  const fields: [string, string][] = [
    ['author', `{${article.authors.map(escapeBibtex).join(' and ')}}`],
    ['title', `{{${escapeBibtex(article.title)}}}`],
    ['journal', `{${escapeBibtex(article.journal)}}`],
    ['year', `{${article.published.getUTCFullYear()}}`],
    ['month', MONTHS[article.published.getUTCMonth()]!],
    ['date', `{${isoDay(article.published)}}`],
    ['url', `{${article.url}}`],
  ];
  const width = Math.max(...fields.map(([name]) => name.length));
  const body = fields.map(([name, value]) => `  ${name.padEnd(width)} = ${value}`).join(',\n');
  return `@article{${bibtexKey(article.slug)},\n${body}\n}\n`;
}

/** Google Scholar dates are written YYYY/MM/DD. */
export function scholarDate(date: Date): string {
  return isoDay(date).replaceAll('-', '/');
}

/**
 * One `citation_reference` value per source, in the key=value form Highwire Press tags use.
 * Semicolons inside values would split a pair, so they become commas.
 */
export function sourceReference(source: Source): string {
  const clean = (text: string) => text.replace(/\s+/g, ' ').replaceAll(';', ',').trim();
  return [
    ...(source.authors ?? []).map((name) => `citation_author=${clean(name)}`),
    `citation_title=${clean(source.title)}`,
    source.publisher && `citation_publisher=${clean(source.publisher)}`,
    source.date && `citation_publication_date=${scholarDate(source.date)}`,
    source.url && `citation_public_url=${source.url.replaceAll(';', '%3B')}`,
    source.doi && `citation_doi=${source.doi.replaceAll(';', '%3B')}`,
  ]
    .filter(Boolean)
    .join('; ');
}
