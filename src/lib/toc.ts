/**
 * The table of contents of an article: its body's sections (h2, with their h3 beneath), then
 * the evidence every article ends with (sources, corrections). Short pieces get none: a
 * contents list for two sections is clutter.
 */

/** The shape Astro's `render()` returns for each heading of a rendered body. */
export interface HeadingLike {
  depth: number;
  slug: string;
  text: string;
}

export interface TocEntry {
  slug: string;
  text: string;
  children: TocEntry[];
}

/** An article needs this many body sections (h2) before it gets a table of contents. */
export const TOC_MIN_SECTIONS = 3;

/** Headings the renderer adds that are not sections of the piece (GFM's footnote label). */
const NOT_SECTIONS = new Set(['footnote-label']);

/** The closing sections every article page has, in page order (ids from their components). */
export const CLOSING_SECTIONS: TocEntry[] = [
  { slug: 'sources', text: 'Sources', children: [] },
  { slug: 'corrections', text: 'Corrections', children: [] },
];

/** Sections for the table of contents, or an empty list when the article is too short. */
export function tableOfContents(headings: HeadingLike[], minSections = TOC_MIN_SECTIONS): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const heading of headings) {
    if (NOT_SECTIONS.has(heading.slug)) continue;
    // rehype-autolink-headings appends a "#" anchor, which the heading text picks up.
    const text = heading.text.replace(/\s*#$/, '').trim();
    if (heading.depth === 2) entries.push({ slug: heading.slug, text, children: [] });
    else if (heading.depth === 3 && entries.length > 0)
      entries.at(-1)!.children.push({ slug: heading.slug, text, children: [] });
  }
  return entries.length >= minSections ? [...entries, ...CLOSING_SECTIONS] : [];
}
