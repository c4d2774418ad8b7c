/**
 * Date formatting with the site's explicit time zone, so output never depends on the
 * machine that builds it.
 */
import { site } from '../site.config.ts';
export { isoDay } from '../schemas/date.ts';

/**
 * The one style for a day, everywhere a reader sees one: "14 March 2025". (A short month
 * would be "Sept" in British English and "Sep" elsewhere; spelled out, it reads the same
 * in every listing, byline, log and preview.)
 */
const dayFormat = new Intl.DateTimeFormat(site.locale, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: site.timeZone,
});
const monthFormat = new Intl.DateTimeFormat(site.locale, {
  month: 'long',
  year: 'numeric',
  timeZone: site.timeZone,
});

/** "14 March 2025" */
export function formatDate(date: Date): string {
  return dayFormat.format(date);
}

/** "March 2025", for dates known to the month. */
export function formatMonth(date: Date): string {
  return monthFormat.format(date);
}

export function yearOf(date: Date): number {
  return Number(
    new Intl.DateTimeFormat(site.locale, { year: 'numeric', timeZone: site.timeZone }).format(date),
  );
}

/** The latest of the given dates (ignoring undefined). */
export function latest(...dates: (Date | undefined)[]): Date {
  const present = dates.filter((d): d is Date => d instanceof Date);
  if (present.length === 0) throw new Error('latest() needs at least one date');
  return present.reduce((a, b) => (b > a ? b : a));
}

/**
 * When an article last changed: the latest of published, updated and its last correction.
 * Feeds, the sitemap's lastmod and JSON-LD's dateModified all use this one rule.
 */
export function modifiedOf(article: {
  published: Date;
  updated?: Date | undefined;
  corrections: readonly { date: Date }[];
}): Date {
  return latest(article.published, article.updated, ...article.corrections.map((c) => c.date));
}
