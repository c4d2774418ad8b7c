/**
 * Static checks of an article body, run before anything is built. MDX is code: an article that
 * could `import fs` or evaluate `{…}` would run on the build machine. So the body is parsed,
 * never executed, and only plain Markdown plus the site's own components get through.
 * The same pass collects citations, correction marks, methodology boxes and math for the
 * article-level rules.
 */
import { fromHtml } from 'hast-util-from-html';
import katex, { type KatexOptions } from 'katex';
import type { Root as MdastRoot } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx-jsx';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node } from 'unist';
import { visitParents } from 'unist-util-visit-parents';
import {
  FORBIDDEN_HTML_ELEMENTS,
  FORBIDDEN_URL_SCHEME,
  MDX_COMPONENT_RULES,
  SAFE_HTML_ELEMENTS,
  type MdxComponentName,
} from '../../components/mdx/allowlist.ts';
import { crossRefGroupProblem, findCitations } from '../citations.ts';
import { isCrossRefId } from '../cross-refs.ts';
import type { ImageReference } from '../figures/image-rules.ts';
import { checkDiagram } from '../figures/mermaid.ts';
import { katexOptions } from '../markdown/katex-options.ts';
import { malformedCitationMessage, malformedMathMessage, untrustedMathMessage } from '../rule-messages.ts';
import type { Problem } from './problem.ts';
import { unsourcedMarkerReason } from './unsourced-numbers.ts';
import { toString } from 'mdast-util-to-string';

export interface BodyFacts {
  /** Source ids cited in the text, with the line of their first citation. */
  cited: Map<string, number>;
  /** Dates (YYYY-MM-DD) of inline <Correction> marks, with the line of their first mark. */
  correctionDays: Map<string, number>;
  /** Markdown images and <Figure>s, with lines in the body; checked against the files by lintArticleFile. */
  images: ImageReference[];
  /** Ids of `<Results id="…" />` components, with the line of their first use. */
  resultsShown: Map<string, number>;
  /** Cross-referenced ids (`[@fig-…]`, `[@tbl-…]`, `[@eq-…]`), with the line of their first use. */
  crossRefs: Map<string, number>;
  /** Section headings (## and deeper), for the per-beat contracts. */
  headings: { depth: number; text: string; line: number }[];
  /** Numeric claims marked `unsourced:` by an editor (set by the article rules). */
  markedNumbers?: number;
  /** False when the body could not be parsed: the facts above are then unknown, not empty. */
  parsed: boolean;
  /** The parsed body, so the build can render from this same parse instead of parsing again. */
  tree?: MdastRoot;
}

const mdxParser = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkMdx);
const mdParser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

const COMPONENT_TAG = new RegExp(`<(${Object.keys(MDX_COMPONENT_RULES).join('|')})\\b`);
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlinkhref',
  'xlink:href',
  'poster',
  'srcset',
  'data',
  'cite',
]);

/** KaTeX's parser: exported as `__parse` but missing from its type declarations. */
const parseTex = (katex as unknown as { __parse: (tex: string, options: KatexOptions) => unknown }).__parse;

type Report = (
  line: number | undefined,
  field: string,
  message: string,
  severity?: Problem['severity'],
) => void;

function checkRawHtml(html: string, line: number | undefined, report: Report) {
  const tree = fromHtml(html, { fragment: true });
  visitParents(tree, 'element', (element) => {
    const tag = element.tagName;
    if (FORBIDDEN_HTML_ELEMENTS.has(tag)) {
      report(
        line,
        `<${tag}>`,
        `raw <${tag}> is not allowed in articles: it can run code or restyle the site. Remove it; use Markdown, a fenced code block, or an allowed component.`,
      );
    }
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) {
        report(
          line,
          `<${tag} ${name}>`,
          `event-handler attributes (on…) are not allowed: they run script. Remove "${name}".`,
        );
      } else if (URL_ATTRIBUTES.has(name.toLowerCase()) && FORBIDDEN_URL_SCHEME.test(String(value))) {
        report(
          line,
          `<${tag} ${name}>`,
          `"${String(value)}" uses a forbidden URL scheme; link to an http(s) address.`,
        );
      }
    }
  });
}

function attributeProblem(attribute: MdxJsxAttribute | MdxJsxExpressionAttribute): string | undefined {
  if (attribute.type === 'mdxJsxExpressionAttribute')
    return 'spread attributes {…} are not allowed: write each attribute as name="text".';
  if (/^on/i.test(attribute.name))
    return `event-handler attribute "${attribute.name}" is not allowed: it would run script.`;
  if (attribute.value === null || attribute.value === undefined) return undefined;
  if (typeof attribute.value !== 'string')
    return `attribute "${attribute.name}" uses an {expression}; write it as ${attribute.name}="text".`;
  if (FORBIDDEN_URL_SCHEME.test(attribute.value))
    return `attribute "${attribute.name}" uses a forbidden URL scheme; use an http(s) address.`;
  return undefined;
}

function checkMath(value: string, displayMode: boolean, line: number | undefined, report: Report) {
  const field = displayMode ? 'math' : 'inline math';
  const strictFindings: string[] = [];
  const refused = new Set<string>();
  try {
    // Parse only (no HTML): this is where TeX errors, refused commands and strict-mode findings
    // arise, at a fraction of a full render's cost. The build's rehype-math-errors catches
    // anything later.
    parseTex(value, {
      ...katexOptions,
      displayMode,
      throwOnError: true,
      // Still refuse every command `trust: false` refuses, but learn which ones were asked for:
      // KaTeX would otherwise print them in red without an error.
      trust: (context: { command: string }) => {
        refused.add(context.command);
        return false;
      },
      strict: (code: string, message: string) => {
        strictFindings.push(`${message} [${code}]`);
        return 'ignore';
      },
    });
  } catch (error) {
    report(line, field, malformedMathMessage(value, error instanceof Error ? error.message : String(error)));
    return;
  }
  for (const command of refused) report(line, field, untrustedMathMessage(value, command));
  for (const finding of new Set(strictFindings)) {
    report(line, field, `"${value.trim()}" renders but is not portable LaTeX: ${finding}`, 'warning');
  }
}

/**
 * The MDX parser counts from the body's first line, in the error's position and inside its
 * reason ("… for `<b>` (4:3-4:6)"). Editors see file lines: the body-relative line goes to
 * `report` (which adds the frontmatter), and positions in the text are rewritten as file lines.
 */
function syntaxError(error: unknown, bodyLine: number): { line: number | undefined; reason: string } {
  const { line, reason = String(error) } = error as { line?: number; reason?: string };
  const fileLine = (bodyRelative: string) => Number(bodyRelative) + bodyLine - 1;
  const positions = /\((\d+):\d+(?:-(\d+):\d+)?\)/g;
  const firstInText = positions.exec(reason)?.[1];
  return {
    line: line ?? (firstInText ? Number(firstInText) : undefined),
    reason: reason.replace(positions, (_, from: string, to: string | undefined) =>
      to && to !== from ? `(lines ${fileLine(from)}–${fileLine(to)})` : `(line ${fileLine(from)})`,
    ),
  };
}

export function checkBody(
  file: string,
  body: string,
  bodyLine: number,
  isMdx: boolean,
  problems: Problem[],
): BodyFacts {
  const facts: BodyFacts = {
    cited: new Map(),
    correctionDays: new Map(),
    images: [],
    resultsShown: new Map(),
    crossRefs: new Map(),
    headings: [],
    parsed: true,
  };
  const report: Report = (line, field, message, severity = 'error') =>
    problems.push({ severity, file, ...(line ? { line: line + bodyLine - 1 } : {}), field, message });

  let tree: MdastRoot;
  try {
    tree = (isMdx ? mdxParser : mdParser).parse(body);
  } catch (error) {
    const { line, reason } = syntaxError(error, bodyLine);
    report(
      line,
      'body',
      `is not valid MDX: ${reason}. In .mdx prose, "{", "}" and "<" start code; put them in \`code\`, escape them (\\{ \\<), or write "less than".`,
    );
    return { ...facts, parsed: false };
  }

  visitParents(tree as Node, (node: Node, ancestors: Node[]) => {
    const line = node.position?.start.line;
    const n = node as Node & Record<string, unknown>;
    switch (node.type) {
      case 'mdxjsEsm':
        report(
          line,
          'import/export',
          'is not allowed in articles: MDX is code and it would run during the build. Remove the line; Correction, Results, Aside and Figure are available without importing.',
        );
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        // The one expression allowed: an editor's `{/* unsourced: why */}` marker, a comment
        // that compiles to nothing (see unsourced-numbers.ts; the renderer drops it).
        if (unsourcedMarkerReason(String(n.value), 'mdx') !== undefined) return 'skip';
        if (/^\s*\/\*\s*unsourced\b/.test(String(n.value))) {
          report(
            line,
            'unsourced marker',
            'needs a reason: write {/* unsourced: why this number needs no source */}.',
          );
          return 'skip';
        }
        report(
          line,
          `{${String(n.value).trim().slice(0, 40)}}`,
          'expressions are not allowed in articles. For a literal brace, put it in `code` or math, or escape it as \\{.',
        );
        return 'skip';
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = n.name as string | null;
        const attributes = n.attributes as (MdxJsxAttribute | MdxJsxExpressionAttribute)[];
        if (!name) {
          report(line, '<>', 'fragments are not allowed; remove the <> and </> wrapper.');
          return;
        }
        for (const attribute of attributes) {
          const problem = attributeProblem(attribute);
          if (problem) report(line, `<${name}>`, problem);
        }
        const named = attributes.filter((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute');
        if (Object.hasOwn(MDX_COMPONENT_RULES, name)) {
          const rule = MDX_COMPONENT_RULES[name as MdxComponentName];
          const allowed: readonly string[] = [...rule.required, ...rule.optional];
          for (const attribute of named) {
            if (!allowed.includes(attribute.name) && !/^on/i.test(attribute.name)) {
              report(line, `<${name}>`, `unknown attribute "${attribute.name}". Usage: ${rule.usage}`);
            }
          }
          for (const required of rule.required) {
            const attribute = named.find((a) => a.name === required);
            if (!attribute || typeof attribute.value !== 'string' || !attribute.value.trim()) {
              report(line, `<${name}>`, `needs a non-empty ${required}="…" attribute. Usage: ${rule.usage}`);
            }
          }
          if (name === 'Correction') {
            const date = named.find((a) => a.name === 'date')?.value;
            if (typeof date === 'string' && !facts.correctionDays.has(date))
              facts.correctionDays.set(date, line ?? 1);
          }
          if (name === 'Figure') {
            const value = (key: string) => {
              const attribute = named.find((a) => a.name === key);
              if (!attribute) return undefined;
              return typeof attribute.value === 'string' ? attribute.value : '';
            };
            const image: ImageReference = { line: line ?? 1, field: '<Figure>', src: value('src') ?? '' };
            for (const key of ['alt', 'srcDark', 'credit', 'license', 'sourceUrl'] as const) {
              const given = value(key);
              if (given !== undefined) image[key] = given;
            }
            facts.images.push(image);
          }
          if (name === 'Results') {
            const id = named.find((a) => a.name === 'id')?.value;
            if (typeof id === 'string' && !facts.resultsShown.has(id)) facts.resultsShown.set(id, line ?? 1);
          }
        } else if (name === 'Methodology') {
          report(
            line,
            '<Methodology>',
            'was replaced by the `methodology:` block in the frontmatter (hardware, software, runs, interval, harness, measured date), shown as a card at the top of the article. Move the facts there and delete the component; see content/FORMAT.md.',
          );
        } else if (FORBIDDEN_HTML_ELEMENTS.has(name.toLowerCase())) {
          report(
            line,
            `<${name}>`,
            `raw <${name}> is not allowed in articles: it can run code or restyle the site. Remove it.`,
          );
        } else if (Object.hasOwn(SAFE_HTML_ELEMENTS, name)) {
          const allowed = SAFE_HTML_ELEMENTS[name]!;
          for (const attribute of named) {
            if (!allowed.includes(attribute.name) && !/^on/i.test(attribute.name)) {
              report(
                line,
                `<${name}>`,
                `attribute "${attribute.name}" is not allowed on <${name}>${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}.`,
              );
            }
          }
        } else {
          const components = Object.keys(MDX_COMPONENT_RULES).join(', ');
          report(
            line,
            `<${name}>`,
            /^[a-z]/.test(name)
              ? `HTML element <${name}> is not allowed in articles. Use Markdown, or one of the components ${components}.`
              : `unknown component <${name}>. Articles may use only ${components}.`,
          );
        }
        return;
      }
      case 'html': {
        // In .md, a component tag is inert HTML: it would ship as an unknown element and its
        // rule (a logged date, a complete methodology) would never be checked.
        const component = COMPONENT_TAG.exec(String(n.value))?.[1];
        if (component) {
          report(
            line,
            `<${component}>`,
            `components work only in .mdx files: rename the file to .mdx (the URL stays the same).`,
          );
        }
        checkRawHtml(String(n.value), line, report);
        return;
      }
      case 'image':
        facts.images.push({
          line: line ?? 1,
          field: 'image',
          src: String(n.url),
          alt: typeof n.alt === 'string' ? n.alt : '',
        });
      // falls through: the URL scheme rule applies to images too
      case 'link':
      case 'definition':
        if (FORBIDDEN_URL_SCHEME.test(String(n.url))) {
          report(
            line,
            node.type,
            `"${String(n.url)}" uses a forbidden URL scheme (javascript:, data:, vbscript:, file:). Link to an http(s) address or a page on this site.`,
          );
        }
        return;
      case 'code':
        if (n.lang === 'mermaid') {
          for (const finding of checkDiagram(String(n.value)).findings)
            report(
              line && finding.line ? line + finding.line : line,
              'mermaid',
              finding.message,
              finding.severity,
            );
        }
        return;
      case 'math':
      case 'inlineMath':
        checkMath(String(n.value), node.type === 'math', line, report);
        return;
      case 'heading': {
        if ((n.depth as number) >= 2)
          facts.headings.push({ depth: n.depth as number, text: toString(node), line: line ?? 1 });
        return;
      }
      case 'text': {
        if (ancestors.some((a) => a.type === 'link' || a.type === 'linkReference')) return;
        const text = String(n.value);
        for (const citation of findCitations(text)) {
          // A paragraph's text runs over several lines: point at the citation's own line.
          const at = (line ?? 1) + (text.slice(0, citation.start).match(/\n/g)?.length ?? 0);
          if (citation.malformed !== undefined) {
            report(at, 'citation', malformedCitationMessage(citation.raw, citation.malformed));
          }
          const crossRefProblem = crossRefGroupProblem(citation);
          if (crossRefProblem) report(at, 'cross-reference', crossRefProblem);
          // Cross-references ([@fig-…]) name figures, tables and equations, resolved when the
          // article is numbered; only source citations are checked against "sources".
          for (const item of citation.items) {
            const seen = isCrossRefId(item.id) ? facts.crossRefs : facts.cited;
            if (!seen.has(item.id)) seen.set(item.id, at);
          }
        }
        return;
      }
      default:
        return;
    }
  });
  return { ...facts, tree };
}
