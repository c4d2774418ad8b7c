/** The starting text of the next newsletter issue, listing what was published since the last. */

export interface PublishedArticle {
  slug: string;
  title: string;
  /** YYYY-MM-DD */
  published: string;
}

export interface IssueStart {
  number: number;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  /** Public articles published after the previous issue's date, up to this issue's date. */
  newArticles: readonly PublishedArticle[];
}

/** One more than the highest number in the archive (1 for the first issue). */
export function nextIssueNumber(existing: Iterable<number>): number {
  return Math.max(0, ...existing) + 1;
}

export function issueText(start: IssueStart): string {
  const list = start.newArticles.length
    ? start.newArticles.map((a) => `- [${a.title}](/articles/${a.slug}/)`).join('\n')
    : '- Nothing was published since the last issue. Link each piece this issue is about by its address, /articles/ followed by its slug.';
  return `---
number: ${start.number}
title: ${JSON.stringify(start.title)}
date: ${start.date}
summary: "One or two sentences for the archive and the feeds."
---
Open with what connects this week's pieces.

New since the last issue:

${list}
`;
}
