/**
 * Item 8, feeds half: every feed parses with a real feed parser and every item has a title, an
 * absolute https link and a date.
 *
 * Parser: Python's feedparser (Debian python3-feedparser, run with /usr/bin/python3 via
 * parse-feeds.py), the parser most feed readers' behaviour is modelled on: it reports
 * malformed XML ("bozo"), recognises RSS/Atom versions and normalises dates, so we do not
 * re-implement RSS rules with an XML parser.
 *
 * Which feeds: those pages announce with <link rel="alternate"> in their <head> (the home page's
 * site feed, beat pages' feeds…; a linked feed that is missing fails), plus any other RSS/Atom
 * file in dist. No feeds yet is a pass ("no feeds yet").
 */
import { execFile } from 'node:child_process';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { display, elements, fileOf, headOf, htmlPages, listFiles, urlPathOf } from './dist.ts';
import type { CheckResult, Finding } from './types.ts';

const run = promisify(execFile);

export interface FeedOptions {
  siteUrl: string;
  /** Python with feedparser; Debian's, not a pyenv/venv one that lacks the module. */
  python?: string;
}

interface ParsedFeed {
  file: string;
  bozo: boolean;
  error: string;
  version: string;
  title: string;
  entries: { title: string; link: string; date: boolean }[];
}

const FEED_TYPES = /^application\/(rss|atom)\+xml$/i;
const SCRIPT = fileURLToPath(new URL('./parse-feeds.py', import.meta.url));

interface LinkedFeed {
  href: string;
  /** The built file it resolves to, if any. */
  file: string | undefined;
  /** Pages announcing it (the home page first when it does). */
  pages: string[];
}

/** Feeds announced by <link rel="alternate" type="application/rss+xml|atom+xml"> in any page's <head>. */
function linkedFeeds(distDir: string, origin: string): LinkedFeed[] {
  const feeds = new Map<string, LinkedFeed>();
  for (const { file: pageFile, url: pageUrl, tree } of htmlPages(distDir)) {
    const head = headOf(tree);
    for (const el of head ? elements(head) : []) {
      const rel = (Array.isArray(el.properties.rel) ? el.properties.rel : [el.properties.rel]).map(String);
      if (el.tagName !== 'link' || !rel.includes('alternate') || !FEED_TYPES.test(el.properties.type ?? ''))
        continue;
      const url = new URL(el.properties.href ?? '', `${origin}${pageUrl}`);
      const key = url.href;
      const feed = feeds.get(key) ?? {
        href: url.origin === origin ? url.pathname : url.href,
        file: url.origin === origin ? fileOf(distDir, url.pathname) : undefined,
        pages: [],
      };
      if (pageUrl === '/') feed.pages.unshift(pageFile);
      else feed.pages.push(pageFile);
      feeds.set(key, feed);
    }
  }
  return [...feeds.values()];
}

export async function checkFeeds(
  distDir: string,
  { siteUrl, python = process.env.MLSR_PYTHON ?? '/usr/bin/python3' }: FeedOptions,
): Promise<CheckResult> {
  const origin = new URL(siteUrl).origin;
  const findings: Finding[] = [];
  const error = (file: string, message: string, fix: string) =>
    findings.push({ severity: 'error', file: display(file), message, fix });

  const linked = linkedFeeds(distDir, origin);
  for (const { href, file, pages } of linked) {
    const others =
      pages.length > 1
        ? ` (also announced by ${pages.length - 1} other page${pages.length > 2 ? 's' : ''})`
        : '';
    if (!file)
      error(
        pages[0]!,
        `announces the feed ${href}, which is not in dist/${others}`,
        'Build the feed (src/pages/**/feed.xml.ts with @astrojs/rss) or fix the <link rel="alternate"> href.',
      );
  }
  const candidates = new Set(linked.flatMap(({ file }) => (file ? [file] : [])));
  for (const file of listFiles(distDir, '.xml'))
    if (!basename(file).startsWith('sitemap')) candidates.add(file);
  if (candidates.size === 0)
    return { findings, summary: 'no feeds yet (none announced by a page, no RSS/Atom in dist)' };

  let parsed: ParsedFeed[];
  try {
    const { stdout } = await run(python, [SCRIPT, ...candidates], { maxBuffer: 64 * 1024 * 1024 });
    parsed = stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ParsedFeed);
  } catch (e) {
    const message = (e as { stderr?: string }).stderr ?? String(e);
    error(
      distDir,
      `feeds could not be parsed: ${python} ${message.includes('No module named') ? 'has no feedparser module' : `failed: ${message.slice(0, 200)}`}`,
      'Install it: `sudo apt-get install -y python3-feedparser` (npm run tools does it), or set MLSR_PYTHON to a Python that has feedparser.',
    );
    return { findings, summary: `${candidates.size} feed file(s) not checked` };
  }

  const linkedFiles = new Set(linked.map(({ file }) => file));
  let items = 0;
  let feeds = 0;
  for (const feed of parsed) {
    const fix = `Fix the feed route that writes ${basename(feed.file)} (src/pages/*.xml.ts): items need title, an absolute https link (site URL + path) and pubDate.`;
    if (!feed.version) {
      // An XML file that is no feed is fine unless a page announces it as one; broken XML never is.
      if (linkedFiles.has(feed.file))
        error(
          feed.file,
          `is announced as a feed but is not RSS or Atom${feed.bozo ? ` (${feed.error})` : ''}`,
          fix,
        );
      else if (feed.bozo)
        error(
          feed.file,
          `is not well-formed XML: ${feed.error}`,
          'Fix the endpoint in src/pages that writes it.',
        );
      continue;
    }
    feeds++;
    if (feed.bozo)
      error(
        feed.file,
        `is not a well-formed feed: ${feed.error}`,
        `${fix} Escape text with the feed library rather than by hand.`,
      );
    if (!feed.title.trim()) error(feed.file, 'has no channel/feed title', fix);
    feed.entries.forEach((entry, index) => {
      items++;
      const name = `item ${index + 1}${entry.title.trim() ? ` (“${entry.title.trim().slice(0, 50)}”)` : ''}`;
      if (!entry.title.trim()) error(feed.file, `${name} has no title`, fix);
      let url: URL | undefined;
      try {
        url = new URL(entry.link);
      } catch {
        url = undefined;
      }
      if (url?.protocol !== 'https:')
        error(
          feed.file,
          `${name} link is ${entry.link ? `“${entry.link}”` : 'missing'}, not an absolute https URL`,
          fix,
        );
      else if (url.origin === origin && !fileOf(distDir, url.pathname))
        error(feed.file, `${name} links to ${url.pathname}, which is not a page in dist/`, fix);
      if (!entry.date) error(feed.file, `${name} has no (parseable) publication date`, fix);
    });
  }
  return {
    findings,
    summary: `${feeds} feed(s), ${items} items parsed with feedparser; ${linked.length} announced by <link rel="alternate"> (${linked.filter((f) => f.pages.some((p) => urlPathOf(distDir, p) === '/')).length} on the home page)`,
  };
}
