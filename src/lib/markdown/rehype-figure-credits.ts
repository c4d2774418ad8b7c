/**
 * Collects the credited figures of an article (`frontmatter.figureCredits`, in reading order,
 * with their number) for the "Figures" credits list and the JSON-LD, and removes the data
 * attributes the figure builder left for it. Runs after rehype-cross-refs has numbered them.
 */
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { FigureCredit } from '../figures/credits.ts';
import { astroData } from './vfile-astro.ts';

export default function rehypeFigureCredits() {
  return (tree: Root, file: VFile) => {
    const credits: FigureCredit[] = [];
    visit(tree, 'element', (element) => {
      const { dataCredit, dataLicense, dataSourceUrl } = element.properties;
      if (typeof dataCredit !== 'string') return;
      let label = '';
      visit(element, 'element', (child) => {
        if (
          !label &&
          Array.isArray(child.properties.className) &&
          child.properties.className.includes('number-label')
        )
          label = toString(child);
      });
      const id = element.properties.id;
      credits.push({
        label,
        ...(typeof id === 'string' ? { id } : {}),
        credit: dataCredit,
        license: String(dataLicense ?? ''),
        ...(typeof dataSourceUrl === 'string' ? { sourceUrl: dataSourceUrl } : {}),
      });
      delete element.properties.dataCredit;
      delete element.properties.dataLicense;
      delete element.properties.dataSourceUrl;
    });
    astroData(file).frontmatter.figureCredits = credits;
  };
}
