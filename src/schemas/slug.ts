/**
 * A slug: lower-case letters and digits in words joined by single dashes. Article URLs, person
 * ids and tags all follow it.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
