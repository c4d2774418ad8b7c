/**
 * The email edition of a newsletter issue: the HTML a provider sends (CSS inlined by juice, a
 * table layout mail clients agree on, absolute URLs, a hidden preheader, a "view in browser"
 * link) and its plain-text alternative (html-to-text, every link numbered and listed at the
 * end). Built from the body the content layer already rendered, so the web page, the feed and
 * the email say the same thing. Nothing here sends mail: see the README's newsletter section.
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import { convert } from 'html-to-text';
import juice from 'juice';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { site } from '../../site.config.ts';
import { formatDate } from '../dates.ts';
import { feedHtml } from '../feeds.ts';
import { articleLinkTitle } from '../newsletter.ts';
import { absoluteUrl, urls } from '../urls.ts';
import { EMAIL_CSS } from './styles.ts';

export { GMAIL_CLIP_BYTES } from './limits.ts';

export interface EmailIssue {
  number: number;
  title: string;
  date: Date;
  summary: string;
  /** The issue body as the content layer rendered it (entry.rendered.html). */
  bodyHtml: string;
  /** Titles of our articles by site path (/articles/x/): a link written as a bare path reads as the title. */
  articleTitles: ReadonlyMap<string, string>;
}

export interface EmailEdition {
  /** Subject line: "ML Systems Review No. 8: Title". */
  subject: string;
  /** The preview text clients show after the subject (the issue's summary). */
  preheader: string;
  /** The issue's web page, linked as "view in browser". */
  webUrl: string;
  html: string;
  text: string;
}

/** Keeps clients from filling the preview line with the body text after the preheader. */
const PREHEADER_FILLER = '\u034F\u00A0'.repeat(90);

const stringify = (tree: Root) => unified().use(rehypeStringify).stringify(tree);

/**
 * The body with every URL absolute (the same rewrite the feeds use) and bare-path links to our
 * articles ("/articles/x/" as link text) named by the article's title.
 */
function emailBody(issue: EmailIssue, webUrl: string): ElementContent[] {
  const tree = fromHtml(feedHtml(issue.bodyHtml, webUrl), { fragment: true });
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
    const title = articleLinkTitle(node.properties.href, toString(node), issue.articleTitles);
    if (title) node.children = [{ type: 'text', value: title }];
  });
  return tree.children.filter((node): node is ElementContent => node.type !== 'doctype');
}

function presentationTable(className: string, rows: ElementContent[]): Element {
  return h('table', { className, role: 'presentation', cellPadding: 0, cellSpacing: 0, border: 0 }, rows);
}

function htmlEdition(issue: EmailIssue, edition: Omit<EmailEdition, 'html' | 'text'>): string {
  const dateline = `No. ${issue.number} · ${formatDate(issue.date)}`;
  const subscribedAt = absoluteUrl(urls.newsletter());
  const provider = site.newsletter.subscribe?.provider;
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: site.language }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { name: 'x-apple-disable-message-reformatting' }),
          h('meta', { name: 'color-scheme', content: 'light' }),
          h('meta', { name: 'supported-color-schemes', content: 'light' }),
          h('title', edition.subject),
          h('style', EMAIL_CSS),
        ]),
        h('body.email-body', [
          h('div.preheader', `${edition.preheader}${PREHEADER_FILLER}`),
          presentationTable('wrapper', [
            h('tr', [
              h('td.wrapper-cell', { align: 'center' }, [
                presentationTable('container', [
                  h('tr', [
                    h('td.topbar', [
                      `${dateline} · `,
                      h('a', { href: edition.webUrl }, 'View in your browser'),
                    ]),
                  ]),
                  h('tr', [
                    h('td.masthead', [
                      h('a.wordmark', { href: absoluteUrl(urls.home()) }, site.name),
                      h('p.tagline', 'The weekly newsletter'),
                    ]),
                  ]),
                  h('tr', [
                    h('td.content', [
                      h('h1', issue.title),
                      h('p.dek', issue.summary),
                      ...emailBody(issue, edition.webUrl),
                    ]),
                  ]),
                  h('tr', [
                    h('td.footer', [
                      h('p', [
                        `You are receiving the ${site.name} newsletter because you subscribed at `,
                        h('a', { href: subscribedAt }, subscribedAt),
                        '.',
                        provider ? ` The unsubscribe link below is added by ${provider}.` : '',
                      ]),
                      h('p', [
                        'Read this issue on the web: ',
                        h('a', { href: edition.webUrl }, edition.webUrl),
                        '. Corrections and replies: ',
                        h('a', { href: `mailto:${site.email}` }, site.email),
                        '.',
                      ]),
                    ]),
                  ]),
                ]),
              ]),
            ]),
          ]),
        ]),
      ]),
    ],
  };
  // Rules are inlined into style attributes and the <style> removed; @media rules stay in a
  // <style> of their own (clients that strip it lose only the narrow-screen padding).
  return juice(stringify(tree), {
    removeStyleTags: true,
    preserveMediaQueries: true,
    preserveFontFaces: false,
    applyWidthAttributes: true,
    applyAttributesTableElements: true,
  });
}

/** Replaces each link by its text and a number, and returns the numbered URLs in order. */
function numberLinks(nodes: ElementContent[]): { nodes: ElementContent[]; links: string[] } {
  const links: string[] = [];
  const root: Root = { type: 'root', children: structuredClone(nodes) };
  visit(root, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'a' || !parent || index === undefined) return;
    const href = typeof node.properties.href === 'string' ? node.properties.href : undefined;
    if (!href) return;
    let n = links.indexOf(href) + 1;
    if (n === 0) n = links.push(href);
    parent.children.splice(index, 1, ...node.children, { type: 'text', value: ` [${n}]` });
  });
  return { nodes: root.children as ElementContent[], links };
}

function textEdition(issue: EmailIssue, edition: Omit<EmailEdition, 'html' | 'text'>): string {
  const { nodes, links } = numberLinks(emailBody(issue, edition.webUrl));
  const tree: Root = {
    type: 'root',
    children: [
      h('p', [
        `${site.name}: the weekly newsletter`,
        h('br'),
        `No. ${issue.number} · ${formatDate(issue.date)}`,
      ]),
      h('p', `View in your browser: ${edition.webUrl}`),
      h('h1', issue.title),
      h('p', issue.summary),
      ...nodes,
    ],
  };
  const body = convert(stringify(tree), {
    wordwrap: 72,
    selectors: [
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'img', format: 'image', options: { linkBrackets: ['[image: ', ']'] } },
      { selector: 'table', format: 'dataTable' },
    ],
  }).trim();
  // The link list is not wrapped: a URL broken over two lines cannot be clicked or copied.
  const list = links.length > 0 ? ['Links:', ...links.map((url, i) => `[${i + 1}] ${url}`)].join('\n') : '';
  const footer = [
    '-- ',
    `You are receiving the ${site.name} newsletter because you subscribed at`,
    `${absoluteUrl(urls.newsletter())}. Corrections and replies: ${site.email}`,
  ].join('\n');
  return `${[body, list, footer].filter(Boolean).join('\n\n')}\n`;
}

export function emailEdition(issue: EmailIssue): EmailEdition {
  const base = {
    subject: `${site.name} No. ${issue.number}: ${issue.title}`,
    preheader: issue.summary,
    webUrl: absoluteUrl(urls.newsletterIssue(issue.number)),
  };
  return { ...base, html: htmlEdition(issue, base), text: textEdition(issue, base) };
}

/**
 * The HTML as a client that drops <style> shows it (Gmail in some views): the editors' preview
 * page frames this, so what they see never depends on the one rule juice could not inline.
 */
export function withoutStyleElements(html: string): string {
  const tree = fromHtml(html);
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName === 'style' && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
  return stringify(tree);
}
