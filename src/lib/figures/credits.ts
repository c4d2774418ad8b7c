/**
 * Credits and licences of reused figures: what the caption says, what the article's "Figures"
 * list shows, and what the JSON-LD (`ImageObject`) carries.
 */
export const USED_WITH_PERMISSION = 'used-with-permission';

export type { FigureCredit } from '../../schemas/article-facts.ts';

/** How a licence reads in a caption: CC-BY-SA-4.0 → "CC BY-SA 4.0", CC0-1.0 → "CC0 1.0". */
export function licenseLabel(license: string): string {
  if (license === USED_WITH_PERMISSION) return 'used with permission';
  return license.replace(/^CC-/, 'CC ').replace(/-(\d+(?:\.\d+)*)$/, ' $1');
}

/** The licence's page, for readers and for `ImageObject.license`; none for permissions. */
export function licenseUrl(license: string): string | undefined {
  return license === USED_WITH_PERMISSION ? undefined : `https://spdx.org/licenses/${license}.html`;
}
