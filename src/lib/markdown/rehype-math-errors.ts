/**
 * rehype-katex turns a TeX error into a vfile message that Astro never prints, and renders the
 * formula anyway: as a red `katex-error` span, or (for an unknown command such as
 * `\notacommand`) as ordinary-looking math with the command in red. So a broken formula would
 * ship silently. This plugin runs after it and turns either sign into a build error naming
 * the file, the line and the expression. It also records whether the page has math
 * (`remarkPluginFrontmatter.hasMath`), so KaTeX's stylesheet loads only there.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { astroData, displayPath } from './vfile-astro.ts';

function hasClass(node: Element, name: string): boolean {
  const className = node.properties.className;
  return Array.isArray(className) && className.includes(name);
}

function failOnMath(file: VFile, expression: string, reason: string, line: number | undefined): never {
  const cleanReason = reason.replace(/^(?:ParseError: )?KaTeX parse error: /, '');
  return file.fail(
    `${displayPath(file)}${line ? `:${line}` : ''}: malformed math "${expression.trim()}": ${cleanReason}. Fix the TeX (KaTeX supports a subset of LaTeX: https://katex.org/docs/supported).`,
  );
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
    visit(tree, 'element', (node: Element) => {
      if (hasClass(node, 'katex')) hasMath = true;
      if (!hasClass(node, 'katex-error')) return;
      // Without a message (another math plugin, a future rehype-katex): the span is the evidence.
      const title = node.properties.title;
      failOnMath(
        file,
        toString(node),
        typeof title === 'string' ? title : 'KaTeX could not parse it',
        node.position?.start.line,
      );
    });
    astroData(file).frontmatter.hasMath = hasMath;
  };
}
