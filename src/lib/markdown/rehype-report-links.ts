/**
 * Puts a "Report an error" line under every section heading (h2, h3) of an article: a link to
 * the pre-filled GitHub issue form and a mailto: alternative, both naming the article and the
 * section (see ../report-error.ts). Plain links, so the page still loads no JavaScript.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import { articleIdOfPath } from '../content-files.ts';
import { reportLinks } from '../report-error.ts';
import { absoluteUrl, urls } from '../urls.ts';
import { astroData } from './vfile-astro.ts';

const SECTION_HEADINGS = new Set(['h2', 'h3']);

function isHeadingAnchor(node: ElementContent): boolean {
  return (
    node.type === 'element' &&
    Array.isArray(node.properties.className) &&
    node.properties.className.includes('heading-anchor')
  );
}

/** The heading as a reader reads it: without the "#" anchor rehype-autolink-headings appends. */
function headingText(heading: Element): string {
  return toString({ ...heading, children: heading.children.filter((child) => !isHeadingAnchor(child)) })
    .replace(/\s+/g, ' ')
    .trim();
}

export function sectionReportLine(articleTitle: string, articleUrl: string, heading: Element): Element {
  const section = headingText(heading);
  const id = typeof heading.properties.id === 'string' ? heading.properties.id : undefined;
  const links = reportLinks({ title: articleTitle, url: id ? `${articleUrl}#${id}` : articleUrl, section });
  return h('p.section-report', { dataPagefindIgnore: '' }, [
    h('a', { href: links.issue, ariaLabel: `Report an error in “${section}” on GitHub` }, 'Report an error'),
    ' or ',
    h(
      'a',
      { href: links.email, ariaLabel: `email the editors about an error in “${section}”` },
      'email the editors',
    ),
  ]);
}

export default function rehypeReportLinks() {
  return (tree: Root, file: VFile) => {
    const title = astroData(file).frontmatter.title;
    if (typeof title !== 'string' || !file.path) return;
    const slug = articleIdOfPath(file.path);
    if (!slug)
      throw new Error(
        `${file.path}: not an article file (expected articles/<slug>.mdx or articles/<slug>/index.mdx)`,
      );
    const articleUrl = absoluteUrl(urls.article(slug));
    // Top-level headings only: a heading inside an aside or a table is not a section.
    tree.children = tree.children.flatMap((node) =>
      node.type === 'element' && SECTION_HEADINGS.has(node.tagName)
        ? [node, sectionReportLine(title, articleUrl, node)]
        : [node],
    );
  };
}
