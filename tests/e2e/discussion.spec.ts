/**
 * The article's discussion asks before it loads anything from a third party. The article
 * carries one link to its discussion page; there the giscus frame sits, lazy, inside a closed
 * <details>. In Chromium, with every request to giscus.app intercepted: none on the article,
 * none on the discussion page while the reader scrolls past the closed <details>, exactly the
 * widget once the reader opens it, and the page's CSP lets that one frame in.
 */
import { expect, test, type Page } from '@playwright/test';
import { site } from '../../src/site.config.ts';
import { articleUrls } from './site.ts';

const GISCUS = 'https://giscus.app';
const embedded = site.discussions.enabled && site.discussions.embed;

async function interceptGiscus(page: Page): Promise<string[]> {
  const requested: string[] = [];
  await page.route(`${GISCUS}/**`, (route) => {
    requested.push(route.request().url());
    return route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: '<!doctype html><title>giscus</title><p id="thread">the thread</p>',
    });
  });
  return requested;
}

test('the discussion loads nothing from giscus.app until the reader opens it', async ({ page }) => {
  test.skip(!embedded, 'site.discussions does not embed threads in this build');
  const requested = await interceptGiscus(page);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.setViewportSize({ width: 375, height: 740 });
  const article = articleUrls()[0]!;
  const slug = article.split('/').at(-2)!;
  await page.goto(article, { waitUntil: 'networkidle' });
  await page.getByRole('link', { name: 'Discuss this article' }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${slug}/discussion/$`));
  await expect(page.getByRole('link', { name: 'its thread on GitHub Discussions' })).toHaveAttribute(
    'href',
    /^https:\/\/github\.com\/[^/]+\/[^/]+\/discussions\?discussions_q=/,
  );

  // Scroll the closed <details> into view and past it: a lazy frame outside it would load here.
  const embed = page.locator('details.discussion-embed');
  await embed.scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 4000);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  expect(requested, 'requests to giscus.app before the reader asked').toEqual([]);

  await embed.getByText('Show the thread on this page').click();
  await expect.poll(() => requested.length).toBe(1);
  const widget = new URL(requested[0]!);
  expect(widget.pathname).toMatch(/^\/[a-z-]+\/widget$/);
  expect(widget.searchParams.get('term')).toBe(slug);
  await expect(page.frameLocator('details.discussion-embed iframe').locator('#thread')).toHaveText(
    'the thread',
  );
  expect(violations).toEqual([]);
});

test('article and discussion pages run no script and carry no open frame', async ({ page }) => {
  test.skip(!embedded, 'site.discussions does not embed threads in this build');
  const article = articleUrls()[0]!;
  for (const url of [article, `${article}discussion/`]) {
    await page.goto(url);
    expect(await page.locator('script[src], link[rel="modulepreload"]').count(), url).toBe(0);
    await expect(page.locator('details[open] iframe, iframe:not(details iframe)')).toHaveCount(0);
  }
});
