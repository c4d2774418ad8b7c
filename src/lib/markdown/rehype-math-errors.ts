/**
 * rehype-katex turns a TeX error into a vfile message that Astro never prints, and renders the
 * formula anyway: as a red `katex-error` span, or (for an unknown command such as
 * `\notacommand`) as ordinary-looking math with the command in red. A command that parses but
 * is not allowed (`\href`, `\url`, `\includegraphics`, `\htmlClass`…: `trust` is off) raises
 * no message at all and is printed in KaTeX's error colour. So a broken formula would ship
 * silently. This plugin runs after it and turns each of these signs into a build error naming
 * the file, the line and the expression (and the command). It also records whether the page
 * has math (`remarkPluginFrontmatter.hasMath`), so KaTeX's stylesheet loads only there.
 */
import type { Element, Root } from 'hast';
import type { Position } from 'unist';
import { toString } from 'hast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { malformedMathMessage, untrustedMathMessage } from '../rule-messages.ts';
import { katexOptions } from './katex-options.ts';
import { astroData, placeOf } from './vfile-astro.ts';

function hasClass(node: Element, name: string): boolean {
  const className = node.properties.className;
  return Array.isArray(className) && className.includes(name);
}

function failOnMath(file: VFile, expression: string, reason: string, line: number | undefined): never {
  return file.fail(`${placeOf(file, line)}: ${malformedMathMessage(expression, reason)}`);
}

/** The TeX source KaTeX keeps in its MathML annotation, for quoting the whole formula. */
function texOf(katex: Element | undefined): string {
  let tex = '';
  if (katex)
    visitParents(katex, 'element', (node: Element) => {
      if (node.tagName === 'annotation' && node.properties.encoding === 'application/x-tex')
        tex = toString(node);
    });
  return tex;
}

/**
 * KaTeX prints a command it refuses (an untrusted one) as the command's name in its error
 * colour: `<span class="mord" style="color:#cc0000">\href</span>`.
 */
const ERROR_COLOUR = `color:${katexOptions.errorColor}`;
const COMMAND = /^\\[A-Za-z@]+$/;
function refusedCommand(node: Element): string | undefined {
  const style = node.properties.style;
  if (typeof style !== 'string' || !style.replace(/\s/g, '').includes(ERROR_COLOUR)) return undefined;
  const text = toString(node);
  return COMMAND.test(text) ? text : undefined;
}

/**
 * KaTeX's output has no source positions, only its nearest ancestor does (a paragraph may
 * span lines): find the formula's own line by its TeX, from the ancestor's start.
 */
function lineOf(file: VFile, tex: string, around: Position | undefined): number | undefined {
  const text = String(file.value);
  const at = tex ? text.indexOf(tex, around?.start.offset ?? 0) : -1;
  return at < 0 ? around?.start.line : text.slice(0, at).split('\n').length;
}

export default function rehypeMathErrors() {
  return (tree: Root, file: VFile) => {
    // Every formula KaTeX could not parse: rehype-katex reports it with the original element.
    const katexError = file.messages.find((message) => message.source === 'rehype-katex');
    if (katexError) {
      const element = katexError.ancestors?.at(-1) as Element | undefined;
      const reason = katexError.cause instanceof Error ? katexError.cause.message : katexError.reason;
      const place = katexError.place;
      failOnMath(
        file,
        element ? toString(element) : '',
        reason,
        place && 'start' in place ? place.start.line : place?.line,
      );
    }
    let hasMath = false;
    visitParents(tree, 'element', (node: Element, ancestors) => {
      if (hasClass(node, 'katex')) hasMath = true;
      if (hasClass(node, 'katex-error')) {
        // Without a message (another math plugin, a future rehype-katex): the span is the evidence.
        const title = node.properties.title;
        failOnMath(
          file,
          toString(node),
          typeof title === 'string' ? title : 'KaTeX could not parse it',
          node.position?.start.line,
        );
      }
      const command = refusedCommand(node);
      if (command) {
        const katex = ancestors.findLast((a): a is Element => a.type === 'element' && hasClass(a, 'katex'));
        const tex = texOf(katex);
        const line = lineOf(file, tex, ancestors.findLast((a) => a.position)?.position);
        file.fail(`${placeOf(file, line)}: ${untrustedMathMessage(tex || command, command)}`);
      }
    });
    astroData(file).frontmatter.hasMath = hasMath;
  };
}
