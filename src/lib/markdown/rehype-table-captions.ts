/**
 * Moves a table's caption (marked by remark-numbered-blocks) into the table as its
 * `<caption>`, where assistive technology announces it with the table, and puts the number
 * label ("Table 1") in front.
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { numberLabel } from '../cross-refs.ts';

export default function rehypeTableCaptions() {
  return (tree: Root) => {
    visit(tree, 'element', (caption, index, parent) => {
      if (caption.properties.dataTableCaption === undefined || !parent || index === undefined) return;
      // The table is the previous element sibling (remark-rehype puts a newline text between).
      const table = parent.children
        .slice(0, index)
        .reverse()
        .find((node): node is Element => node.type === 'element');
      if (table?.tagName !== 'table') return;
      table.children.unshift({
        type: 'element',
        tagName: 'caption',
        properties: {},
        children: [numberLabel(), { type: 'text', value: ' ' }, ...caption.children],
      });
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
  };
}
