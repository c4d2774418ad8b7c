/**
 * Counting and listing words, in the site's locale: "3 articles", "A, B and C". Written once
 * with Intl, so no page joins names or picks a plural by hand.
 */
import { site } from '../site.config.ts';

const pluralRules = new Intl.PluralRules(site.locale);
const conjunction = new Intl.ListFormat(site.locale, { style: 'long', type: 'conjunction' });

/**
 * "1 article", "3 articles". `plural` defaults to `singular` + "s"; pass it for irregular
 * words ("category", "categories").
 */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${pluralRules.select(count) === 'one' ? singular : plural}`;
}

/** "A", "A and B", "A, B and C" (the site locale's own punctuation). */
export function listOf(items: readonly string[]): string {
  return conjunction.format(items);
}

/**
 * The text before each of `count` list items, for lists whose items are markup (linked
 * names): `['', ', ', ' and ']` for three. Same punctuation as listOf.
 */
export function listSeparators(count: number): string[] {
  const separators: string[] = [];
  let pending = '';
  for (const part of conjunction.formatToParts(Array.from({ length: count }, (_, i) => String(i)))) {
    if (part.type === 'element') {
      separators.push(pending);
      pending = '';
    } else pending += part.value;
  }
  return separators;
}
