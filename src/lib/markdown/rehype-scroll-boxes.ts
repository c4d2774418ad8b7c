/**
 * Wide blocks (tables, display equations, code) must never be cut off on a narrow screen: each
 * becomes its own horizontal scroll box. A scroll box must also be reachable from the keyboard
 * and say what it holds, so it gets `tabindex="0"`, `role="group"` and an accessible name; the
 * visible "there is more" cue is the CSS scroll shadow on `.scroll-box` (global.css).
 *
 * Diagram frames (a wide figure's scrolling box) are named after the figure's caption.
 * Tables are wrapped in a `<div>` (a table keeps its table semantics; styling the table itself
 * as a scroll box with `display: block` drops them in some screen readers). Equations and code
 * blocks are their own scroll box.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

const NAME_LIMIT = 80;

// Shiki hands over its <pre> with raw attribute names (`class`, `tabindex`, `data-language`)
// instead of hast's property names, so both spellings are read and the raw ones replaced.
function classesOf(node: Element): string[] {
  const { className, class: raw } = node.properties;
  if (Array.isArray(className)) return className.map(String);
  return typeof raw === 'string' ? raw.split(/\s+/).filter(Boolean) : [];
}

function shorten(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= NAME_LIMIT ? clean : `${clean.slice(0, NAME_LIMIT - 1).trimEnd()}…`;
}

function firstElement(nodes: ElementContent[], tagName: string): Element | undefined {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    if (node.tagName === tagName) return node;
    const inner = firstElement(node.children, tagName);
    if (inner) return inner;
  }
  return undefined;
}

/** "Table: <caption>", else the column headings, so a screen reader knows which table scrolls. */
export function tableName(table: Element): string {
  const caption = firstElement(table.children, 'caption');
  const captionText = caption ? shorten(toString(caption)) : '';
  // A numbered caption already starts with "Table 2".
  if (captionText) return /^Table\b/.test(captionText) ? captionText : `Table: ${captionText}`;
  const headerRow = firstElement(table.children, 'tr');
  const headings = headerRow?.children
    .filter((cell): cell is Element => cell.type === 'element' && cell.tagName === 'th')
    .map((cell) => toString(cell).trim())
    .filter(Boolean);
  return headings?.length ? `Table: ${shorten(headings.join(', '))}` : 'Table';
}

/** "Equation 3" when the equation is numbered (the label reads "(3)"), else "Equation". */
function equationName(parent: { type: string } | undefined): string {
  if (parent?.type !== 'element') return 'Equation';
  const element = parent as Element;
  if (!classesOf(element).includes('equation')) return 'Equation';
  const label = element.children.find(
    (child): child is Element => child.type === 'element' && classesOf(child).includes('number-label'),
  );
  const number = label && toString(label).replace(/[()]/g, '').trim();
  return number ? `Equation ${number}` : 'Equation';
}

/** A figure's frame is named by its caption ("Figure 2. How a model ships"). */
function figureName(parent: { type: string } | undefined): string {
  if (parent?.type !== 'element') return 'Figure';
  const caption = (parent as Element).children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'figcaption',
  );
  const text = caption ? shorten(toString(caption)) : '';
  return text || 'Figure';
}

function codeName(pre: Element): string {
  const language = pre.properties.dataLanguage ?? pre.properties['data-language'];
  return typeof language === 'string' && language && language !== 'plaintext' ? `Code (${language})` : 'Code';
}

function makeScrollBox(node: Element, kind: string, name: string): void {
  const properties = node.properties;
  properties.className = [...classesOf(node), 'scroll-box', `scroll-box-${kind}`];
  delete properties.class;
  delete properties.tabindex;
  properties.tabIndex = 0;
  properties.role = 'group';
  if (properties.ariaLabel === undefined && properties.ariaLabelledBy === undefined)
    properties.ariaLabel = name;
}

export default function rehypeScrollBoxes() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      const classes = classesOf(node);
      if (classes.includes('scroll-box')) return SKIP;
      if (node.tagName === 'table' && parent && index !== undefined) {
        const box: Element = { type: 'element', tagName: 'div', properties: {}, children: [node] };
        makeScrollBox(box, 'table', tableName(node));
        parent.children[index] = box;
        return SKIP;
      }
      if (classes.includes('katex-display')) {
        makeScrollBox(node, 'math', equationName(parent));
        return SKIP;
      }
      // A wide diagram scrolls in its frame rather than shrinking below legibility.
      if (classes.includes('diagram-frame')) {
        makeScrollBox(node, 'figure', figureName(parent));
        return SKIP;
      }
      if (node.tagName === 'pre') {
        makeScrollBox(node, 'code', codeName(node));
        return SKIP;
      }
      return undefined;
    });
  };
}
