/**
 * Search that reads well: clean passages, somewhere to start before searching, suggestions
 * when nothing is found, one search box on a phone, and hints that fit the device.
 */
import { expect, test } from '@playwright/test';
import { siteContext } from './site.ts';

test('result passages carry no orphaned spaces and do not repeat the title', async ({ page }) => {
  await page.goto('/search/?q=latency');
  const results = page.locator('.search-result');
  await expect(results.first()).toBeVisible({ timeout: 15_000 });
  for (const result of await results.all()) {
    const title = (await result.locator('.search-result-title').textContent())!.trim();
    const excerpt = (await result.locator('.search-excerpt').textContent())!;
    expect(excerpt, 'no space before punctuation').not.toMatch(/\s[.,;:!?]/);
    expect(excerpt.replace(/^… /, '').startsWith(title), `"${excerpt}" repeats its title`).toBe(false);
    expect(excerpt, 'a cut passage says so').toMatch(/^(…|[A-Z“"‘'(0-9])/);
    expect(excerpt).toMatch(/[.!?…"”’)]$/);
  }
});

test('before a search, the page offers recent articles and the beats', async ({ page }) => {
  await page.goto('/search/');
  const empty = page.locator('[data-search-empty]');
  await expect(empty.getByRole('heading', { name: 'Recent articles' })).toBeVisible();
  expect(await empty.locator('a[href^="/articles/"]').count()).toBeGreaterThan(0);
  expect(await empty.locator('a[href^="/beats/"]').count()).toBeGreaterThanOrEqual(4);
  await page.goto('/search/?q=latency');
  await expect(page.locator('.search-result').first()).toBeVisible({ timeout: 15_000 });
  await expect(empty).toBeHidden();
});

test('a search with no results suggests the nearest indexed word and the filter to drop', async ({
  page,
}) => {
  await page.goto('/search/?q=latancy');
  const suggestion = page.locator('[data-search-suggest-terms] a');
  await expect(suggestion).toHaveText('latency', { timeout: 15_000 });
  await suggestion.click();
  await expect(page.locator('.search-result').first()).toBeVisible({ timeout: 15_000 });

  await page.goto('/search/?q=kullback&year=2019');
  const drop = page.locator('[data-search-suggest-filters] a');
  await expect(drop).toHaveText('Year: 2019', { timeout: 15_000 });
});

test('on a phone the search page shows one search box and no keyboard hints', async ({
  browser,
  baseURL,
}) => {
  const context = await siteContext(browser, baseURL, {
    viewport: { width: 375, height: 800 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await page.goto('/search/');
  const boxes = page.locator('input[type="search"]');
  let visible = 0;
  for (const box of await boxes.all()) if (await box.isVisible()) visible++;
  expect(visible).toBe(1);
  await expect(page.locator('.search-hint-keys')).toBeHidden();
  await expect(page.locator('.search-hint')).toContainText('Results update as you type');
  // Elsewhere the header keeps its box.
  await page.goto('/');
  await expect(page.locator('#site-search-q')).toBeVisible();
  await context.close();
});

test('on a desktop the keyboard hints are shown', async ({ page }) => {
  await page.goto('/search/');
  await expect(page.locator('.search-hint-keys')).toBeVisible();
});
