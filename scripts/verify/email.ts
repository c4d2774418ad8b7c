/**
 * The email edition of every newsletter issue (newsletter/<n>/email.html and email.txt, from
 * src/lib/email/edition.ts), held to what mail clients need: present for every issue page;
 * under Gmail's clipping size; no script, form, embedded frame, external stylesheet or web
 * font; every URL absolute; every link to our origin resolving to a built file, and every
 * other link one the issue's web page carries too (the email links nothing the reviewed issue
 * does not); images absolute with alt text and dimensions; no <style> rule that a client
 * stripping <style> would lose (only @media rules may stay); a preheader and a "view in
 * browser" link; a plain-text part that names the web page.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import postcss from 'postcss';
import { GMAIL_CLIP_BYTES } from '../../src/lib/email/limits.ts';
import { classesOf, errorAt, elements, fileOf, parseHtmlFile } from './dist.ts';
import type { CheckResult, Finding } from './types.ts';

export interface EmailOptions {
  siteUrl: string;
  /** Largest email.html allowed, in bytes. */
  maxBytes?: number;
}

/** Elements a mail client strips or refuses, and that must never be sent. */
const FORBIDDEN = new Set([
  'script',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'iframe',
  'frame',
  'object',
  'embed',
  'applet',
  'noscript',
]);
const URL_ATTRIBUTES = ['href', 'src', 'background', 'poster', 'action', 'cite'] as const;

function issueNumbers(distDir: string): number[] {
  const dir = join(distDir, 'newsletter');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^\d+$/.test(name) && statSync(join(dir, name)).isDirectory())
    .filter((name) => existsSync(join(dir, name, 'index.html')))
    .map(Number)
    .sort((a, b) => a - b);
}

function normalised(url: string): string {
  return URL.canParse(url) ? new URL(url).href : url;
}

/** http(s) links of the issue's web page, to compare the email's outside links with. */
function webLinks(pageFile: string): Set<string> {
  const links = new Set<string>();
  for (const el of elements(parseHtmlFile(pageFile))) {
    if (el.tagName === 'a' && typeof el.properties.href === 'string' && /^https?:/i.test(el.properties.href))
      links.add(normalised(el.properties.href));
  }
  return links;
}

export function checkEmail(
  distDir: string,
  { siteUrl, maxBytes = GMAIL_CLIP_BYTES }: EmailOptions,
): CheckResult {
  const origin = new URL(siteUrl).origin;
  const findings: Finding[] = [];
  const numbers = issueNumbers(distDir);
  let links = 0;
  for (const number of numbers) {
    const source = `content/newsletter/${number}.md`;
    const dir = join(distDir, 'newsletter', String(number));
    const htmlFile = join(dir, 'email.html');
    const textFile = join(dir, 'email.txt');
    const webUrl = `${origin}/newsletter/${number}/`;
    const push = (file: string, el: Element | undefined, message: string, fix: string) =>
      findings.push(errorAt(file, el, message, fix));

    for (const file of [htmlFile, textFile]) {
      if (!existsSync(file))
        push(
          file,
          undefined,
          `is missing: newsletter No. ${number} has a web page but no email edition`,
          'Keep src/pages/newsletter/[number]/email.html.ts and email.txt.ts; check the build log for their errors.',
        );
    }
    if (!existsSync(htmlFile)) continue;

    const bytes = statSync(htmlFile).size;
    if (bytes > maxBytes) {
      push(
        htmlFile,
        undefined,
        `is ${(bytes / 1000).toFixed(1)} KB, over the ${(maxBytes / 1000).toFixed(0)} KB at which Gmail clips a message (readers would see "[Message clipped]")`,
        `Shorten ${source} (fewer items, shorter quotes) or move long material to an article and link it.`,
      );
    }

    const external = webLinks(join(dir, 'index.html'));
    const tree = parseHtmlFile(htmlFile);
    let preheader = false;
    let viewInBrowser = false;
    for (const el of elements(tree)) {
      if (FORBIDDEN.has(el.tagName)) {
        push(
          htmlFile,
          el,
          `contains <${el.tagName}>, which mail clients strip or block`,
          `Remove it from ${source} or from src/lib/email/edition.ts: an email carries text, links and images only.`,
        );
      }
      for (const [name, value] of Object.entries(el.properties)) {
        if (/^on/i.test(name))
          push(
            htmlFile,
            el,
            `<${el.tagName}> has an event handler ${name.toLowerCase()}`,
            'Remove it: mail clients never run script.',
          );
        if (name === 'style' && /url\(|@import/i.test(String(value)))
          push(
            htmlFile,
            el,
            `<${el.tagName}> style loads a resource (${String(value).slice(0, 60)})`,
            'Use an <img> with an absolute URL, alt and dimensions instead.',
          );
      }
      if (el.tagName === 'link' && String(el.properties.rel ?? '').includes('stylesheet')) {
        push(
          htmlFile,
          el,
          `links a stylesheet (${String(el.properties.href)})`,
          'Put the rules in src/lib/email/styles.ts: juice inlines them.',
        );
      }
      if (el.tagName === 'style') {
        const css = toString(el);
        for (const node of postcss.parse(css).nodes) {
          if (node.type === 'atrule' && node.name === 'media') continue;
          if (node.type === 'comment') continue;
          const what =
            node.type === 'rule'
              ? `rule "${node.selector}"`
              : node.type === 'atrule'
                ? `@${node.name}`
                : node.type;
          push(
            htmlFile,
            el,
            `<style> keeps ${what}, which clients that strip <style> lose (only @media rules may stay)`,
            'Let juice inline it (src/lib/email/edition.ts): use plain class selectors in src/lib/email/styles.ts, no @import or @font-face.',
          );
        }
      }
      if (classesOf(el).includes('preheader') && toString(el).trim() !== '') preheader = true;

      for (const name of URL_ATTRIBUTES) {
        const value = el.properties[name];
        if (typeof value !== 'string') continue;
        links += 1;
        if (!/^(https?:\/\/|mailto:|tel:)/i.test(value)) {
          push(
            htmlFile,
            el,
            `<${el.tagName} ${name}="${value.slice(0, 80)}"> is a relative URL, which means nothing in an inbox`,
            'Make it absolute (src/lib/email/edition.ts resolves the body against the issue URL; check the template).',
          );
          continue;
        }
        if (!/^https?:/i.test(value)) continue;
        const url = new URL(value);
        if (url.origin === origin) {
          if (!fileOf(distDir, url.pathname))
            push(
              htmlFile,
              el,
              `links to ${value}, which is not a built page`,
              `Fix the link in ${source}: it must point at a page of the site.`,
            );
          if (el.tagName === 'a' && value === webUrl) viewInBrowser = true;
        } else if (name === 'href' && !external.has(url.href)) {
          push(
            htmlFile,
            el,
            `links to ${value}, which the issue's web page does not`,
            `The email links only what the reviewed issue links; add it to ${source} or remove it from the template.`,
          );
        } else if (name !== 'href') {
          push(
            htmlFile,
            el,
            `loads ${value} from another host`,
            'Serve images from the site (absolute URLs on its origin), so the email shows what was reviewed.',
          );
        }
      }
      if (el.tagName === 'img') {
        if (typeof el.properties.alt !== 'string' || el.properties.alt.trim() === '')
          push(
            htmlFile,
            el,
            `<img src="${el.properties.src ?? ''}"> has no alt text; many clients block images by default`,
            `Give the image alt text in ${source}.`,
          );
        if (
          !/^\d+$/.test(String(el.properties.width ?? '')) ||
          !/^\d+$/.test(String(el.properties.height ?? ''))
        )
          push(
            htmlFile,
            el,
            `<img src="${el.properties.src ?? ''}"> has no width and height; clients reflow or stretch it`,
            'Use an image the build measures (a local image in the issue), so width and height are written.',
          );
      }
    }
    if (!preheader)
      push(
        htmlFile,
        undefined,
        'has no preheader (the hidden preview text after the subject)',
        'Keep the .preheader element in src/lib/email/edition.ts.',
      );
    if (!viewInBrowser)
      push(
        htmlFile,
        undefined,
        `has no "view in browser" link to ${webUrl}`,
        'Keep the link in the top bar of src/lib/email/edition.ts.',
      );

    if (existsSync(textFile)) {
      const text = readFileSync(textFile, 'utf8');
      if (!text.includes(webUrl))
        push(
          textFile,
          undefined,
          `does not name the issue's web page (${webUrl})`,
          'Keep the "View in your browser" line in the text part (src/lib/email/edition.ts).',
        );
      if (/<\/?(p|a|div|table|br)\b/i.test(text))
        push(
          textFile,
          undefined,
          'contains HTML tags',
          'The text part is converted by html-to-text; do not write HTML into it.',
        );
    }
  }
  return { findings, summary: `${numbers.length} issues: email.html and email.txt checked, ${links} URLs` };
}
