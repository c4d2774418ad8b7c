/**
 * The MDX components editors may use, as hast builders. Articles are parsed as MDX but never
 * compiled to JavaScript: the content gate has already refused everything but these
 * components and plain markup, so each one can be turned straight into HTML elements.
 * This index is the allowlist made real; allowlist.ts holds the attribute rules the gate enforces.
 */
import type { ElementContent, Element } from 'hast';
import { h } from 'hastscript';
import type { MdxComponentName } from './allowlist.ts';
import { correctionLogAnchor } from '../../lib/corrections.ts';
import { formatShortDate } from '../../lib/dates.ts';

export type ComponentProps = Record<string, string>;
type Builder = (props: ComponentProps, children: ElementContent[]) => Element;

const correction: Builder = (props, children) => {
  const day = props.date!;
  return h('ins.correction', { id: props.id, dateTime: day }, [
    ...children,
    h(
      'a.correction-flag',
      { href: `#${correctionLogAnchor(day)}` },
      `corrected ${formatShortDate(new Date(`${day}T00:00:00Z`))}`,
    ),
  ]);
};

const methodology: Builder = (props, children) =>
  h('aside.methodology', { ariaLabel: 'Methodology' }, [
    h('p.box-label', 'Methodology'),
    h('dl', [
      h('dt', 'Sample size'),
      h('dd', props.sampleSize),
      h('dt', 'Variance'),
      h('dd', props.variance),
      h('dt', 'Confidence'),
      h('dd', props.confidence),
    ]),
    ...children,
  ]);

const aside: Builder = (props, children) => {
  const label = props.label ?? 'Note';
  return h('aside.aside', { ariaLabel: label }, [h('p.box-label', label), ...children]);
};

export const componentBuilders: Record<MdxComponentName, Builder> = {
  Correction: correction,
  Methodology: methodology,
  Aside: aside,
};
