/**
 * Typographic punctuation on Markdown text: curly quotes, en and em dashes (`--`, `---`) and
 * ellipses, by the classic SmartyPants rules. It replaces remark-smartypants, whose
 * natural-language parse (retext) was half of an article's render time in the benchmark
 * (scripts/bench/README.md); this applies the same rules to each text node's string.
 * Code, inline code and math are separate node types, so they are never touched.
 */
import type { Root, Text } from 'mdast';
import { smartypantsu } from 'smartypants';
import { visit } from 'unist-util-visit';

/** q: "quotes" and 'quotes'; D: -- en dash, --- em dash; e: ... ellipsis. */
const RULES = 'qDe';

export default function remarkTypography() {
  return (tree: Root) => {
    visit(tree, 'text', (node: Text) => {
      node.value = smartypantsu(node.value, RULES);
    });
  };
}
