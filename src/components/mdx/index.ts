/**
 * The MDX components editors may use, as hast builders. Articles are parsed as MDX but never
 * compiled to JavaScript: the content gate has already refused everything but these
 * components and plain markup, so each one can be turned straight into HTML elements.
 * This index is the allowlist made real; allowlist.ts holds the attribute rules the gate enforces.
 */
import type { ElementContent, Element } from 'hast';
import { h } from 'hastscript';
import type { MdxComponentName } from './allowlist.ts';
import { CORRECTION_KIND_LABELS, type CorrectionKind } from '../../schemas/correction.ts';
import { correctionLogAnchor } from '../../lib/corrections.ts';
import { numberLabel, numberedTarget } from '../../lib/cross-refs.ts';
import { licenseLabel } from '../../lib/figures/credits.ts';
import { formatDate } from '../../lib/dates.ts';
import { fileLineOf, placeOf } from '../../lib/markdown/vfile-astro.ts';
import { renderResults } from '../../lib/results/render.ts';
import { articleSlugOf, resultsOf } from '../../lib/results/vfile.ts';
import { urls } from '../../lib/urls.ts';
import type { VFile } from 'vfile';

export type ComponentProps = Record<string, string>;
/** What a builder may need beyond its attributes: the article being rendered, and where. */
export interface BuildContext {
  file: VFile;
  /** Line of the component in the article body (for numbered items' error messages). */
  line?: number;
}
type Builder = (props: ComponentProps, children: ElementContent[], context: BuildContext) => Element;

const correction: Builder = (props, children) => {
  const day = props.date!;
  // The kind comes from the log entry (added by remark-corrections), never from the editor.
  const { done } = CORRECTION_KIND_LABELS[(props.kind ?? 'correction') as CorrectionKind];
  return h('ins.correction', { id: props.id, dateTime: day }, [
    ...children,
    h(
      'a.correction-flag',
      { href: `#${correctionLogAnchor(day)}` },
      `${done} ${formatDate(new Date(`${day}T00:00:00Z`))}`,
    ),
  ]);
};

/**
 * `<Results id="…" />`: the article's declared results, read and validated by the content
 * lint and handed to the renderer (see lib/results/). Drawn here as a table and, for `fig-`
 * ids, an SVG chart.
 */
const results: Builder = (props, _children, context) => {
  const id = props.id!;
  const table = resultsOf(context.file).get(id);
  if (!table) {
    const known = [...resultsOf(context.file).keys()].join(', ') || 'none declared';
    // The content lint reports this first; this guards renders that skip it.
    return context.file.fail(
      `${placeOf(context.file, context.line)}: <Results id="${id}" /> names no entry in the frontmatter's results list (${known}). Declare it under results:, or fix the id.`,
    );
  }
  return renderResults(table, {
    href: urls.articleFile(articleSlugOf(context.file), table.entry.file),
    ...(context.line ? { line: fileLineOf(context.file, context.line) } : {}),
  });
};

const aside: Builder = (props, children) => {
  const label = props.label ?? 'Note';
  return h('aside.aside', { ariaLabel: label }, [h('p.box-label', label), ...children]);
};

/**
 * A numbered figure. The image itself is finished by rehype-article-images (formats, srcset,
 * lazy loading); the zoom link gets its full-resolution target when the page renders. The
 * caption is the children (Markdown, citations allowed) or the caption attribute, followed by
 * the credit. Credit data stays on the element for the article's "Figures" credits list.
 */
const figure: Builder = (props, children, { line }) => {
  const caption = children.length > 0 ? children : props.caption ? [h('span', props.caption)] : [];
  // A one-paragraph caption reads as a sentence, not a block.
  const inline =
    caption.length === 1 && caption[0]!.type === 'element' && caption[0]!.tagName === 'p'
      ? caption[0]!.children
      : caption;
  const credit = props.credit
    ? [
        ' ',
        h('span.figure-credit', [
          'Credit: ',
          props.sourceUrl ? h('a', { href: props.sourceUrl }, props.credit) : props.credit,
          props.license ? `, ${licenseLabel(props.license)}` : '',
          '.',
        ]),
      ]
    : [];
  return h(
    'figure',
    {
      ...numberedTarget('fig', props.id, line),
      className: ['figure', ...(props.wide !== undefined ? ['figure-wide'] : [])],
      ...(props.credit
        ? { dataCredit: props.credit, dataLicense: props.license, dataSourceUrl: props.sourceUrl }
        : {}),
    },
    [
      h('a.figure-zoom', { dataZoom: '', ariaLabel: `${props.alt} (full size)` }, [
        h('img', {
          src: props.src,
          alt: props.alt,
          ...(props.srcDark ? { dataSrcDark: props.srcDark } : {}),
          ...(props.wide !== undefined ? { dataWide: '' } : {}),
        }),
      ]),
      h('figcaption', [numberLabel(), ...(inline.length ? ['. ', ...inline] : []), ...credit]),
    ],
  );
};

export const componentBuilders: Record<MdxComponentName, Builder> = {
  Correction: correction,
  Results: results,
  Aside: aside,
  Figure: figure,
};
