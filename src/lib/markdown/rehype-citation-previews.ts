/**
 * Citation previews without JavaScript: next to each numbered citation marker, the source it
 * points at (title, publisher, date, link) in a `popover="hint"` element the marker names with
 * `interestfor`. Browsers with interest invokers show it on hover and on keyboard focus, keep
 * it open while the pointer or focus is inside it, close it with Escape and draw it in the top
 * layer (never clipped by a scroll box); global.css anchors it under the marker and, for
 * browsers without interest invokers, shows it with `:hover`/`:focus-within` instead. The
 * marker still links to the source list, so nothing depends on the preview.
 *
 * Also keeps a marker on the line of the word it follows: the space written before it gives
 * way to a word joiner (U+2060, zero width, no break) inside the marker, so "[3]" never starts
 * a line on its own and sits against its word like any superscript. A no-break space did the
 * gluing too, but drew a full word space before a marker already set off by being raised.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { formatDate } from '../dates.ts';
import { astroData } from './vfile-astro.ts';

interface SourceLike {
  id: string;
  title: string;
  url?: string;
  publisher?: string;
  date?: Date;
}

const WORD_JOINER = '\u2060';

function classesOf(node: Element): string[] {
  const className = node.properties.className;
  return Array.isArray(className) ? className.map(String) : [];
}

function dateOf(value: unknown): Date | undefined {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

function sourcesOf(file: VFile): Map<string, SourceLike> {
  const raw = astroData(file).frontmatter.sources;
  const list = Array.isArray(raw) ? (raw as Record<string, unknown>[]) : [];
  return new Map(
    list.map((source) => {
      const entry: SourceLike = {
        id: String(source.id),
        title: typeof source.title === 'string' ? source.title : '',
      };
      if (typeof source.url === 'string') entry.url = source.url;
      if (typeof source.publisher === 'string') entry.publisher = source.publisher;
      const date = dateOf(source.date);
      if (date) entry.date = date;
      return [entry.id, entry];
    }),
  );
}

/** "doordash.engineering/2021/05/…": where the link goes, short enough for the preview. */
export function shortUrl(url: string): string {
  const { hostname, pathname } = new URL(url);
  const host = hostname.replace(/^www\./, '');
  const path = pathname === '/' ? '' : pathname;
  return path.length > 28 ? `${host}${path.slice(0, 24)}…` : `${host}${path}`;
}

function span(className: string, children: ElementContent[]): Element {
  return { type: 'element', tagName: 'span', properties: { className: [className] }, children };
}

function text(value: string): Text {
  return { type: 'text', value };
}

export function previewFor(source: SourceLike, id: string): Element {
  const meta = [source.publisher, source.date && formatDate(source.date)].filter(Boolean).join(', ');
  const children: ElementContent[] = [span('cite-preview-title', [text(source.title)])];
  if (meta) children.push(span('cite-preview-meta', [text(meta)]));
  if (source.url) {
    children.push({
      type: 'element',
      tagName: 'a',
      properties: { href: source.url, className: ['cite-preview-link'], rel: ['noopener'] },
      children: [text(shortUrl(source.url))],
    });
  }
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['cite-preview'], id, popover: 'hint' },
    children,
  };
}

/** The source id a citation link points at (`#source-<id>`). */
function sourceIdOf(link: Element): string | undefined {
  const href = link.properties.href;
  return typeof href === 'string' && href.startsWith('#source-') ? href.slice('#source-'.length) : undefined;
}

export default function rehypeCitationPreviews() {
  return (tree: Root, file: VFile) => {
    const sources = sourcesOf(file);
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'sup' || !classesOf(node).includes('citation')) return undefined;
      // No break and no gap between the cited word and its marker: the space before it gives
      // way to a word joiner inside the marker, so search (which leaves markers out) keeps no
      // orphan space either.
      const before = parent && index !== undefined ? parent.children[index - 1] : undefined;
      if (before?.type === 'text' && /\s$/.test(before.value)) {
        before.value = before.value.replace(/\s+$/, '');
        node.children.unshift(text(WORD_JOINER));
      }

      node.children = node.children.map((child) => {
        if (child.type !== 'element' || !classesOf(child).includes('citation-link')) return child;
        const source = sources.get(sourceIdOf(child) ?? '');
        const citationId = child.properties.id;
        if (!source || typeof citationId !== 'string') return child;
        const previewId = `preview-${citationId}`;
        child.properties.interestfor = previewId;
        return span('cite-item', [child, previewFor(source, previewId)]);
      });
      return SKIP;
    });
  };
}
