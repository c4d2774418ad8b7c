/**
 * Reads a content file the way the build will see it, keeping enough of the YAML source to
 * point a problem at the line an editor has to change.
 */
import { readFile } from 'node:fs/promises';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { splitFrontmatter, withoutByteOrderMark } from '../frontmatter.ts';
import type { Problem } from './problem.ts';

export interface ContentFile {
  /** Project-relative path, as printed in problems. */
  file: string;
  /** Parsed YAML (frontmatter, or the whole file for .yaml). */
  data: unknown;
  /** The body after the frontmatter ('' for YAML files). */
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  /** Line of a field path in the YAML, falling back to its nearest present parent. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

function yamlLines(source: string, firstLine: number, file: string, problems: Problem[]) {
  const counter = new LineCounter();
  const doc: Document = parseDocument(source, { lineCounter: counter, prettyErrors: false });
  for (const error of doc.errors) {
    // `linePos` is only filled in with prettyErrors; the counter knows every offset.
    const line = counter.linePos(error.pos[0]).line;
    problems.push({
      severity: 'error',
      file,
      line: line ? line + firstLine - 1 : firstLine,
      field: 'frontmatter',
      message: `is not valid YAML: ${error.message.split('\n')[0]}. Check indentation and quote strings that contain ": ".`,
    });
  }
  const lineOf = (path: readonly PropertyKey[]) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return counter.linePos(node.range[0]).line + firstLine - 1;
    }
    return undefined;
  };
  // Dates stay strings here (YAML 1.2 core schema); the schemas accept both forms.
  return { data: doc.errors.length ? undefined : (doc.toJS() as unknown), lineOf };
}

export async function readContentFile(
  absolute: string,
  file: string,
  problems: Problem[],
): Promise<ContentFile | undefined> {
  const text = withoutByteOrderMark(await readFile(absolute, 'utf8'));
  if (/\.ya?ml$/.test(file)) {
    const { data, lineOf } = yamlLines(text, 1, file, problems);
    return data === undefined ? undefined : { file, data, body: '', bodyLine: 1, lineOf };
  }
  const split = splitFrontmatter(text);
  if (!split) {
    problems.push({
      severity: 'error',
      file,
      line: 1,
      field: 'frontmatter',
      message:
        'is missing: the file must start with a "---" line, the YAML fields, and a closing "---" line.',
    });
    return undefined;
  }
  const { data, lineOf } = yamlLines(split.yaml, 2, file, problems);
  if (data === undefined) return undefined;
  return { file, data, body: split.body, bodyLine: split.bodyLine, lineOf };
}
