import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderArticle } from '../../src/lib/markdown/article-renderer.ts';
import { REPORT_FORM_FIELDS, REPORT_FORM_FILE, reportLinks } from '../../src/lib/report-error.ts';
import { site } from '../../src/site.config.ts';
import { VALID_FIXTURE } from './helpers/content-tree.ts';

const target = {
  title: 'Where feature-store latency comes from',
  url: `${site.url}/articles/feature-store-latency/#the-read-path`,
  section: 'The read path & its cache',
};

describe('reportLinks', () => {
  it('opens the issue form with the article and the section filled in', () => {
    const url = new URL(reportLinks(target).issue);
    expect(`${url.origin}${url.pathname}`).toBe(`${site.repository.url}/issues/new`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      template: REPORT_FORM_FILE,
      title: 'Error report: Where feature-store latency comes from (section "The read path & its cache")',
      article: target.url,
      section: 'The read path & its cache',
    });
  });

  it('leaves the section out for a report on the whole article', () => {
    const url = new URL(reportLinks({ title: 'T', url: `${site.url}/articles/t/` }).issue);
    expect(url.searchParams.has('section')).toBe(false);
    expect(url.searchParams.get('title')).toBe('Error report: T');
  });

  it('writes the same facts into a mailto: link, percent-encoded with CRLF line breaks', () => {
    const email = reportLinks(target).email;
    expect(email.startsWith(`mailto:${site.correctionsEmail}?subject=`)).toBe(true);
    expect(email).not.toContain('+');
    const query = new URLSearchParams(email.slice(email.indexOf('?') + 1));
    expect(query.get('subject')).toBe(
      'Error report: Where feature-store latency comes from (section "The read path & its cache")',
    );
    const body = query.get('body')!;
    expect(body.split('\r\n').slice(0, 2)).toEqual([
      `Article: ${target.url}`,
      'Section: The read path & its cache',
    ]);
    expect(body).toContain('Evidence');
  });
});

interface FormField {
  type: string;
  id?: string;
}

/** What would break the pre-filled links: a missing form, or a field id the links use that it lacks. */
function formProblems(formText: string): string[] {
  const form = parse(formText) as { body?: FormField[] };
  const ids = new Set((form.body ?? []).map((field) => field.id).filter(Boolean));
  return Object.values(REPORT_FORM_FIELDS)
    .filter((id) => !ids.has(id))
    .map((id) => `the form has no field with id "${id}"`);
}

describe(`.github/ISSUE_TEMPLATE/${REPORT_FORM_FILE}`, () => {
  it('has every field the links fill in or ask for', async () => {
    const text = await readFile(join('.github/ISSUE_TEMPLATE', REPORT_FORM_FILE), 'utf8');
    expect(formProblems(text)).toEqual([]);
  });

  it('catches a renamed field (planted)', async () => {
    const text = await readFile(join('.github/ISSUE_TEMPLATE', REPORT_FORM_FILE), 'utf8');
    expect(formProblems(text.replace('id: section', 'id: where'))).toEqual([
      'the form has no field with id "section"',
    ]);
  });
});

describe('section report links in a rendered article', () => {
  it('follows every section heading with a link to the issue form and one to email, naming the section', async () => {
    const path = join(VALID_FIXTURE, 'articles/feature-store-latency.mdx');
    const { frontmatter, content } = parseFrontmatter(await readFile(path, 'utf8'), {
      frontmatter: 'empty-with-spaces',
    });
    const { html } = await renderArticle(content, { path, frontmatter });
    const headings = [...html.matchAll(/<h([23]) id="([^"]+)">(.*?)<a class="heading-anchor"/g)];
    const reports = [...html.matchAll(/<p class="section-report" data-pagefind-ignore="">(.*?)<\/p>/g)];
    expect(headings.length).toBeGreaterThan(0);
    expect(reports).toHaveLength(headings.length);
    const [, , id, text] = headings[0]!;
    const expected = reportLinks({
      title: frontmatter.title as string,
      url: `${site.url}/articles/feature-store-latency/#${id}`,
      section: text!,
    });
    expect(reports[0]![1]).toContain(`href="${expected.issue.replaceAll('&', '&#x26;')}"`);
    expect(reports[0]![1]).toContain('>email the editors</a>');
  });
});
