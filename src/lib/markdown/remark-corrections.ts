/**
 * Ties inline `<Correction date="…">` marks to the article's corrections log: a mark whose date
 * has no log entry stops the build, and each mark gets the stable id the log links to.
 * (The content lint also checks the reverse: every log entry has a mark.)
 */
import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { correctionAnchor } from '../corrections.ts';
import { correctionNotLoggedMessage, correctionWithoutDateMessage } from '../rule-messages.ts';
import { astroData, placeOf } from './vfile-astro.ts';

export const CORRECTION_COMPONENT = 'Correction';

/** The literal `date="…"` of a Correction element, or undefined when missing or not a string. */
export function correctionDateOf(node: MdxJsxFlowElement | MdxJsxTextElement): string | undefined {
  for (const attribute of node.attributes) {
    if (
      attribute.type === 'mdxJsxAttribute' &&
      attribute.name === 'date' &&
      typeof attribute.value === 'string'
    ) {
      return attribute.value;
    }
  }
  return undefined;
}

/** Each logged day with its kind (correction, clarification, update), for the inline flag. */
function loggedDays(frontmatter: Record<string, unknown>): Map<string, string> {
  const log = Array.isArray(frontmatter.corrections) ? frontmatter.corrections : [];
  return new Map(
    log.map((entry: { date?: unknown; kind?: unknown }) => [
      entry.date instanceof Date ? entry.date.toISOString().slice(0, 10) : String(entry.date),
      typeof entry.kind === 'string' ? entry.kind : 'correction',
    ]),
  );
}

export default function remarkCorrections() {
  return (tree: Root, file: VFile) => {
    const days = loggedDays(astroData(file).frontmatter);
    const occurrences = new Map<string, number>();
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxTextElement' && node.type !== 'mdxJsxFlowElement') return;
      if (node.name !== CORRECTION_COMPONENT) return;
      const where = placeOf(file, node.position?.start.line);
      const day = correctionDateOf(node);
      if (!day) {
        file.fail(`${where} <Correction>: ${correctionWithoutDateMessage()}`);
      }
      if (!days.has(day)) {
        file.fail(`${where} <Correction>: ${correctionNotLoggedMessage(day)}`);
      }
      const occurrence = (occurrences.get(day) ?? 0) + 1;
      occurrences.set(day, occurrence);
      node.attributes.push(
        { type: 'mdxJsxAttribute', name: 'id', value: correctionAnchor(day, occurrence) },
        { type: 'mdxJsxAttribute', name: 'kind', value: days.get(day)! },
      );
    });
  };
}
