/**
 * How the technical-review rule tells a typo fix from a substantive edit. The publication's
 * change classifier (`check:changes`) plugs in here; until it is wired, every edit to a
 * published article counts as substantive, so nothing skips review by mistake.
 */
import { everyChangeIsSubstantive, type ClassifyChange } from './technical-review.ts';

export const classifyArticleChange: ClassifyChange = everyChangeIsSubstantive;
