/**
 * Registers the Markdown-level numbered items (see ../cross-refs.ts), in Quarto's syntax:
 *
 * - a table with a caption: a paragraph `: Caption text [#tbl-id]` right after the table
 *   (blank line between). The id is optional; a captioned table is numbered either way;
 * - a display equation with an id: `$$ [#eq-id]` on the opening line. Only equations with an
 *   id are numbered (most display math is never referred to).
 *
 * The caption paragraph is marked here and moved into the table's `<caption>` by
 * rehype-table-captions (Markdown tables have no caption of their own).
 */
import type { Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import type { Math } from 'mdast-util-math';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { crossRefIdProblem, numberedTarget } from '../cross-refs.ts';
import { placeOf } from './vfile-astro.ts';

const CAPTION_START = /^:\s+/;
// `[#id]`, not Pandoc's `{#id}`: in MDX a brace starts an expression. Defined as [#tbl-x],
// referred to as [@tbl-x].
const ID_SUFFIX = /\s*\[#([^\]\s]*)\]\s*$/;
const EQUATION_META = /^\[#([^\]\s]*)\]$/;

function captionOf(node: RootContent | undefined): Paragraph | undefined {
  if (node?.type !== 'paragraph') return undefined;
  const first = node.children[0];
  return first?.type === 'text' && CAPTION_START.test(first.value) ? node : undefined;
}

/** Strips `: ` and a trailing `[#tbl-id]` from the caption; returns the id, if any. */
function takeCaptionId(caption: Paragraph): string | undefined {
  const first = caption.children[0] as PhrasingContent & { value: string };
  first.value = first.value.replace(CAPTION_START, '');
  const last = caption.children.at(-1);
  if (last?.type !== 'text') return undefined;
  const match = ID_SUFFIX.exec(last.value);
  if (!match) return undefined;
  last.value = last.value.slice(0, match.index);
  return match[1];
}

export default function remarkNumberedBlocks() {
  return (tree: Root, file: VFile) => {
    const fail = (line: number | undefined, message: string): never =>
      file.fail(`${placeOf(file, line)}: ${message}`);

    visit(tree, 'table', (table: Table, index, parent) => {
      if (!parent || index === undefined) return;
      const caption = captionOf(parent.children[index + 1]);
      if (!caption) return;
      const line = caption.position?.start.line;
      const id = takeCaptionId(caption);
      if (id !== undefined) {
        const problem = crossRefIdProblem('tbl', id);
        if (problem) fail(line, `table caption: ${problem}.`);
      }
      table.data = {
        ...table.data,
        hProperties: { ...table.data?.hProperties, ...numberedTarget('tbl', id, line) },
      };
      caption.data = { ...caption.data, hName: 'div', hProperties: { dataTableCaption: '' } };
    });

    visit(tree, 'math', (math: Math, index, parent) => {
      if (!parent || index === undefined || !math.meta) return;
      const line = math.position?.start.line;
      const match = EQUATION_META.exec(math.meta.trim());
      const id = match?.[1];
      if (id === undefined)
        return fail(
          line,
          `"$$ ${math.meta}": after $$ only an equation id is allowed, written $$ [#eq-name].`,
        );
      const problem = crossRefIdProblem('eq', id);
      if (problem) fail(line, `equation: ${problem}.`);
      parent.children[index] = {
        type: 'paragraph',
        data: {
          hName: 'div',
          hProperties: { className: ['equation'], ...numberedTarget('eq', id, line) },
        },
        children: [
          math as unknown as PhrasingContent,
          {
            type: 'emphasis',
            data: {
              hName: 'span',
              hProperties: { className: ['number-label'], dataNumberLabel: 'equation' },
            },
            children: [],
          },
        ],
      };
    });
  };
}
