/**
 * The email edition of each newsletter issue in the build, made once per issue and shared by
 * the three routes that publish it (email.html, email.txt and the editors' preview page).
 */
import { getArticles, getNewsletterIssues, type NewsletterEntry } from '../content.ts';
import { emailEdition, type EmailEdition } from './edition.ts';

const editions = new Map<number, Promise<EmailEdition>>();

async function build(issue: NewsletterEntry): Promise<EmailEdition> {
  const bodyHtml = issue.rendered?.html;
  if (bodyHtml === undefined)
    throw new Error(
      `${issue.filePath ?? issue.id}: the content layer has no rendered HTML for this issue, so its email would be empty`,
    );
  const articleTitles = new Map((await getArticles()).map((a) => [a.url, a.data.title]));
  return emailEdition({ ...issue.data, bodyHtml, articleTitles });
}

export function editionOf(issue: NewsletterEntry): Promise<EmailEdition> {
  let edition = editions.get(issue.data.number);
  if (!edition) {
    edition = build(issue);
    editions.set(issue.data.number, edition);
  }
  return edition;
}

/** Route params for every issue: the three email routes share them. */
export async function emailEditionPaths() {
  return (await getNewsletterIssues()).map((issue) => ({
    params: { number: String(issue.data.number) },
    props: { issue },
  }));
}
