/**
 * An article body as a reader reads it: blocks of plain text (headings, paragraphs, list
 * items, table rows, code, math, the facts in a Methodology box), without MDX syntax,
 * citation keys or link targets. Change checks and history diffs compare these, so a
 * reformatted table or a re-wrapped paragraph is not a change, and a changed number is.
 * Every stretch of text remembers the source line it came from, for annotations.
 */
import type { Nodes } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export type BlockType = 'heading' | 'paragraph' | 'code' | 'math' | 'table-row' | 'component';

export interface ProseBlock {
  type: BlockType;
  text: string;
  /** Source line (1-based, in the whole file) of the block's first character. */
  line: number;
  /** Where each stretch of `text` starts in the source: text offset → file line, ascending. */
  lines: { offset: number; line: number }[];
}

const processors = {
  mdx: unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath),
  md: unified().use(remarkParse).use(remarkGfm).use(remarkMath),
};

/** `[@a]`, `[@a; @b, p. 4]`: citation keys are not prose (the source list shows them). */
const CITATION = /\s?\[@[^\]]*\]/g;

class BlockBuilder {
  text = '';
  lines: { offset: number; line: number }[] = [];
  private readonly lineOffset: number;
  constructor(lineOffset: number) {
    this.lineOffset = lineOffset;
  }

  add(value: string, line: number | undefined): void {
    if (value === '') return;
    if (line !== undefined) {
      const parts = value.split('\n');
      let offset = this.text.length;
      parts.forEach((part, i) => {
        this.lines.push({ offset, line: line + i + this.lineOffset });
        offset += part.length + 1;
      });
    }
    this.text += value;
  }
}

/**
 * A component's attributes can carry facts (a Methodology box's sample size); a Correction's
 * date is bookkeeping, not prose.
 */
function attributeFacts(node: MdxJsxFlowElement | MdxJsxTextElement, out: BlockBuilder): void {
  if (node.name === 'Correction') return;
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string') {
      out.add(
        `${attribute.name}: ${attribute.value}; `,
        attribute.position?.start.line ?? node.position?.start.line,
      );
    }
  }
}

function inline(node: Nodes, out: BlockBuilder): void {
  switch (node.type) {
    case 'text':
      out.add(node.value, node.position?.start.line);
      return;
    case 'inlineCode':
      out.add(node.value, node.position?.start.line);
      return;
    case 'inlineMath':
      out.add(`$${node.value}$`, node.position?.start.line);
      return;
    case 'break':
      out.add(' ', undefined);
      return;
    case 'image':
      out.add(node.alt ?? '', node.position?.start.line);
      return;
    case 'footnoteReference':
    case 'html':
      return;
    case 'mdxJsxTextElement':
      attributeFacts(node, out);
      for (const child of node.children) inline(child, out);
      return;
    default:
      if ('children' in node) for (const child of node.children) inline(child, out);
  }
}

function finish(type: BlockType, out: BlockBuilder, fallbackLine: number): ProseBlock | undefined {
  // Citation keys go; the offsets after them shift, so rebuild the line map as we cut.
  let text = '';
  const lines: { offset: number; line: number }[] = [];
  let cursor = 0;
  const cuts = [...out.text.matchAll(CITATION)].map((m) => [m.index, m.index + m[0].length] as const);
  const keep: [number, number][] = [];
  for (const [start, end] of cuts) {
    keep.push([cursor, start]);
    cursor = end;
  }
  keep.push([cursor, out.text.length]);
  for (const [start, end] of keep) {
    for (const mark of out.lines)
      if (mark.offset >= start && mark.offset < end)
        lines.push({ offset: text.length + mark.offset - start, line: mark.line });
    text += out.text.slice(start, end);
  }
  const trimmed = text.replace(/[ \t]+\n/g, '\n').trim();
  if (!trimmed) return undefined;
  const lead = text.length - text.trimStart().length;
  return {
    type,
    text: text.slice(lead).trimEnd(),
    line: lines[0]?.line ?? fallbackLine,
    lines: lines.map((l) => ({ offset: Math.max(0, l.offset - lead), line: l.line })),
  };
}

/**
 * Parses `body` (the text after the frontmatter; `firstLine` is its first line in the file)
 * and returns its prose blocks in reading order.
 */
export function proseBlocks(body: string, options: { mdx: boolean; firstLine?: number }): ProseBlock[] {
  const offset = (options.firstLine ?? 1) - 1;
  const tree = processors[options.mdx ? 'mdx' : 'md'].parse(body);
  const blocks: ProseBlock[] = [];
  const push = (block: ProseBlock | undefined) => {
    if (block) blocks.push(block);
  };
  const startLine = (node: Nodes) => (node.position?.start.line ?? 1) + offset;

  const walk = (node: Nodes): void => {
    switch (node.type) {
      case 'heading':
      case 'paragraph': {
        const out = new BlockBuilder(offset);
        inline(node, out);
        push(finish(node.type, out, startLine(node)));
        return;
      }
      case 'code':
      case 'math': {
        const out = new BlockBuilder(offset);
        // The value starts on the line after the opening fence.
        out.add(node.value, (node.position?.start.line ?? 0) + 1);
        push(finish(node.type, out, startLine(node)));
        return;
      }
      case 'tableRow': {
        const out = new BlockBuilder(offset);
        node.children.forEach((cell, i) => {
          if (i > 0) out.add(' | ', undefined);
          inline(cell, out);
        });
        push(finish('table-row', out, startLine(node)));
        return;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const out = new BlockBuilder(offset);
        attributeFacts(node, out);
        push(finish('component', out, startLine(node)));
        for (const child of node.children) walk(child);
        return;
      }
      default:
        if ('children' in node) for (const child of node.children) walk(child);
    }
  };
  walk(tree);
  return blocks;
}

/** The source line of a position in a block's text. */
export function lineAt(block: ProseBlock, offset: number): number {
  let line = block.line;
  for (const mark of block.lines) {
    if (mark.offset > offset) break;
    line = mark.line;
  }
  return line;
}
