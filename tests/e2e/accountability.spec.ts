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
      const headings = page.locator('.prose > h2, .prose > h3');
      const count = await headings.count();
      for (let i = 0; i < count; i++) {
        const heading = headings.nth(i);
        const id = await heading.getAttribute('id');
        const section = (await heading.evaluate((h) => h.firstChild?.textContent ?? '')).trim();
        const report = heading.locator('xpath=following-sibling::*[1]');
        await expect(report, `${url}#${id}`).toHaveClass('section-report');
        const issue = new URL((await report.locator('a').first().getAttribute('href'))!);
        expect(issue.pathname).toMatch(/^\/[\w.-]+\/[\w.-]+\/issues\/new$/);
        expect(issue.searchParams.get('template')).toBe('report-an-error.yml');
        const article = new URL(issue.searchParams.get('article')!);
        expect(`${article.pathname}${article.hash}`).toBe(`${url}#${id}`);
        expect(issue.searchParams.get('section')).toBe(section);
        const email = (await report.locator('a').nth(1).getAttribute('href'))!;
        expect(email).toMatch(/^mailto:[^?]+\?subject=/);
        expect(decodeURIComponent(email)).toContain(`Section: ${section}`);
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
