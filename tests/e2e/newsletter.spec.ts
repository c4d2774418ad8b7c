/**
 * Newsletter issues as a reader meets them: links to our own articles read as the article's
 * title (never as a raw /articles/… path, which is how several issues write them), and the
 * issue navigation runs the way the numbers do: the earlier issue on the left with ←, the
 * later on the right with →.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

/** Issues whose Markdown writes a link as its bare path: `[/articles/x/](/articles/x/)`. */
const BARE_PATH = /\[(\/articles\/[a-z0-9-]+\/)\]\(\1\)/;
const bareLinks = readdirSync('content/newsletter')
  .map((name) => ({
    number: name.replace(/\.md$/, ''),
    path: BARE_PATH.exec(readFileSync(`content/newsletter/${name}`, 'utf8'))?.[1],
  }))
  .filter((issue): issue is { number: string; path: string } => issue.path !== undefined);

test('links written as a bare path read as the article title', async ({ page }) => {
  expect(bareLinks.length, 'the built-in issues write some links as bare paths').toBeGreaterThan(0);
  for (const { number, path } of bareLinks) {
    await page.goto(path);
    const title = (await page.locator('h1').textContent())!.trim();
    await page.goto(`/newsletter/${number}/`);
    await expect(page.locator(`article .prose a[href="${path}"]`).first(), `issue ${number}`).toHaveText(
      title,
    );
    const texts = await page.locator('article .prose a').allTextContents();
    expect(
      texts.filter((t) => t.trim().startsWith('/articles/')),
      `issue ${number}`,
    ).toEqual([]);
  }
});

test('issue navigation: the earlier issue on the left (←, rel=prev), the later on the right', async ({
  page,
}) => {
  const numbers = readdirSync('content/newsletter')
    .map((name) => Number(name.replace(/\.md$/, '')))
    .sort((a, b) => a - b);
  const middle = numbers[Math.floor(numbers.length / 2)]!;
  await page.goto(`/newsletter/${middle}/`);
  const prev = page.locator('nav.pagination[aria-label="Issues"] a[rel="prev"]');
  const next = page.locator('nav.pagination[aria-label="Issues"] a[rel="next"]');
  await expect(prev).toHaveText(`← No. ${middle - 1}`);
  await expect(next).toHaveText(`No. ${middle + 1} →`);
  expect((await prev.boundingBox())!.x).toBeLessThan((await next.boundingBox())!.x);
});
