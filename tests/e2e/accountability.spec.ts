/**
 * The accountability loop as a reader meets it: report an error from any section (GitHub issue
 * form or email, pre-filled, no JavaScript) and sources rendered as references.
 */
import { expect, test } from '@playwright/test';
import { articleUrls, articleWith } from './site.ts';

test.describe('report an error', () => {
  test('every section heading of every article is followed by a pre-filled report link', async ({ page }) => {
    for (const url of articleUrls()) {
      await page.goto(url);
      // One round trip per article: what each heading is followed by.
      const sections = await page.locator('.prose').evaluate((prose) =>
        [...prose.querySelectorAll(':scope > h2, :scope > h3')].map((h) => {
          const next = h.nextElementSibling;
          const links = next ? [...next.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '') : [];
          return {
            id: h.id,
            text: h.firstChild?.textContent?.trim() ?? '',
            className: next?.className,
            links,
          };
        }),
      );
      for (const section of sections) {
        const where = `${url}#${section.id}`;
        expect(section.className, where).toBe('section-report');
        const issue = new URL(section.links[0]!);
        expect(issue.pathname, where).toMatch(/^\/[\w.-]+\/[\w.-]+\/issues\/new$/);
        expect(issue.searchParams.get('template')).toBe('report-an-error.yml');
        const article = new URL(issue.searchParams.get('article')!);
        expect(`${article.pathname}${article.hash}`).toBe(where);
        expect(issue.searchParams.get('section')).toBe(section.text);
        expect(section.links[1], where).toMatch(/^mailto:[^?]+\?subject=/);
        expect(decodeURIComponent(section.links[1]!)).toContain(`Section: ${section.text}`);
      }
    }
  });

  test('the article foot offers the whole-article report in both forms', async ({ page }) => {
    await page.goto(articleUrls()[0]!);
    const report = page.locator('#report-error');
    await expect(report.getByRole('link', { name: 'Report it on GitHub' })).toHaveAttribute(
      'href',
      /\/issues\/new\?template=report-an-error\.yml&/,
    );
    await expect(report.getByRole('link', { name: 'email the editors' })).toHaveAttribute('href', /^mailto:/);
  });
});

test.describe('sources as references', () => {
  test('authors, a DOI link and the kind are shown', async ({ page }) => {
    await page.goto(articleWith(/source-doi/));
    const entry = page.locator('ol.source-list > li', { has: page.locator('.source-doi') }).first();
    await expect(entry.locator('.source-authors')).toHaveText(/\S\.\s*$/);
    await expect(entry.locator('.source-doi a')).toHaveAttribute(
      'href',
      /^https:\/\/doi\.org\/10\.\d{4,9}\//,
    );
  });
});

test.describe('revision history', () => {
  test('each article links to its history and source file; the history lists revisions, no script', async ({
    page,
  }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(articleWith(/correction-log/));
    const record = page.locator('.article-record');
    await expect(record.getByRole('link', { name: 'its source file' })).toHaveAttribute(
      'href',
      /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/blob\/main\/content\/articles\//,
    );
    // Every logged correction either links to the revision that made it or says it is older.
    for (const entry of await page.locator('.correction-log li').all()) {
      const text = await entry.textContent();
      const link = entry.getByRole('link', { name: 'the change that made it' });
      if ((await link.count()) === 0) expect(text).toContain('predates the history');
      else await expect(link).toHaveAttribute('href', /\/history\/#rev-[0-9a-f]{7}$/);
    }
    await record.getByRole('link', { name: 'Every revision of this article' }).click();
    await expect(page.locator('h1')).toHaveText(/^History of “/);
    await expect(page.locator('.revision-list > li').first()).toBeVisible();
    await expect(page.locator('.revision-list > li').last()).toContainText('First published version');
    expect(scripts).toEqual([]);
  });
});
