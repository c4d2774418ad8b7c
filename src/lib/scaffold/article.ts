/**
 * The starting text of a new article: frontmatter that passes every rule except the reviewer,
 * which stays a placeholder (and fails `npm run lint:content`) until the editor names a real
 * member of the masthead, plus the beat's sections.
 */
import type { BeatId } from '../../site.config.ts';
import { starterSections } from './sections.ts';

/** Not a person id on any masthead: the content lint refuses it and lists who can review. */
export const REVIEWER_PLACEHOLDER = 'choose-a-reviewer';

export interface ArticleStart {
  title: string;
  beat: BeatId;
  authors: readonly string[];
  reviewer?: string;
  /** YYYY-MM-DD */
  published: string;
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}

export function articleText(start: ArticleStart): string {
  const author = start.authors.length === 1 ? start.authors[0]! : `[${start.authors.join(', ')}]`;
  const reviewer = start.reviewer
    ? start.reviewer
    : `${REVIEWER_PLACEHOLDER}   # the technical reviewer's person id (content/people/<id>.yaml)`;
  // Benchmarks report how they measured and publish what they measured (the beat's contract).
  // The methodology starts as placeholders; the results cannot be scaffolded, so the lint's
  // one remaining error asks for them (a data file in the article's folder, see FORMAT.md).
  const benchmark = start.beat === 'benchmarks';
  const methodology = benchmark
    ? `methodology:
  workload: "What was run: model, task, load pattern"
  software: [{ name: "…", version: "exact version" }]
  warmup: "What was discarded before measuring"
  runs: 1
  statistic: "The statistic reported, e.g. p99 latency"
  interval: { method: "How the interval was computed", level: 0.95 }
  harness: { repository: "https://example.org/your/harness", commit: "0000000000000000000000000000000000000000" }
  measured: ${start.published}
`
    : '';
  const sections = starterSections(start.beat)
    .map((s) => `## ${s.heading}\n\n${s.prompt}\n`)
    .join('\n');
  return `---
title: ${yamlString(start.title)}
description: "One to three sentences that tell the reader what the piece establishes."
beat: ${start.beat}
author: ${author}
reviewer: ${reviewer}
published: ${start.published}
tags: []
draft: true
sources:
  - id: replace-me
    title: "The paper, talk or post the first claim rests on"
    url: https://example.org/
    kind: paper
${methodology}---

Start with the claim and cite its evidence [@replace-me].

${sections}`;
}
