/**
 * Date formatting with the site's explicit time zone, so output never depends on the
 * machine that builds it.
 */
import { site } from '../site.config.ts';
export { isoDay } from '../schemas/date.ts';

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: site.timeZone,
});
const shortDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: site.timeZone,
});

/** "14 March 2025" */
export function formatDate(date: Date): string {
  return longDate.format(date);
}

/** "14 Mar 2025" */
export function formatShortDate(date: Date): string {
  return shortDate.format(date);
}

export function yearOf(date: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: site.timeZone }).format(date));
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
