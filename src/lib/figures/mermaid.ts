/**
 * Mermaid diagrams rendered to inline SVG at build time, without a browser.
 *
 * Chosen after measuring (scripts/bench/README.md, "Figures"): Mermaid is what GitHub draws
 * for the same fence in a pull request, so reviewers see the diagram, and beautiful-mermaid
 * renders flowcharts, sequence, state, class and ER diagrams in plain Node. Its parser is
 * lenient (a broken line silently becomes a stray node), so the source is first checked by
 * Mermaid's own parser (`mermaid.parse`, the grammar GitHub uses; it needs no layout, only a
 * DOM for DOMPurify, which linkedom provides without touching globals). merval, a standalone
 * validator, was tried and refused valid diagrams (`flowchart TB`, `[(store)]`, `A & B`).
 *
 * The SVG is then sanitised through an allowlist (hast-util-sanitize): no script, no event
 * handlers, no <style> (its web-font @import would leak readers to a third party and break
 * the CSP), no inline colours. Its colours are CSS variables that src/styles/figures.css
 * maps to the page's light and dark schemes.
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { visit } from 'unist-util-visit';
import { crossRefIdProblem } from '../cross-refs.ts';
import { altTextProblem, type AltTextFinding } from './alt-text.ts';

/** A problem in the diagram source; `line` counts from the fence's first source line (1). */
export class DiagramError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line: number | undefined) {
    super(message);
    this.line = line;
  }
}

export interface DiagramOptions {
  /** Quarto-style `%%| key: value` lines: label (the figure id), fig-cap, fig-alt. */
  options: Record<string, string>;
  /** Mermaid's own accessible title and description (`accTitle:`, `accDescr:`). */
  accTitle?: string;
  accDescr?: string;
  /** The source without those lines (kept as blank lines, so line numbers still match). */
  source: string;
}

const OPTION_LINE = /^\s*%%\|\s*([\w-]+)\s*:\s*(.*?)\s*$/;
const ACC_LINE = /^\s*(accTitle|accDescr)\s*:\s*(.*?)\s*$/;
/**
 * Lines that would fix colours (breaking the dark scheme), load fonts or attach behaviour.
 * Mermaid's keywords: https://mermaid.js.org/syntax/flowchart.html#styling-and-classes
 */
const REFUSED_LINES: [RegExp, string][] = [
  [/^\s*%%\{/, 'init directives are not allowed: the site sets the diagram theme. Remove the line.'],
  [
    /^\s*(style|classDef|class|linkStyle|cssClass)\b/,
    'custom styling is not allowed: diagram colours follow the page’s light and dark schemes. Remove the line.',
  ],
  [
    /^\s*(click|href|callback)\b/,
    'interactions are not allowed: the diagram is a static image. Remove the line.',
  ],
];
export const DIAGRAM_OPTION_KEYS = ['label', 'fig-cap', 'fig-alt'] as const;

/** Splits the figure options and accessibility lines from the diagram source. */
export function readDiagramOptions(text: string): DiagramOptions {
  const options: Record<string, string> = {};
  const result: DiagramOptions = { options, source: '' };
  const lines = text.split('\n').map((line, index) => {
    const option = OPTION_LINE.exec(line);
    if (option) {
      const key = option[1]!;
      if (!(DIAGRAM_OPTION_KEYS as readonly string[]).includes(key))
        throw new DiagramError(
          `unknown option "%%| ${key}"; use ${DIAGRAM_OPTION_KEYS.join(', ')}.`,
          index + 1,
        );
      options[key] = option[2]!.replace(/^"(.*)"$/, '$1');
      return '';
    }
    const acc = ACC_LINE.exec(line);
    if (acc) {
      result[acc[1] as 'accTitle' | 'accDescr'] = acc[2]!.replace(/^"(.*)"$/, '$1');
      return '';
    }
    for (const [pattern, message] of REFUSED_LINES) {
      if (pattern.test(line)) throw new DiagramError(`"${line.trim()}": ${message}`, index + 1);
    }
    return line;
  });
  result.source = lines.join('\n');
  return result;
}

const SVG_ELEMENTS = [
  'svg',
  'g',
  'defs',
  'marker',
  'polygon',
  'polyline',
  'line',
  'path',
  'rect',
  'circle',
  'ellipse',
  'text',
  'tspan',
  'title',
  'desc',
];
const SVG_PROPERTIES = [
  'viewBox',
  'width',
  'height',
  'id',
  'markerWidth',
  'markerHeight',
  'refX',
  'refY',
  'orient',
  'points',
  'd',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'dx',
  'dy',
  'fill',
  'stroke',
  'strokeWidth',
  'strokeDashArray',
  'strokeLineJoin',
  'strokeLineCap',
  'markerStart',
  'markerEnd',
  'textAnchor',
  'dominantBaseline',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'transform',
  'opacity',
  'fillOpacity',
  'strokeOpacity',
];

/** Only drawing: no script, style, foreignObject, links, images, handlers or data-*. */
const SVG_SCHEMA: Schema = {
  tagNames: SVG_ELEMENTS,
  attributes: { '*': SVG_PROPERTIES },
  strip: ['script', 'style'],
  clobber: [],
  ancestors: {},
  protocols: {},
  required: {},
};

/** A colour value that is not one of the renderer's CSS variables (or none/transparent). */
const FIXED_COLOUR = /^(?!var\(--|none$|transparent$|currentColor$)/;

/**
 * Ids must be unique on the page (two diagrams both define "arrowhead"), so every id gets
 * the figure's prefix and every url(#…) reference follows.
 */
function prefixIds(svg: Element, prefix: string) {
  const ids = new Set<string>();
  visit(svg, 'element', (element) => {
    if (typeof element.properties.id === 'string') {
      ids.add(element.properties.id);
      element.properties.id = `${prefix}-${element.properties.id}`;
    }
  });
  visit(svg, 'element', (element) => {
    for (const [key, value] of Object.entries(element.properties)) {
      if (typeof value === 'string' && value.includes('url(#'))
        element.properties[key] = value.replace(/url\(#([^)]+)\)/g, (whole, id: string) =>
          ids.has(id) ? `url(#${prefix}-${id})` : whole,
        );
    }
  });
}

/** 798.2739999999999 → 798.27: the renderer's float noise is a third of a diagram's bytes. */
function roundNumbers(svg: Element) {
  visit(svg, 'element', (element) => {
    for (const [key, value] of Object.entries(element.properties)) {
      if (typeof value === 'string' && /\d\.\d{3,}/.test(value))
        element.properties[key] = value.replace(/(\d+\.\d\d)\d+/g, '$1');
    }
  });
}

type Renderer = (source: string, options: Record<string, unknown>) => string;
type Parser = (source: string) => Promise<unknown>;
let engines: Promise<{ render: Renderer; parse: Parser }> | undefined;

/** Loaded on first use: most articles have no diagram, and Mermaid takes seconds to load. */
function loadEngines() {
  engines ??= (async () => {
    // Mermaid sanitises labels with DOMPurify, which needs a DOM: give the shared instance one
    // from linkedom rather than defining a global window for the whole build.
    const [{ parseHTML }, { default: DOMPurify }] = await Promise.all([
      import('linkedom'),
      import('dompurify'),
    ]);
    if (!DOMPurify.isSupported) {
      const { window } = parseHTML('<!doctype html><html><body></body></html>');
      Object.assign(DOMPurify, DOMPurify(window));
    }
    const [{ default: mermaid }, { renderMermaidSVG }] = await Promise.all([
      import('mermaid'),
      import('beautiful-mermaid'),
    ]);
    return {
      render: renderMermaidSVG as unknown as Renderer,
      parse: (source: string) => mermaid.parse(source),
    };
  })();
  return engines;
}

/** Mermaid's message, without the jison context lines (the line number says where). */
function parserMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const expecting = /Expecting .*$/m.exec(text)?.[0];
  return expecting ?? text.split('\n')[0]!;
}

/**
 * The line of a syntax error. Mermaid's own line numbers are off for flowcharts, so find the
 * line after the longest prefix of the source that still parses: every longer prefix fails.
 */
async function errorLine(parse: Parser, source: string): Promise<number> {
  const lines = source.split('\n');
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === '') end -= 1;
  // The header (`flowchart LR`) is the first line with content; a prefix without it never parses.
  const header = lines.findIndex((line) => line.trim() !== '' && !line.trim().startsWith('%%')) + 1;
  for (let k = end - 1; k >= header; k -= 1) {
    try {
      await parse(lines.slice(0, k).join('\n'));
      return k + 1;
    } catch {
      // still failing: the error is at or before line k
    }
  }
  return Math.max(header, 1);
}

/** Checks the diagram's syntax with Mermaid's parser; throws DiagramError with the line. */
export async function parseDiagram(diagram: DiagramOptions): Promise<void> {
  const { parse } = await loadEngines();
  try {
    await parse(diagram.source);
  } catch (error) {
    const line = await errorLine(parse, diagram.source);
    const text = diagram.source.split('\n')[line - 1]?.trim();
    throw new DiagramError(`Mermaid: ${parserMessage(error)}${text ? ` (at "${text}")` : ''}.`, line);
  }
}

export interface DiagramFinding extends AltTextFinding {
  /** Line in the fence, counting its first source line as 1. */
  line?: number;
}

export interface CheckedDiagram {
  findings: DiagramFinding[];
  /** Present when the source parsed (the findings may still hold errors). */
  diagram?: DiagramOptions;
  /** The figure id (`%%| label: fig-…`), and the accessible name. */
  id?: string;
  name?: string;
}

/**
 * The rules for a diagram's source that need no parser, shared by the content lint and the
 * renderer: options and refused lines, a figure id, a usable accessible name. The syntax is
 * checked by parseDiagram when the article is built.
 */
export function checkDiagram(text: string): CheckedDiagram {
  let diagram: DiagramOptions;
  try {
    diagram = readDiagramOptions(text);
  } catch (error) {
    if (!(error instanceof DiagramError)) throw error;
    return {
      findings: [
        {
          severity: 'error',
          message: error.message,
          ...(error.line === undefined ? {} : { line: error.line }),
        },
      ],
    };
  }
  const findings: DiagramFinding[] = [];
  const id = diagram.options.label;
  const idProblem = id === undefined ? undefined : crossRefIdProblem('fig', id);
  if (idProblem) findings.push({ severity: 'error', message: `%%| label: ${idProblem}.` });
  const name = diagram.options['fig-alt'] ?? diagram.accTitle;
  const alt = altTextProblem(name, 'diagram');
  if (alt)
    findings.push({
      ...alt,
      message: name
        ? alt.message
        : 'diagram has no accessible name. Add a line "accTitle: what the diagram shows" (Mermaid’s accessible title; GitHub uses it too).',
    });
  return { findings, diagram, ...(id ? { id } : {}), ...(name ? { name } : {}) };
}

/**
 * Renders one diagram that passed checkDiagram, after Mermaid's parser accepts it. `name` is
 * its accessible name; `idPrefix` keeps its internal ids unique on the page.
 */
export async function renderDiagram(
  diagram: DiagramOptions,
  name: string,
  idPrefix: string,
): Promise<Element> {
  const { render } = await loadEngines();
  await parseDiagram(diagram);
  let markup: string;
  try {
    markup = render(diagram.source, { transparent: true });
  } catch (error) {
    throw new DiagramError(`Mermaid: ${error instanceof Error ? error.message : String(error)}`, undefined);
  }
  const tree = sanitize(fromHtml(markup, { fragment: true, space: 'svg' }), SVG_SCHEMA) as Root;
  const svg = tree.children.find(
    (node): node is Element => node.type === 'element' && node.tagName === 'svg',
  );
  if (!svg) throw new DiagramError('Mermaid produced no SVG.', undefined);
  visit(svg, 'element', (element) => {
    for (const key of ['fill', 'stroke'] as const) {
      const value = element.properties[key];
      // A fixed colour would ignore the dark scheme: hand it to the stylesheet instead.
      if (typeof value === 'string' && FIXED_COLOUR.test(value)) element.properties[key] = undefined;
    }
  });
  // Indentation between elements: bytes with no meaning in an SVG drawing.
  visit(svg, 'element', (element) => {
    if (element.tagName !== 'text' && element.tagName !== 'tspan')
      element.children = element.children.filter((c) => c.type !== 'text' || c.value.trim() !== '');
  });
  prefixIds(svg, idPrefix);
  roundNumbers(svg);
  svg.properties = { ...svg.properties, role: 'img', ariaLabel: name };
  svg.children = svg.children.filter((child: ElementContent) => child.type === 'element');
  // The longer description, where assistive technology finds it for an SVG image.
  if (diagram.accDescr)
    svg.children.unshift({
      type: 'element',
      tagName: 'desc',
      properties: {},
      children: [{ type: 'text', value: diagram.accDescr }],
    });
  return svg;
}
