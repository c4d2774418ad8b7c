/**
 * Renders Pandoc-style citations (`[@id]`, `[@a; @b]`) as numbered links into the article's
 * source list, and records how often each source is cited so the list can link back.
 * An unknown id stops the build: a citation must never point at nothing.
 *
 * `[@fig-…]`, `[@tbl-…]` and `[@eq-…]` are cross-references, not citations: they become a
 * placeholder that rehype-cross-refs resolves to "Figure 2" once everything is numbered.
 */
import type { Root, PhrasingContent } from 'mdast';
import { findAndReplace, type RegExpMatchObject } from 'mdast-util-find-and-replace';
import type { VFile } from 'vfile';
import { citationAnchor, crossRefGroupProblem, findCitations, sourceAnchor } from '../citations.ts';
import { isCrossRefId } from '../cross-refs.ts';
import { malformedCitationMessage, unknownCitationMessage } from '../rule-messages.ts';
import { astroData, placeOf } from './vfile-astro.ts';

/** Written into the frontmatter (`remarkPluginFrontmatter.citationCounts`) for back-links. */
export type CitationCounts = Record<string, number>;

interface SourceLike {
  id: string;
  title?: string;
}

export default function remarkCitations() {
  return (tree: Root, file: VFile) => {
    const frontmatter = astroData(file).frontmatter;
    const sources = Array.isArray(frontmatter.sources) ? (frontmatter.sources as SourceLike[]) : [];
    const numberOf = new Map(sources.map((source, index) => [source.id, index + 1]));
    const titleOf = new Map(sources.map((source) => [source.id, source.title ?? '']));
    const counts: CitationCounts = {};

    findAndReplace(
      tree,
      [
        /\[\s*@[^[\]]*\]/g,
        (raw: string, match: RegExpMatchObject) => {
          // The text node may span several lines of a paragraph: count to the citation's own.
          const start = match.stack.at(-1)?.position?.start.line;
          const line = start && start + (match.input.slice(0, match.index).match(/\n/g)?.length ?? 0);
          const where = placeOf(file, line);
          const [citation] = findCitations(raw);
          if (!citation) return false;
          if (citation.malformed !== undefined) {
            file.fail(`${where} citation: ${malformedCitationMessage(raw, citation.malformed)}`);
          }
          if (citation.items.some((item) => isCrossRefId(item.id))) {
            const problem = crossRefGroupProblem(citation);
            if (problem) file.fail(`${where}: ${problem}`);
            return {
              type: 'emphasis',
              data: {
                hName: 'span',
                hProperties: {
                  dataCrossRefs: citation.items.map((item) => item.id).join(' '),
                  ...(line ? { dataSourceLine: line } : {}),
                },
              },
              children: [{ type: 'text', value: raw }],
            };
          }
          const children: PhrasingContent[] = [{ type: 'text', value: '[' }];
          citation.items.forEach((item, index) => {
            const number = numberOf.get(item.id);
            if (number === undefined) {
              file.fail(`${where} citation: ${unknownCitationMessage(item.id, numberOf.keys())}`);
            }
            counts[item.id] = (counts[item.id] ?? 0) + 1;
            if (index > 0) children.push({ type: 'text', value: ', ' });
            children.push({
              type: 'link',
              url: `#${sourceAnchor(item.id)}`,
              title: null,
              data: {
                hProperties: {
                  id: citationAnchor(item.id, counts[item.id]!),
                  className: ['citation-link'],
                  ariaLabel: `Source ${number}: ${titleOf.get(item.id)}${item.locator ? `, ${item.locator}` : ''}`,
                },
              },
              children: [
                { type: 'text', value: item.locator ? `${number}, ${item.locator}` : String(number) },
              ],
            });
          });
          children.push({ type: 'text', value: ']' });
          return {
            type: 'emphasis',
            data: { hName: 'sup', hProperties: { className: ['citation'] } },
            children,
          };
        },
      ],
      { ignore: ['link', 'linkReference', 'inlineCode', 'code', 'inlineMath', 'math'] },
    );

    frontmatter.citationCounts = counts;
  };
}
