/**
 * The components editors may use in MDX, with the attributes each takes. The content lint
 * refuses anything else; `index.ts` beside this file maps the same names to components
 * (a unit test keeps the two in step).
 */
export interface MdxComponentRule {
  required: readonly string[];
  optional: readonly string[];
  /** One line for error messages and the editor reference. */
  usage: string;
}

export const MDX_COMPONENT_RULES = {
  Correction: {
    required: ['date'],
    optional: [],
    usage: '<Correction date="YYYY-MM-DD">corrected words</Correction>',
  },
  Results: {
    required: ['id'],
    optional: [],
    usage: '<Results id="fig-latency" /> (the id of an entry in the frontmatter\'s results list)',
  },
  Aside: {
    required: [],
    optional: ['label'],
    usage: '<Aside label="Note">a remark set apart from the argument</Aside>',
  },
  Figure: {
    // alt is checked by the image rules, which say more than "required" (placeholders, file names).
    required: ['src'],
    optional: ['alt', 'caption', 'credit', 'license', 'sourceUrl', 'id', 'srcDark', 'wide'],
    usage:
      '<Figure src="./serving-path.png" alt="what it shows" id="fig-serving" caption="…" credit="…" license="CC-BY-4.0" sourceUrl="https://…" />',
  },
} as const satisfies Record<string, MdxComponentRule>;

export type MdxComponentName = keyof typeof MDX_COMPONENT_RULES;

/** Plain HTML elements harmless enough to allow in MDX, with the attributes they may carry. */
export const SAFE_HTML_ELEMENTS: Record<string, readonly string[]> = {
  abbr: ['title'],
  sub: [],
  sup: [],
  kbd: [],
  mark: [],
  br: [],
  small: [],
  cite: [],
  q: [],
  dfn: ['title'],
  var: [],
  samp: [],
  s: [],
  del: [],
  ins: [],
  details: ['open'],
  summary: [],
  figure: [],
  figcaption: [],
};

/** Raw HTML refused in `.md` and `.mdx` alike: it can run code or restyle the page. */
export const FORBIDDEN_HTML_ELEMENTS = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'form',
  'frame',
  'frameset',
  'base',
  'link',
  'meta',
  'svg',
  'math',
  'template',
  'input',
  'button',
  'textarea',
  'select',
]);

/** URL schemes that execute or smuggle content; refused wherever a URL can appear. */
export const FORBIDDEN_URL_SCHEME = /^\s*(javascript|vbscript|data|file):/i;
