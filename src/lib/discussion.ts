/**
 * Each article's discussion: one thread per article in the repository's GitHub Discussions,
 * titled with the article's slug, reached by a plain link and, when the site enables it, shown
 * inline by giscus (https://giscus.app) only once the reader asks for it.
 *
 * The inline view lives on a page of its own, /articles/<slug>/discussion/, so article pages
 * carry one link and stay inside their weight budget. There it is giscus's widget page in an
 * <iframe loading="lazy"> inside a closed <details>: the widget address is built here at build
 * time with the parameters giscus's own client script would compute in the reader's browser,
 * so the page runs no script and Chromium requests nothing from giscus.app until the
 * <details> is opened (tests/e2e/discussion.spec.ts). Without giscus's client script the frame cannot grow with
 * the thread, so it has a fixed height and scrolls inside; and a sign-in started inside the
 * frame returns to the article without a session, so the section points commenters at the
 * thread on GitHub.
 */
import { site, type DiscussionsConfig } from '../site.config.ts';
import { absoluteUrl, urls } from './urls.ts';

/** The one origin the embed loads from: the discussion page's frame-src names exactly this. */
export const GISCUS_ORIGIN = 'https://giscus.app';

/** The path of an article's discussion page (urls.articleDiscussion). */
export const DISCUSSION_PAGE = /^\/articles\/[^/]+\/discussion\/$/;

type EnabledDiscussions = Extract<DiscussionsConfig, { enabled: true }>;

export interface DiscussionTarget {
  slug: string;
  /** Absolute URL of the article: the thread giscus creates links back to it. */
  url: string;
  /** The article's dek: giscus puts it in the body of the thread it creates. */
  description: string;
}

export interface DiscussionLinks {
  /** The article's thread on GitHub (a search by its slug, which finds it once it exists). */
  thread: string;
  /** Where the article sends readers: its discussion page with the embed, else the thread. */
  page: string;
  /** giscus's widget for the thread, or undefined when the site offers no embed. */
  embed?: string;
}

/** "owner/name" from the repository URL the site config validated as github.com/<owner>/<name>. */
function repoName(repositoryUrl: string): string {
  return new URL(repositoryUrl).pathname.slice(1);
}

/**
 * GitHub's Discussions search, restricted to titles in the configured category: giscus names
 * each thread after its term (the slug), so this finds the article's thread, or offers to
 * start one when nobody has commented yet.
 */
export function discussionThreadUrl(
  slug: string,
  config: EnabledDiscussions,
  repositoryUrl = site.repository.url,
): string {
  const query = new URLSearchParams({ discussions_q: `in:title "${slug}" category:"${config.category}"` });
  return `${repositoryUrl}/discussions?${query.toString()}`;
}

/**
 * giscus's widget address for the article, with the parameters its client script sends
 * (mapping "specific": the term is the slug; strict: threads are matched by the hash of the
 * exact term, so "gpu-costs" never shows the thread of "gpu-costs-2"). `origin` is the page
 * the widget belongs to (giscus admits it in its frame-ancestors and returns sign-ins to it);
 * `backLink` is the article, which the thread giscus creates links to.
 */
export function discussionEmbedUrl(
  target: DiscussionTarget,
  config: EnabledDiscussions,
  { repositoryUrl = site.repository.url, language = site.language } = {},
): string {
  const params = new URLSearchParams({
    origin: absoluteUrl(urls.articleDiscussion(target.slug)),
    session: '',
    theme: 'preferred_color_scheme',
    reactionsEnabled: '1',
    emitMetadata: '0',
    inputPosition: 'bottom',
    repo: repoName(repositoryUrl),
    repoId: config.repoId,
    category: config.category,
    categoryId: config.categoryId,
    strict: '1',
    description: target.description,
    backLink: target.url,
    term: target.slug,
  });
  return `${GISCUS_ORIGIN}/${language}/widget?${params.toString()}`;
}

/** The article's discussion links, or undefined when the site has discussions switched off. */
export function discussionLinks(
  target: DiscussionTarget,
  config: DiscussionsConfig = site.discussions,
): DiscussionLinks | undefined {
  if (!config.enabled) return undefined;
  const thread = discussionThreadUrl(target.slug, config);
  if (!config.embed) return { thread, page: thread };
  return { thread, page: urls.articleDiscussion(target.slug), embed: discussionEmbedUrl(target, config) };
}
