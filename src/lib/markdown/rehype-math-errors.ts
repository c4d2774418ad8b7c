/**
 * rehype-katex turns a TeX error into a red `katex-error` span and a vfile message that Astro
 * never prints, so a broken formula would ship silently. This plugin runs after it and turns
 * any such span into a build error naming the file and the expression. It also records whether
 * the page has math (`remarkPluginFrontmatter.hasMath`), so KaTeX's stylesheet loads only there.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { astroData, displayPath } from './vfile-astro.ts';

function hasClass(node: Element, name: string): boolean {
  const className = node.properties?.className;
  return Array.isArray(className) && className.includes(name);
}

export default function rehypeMathErrors() {
  return (tree: Root, file: VFile) => {
    let hasMath = false;
    visit(tree, 'element', (node: Element) => {
      if (hasClass(node, 'katex')) hasMath = true;
      if (!hasClass(node, 'katex-error')) return;
      const expression = toString(node);
      const reason = typeof node.properties?.title === 'string' ? node.properties.title : 'KaTeX could not parse it';
      const line = node.position?.start.line;
      file.fail(
        `${displayPath(file)}${line ? `:${line}` : ''}: malformed math "${expression}": ${reason}. Fix the TeX (KaTeX supports a subset of LaTeX: https://katex.org/docs/supported).`,
      );
    });
    astroData(file).frontmatter.hasMath = hasMath;
  };
}
