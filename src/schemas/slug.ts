/**
 * A slug: lower-case letters and digits in words joined by single dashes. Article URLs, person
 * ids and tags all follow it.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The same rule without its anchors, to embed in a larger pattern (`/articles/<slug>/`). */
export const SLUG_BODY = SLUG_PATTERN.source.slice(1, -1);
