/**
 * What a newsletter issue points at, read from its Markdown: the pieces it discusses become
 * the issue's `hasPart` in JSON-LD. Links to our own articles are named by the article's
 * title; outside links by their link text.
 */
import type { Link } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { SLUG_BODY } from '../schemas/slug.ts';
import type { LdIssuePart } from './json-ld.ts';
import { absoluteUrl } from './urls.ts';

const parser = unified().use(remarkParse);
const ARTICLE_PATH = new RegExp(`^/articles/(${SLUG_BODY})/$`);

/** Links of an issue body in order of appearance, once each; `titles` maps our slugs to titles. */
export function issueParts(markdown: string, titles: ReadonlyMap<string, string>): LdIssuePart[] {
  const parts = new Map<string, LdIssuePart>();
  visit(parser.parse(markdown), 'link', (node: Link) => {
    if (!/^(https?:\/\/|\/)/.test(node.url)) return; // mailto:, #fragments and the like are not parts
    const url = absoluteUrl(node.url);
    if (parts.has(url)) return;
    const internal = new URL(url).origin === new URL(absoluteUrl('/')).origin;
    const slug = internal ? ARTICLE_PATH.exec(new URL(url).pathname)?.[1] : undefined;
    const title = slug ? titles.get(slug) : undefined;
    parts.set(
      url,
      title ? { url, name: title, articleSlug: slug } : { url, name: toString(node).trim() || url },
    );
  });
  return [...parts.values()];
}
