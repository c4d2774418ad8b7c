/**
 * Where an article's frontmatter is: a first line "---", the YAML, a closing "---" line, then
 * the body. The one rule for every reader of article text (the content lint, check:changes and
 * the history page, the technical-review check), so they agree on which files have one.
 */

/** The frontmatter block at the start of a file, and the YAML inside it. */
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * A byte-order mark is how several Windows editors save UTF-8. It is invisible, YAML and
 * Markdown tools skip it, and it changes no line number: read past it.
 */
export function withoutByteOrderMark(text: string): string {
  return text.replace(/^\uFEFF/, '');
}

export interface SplitArticle {
  /** The YAML between the two "---" lines. */
  yaml: string;
  /** Everything after the closing "---" line. */
  body: string;
  /** Line of the body's first line in the file (the YAML starts on line 2). */
  bodyLine: number;
}

/** The frontmatter and body of an article's text; undefined when it does not start with one. */
export function splitFrontmatter(text: string): SplitArticle | undefined {
  const unmarked = withoutByteOrderMark(text);
  const match = FRONTMATTER.exec(unmarked);
  if (!match) return undefined;
  return {
    yaml: match[1]!,
    body: unmarked.slice(match[0].length),
    bodyLine: match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0) + 1,
  };
}
