/**
 * Schema.org JSON-LD: the one place graphs are built and the one serializer that makes them
 * safe inside <script type="application/ld+json"> (rendered by components/seo/JsonLd.astro,
 * the only component that writes it). Every page carries one @graph: the organisation and
 * the website, plus the nodes of its own type (article, profile, newsletter issue…).
 *
 * Builders take plain data (the view models of content.ts fit), so they are unit-tested
 * without the content layer.
 */
import { licenseUrl, type FigureCredit } from './figures/credits.ts';
import type { Correction } from '../schemas/correction.ts';
import type { Methodology } from '../schemas/methodology.ts';
import type { ResultEntry } from '../schemas/results.ts';
import { isoDay } from '../schemas/date.ts';
import type { PersonData } from '../schemas/person.ts';
import { doiUrl, type Source } from '../schemas/source.ts';
import { site, type Beat } from '../site.config.ts';
import { correctionAnchor } from './corrections.ts';
import { articleTrail, newsletterIssueTrail, personTrail, type Crumb } from './breadcrumbs.ts';
import { variableName } from './methodology.ts';
import { githubProfileUrl, nameParts, roleTitle } from './people.ts';
import { percent, spreadName } from './results/render.ts';
import { absoluteUrl, urls } from './urls.ts';

export type JsonLdNode = { '@type': string | string[]; '@id'?: string } & Record<string, unknown>;
interface Ref {
  '@id': string;
}

export interface JsonLdGraph {
  '@context': 'https://schema.org';
  '@graph': JsonLdNode[];
}

/* ------------------------------------------------------------------ serializing */

const UNSAFE_IN_SCRIPT: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON for a <script type="application/ld+json"> element. `<`, `>` and `&` are written as
 * \u escapes so no value can close the element (`</script>`) or open a comment (`<!--`);
 * U+2028/U+2029 are escaped for old JavaScript parsers. JSON.parse reads the result back to
 * the same value: the escapes are plain JSON string escapes.
 */
export function serializeJsonLd(value: unknown): string {
  // Typed `string`, but undefined for undefined, functions and symbols.
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new Error('serializeJsonLd: value is not serializable to JSON');
  return json.replace(/[<>&\u2028\u2029]/g, (char) => UNSAFE_IN_SCRIPT[char]!);
}

/* ------------------------------------------------------------------ ids */

export const ids = {
  organization: () => absoluteUrl('/#organization'),
  website: () => absoluteUrl('/#website'),
  periodical: () => `${absoluteUrl(urls.newsletter())}#periodical`,
  person: (id: string) => `${absoluteUrl(urls.person(id))}#person`,
  article: (slug: string) => `${absoluteUrl(urls.article(slug))}#article`,
  issue: (issueNumber: number) => `${absoluteUrl(urls.newsletterIssue(issueNumber))}#issue`,
};

const ref = (id: string): Ref => ({ '@id': id });

/* ------------------------------------------------------------------ site-wide nodes */

/** The publisher, with its accountability pages. On every page. */
export function organizationNode(): JsonLdNode {
  const about = (fragment: string) => absoluteUrl(`${urls.about()}#${fragment}`);
  return {
    '@type': 'NewsMediaOrganization',
    '@id': ids.organization(),
    name: site.name,
    alternateName: site.shortName,
    url: absoluteUrl(urls.home()),
    description: site.description,
    email: site.email,
    foundingDate: site.founded,
    logo: { '@type': 'ImageObject', url: absoluteUrl('/favicon.svg') },
    publishingPrinciples: about('policy'),
    correctionsPolicy: about('corrections-policy'),
    ethicsPolicy: about('conflicts'),
    ownershipFundingInfo: about('funding'),
    verificationFactCheckingPolicy: about('sourcing'),
    actionableFeedbackPolicy: about('contact'),
    masthead: absoluteUrl(urls.masthead()),
  };
}

export function websiteNode(): JsonLdNode {
  return {
    '@type': 'WebSite',
    '@id': ids.website(),
    url: absoluteUrl(urls.home()),
    name: site.name,
    description: site.description,
    inLanguage: site.language,
    publisher: ref(ids.organization()),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl(urls.search())}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

/** The page's graph: organisation and website first, then the page's own nodes. */
export function pageGraph(nodes: readonly JsonLdNode[] = []): JsonLdGraph {
  return { '@context': 'https://schema.org', '@graph': [organizationNode(), websiteNode(), ...nodes] };
}

export function breadcrumbList(crumbs: readonly Crumb[]): JsonLdNode {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.path),
    })),
  };
}

/* ------------------------------------------------------------------ people */

/** What a person needs to be described; `PersonEntry` from content.ts fits. */
export interface LdPerson {
  id: string;
  data: PersonData;
}

/**
 * A short Person node for bylines: name and a link to their masthead page. The honorific or
 * degree goes in its own property, by the one rule the pages follow (people.ts nameParts).
 */
export function personRef(person: LdPerson): JsonLdNode {
  const { prefix, name, suffix } = nameParts(person.data);
  return {
    '@type': 'Person',
    '@id': ids.person(person.id),
    name,
    ...(prefix ? { honorificPrefix: prefix } : {}),
    ...(suffix ? { honorificSuffix: suffix } : {}),
    url: absoluteUrl(urls.person(person.id)),
  };
}

/** The full Person node of a profile page. */
export function personNode(person: LdPerson): JsonLdNode {
  const { data } = person;
  const institutions = [...new Set(data.education.map((e) => e.institution))];
  const links = data.links ?? [];
  const email = links.find((link) => link.url.startsWith('mailto:'))?.url.slice('mailto:'.length);
  const github = githubProfileUrl(data);
  const sameAs = [
    ...links.filter((link) => /^https?:/.test(link.url)).map((link) => link.url),
    ...(github ? [github] : []),
  ];
  return {
    ...personRef(person),
    jobTitle: roleTitle(data),
    description: data.bio,
    knowsAbout: data.knowsAbout,
    alumniOf: institutions.map((name) => ({ '@type': 'EducationalOrganization', name })),
    worksFor: ref(ids.organization()),
    ...(email ? { email } : {}),
    ...(sameAs.length ? { sameAs } : {}),
  };
}

export function profilePageGraph(person: LdPerson): JsonLdNode[] {
  const url = absoluteUrl(urls.person(person.id));
  return [
    {
      '@type': 'ProfilePage',
      '@id': url,
      url,
      name: person.data.name,
      inLanguage: site.language,
      isPartOf: ref(ids.website()),
      mainEntity: personNode(person),
      breadcrumb: breadcrumbList(personTrail(person)),
    },
  ];
}

/* ------------------------------------------------------------------ articles */

/** What an article needs to be described; `Article` from content.ts fits. */
export interface LdArticle {
  slug: string;
  url: string;
  data: {
    title: string;
    description: string;
    published: Date;
    updated?: Date | undefined;
    tags: readonly string[];
    sources: readonly Source[];
    corrections: readonly Correction[];
    methodology?: Methodology | undefined;
    results?: readonly ResultEntry[];
  };
  beat: Beat;
  authors: readonly LdPerson[];
  reviewer: LdPerson;
  /** Latest of published, updated and the last correction. */
  modified: Date;
}

/** Post-mortems are reports; everything else is a technical article. */
export function articleType(beat: Beat): 'Report' | 'TechArticle' {
  return beat.id === 'postmortems' ? 'Report' : 'TechArticle';
}

/** schema.org types for the source kinds that have a more precise one than CreativeWork. */
const SOURCE_TYPES: Partial<Record<Source['kind'], string>> = {
  paper: 'ScholarlyArticle',
  book: 'Book',
  report: 'Report',
  news: 'NewsArticle',
  blog: 'BlogPosting',
  dataset: 'Dataset',
  code: 'SoftwareSourceCode',
};

export function sourceNode(source: Source): JsonLdNode {
  return {
    '@type': SOURCE_TYPES[source.kind] ?? 'CreativeWork',
    name: source.title,
    ...(source.authors ? { author: source.authors.map((name) => ({ '@type': 'Person', name })) } : {}),
    ...(source.url ? { url: source.url } : {}),
    ...(source.doi ? { sameAs: doiUrl(source.doi) } : {}),
    ...(source.archived ? { archivedAt: source.archived } : {}),
    ...(source.publisher ? { publisher: { '@type': 'Organization', name: source.publisher } } : {}),
    ...(source.date ? { datePublished: isoDay(source.date) } : {}),
  };
}

export function correctionNode(article: Pick<LdArticle, 'url'>, correction: Correction): JsonLdNode {
  const day = isoDay(correction.date);
  return {
    '@type': 'CorrectionComment',
    datePublished: day,
    text: correction.summary,
    url: absoluteUrl(`${article.url}#${correctionAnchor(day)}`),
  };
}

/**
 * One `Dataset` per published results file: what was measured (`variableMeasured`, with its
 * unit), how (`measurementTechnique`, from the methodology), when, and where to download it.
 */
export function datasetNodes(article: LdArticle): JsonLdNode[] {
  const { methodology, results = [] } = article.data;
  return results.map((entry) => ({
    '@type': 'Dataset',
    '@id': `${absoluteUrl(article.url)}#${entry.id}`,
    name: entry.caption,
    description: `${entry.caption} Each estimate comes with its sample size and ${spreadName(entry)}.`,
    url: `${absoluteUrl(article.url)}#${entry.id}`,
    isPartOf: ref(ids.article(article.slug)),
    creator: ref(ids.organization()),
    isAccessibleForFree: true,
    variableMeasured: {
      '@type': 'PropertyValue',
      name: variableName(entry),
      unitText: entry.unit,
    },
    ...(methodology
      ? {
          measurementTechnique: `${methodology.statistic}; ${percent(methodology.interval.level)} intervals by ${methodology.interval.method}; ${methodology.workload}`,
          dateCreated: isoDay(methodology.measured),
        }
      : {}),
    distribution: {
      '@type': 'DataDownload',
      contentUrl: absoluteUrl(urls.articleFile(article.slug, entry.file)),
      encodingFormat: entry.file.endsWith('.json') ? 'application/json' : 'text/csv',
    },
  }));
}

/**
 * An article page: the WebPage (who reviewed it, when) whose main entity is the article with
 * its authors, sources and corrections.
 */
/**
 * A credited figure as an ImageObject: who made it, under which licence, where the licence
 * can be obtained. Its url is the figure in the page (the image file's hashed name exists only
 * once the page renders).
 */
function figureNode(pageUrl: string, figure: FigureCredit): JsonLdNode {
  const license = licenseUrl(figure.license);
  return {
    '@type': 'ImageObject',
    ...(figure.id ? { url: `${pageUrl}#${figure.id}` } : {}),
    name: figure.label,
    creditText: figure.credit,
    ...(license ? { license } : {}),
    ...(figure.sourceUrl ? { acquireLicensePage: figure.sourceUrl } : {}),
  };
}

export function articlePageGraph(article: LdArticle, figures: readonly FigureCredit[] = []): JsonLdNode[] {
  const { data } = article;
  const pageUrl = absoluteUrl(article.url);
  return [
    {
      '@type': 'WebPage',
      '@id': pageUrl,
      url: pageUrl,
      name: data.title,
      description: data.description,
      inLanguage: site.language,
      isPartOf: ref(ids.website()),
      reviewedBy: personRef(article.reviewer),
      // The reviewer signs off the text as published or updated; corrections are logged separately.
      lastReviewed: isoDay(data.updated ?? data.published),
      mainEntity: ref(ids.article(article.slug)),
      breadcrumb: breadcrumbList(articleTrail(article)),
    },
    {
      '@type': articleType(article.beat),
      '@id': ids.article(article.slug),
      url: pageUrl,
      mainEntityOfPage: ref(pageUrl),
      headline: data.title,
      description: data.description,
      inLanguage: site.language,
      author: article.authors.map(personRef),
      datePublished: isoDay(data.published),
      dateModified: isoDay(article.modified),
      articleSection: article.beat.title,
      keywords: [...data.tags],
      isAccessibleForFree: true,
      citation: data.sources.map(sourceNode),
      correction: data.corrections.map((c) => correctionNode(article, c)),
      ...(figures.length ? { image: figures.map((f) => figureNode(pageUrl, f)) } : {}),
      publisher: ref(ids.organization()),
      ...(data.results?.length
        ? { hasPart: data.results.map((entry) => ref(`${pageUrl}#${entry.id}`)) }
        : {}),
    },
    ...datasetNodes(article),
  ];
}

/* ------------------------------------------------------------------ newsletter */

export function periodicalNode(): JsonLdNode {
  return {
    '@type': 'Periodical',
    '@id': ids.periodical(),
    name: `${site.name} weekly newsletter`,
    url: absoluteUrl(urls.newsletter()),
    inLanguage: site.language,
    publisher: ref(ids.organization()),
  };
}

export interface LdIssue {
  number: number;
  title: string;
  date: Date;
  summary: string;
}

/** Something an issue links to: one of our articles (by slug) or an outside piece. */
export interface LdIssuePart {
  url: string;
  name: string;
  articleSlug?: string | undefined;
}

export function newsletterIssueGraph(issue: LdIssue, parts: readonly LdIssuePart[]): JsonLdNode[] {
  const url = absoluteUrl(urls.newsletterIssue(issue.number));
  return [
    periodicalNode(),
    {
      '@type': 'PublicationIssue',
      '@id': ids.issue(issue.number),
      url,
      issueNumber: String(issue.number),
      name: issue.title,
      description: issue.summary,
      datePublished: isoDay(issue.date),
      inLanguage: site.language,
      isPartOf: ref(ids.periodical()),
      publisher: ref(ids.organization()),
      hasPart: parts.map((part) =>
        part.articleSlug
          ? { '@type': 'Article', '@id': ids.article(part.articleSlug), url: part.url, headline: part.name }
          : { '@type': 'CreativeWork', url: part.url, name: part.name },
      ),
    },
    breadcrumbList(newsletterIssueTrail(issue)),
  ];
}
