/**
 * What the content implies the build must contain, computed without Astro: read the content
 * tree (public articles, people, newsletter issues, tags) and the route files that exist in
 * src/pages, and list every URL each route should have produced. Astro can swallow a render
 * error and exit 0 with pages missing (withastro/astro#18054); comparing against this list is
 * how we notice.
 *
 * Static routes (no [param]) are derived from the file name. Dynamic routes need a rule below,
 * kept next to the route's getStaticPaths logic it mirrors (src/lib/content.ts visibility,
 * src/lib/pagination.ts page URLs); a dynamic route with no rule is reported, so adding a
 * route without teaching this module about it fails loudly instead of silently.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { readContentIndex } from '../../src/lib/content-files.ts';
import { publishedPathsOf } from '../../src/lib/results/published-files.ts';
import { urls } from '../../src/lib/urls.ts';
import { site, type BeatId } from '../../src/site.config.ts';

export interface ContentModel {
  /** Public (non-draft) articles. */
  articles: { slug: string; file: string; beat: string; tags: string[]; published: string[] }[];
  people: { id: string; file: string }[];
  newsletter: { number: number; file: string }[];
  beats: BeatId[];
  pageSize: number;
}

export interface ExpectedPage {
  /** URL path as served: /articles/x/, /404.html, /rss.xml; an endpoint's may hold `*` for a build-computed part. */
  url: string;
  /** The route file (relative to the project) that should produce it. */
  route: string;
  /** Why it should exist: the content file or listing it comes from. */
  because: string;
}

export interface Expectation {
  pages: ExpectedPage[];
  /** Dynamic routes with no rule here: their pages cannot be predicted. */
  unknownRoutes: string[];
}

type Rule = (model: ContentModel) => Omit<ExpectedPage, 'route'>[];

function files(dir: string, pattern: RegExp): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && pattern.test(e.name))
      .map((e) => join(e.parentPath, e.name))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Reads only what routing needs, through the content index (src/lib/content-files.ts: the same
 * listing, ids and public rule as the build); validity is the content lint's job.
 */
export async function readContentModel(
  contentRoot: string,
  projectDir = process.cwd(),
): Promise<ContentModel> {
  const index = await readContentIndex(contentRoot, { cwd: projectDir, mode: 'production' });
  const articles = index.articles
    .filter((article) => article.public)
    .map(({ id, file, data }) => ({
      slug: id,
      file,
      beat: typeof data.beat === 'string' ? data.beat : '',
      tags: Array.isArray(data.tags) ? data.tags.map(String) : [],
      published: publishedPathsOf(data as Parameters<typeof publishedPathsOf>[0]),
    }));
  const people = index.people.map(({ id, file }) => ({ id, file }));
  const newsletter = index.newsletter
    .filter((issue) => Number.isInteger(issue.data.number))
    .map((issue) => ({ number: issue.data.number as number, file: issue.file }));
  return { articles, people, newsletter, beats: site.beats.map((b) => b.id), pageSize: site.pageSize };
}

/** Page 1 at the listing's URL, page N at <base>page/N/ (src/lib/pagination.ts); at least one page. */
function listing(
  count: number,
  pageSize: number,
  urlOf: (page: number) => string,
  because: string,
): Omit<ExpectedPage, 'route'>[] {
  const total = Math.max(1, Math.ceil(count / pageSize));
  return Array.from({ length: total }, (_, i) => ({
    url: urlOf(i + 1),
    because: `${because}, page ${i + 1} of ${total}`,
  }));
}

/** Dynamic routes, keyed by their path under src/pages. */
export const RULES: Record<string, Rule> = {
  'articles/[slug].astro': (m) => m.articles.map((a) => ({ url: urls.article(a.slug), because: a.file })),
  'articles/[slug]/history.astro': (m) =>
    m.articles.map((a) => ({ url: urls.articleHistory(a.slug), because: a.file })),
  'articles/[slug]/discussion.astro': (m) =>
    site.discussions.enabled && site.discussions.embed
      ? m.articles.map((a) => ({ url: urls.articleDiscussion(a.slug), because: a.file }))
      : [],
  'articles/[...page].astro': (m) =>
    listing(m.articles.length, m.pageSize, urls.articles, `${m.articles.length} public articles`),
  'beats/[beat]/[...page].astro': (m) =>
    m.beats.flatMap((beat) => {
      const count = m.articles.filter((a) => a.beat === beat).length;
      return listing(count, m.pageSize, (n) => urls.beat(beat, n), `beat "${beat}" (${count} articles)`);
    }),
  'tags/[tag]/[...page].astro': (m) => {
    const tags = [...new Set(m.articles.flatMap((a) => a.tags))].sort();
    return tags.flatMap((tag) => {
      const count = m.articles.filter((a) => a.tags.includes(tag)).length;
      return listing(count, m.pageSize, (n) => urls.tag(tag, n), `tag "${tag}" (${count} articles)`);
    });
  },
  'people/[id].astro': (m) => m.people.map((p) => ({ url: urls.person(p.id), because: p.file })),
  'newsletter/[number].astro': (m) =>
    m.newsletter.map((n) => ({ url: urls.newsletterIssue(n.number), because: n.file })),
  'newsletter/[number]/email.astro': (m) =>
    m.newsletter.map((n) => ({ url: urls.newsletterEmailPreview(n.number), because: n.file })),
  // Endpoints: files next to the pages (only their existence is checked).
  'newsletter/[number]/email.html.ts': (m) =>
    m.newsletter.map((n) => ({ url: urls.newsletterEmail(n.number), because: n.file })),
  'newsletter/[number]/email.txt.ts': (m) =>
    m.newsletter.map((n) => ({ url: urls.newsletterEmailText(n.number), because: n.file })),
  'articles/[slug].bib.ts': (m) =>
    m.articles.map((a) => ({ url: `/articles/${a.slug}.bib`, because: a.file })),
  // Share cards: the file name ends in a key only the build computes (src/lib/share-card/).
  'og/[...card].png.ts': (m) => [
    { url: '/og/site.*.png', because: "the publication's card" },
    ...m.articles.map((a) => ({ url: `/og/articles/${a.slug}.*.png`, because: a.file })),
  ],
  'articles/[slug]/[...file].ts': (m) =>
    m.articles.flatMap((a) =>
      a.published.map((path) => ({
        url: urls.articleFile(a.slug, path),
        because: `${a.file} (published file)`,
      })),
    ),
  'beats/[beat]/feed.xml.ts': (m) =>
    m.beats.map((beat) => ({ url: `${urls.beat(beat)}feed.xml`, because: `beat "${beat}"` })),
};

const PAGE_EXTENSIONS = /\.(astro|md|mdx|html)$/;
const ENDPOINT_EXTENSIONS = /\.(ts|js|mjs)$/;

/** The URL a static route file is served at, with `trailingSlash: 'always'` and directory format. */
function staticUrl(route: string): string {
  if (ENDPOINT_EXTENSIONS.test(route)) return `/${route.replace(ENDPOINT_EXTENSIONS, '')}`; // feed.xml.ts → /feed.xml
  const path = route.replace(PAGE_EXTENSIONS, '');
  if (path === '404' || path === '500') return `/${path}.html`;
  if (path === 'index') return '/';
  return `/${path.replace(/(^|\/)index$/, '')}/`.replace(/\/+$/, '/');
}

export async function expectedPages({
  projectDir = process.cwd(),
  contentRoot = join(projectDir, 'content'),
} = {}): Promise<Expectation> {
  const pagesDir = join(projectDir, 'src', 'pages');
  const routes = files(pagesDir, /\.(astro|md|mdx|html|ts|js|mjs)$/)
    .map((path) => relative(pagesDir, path).split(sep).join('/'))
    .filter((route) => !route.split('/').some((part) => part.startsWith('_'))); // _private files are not routes
  const model = await readContentModel(contentRoot, projectDir);
  const pages: ExpectedPage[] = [];
  const unknownRoutes: string[] = [];
  for (const route of routes) {
    const routeFile = `src/pages/${route}`;
    if (!route.includes('[')) {
      pages.push({ url: staticUrl(route), route: routeFile, because: 'static route' });
      continue;
    }
    const rule = RULES[route];
    if (!rule) unknownRoutes.push(routeFile);
    else pages.push(...rule(model).map((p) => ({ ...p, route: routeFile })));
  }
  return { pages, unknownRoutes };
}
