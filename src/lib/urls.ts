/** Every internal URL the site links to, built in one place (trailing slashes included). */
import { site, type BeatId } from '../site.config.ts';

function paged(base: string, page: number): string {
  return page <= 1 ? base : `${base}page/${page}/`;
}

export const urls = {
  home: () => '/',
  articles: (page = 1) => paged('/articles/', page),
  article: (slug: string) => `/articles/${slug}/`,
  /** Every published revision of an article, with what changed. */
  articleHistory: (slug: string) => `/articles/${slug}/history/`,
  /** The article's discussion, shown from GitHub Discussions when the reader asks (src/lib/discussion.ts). */
  articleDiscussion: (slug: string) => `/articles/${slug}/discussion/`,
  beat: (beat: BeatId, page = 1) => paged(`/beats/${beat}/`, page),
  tag: (tag: string, page = 1) => paged(`/tags/${tag}/`, page),
  archive: () => '/archive/',
  masthead: () => '/masthead/',
  person: (id: string) => `/people/${id}/`,
  about: () => '/about/',
  corrections: () => '/corrections/',
  newsletter: () => '/newsletter/',
  newsletterIssue: (issueNumber: number) => `/newsletter/${issueNumber}/`,
  /** An issue's email edition (HTML and plain text) and the editors' preview of it. */
  newsletterEmail: (issueNumber: number) => `/newsletter/${issueNumber}/email.html`,
  newsletterEmailText: (issueNumber: number) => `/newsletter/${issueNumber}/email.txt`,
  newsletterEmailPreview: (issueNumber: number) => `/newsletter/${issueNumber}/email/`,
  search: () => '/search/',
  /** The search page with filters set, e.g. every article by one author. */
  searchFor: (filters: Record<string, string>) => `/search/?${new URLSearchParams(filters).toString()}`,
  /** Feeds (RSS 2.0) and other machine-readable files. */
  feed: () => '/feed.xml',
  beatFeed: (beat: BeatId) => `/beats/${beat}/feed.xml`,
  correctionsFeed: () => '/corrections/feed.xml',
  newsletterFeed: () => '/newsletter/feed.xml',
  articleBibtex: (slug: string) => `/articles/${slug}.bib`,
  /** A file published beside an article (a results file, the script that made it). */
  articleFile: (slug: string, file: string) => `/articles/${slug}/${file}`,
  sitemap: () => '/sitemap-index.xml',
};

/** Pages on the site's public repository (site.repository). */
export const repositoryUrls = {
  /** A file as it is on the default branch. */
  file: (path: string) => `${site.repository.url}/blob/${site.repository.branch}/${path}`,
  /** GitHub's own list of the commits that touched a file (what a shallow build can offer). */
  fileCommits: (path: string) => `${site.repository.url}/commits/${site.repository.branch}/${path}`,
  commit: (sha: string) => `${site.repository.url}/commit/${sha}`,
};

/** Absolute URL on the configured origin, for feeds, canonical links and JSON-LD. */
export function absoluteUrl(path: string): string {
  return new URL(path, site.url).href;
}
