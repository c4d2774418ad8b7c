/**
 * Numbered items and cross-references, as in Quarto: figures, tables and display equations
 * are numbered per article ("Figure 2", "Table 1", "Equation 3") and cited in the text with
 * the citation syntax, `[@fig-id]`, `[@tbl-id]`, `[@eq-id]`. The prefix says what an id names,
 * so a source id may never start with one of them.
 *
 * How a producer registers a numbered item (the figure builder, captioned tables, display
 * equations, and any later component such as results):
 *
 *     h('figure', { ...numberedTarget('fig', id, line) }, [
 *       content,
 *       h('figcaption', [numberLabel(), ' ', caption]),
 *     ]);
 *
 * `markdown/rehype-cross-refs.ts` then numbers the targets of each kind in document order,
 * writes "Figure 2" into their label, resolves every `[@fig-…]` to a link reading "Figure 2",
 * and fails the build on an unknown or duplicate id. Nothing else is needed: the numbering
 * does not know who produced a target.
 */
import type { Element, Properties } from 'hast';
import { SLUG_BODY } from '../schemas/slug.ts';

export const CROSS_REF_KINDS = {
  fig: { singular: 'Figure', plural: 'Figures' },
  tbl: { singular: 'Table', plural: 'Tables' },
  eq: { singular: 'Equation', plural: 'Equations' },
} as const;

export type CrossRefKind = keyof typeof CROSS_REF_KINDS;

/** `fig-serving-path`: a kind prefix, then lower-case words joined by dashes. */
export const CROSS_REF_ID_PATTERN = new RegExp(`^(fig|tbl|eq)-${SLUG_BODY}$`);

/** Any id that starts like a cross-reference (`fig-`, `tbl-`, `eq-`), well-formed or not. */
const CROSS_REF_PREFIX = /^(fig|tbl|eq)-/;

/** True for ids that name a numbered item rather than a source. */
export function isCrossRefId(id: string): boolean {
  return CROSS_REF_PREFIX.test(id);
}

export function crossRefKindOf(id: string): CrossRefKind | undefined {
  return CROSS_REF_PREFIX.exec(id)?.[1] as CrossRefKind | undefined;
}

/** Why `id` cannot name an item of `kind`, or undefined when it can. */
export function crossRefIdProblem(kind: CrossRefKind, id: string): string | undefined {
  if (CROSS_REF_ID_PATTERN.test(id) && id.startsWith(`${kind}-`)) return undefined;
  return `id "${id}" must start with "${kind}-" and use lower-case words joined by dashes, e.g. "${kind}-serving-path"`;
}

/** "Figure 2". */
export function crossRefLabel(kind: CrossRefKind, number: number): string {
  return `${CROSS_REF_KINDS[kind].singular} ${number}`;
}

/**
 * Properties that make an element a numbered target. `id` is optional: an item without one
 * is numbered but cannot be referenced. `line` (of the article file) goes into error messages.
 */
export function numberedTarget(kind: CrossRefKind, id?: string, line?: number): Properties {
  return {
    ...(id ? { id } : {}),
    dataNumbered: kind,
    ...(line ? { dataSourceLine: line } : {}),
  };
}

/**
 * Where the target's label goes: "Figure 2" at the start of a caption (`'caption'`), or "(3)"
 * beside a display equation (`'equation'`).
 */
export function numberLabel(style: 'caption' | 'equation' = 'caption'): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['number-label'], dataNumberLabel: style },
    children: [],
  };
}
