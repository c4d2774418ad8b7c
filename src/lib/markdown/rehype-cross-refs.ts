/**
 * Numbers the article's figures, tables and equations and resolves `[@fig-…]` references
 * (see ../cross-refs.ts for how producers register a target). Runs on the finished tree, so
 * every producer (components, captioned tables, equations) has placed its targets, and
 * numbers follow reading order. An unknown or duplicate id stops the build, as an unknown
 * source does.
 *
 * Records `frontmatter.numbered`: every numbered item with its label, for lists such as the
 * figure credits.
 */
import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { CROSS_REF_KINDS, crossRefLabel, type CrossRefKind } from '../cross-refs.ts';
import { astroData, fileLineOf, placeOf } from './vfile-astro.ts';

export interface NumberedItem {
  kind: CrossRefKind;
  number: number;
  /** "Figure 2". */
  label: string;
  id?: string;
}

function lineOf(element: Element): number | undefined {
  const line = Number(element.properties.dataSourceLine ?? element.position?.start.line);
  return Number.isFinite(line) && line > 0 ? line : undefined;
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

export default function rehypeCrossRefs() {
  return (tree: Root, file: VFile) => {
    const where = (line: number | undefined) => placeOf(file, line);
    const counts: Record<string, number> = {};
    const byId = new Map<string, { item: NumberedItem; line: number | undefined }>();
    const items: NumberedItem[] = [];

    visit(tree, 'element', (element) => {
      const kind = element.properties.dataNumbered as CrossRefKind | undefined;
      if (!kind) return;
      if (!Object.hasOwn(CROSS_REF_KINDS, kind)) throw new Error(`unknown numbered kind "${kind}"`);
      const number = (counts[kind] = (counts[kind] ?? 0) + 1);
      const id = typeof element.properties.id === 'string' ? element.properties.id : undefined;
      const line = lineOf(element);
      const item: NumberedItem = { kind, number, label: crossRefLabel(kind, number), ...(id ? { id } : {}) };
      if (id) {
        const other = byId.get(id);
        if (other) {
          file.fail(
            `${where(line)}: id "${id}" is already used by ${other.item.label}${other.line ? ` (line ${fileLineOf(file, other.line)})` : ''}; every figure, table and equation id must be unique in the article. Rename one of them.`,
          );
        }
        byId.set(id, { item, line });
      }
      items.push(item);
      delete element.properties.dataNumbered;
      delete element.properties.dataSourceLine;
      visit(element, 'element', (child) => {
        const style = child.properties.dataNumberLabel;
        if (style === undefined) return;
        delete child.properties.dataNumberLabel;
        child.children = [text(style === 'equation' ? `(${number})` : item.label)];
        return SKIP;
      });
    });

    visit(tree, 'element', (element, index, parent) => {
      const group = element.properties.dataCrossRefs;
      if (typeof group !== 'string' || !parent || index === undefined) return;
      const ids = group.split(' ');
      const line = lineOf(element);
      const known = () =>
        [...byId.keys()].filter((id) => id.startsWith(ids[0]!.split('-')[0]! + '-')).join(', ') || '(none)';
      const targets = ids.map((id) => {
        const target = byId.get(id);
        if (!target) {
          file.fail(
            `${where(line)}: cross-reference [@${id}] names no figure, table or equation in this article. Give the item id="${id}", or refer to one of: ${known()}.`,
          );
        }
        return { id, item: target.item };
      });
      // "Figure 2", "Figures 2 and 3", "Figure 2 and Table 1": one link per number.
      const out: ElementContent[] = [];
      targets.forEach(({ id, item }, i) => {
        const previous = targets[i - 1];
        if (i > 0)
          out.push(text(i === targets.length - 1 ? (targets.length > 2 ? ', and ' : ' and ') : ', '));
        const sameKindAsPrevious = previous?.item.kind === item.kind;
        const pluralHere = !sameKindAsPrevious && targets[i + 1]?.item.kind === item.kind;
        const words = sameKindAsPrevious
          ? String(item.number)
          : `${pluralHere ? CROSS_REF_KINDS[item.kind].plural : CROSS_REF_KINDS[item.kind].singular} ${item.number}`;
        out.push({
          type: 'element',
          tagName: 'a',
          properties: { href: `#${id}`, className: ['cross-ref'] },
          children: [text(words)],
        });
      });
      parent.children.splice(index, 1, ...out);
      return [SKIP, index + out.length];
    });

    astroData(file).frontmatter.numbered = items;
  };
}
