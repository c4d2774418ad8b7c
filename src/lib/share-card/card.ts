/**
 * What a share card shows, as the element tree satori lays out (flexbox, like HTML with inline
 * styles). Pure data: the tree is also what the card cache hashes, so any change to the text,
 * the layout or a colour here is a new card, and nothing else is.
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export type CardInput =
  | {
      kind: 'article';
      title: string;
      /** The beat's display name ("MLOps & reliability"). */
      beat: string;
      /** "By Lukas Berg" line, names already joined. */
      authors: string;
      reviewer: string;
      publication: string;
    }
  | {
      kind: 'site';
      publication: string;
      tagline: string;
      beats: string[];
      /** The site's host name, printed where an article card names the publication. */
      host: string;
    };

/** The subset of satori's element shape this module writes. */
export interface CardElement {
  type: 'div';
  props: { style: Record<string, string | number>; children?: string | CardElement | CardElement[] };
}

const COLOURS = { paper: '#fdfcf9', ink: '#1d1c1a', soft: '#55524b', rule: '#d9d4c8', accent: '#8a2c14' };
export const SERIF = 'Source Serif 4';
export const SANS = 'Inter';

function div(style: CardElement['props']['style'], children?: CardElement['props']['children']): CardElement {
  return {
    type: 'div',
    props: { style: { display: 'flex', ...style }, ...(children === undefined ? {} : { children }) },
  };
}

/** Long headlines get a smaller size so they fit in four lines at most. */
export function titleSize(title: string): number {
  if (title.length <= 50) return 68;
  if (title.length <= 80) return 58;
  if (title.length <= 110) return 50;
  return 42;
}

function frame(children: CardElement[]): CardElement {
  return div(
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      boxSizing: 'border-box',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '60px 72px 56px 84px',
      backgroundColor: COLOURS.paper,
      borderLeft: `18px solid ${COLOURS.accent}`,
      fontFamily: SANS,
      color: COLOURS.ink,
    },
    children,
  );
}

function kicker(text: string): CardElement {
  return div(
    { fontSize: 26, fontWeight: 600, letterSpacing: 2, textTransform: 'uppercase', color: COLOURS.accent },
    text,
  );
}

function footer(left: CardElement, publication: string): CardElement {
  return div(
    {
      justifyContent: 'space-between',
      alignItems: 'flex-end',
      borderTop: `2px solid ${COLOURS.rule}`,
      paddingTop: 26,
      fontSize: 26,
      color: COLOURS.soft,
    },
    [left, div({ fontFamily: SERIF, fontWeight: 700, fontSize: 34, color: COLOURS.ink }, publication)],
  );
}

export function cardElement(input: CardInput): CardElement {
  if (input.kind === 'article') {
    return frame([
      kicker(input.beat),
      div(
        {
          fontFamily: SERIF,
          fontWeight: 700,
          fontSize: titleSize(input.title),
          lineHeight: 1.15,
          maxHeight: 4 * 1.15 * titleSize(input.title),
          overflow: 'hidden',
        },
        input.title,
      ),
      footer(
        div({ flexDirection: 'column', gap: 6, maxWidth: 700 }, [
          div({ color: COLOURS.ink }, `By ${input.authors}`),
          div({}, `Technical review by ${input.reviewer}`),
        ]),
        input.publication,
      ),
    ]);
  }
  return frame([
    kicker('An independent engineering publication'),
    div({ flexDirection: 'column', gap: 24 }, [
      div({ fontFamily: SERIF, fontWeight: 700, fontSize: 84, lineHeight: 1.1 }, input.publication),
      div({ fontSize: 32, lineHeight: 1.35, color: COLOURS.soft, maxWidth: 960 }, input.tagline),
    ]),
    footer(div({ maxWidth: 760 }, input.beats.join(' · ')), input.host),
  ]);
}

/** Alt text for the card: what it says, in one sentence. */
export function cardAlt(input: CardInput): string {
  return input.kind === 'article'
    ? `${input.publication}: “${input.title}” (${input.beat}), by ${input.authors}, technical review by ${input.reviewer}.`
    : `${input.publication}: ${input.tagline}`;
}
