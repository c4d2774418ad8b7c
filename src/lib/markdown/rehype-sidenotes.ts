/**
 * Footnotes as side notes: next to each GFM footnote reference, a copy of the note that the
 * stylesheet floats into the article's margin on wide screens (and hides elsewhere, where the
 * numbered notes at the end remain). The copy is for the eye only (`aria-hidden`, its links out
 * of the tab order): assistive technology keeps the reference → note → back-link structure
 * GFM builds, so nothing is announced twice.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

function isFootnoteRef(node: ElementContent): node is Element {
  return node.type === 'element' && node.tagName === 'a' && node.properties.dataFootnoteRef !== undefined;
}

/** The note's content as phrasing (a <p> becomes a block <span>), with no ids and no back-links. */
function phrasingCopy(nodes: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type !== 'element') {
      if (node.type === 'text') out.push({ ...node });
      continue;
    }
    if (node.properties.dataFootnoteBackref !== undefined) continue;
    const properties = { ...node.properties };
    delete properties.id;
    if (node.tagName === 'a') properties.tabIndex = -1;
    if (node.tagName === 'p' || node.tagName === 'ul' || node.tagName === 'ol' || node.tagName === 'li') {
      out.push({
        type: 'element',
        tagName: 'span',
        properties: { className: ['sidenote-para'] },
        children: phrasingCopy(node.children),
      });
      continue;
    }
    out.push({ ...node, properties, children: phrasingCopy(node.children) });
  }
  return out;
}

export default function rehypeSidenotes() {
  return (tree: Root) => {
    const notes = new Map<string, Element>();
    visit(tree, 'element', (node) => {
      if (node.tagName === 'li' && typeof node.properties.id === 'string')
        notes.set(node.properties.id, node);
    });
    visit(tree, 'element', (sup, index, parent) => {
      if (sup.tagName !== 'sup' || !parent || index === undefined) return undefined;
      const ref = sup.children.find(isFootnoteRef);
      const href = ref?.properties.href;
      const note = typeof href === 'string' ? notes.get(href.replace(/^#/, '')) : undefined;
      if (!ref || !note) return undefined;
      const sidenote: Element = {
        type: 'element',
        tagName: 'span',
        properties: { className: ['sidenote'], ariaHidden: 'true' },
        children: [
          {
            type: 'element',
            tagName: 'span',
            properties: { className: ['sidenote-number'] },
            children: [{ type: 'text', value: toString(ref) }],
          },
          { type: 'text', value: ' ' },
          ...phrasingCopy(note.children),
        ],
      };
      parent.children.splice(index + 1, 0, sidenote);
      return [SKIP, index + 2];
    });
  };
}
