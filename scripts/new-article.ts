/**
 * npm run new:article -- <slug> [--beat mlops] [--author id] [--reviewer id]
 * Writes content/articles/<slug>.mdx from a template that already passes the content lint
 * (as a draft), so an editor starts from something valid and replaces it piece by piece.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { listArticles, listPeople } from '../src/lib/content-files.ts';
import { contentRoot } from '../src/lib/content-root.ts';
import { SLUG_PATTERN } from '../src/schemas/slug.ts';
import { BEAT_IDS } from '../src/site.config.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    beat: { type: 'string', default: 'architecture' },
    author: { type: 'string' },
    reviewer: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`new:article: ${message}`);
  process.exit(1);
}

const slug = positionals[0];
if (!slug || !SLUG_PATTERN.test(slug))
  fail(
    'give a slug of lower-case words joined by dashes, e.g. `npm run new:article -- feature-store-latency`.',
  );
const beat = values.beat!;
if (!(BEAT_IDS as readonly string[]).includes(beat)) fail(`--beat must be one of ${BEAT_IDS.join(', ')}.`);

const people = (await listPeople(contentRoot)).files.map((p) => p.id).sort();
const author = values.author ?? people[0];
const reviewer = values.reviewer ?? people.find((p) => p !== author);
for (const [field, id] of [
  ['author', author],
  ['reviewer', reviewer],
] as const) {
  if (!id || !people.includes(id)) fail(`--${field} must be one of: ${people.join(', ')}.`);
}
if (author === reviewer) fail('the reviewer must be someone other than the author.');

const taken = (await listArticles(contentRoot)).files.find((a) => a.id === slug);
if (taken) fail(`${taken.file} already uses the slug "${slug}"; pick another.`);
const path = join(contentRoot, 'articles', `${slug}.mdx`);

const today = new Date().toISOString().slice(0, 10);
const methodology =
  beat === 'benchmarks'
    ? `\n<Methodology sampleSize="How many runs or requests, per configuration." variance="How spread is reported (standard deviation, IQR…)." confidence="Which intervals, at what level, computed how.">\nDescribe the setup so a reader could repeat the measurement.\n</Methodology>\n`
    : '';

writeFileSync(
  path,
  `---
title: "Working title"
description: "One to three sentences that tell the reader what the piece establishes."
beat: ${beat}
author: ${author}
reviewer: ${reviewer}
published: ${today}
tags: []
draft: true
sources:
  - id: replace-me
    title: "The paper, talk or post the first claim rests on"
    url: https://example.org/
    kind: paper
---

Start with the claim and cite its evidence [@replace-me].
${methodology}
## A section
`,
);
console.log(`wrote ${path} (draft: true). Edit it, then run \`npm run lint:content\`.`);
