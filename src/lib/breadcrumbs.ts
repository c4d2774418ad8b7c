/**
 * Breadcrumb trails, written once per page type. The visible trail (Breadcrumbs.astro) and the
 * page's JSON-LD BreadcrumbList are both built from these crumbs, so they cannot disagree.
 */
import type { PersonData } from '../schemas/person.ts';
import type { Beat } from '../site.config.ts';
import { displayName } from './people.ts';
import { urls } from './urls.ts';

export interface Crumb {
  name: string;
  /** Site path, e.g. /beats/mlops/. The last crumb is the page itself. */
  path: string;
}

const home: Crumb = { name: 'Home', path: urls.home() };

export function articleTrail(article: {
  url: string;
  data: { title: string };
  beat: Pick<Beat, 'id' | 'shortTitle'>;
}): Crumb[] {
  return [
    home,
    { name: article.beat.shortTitle, path: urls.beat(article.beat.id) },
    { name: article.data.title, path: article.url },
  ];
}

/** The article's history page sits under the article. */
export function historyTrail(article: Parameters<typeof articleTrail>[0] & { slug: string }): Crumb[] {
  return [...articleTrail(article), { name: 'History', path: urls.articleHistory(article.slug) }];
}

export function personTrail(person: { id: string; data: PersonData }): Crumb[] {
  return [
    home,
    { name: 'Masthead', path: urls.masthead() },
    { name: displayName(person.data), path: urls.person(person.id) },
  ];
}

export function newsletterIssueTrail(issue: { number: number }): Crumb[] {
  return [
    home,
    { name: 'Newsletter', path: urls.newsletter() },
    { name: `No. ${issue.number}`, path: urls.newsletterIssue(issue.number) },
  ];
}
