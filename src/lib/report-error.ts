/**
 * "Report an error": the two ways a reader can tell the editors that an article is wrong,
 * both plain links (no JavaScript), both pre-filled with the article and the section.
 *
 * - an issue in the site's repository, through the issue form
 *   `.github/ISSUE_TEMPLATE/report-an-error.yml` (GitHub fills form fields from query
 *   parameters named by the fields' ids);
 * - an email to the corrections address, for readers without a GitHub account, with the same
 *   facts in the subject and body.
 */
import { site } from '../site.config.ts';

/** The issue form's file name under .github/ISSUE_TEMPLATE/. */
export const REPORT_FORM_FILE = 'report-an-error.yml';

/** Ids of the form fields the links fill in, and the ones the reader fills in. */
export const REPORT_FORM_FIELDS = {
  article: 'article',
  section: 'section',
  passage: 'passage',
  problem: 'problem',
  evidence: 'evidence',
} as const;

export interface ReportTarget {
  /** The article's title, for the issue title and the email subject. */
  title: string;
  /** Absolute URL of the article (or of the section, with its fragment). */
  url: string;
  /** The section's heading text, when the report starts from a section. */
  section?: string;
}

export interface ReportLinks {
  /** Opens the pre-filled issue form on GitHub. */
  issue: string;
  /** mailto: with the same facts. */
  email: string;
}

function subjectOf(target: ReportTarget): string {
  return `Error report: ${target.title}${target.section ? ` (section "${target.section}")` : ''}`;
}

export function reportIssueUrl(target: ReportTarget): string {
  const query = new URLSearchParams({
    template: REPORT_FORM_FILE,
    title: subjectOf(target),
    [REPORT_FORM_FIELDS.article]: target.url,
    ...(target.section ? { [REPORT_FORM_FIELDS.section]: target.section } : {}),
  });
  return `${site.repository.url}/issues/new?${query.toString()}`;
}

/**
 * RFC 6068: mailto: fields are percent-encoded (a "+" would stay a plus sign, unlike in a
 * query string) and line breaks in the body are CRLF.
 */
export function reportEmailUrl(target: ReportTarget): string {
  const body = [
    `Article: ${target.url}`,
    ...(target.section ? [`Section: ${target.section}`] : []),
    '',
    'The passage (quote the words that are wrong):',
    '',
    '',
    'What is wrong, and what it should say:',
    '',
    '',
    'Evidence (a link, a page number, a measurement):',
    '',
  ].join('\r\n');
  return `mailto:${site.correctionsEmail}?subject=${encodeURIComponent(subjectOf(target))}&body=${encodeURIComponent(body)}`;
}

export function reportLinks(target: ReportTarget): ReportLinks {
  return { issue: reportIssueUrl(target), email: reportEmailUrl(target) };
}

/**
 * Everything the links depend on besides the article itself. The article loader keeps
 * rendered HTML across builds, so these values are part of its cache key: a new repository
 * or address must re-render every article's section links.
 */
export function reportLinkSettings(): string {
  return JSON.stringify({ url: site.url, repository: site.repository, email: site.correctionsEmail });
}
