/**
 * How the technical-review rule tells a typo fix from a substantive edit: the same judgement
 * `check:changes` makes (src/lib/changes/compare.ts). Typo-level means no number, date,
 * quotation or source link changed, no frontmatter field but the title and dek changed, and at
 * most a few words changed in a few places; anything else needs the named reviewer.
 */
import { classifyArticleChange as classifyChange } from '../changes/compare.ts';
import type { ClassifyChange } from './technical-review.ts';

export const classifyArticleChange: ClassifyChange = classifyChange;
