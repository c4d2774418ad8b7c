/**
 * ```mermaid fences become numbered figures holding the diagram as inline SVG, rendered at
 * build time (see ../figures/mermaid.ts). Figure options use Quarto's comment syntax, which
 * GitHub ignores when it draws the same fence in a pull request:
 *
 *     ```mermaid
 *     %%| label: fig-serving-path
 *     %%| fig-cap: How a request reaches the model.
 *     accTitle: Requests go from the gateway through the feature cache to the model server.
 *     flowchart LR
 *       …
 *     ```
 */
import type { Code, Root } from 'mdast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { numberLabel, numberedTarget } from '../cross-refs.ts';
import { checkDiagram, DiagramError, renderDiagram } from '../figures/mermaid.ts';
import { placeOf } from './vfile-astro.ts';

/** The smallest a diagram may be scaled on a narrow screen before its frame scrolls. */
const MIN_SCALE = 0.6;

export default function remarkMermaid() {
  return async (tree: Root, file: VFile) => {
    const fences: Code[] = [];
    visit(tree, 'code', (node) => {
      if (node.lang === 'mermaid') fences.push(node);
    });
    let count = 0;
    for (const fence of fences) {
      const start = fence.position?.start.line;
      const checked = checkDiagram(fence.value);
      const error = checked.findings.find((f) => f.severity === 'error');
      if (error || !checked.diagram || !checked.name) {
        const line = start && (error?.line ? start + error.line : start);
        file.fail(`${placeOf(file, line)}: ${error?.message ?? 'the diagram could not be read.'}`);
      }
      count += 1;
      let svg;
      try {
        svg = await renderDiagram(checked.diagram, checked.name, checked.id ?? `diagram-${count}`);
      } catch (error) {
        if (!(error instanceof DiagramError)) throw error;
        return file.fail(
          `${placeOf(file, start && (error.line ? start + error.line : start))}: ${error.message}`,
        );
      }
      const caption = checked.diagram.options['fig-cap'];
      const width = Number(svg.properties.width);
      if (width > 0) svg.properties.style = `min-width: ${Math.round(width * MIN_SCALE)}px`;
      const figure = h('figure.figure.diagram', numberedTarget('fig', checked.id, start), [
        // On a phone a wide diagram scrolls rather than shrinking below legibility (0.6 × its
        // drawn size); the frame is focusable so keyboard users can scroll it too.
        h('div.diagram-frame', { tabIndex: 0 }, [svg]),
        h('figcaption', [numberLabel(), ...(caption ? ['. ', caption] : [])]),
      ]);
      Object.assign(fence, {
        type: 'mermaidFigure',
        data: { hName: 'figure', hProperties: figure.properties, hChildren: figure.children },
      });
    }
  };
}
