/**
 * A throw-away copy of `tests/fixtures/valid` to break one rule at a time. The copy lives in
 * `<root>/content`, and the lint runs with `root` as its working directory, so problems name
 * files the way editors see them: `content/articles/feature-store-latency.mdx`.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { expect, onTestFinished } from 'vitest';
import {
  formatReport,
  lintContent,
  type LintResult,
  type Problem,
} from '../../../src/lib/content-lint/index.ts';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
export const VALID_FIXTURE = join(FIXTURES, 'valid');
export const INVALID_FIXTURES = join(FIXTURES, 'invalid');

export interface ContentTree {
  /** The project root the lint runs from. */
  root: string;
  /** `<root>/content`, the tree handed to lintContent. */
  content: string;
  read(file: string): Promise<string>;
  write(file: string, text: string): Promise<void>;
  /** Replaces `from` in a content file; throws if it is not there, so a drifting fixture can't turn a test into a no-op. */
  edit(file: string, from: string, to: string): Promise<void>;
  /** Copies `tests/fixtures/invalid/<name>` into the tree as `file`. */
  addInvalid(name: string, file: string): Promise<void>;
  remove(file: string): Promise<void>;
  lint(): Promise<LintResult>;
}

/** A fresh copy of the valid fixture tree, deleted when the current test finishes. */
export async function validTree(): Promise<ContentTree> {
  const root = await mkdtemp(join(tmpdir(), 'mlsr-content-'));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  const content = join(root, 'content');
  await cp(VALID_FIXTURE, content, { recursive: true });
  const at = (file: string) => join(content, file);
  const tree: ContentTree = {
    root,
    content,
    read: (file) => readFile(at(file), 'utf8'),
    async write(file, text) {
      await mkdir(dirname(at(file)), { recursive: true });
      await writeFile(at(file), text);
    },
    async edit(file, from, to) {
      const text = await tree.read(file);
      if (!text.includes(from))
        throw new Error(`fixture drift: ${file} does not contain ${JSON.stringify(from)}`);
      await writeFile(at(file), text.replace(from, to));
    },
    async addInvalid(name, file) {
      await tree.write(file, await readFile(join(INVALID_FIXTURES, name), 'utf8'));
    },
    remove: (file) => rm(at(file)),
    lint: () => lintContent(content, root),
  };
  return tree;
}

/** The one problem the lint found; fails with the whole report when there are none or several. */
export function onlyProblem(result: LintResult): Problem {
  expect(result.problems, formatReport(result.problems)).toHaveLength(1);
  return result.problems[0]!;
}

/** The problems the lint found for one field, in report order. */
export function problemsFor(result: LintResult, field: string): Problem[] {
  return result.problems.filter((problem) => problem.field === field);
}

/** Copies the valid tree, makes one edit, lints. `text` is the edited file, for line lookups. */
export async function lintEdited(
  file: string,
  from: string,
  to: string,
): Promise<{ result: LintResult; text: string; tree: ContentTree }> {
  const tree = await validTree();
  await tree.edit(file, from, to);
  return { result: await tree.lint(), text: await tree.read(file), tree };
}
