/**
 * What a newsletter issue points at, read from its Markdown: the pieces it discusses become
 * the issue's `hasPart` in JSON-LD. Links to our own articles are named by the article's
 * title; outside links by their link text. A link to one of our articles that is written as
 * its bare path ("[/articles/x/](/articles/x/)") reads as the article's title on the page, in
 * the feed and in the email; a link to an article that does not exist (or is a draft) stops
 * the build, naming the issue's file and line (`checkIssueLinks`, run by the content lint).
 */
import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import type { Link } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { closest } from 'fastest-levenshtein';
import { SLUG_BODY } from '../schemas/slug.ts';
import type { LdIssuePart } from './json-ld.ts';
import { absoluteUrl, urls } from './urls.ts';

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

/** The site path of a link to one of our pages (relative, or absolute on the site's origin). */
function sitePath(href: string): string | undefined {
  if (!/^(https?:\/\/|\/)/.test(href) || href.startsWith('//')) return undefined;
  const url = new URL(href, absoluteUrl('/'));
  return url.origin === new URL(absoluteUrl('/')).origin ? url.pathname : undefined;
}

export interface IssueArticleLink {
  /** The article the path is under (/articles/<slug>/…, /articles/<slug>.bib). */
  slug: string;
  path: string;
  /** 1-based line in the Markdown body. */
  line: number;
}

const UNDER_ARTICLE = /^\/articles\/(?!page\/)([^/]+?)(?:\.bib$|\/|$)/;

/** Every link in an issue body to one of our articles' pages (listings excluded), with its line. */
export function issueArticleLinks(markdown: string): IssueArticleLink[] {
  const links: IssueArticleLink[] = [];
  visit(parser.parse(markdown), 'link', (node: Link) => {
    const path = sitePath(node.url);
    const slug = path ? UNDER_ARTICLE.exec(path)?.[1] : undefined;
    if (path && slug) links.push({ slug, path, line: node.position?.start.line ?? 1 });
  });
  return links;
}

export interface IssueLinkProblem {
  line: number;
  message: string;
}

/**
 * Links to our articles that would be broken on the published site: an unknown slug (a typo,
 * a renamed article) or a draft. `articles` says, for each slug the issue links, whether it is
 * a draft (a slug it lacks is unknown); `slugs` are every article's, for "did you mean".
 * Whether the rest of the path exists is the built site's link check's job.
 */
export function checkIssueLinks(
  markdown: string,
  articles: ReadonlyMap<string, { draft: boolean }>,
  slugs: readonly string[] = [...articles.keys()],
): IssueLinkProblem[] {
  return issueArticleLinks(markdown).flatMap(({ slug, path, line }) => {
    const article = articles.get(slug);
    if (article && !article.draft) return [];
    if (article) {
      return [
        {
          line,
          message: `links to ${path}, an article that is still a draft, so the link would be broken once the issue is published: publish the article first, or drop the link.`,
        },
      ];
    }
    const candidates = slugs.filter((other) => articles.get(other)?.draft !== true);
    const fix =
      candidates.length > 0
        ? `did you mean ${urls.article(closest(slug, candidates))}?`
        : 'link a published article.';
    return [{ line, message: `links to ${path}, but no article has the slug "${slug}": ${fix}` }];
  });
}

/**
 * The title a link to one of our articles should read as, when its text is the bare path (or
 * the full URL) it points at; undefined for every other link. `titles` is keyed by site path.
 */
export function articleLinkTitle(
  href: string,
  text: string,
  titles: ReadonlyMap<string, string>,
): string | undefined {
  const path = sitePath(href);
  const title = path ? titles.get(path) : undefined;
  const shown = text.trim();
  return title && (shown === path || shown === href || shown === absoluteUrl(path!)) ? title : undefined;
}

/** Rendered issue HTML with bare-path links to our articles named by the article's title. */
export function nameArticleLinks(html: string, titles: ReadonlyMap<string, string>): string {
  const tree: HastRoot = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
    const title = articleLinkTitle(node.properties.href, hastToString(node), titles);
    if (title) node.children = [{ type: 'text', value: title }];
  });
  return unified().use(rehypeStringify).stringify(tree);
}
