/**
 * A readable diff between two versions of an article: block by block (paragraphs, headings,
 * list items, table rows), and word by word inside a changed block, on the prose a reader
 * reads (src/lib/changes/prose.ts), never on the MDX source. Unchanged blocks collapse to a
 * count. jsdiff does the diffing (diffArrays for blocks, diffWordsWithSpace inside them).
 */
import { diffArrays, diffWordsWithSpace } from 'diff';
import type { BlockType, ProseBlock } from '../changes/prose.ts';

export type DiffOp = 'same' | 'ins' | 'del';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

export type DiffEntry =
  | { kind: 'block'; type: BlockType | 'title' | 'dek'; parts: DiffPart[] }
  /** This many unchanged blocks, not shown. */
  | { kind: 'gap'; count: number };

export interface DiffInput {
  title: string;
  description: string;
  blocks: readonly Pick<ProseBlock, 'type' | 'text'>[];
}

interface Block {
  type: BlockType | 'title' | 'dek';
  text: string;
}

/** Past this share of changed words, a block reads better as removed-then-added. */
const REWRITE_SHARE = 0.6;

function wordDiff(before: Block, after: Block): DiffEntry[] {
  const parts = diffWordsWithSpace(before.text, after.text).map((p): DiffPart => ({
    op: p.added ? 'ins' : p.removed ? 'del' : 'same',
    text: p.value,
  }));
  const changed = parts.filter((p) => p.op !== 'same').reduce((n, p) => n + p.text.length, 0);
  const total = before.text.length + after.text.length;
  if (total > 0 && changed / total > REWRITE_SHARE)
    return [
      { kind: 'block', type: before.type, parts: [{ op: 'del', text: before.text }] },
      { kind: 'block', type: after.type, parts: [{ op: 'ins', text: after.text }] },
    ];
  return [{ kind: 'block', type: after.type, parts }];
}

function blocksOf(input: DiffInput): Block[] {
  return [
    { type: 'title', text: input.title },
    { type: 'dek', text: input.description },
    ...input.blocks.map((b) => ({ type: b.type, text: b.text })),
  ];
}

/** The changes from `before` to `after`, in reading order. */
export function proseDiff(before: DiffInput, after: DiffInput): DiffEntry[] {
  const a = blocksOf(before);
  const b = blocksOf(after);
  const key = (block: Block) => `${block.type}\u0000${block.text}`;
  const entries: DiffEntry[] = [];
  let i = 0;
  let j = 0;
  let removed: Block[] = [];
  const flush = (added: Block[]) => {
    const pairs = Math.max(removed.length, added.length);
    for (let n = 0; n < pairs; n++) {
      const was = removed[n];
      const is = added[n];
      if (was && is) entries.push(...wordDiff(was, is));
      else if (was) entries.push({ kind: 'block', type: was.type, parts: [{ op: 'del', text: was.text }] });
      else if (is) entries.push({ kind: 'block', type: is.type, parts: [{ op: 'ins', text: is.text }] });
    }
    removed = [];
  };
  for (const part of diffArrays(a.map(key), b.map(key))) {
    const count = part.count;
    if (part.removed) {
      removed.push(...a.slice(i, i + count));
      i += count;
    } else if (part.added) {
      flush(b.slice(j, j + count));
      j += count;
    } else {
      flush([]);
      entries.push({ kind: 'gap', count });
      i += count;
      j += count;
    }
  }
  flush([]);
  return entries;
}

/** Whether a diff shows any change at all (versus only gaps). */
export function hasChanges(entries: readonly DiffEntry[]): boolean {
  return entries.some((e) => e.kind === 'block');
}
