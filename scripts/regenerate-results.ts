/**
 * npm run results:regenerate -- <slug> — runs the script an article's methodology names
 * (`harness.script`, beside the article) with the project's own Node, then says whether the
 * results files came out byte for byte as committed. Editors run it; the build never does.
 * Exit 1 if the article has no harness script, the script fails, or the bytes changed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { contentRoot } from '../src/lib/content-root.ts';
import { splitFrontmatter } from '../src/lib/frontmatter.ts';
import { methodologySchema } from '../src/schemas/methodology.ts';
import { resultsSchema } from '../src/schemas/results.ts';

const slug = process.argv[2];
if (!slug) {
  console.error('usage: npm run results:regenerate -- <article-slug>');
  process.exit(1);
}
const folder = join(contentRoot, 'articles', slug);
const articleFile = ['index.mdx', 'index.md']
  .map((name) => join(folder, name))
  .find((path) => existsSync(path));
if (!articleFile) {
  console.error(`${folder}: no index.mdx or index.md; results and their scripts live in article folders.`);
  process.exit(1);
}
const text = await readFile(articleFile, 'utf8');
const frontmatter = parse(splitFrontmatter(text)?.yaml ?? '') as Record<string, unknown>;
const methodology = methodologySchema.safeParse(frontmatter.methodology);
if (!methodology.success || !('script' in methodology.data.harness)) {
  console.error(`${articleFile}: methodology.harness.script names no script to run.`);
  process.exit(1);
}
const { script } = methodology.data.harness;
const files = resultsSchema.parse(frontmatter.results ?? []).map((entry) => join(folder, entry.file));

const before = await Promise.all(files.map((file) => readFile(file).catch(() => undefined)));
console.log(`running ${relative(process.cwd(), join(folder, script))} with Node ${process.version}`);
execFileSync(process.execPath, [script], { cwd: folder, stdio: 'inherit' });
const after = await Promise.all(files.map((file) => readFile(file)));

let changed = 0;
files.forEach((file, i) => {
  const same = before[i]?.equals(after[i]!) ?? false;
  if (!same) changed++;
  console.log(`${same ? 'unchanged' : 'CHANGED  '} ${relative(process.cwd(), file)}`);
});
if (changed > 0) {
  console.error(
    `${changed} results file(s) differ from what was committed: if the script changed on purpose, commit the new data and update methodology.measured.`,
  );
  process.exit(1);
}
console.log('every results file reproduced byte for byte');
