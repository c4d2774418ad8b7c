/**
 * Nothing is cut off on a phone: every article, and every other page type, rendered at 320 and
 * 375 px in both colour schemes, has no element whose content is clipped without being
 * scrollable, nothing wider than the page, and every scroll box keyboard-reachable and named.
 */
import { expect, test, type Page } from '@playwright/test';
import { findClipping } from './clipping.ts';
import { pageTypes } from './page-types.ts';
import { articleUrls, siteContext } from './site.ts';

const WIDTHS = [320, 375];

async function clippingAt(page: Page, url: string): Promise<string[]> {
  await page.goto(url);
  // Fonts change widths: measure what the reader finally sees.
  await page.evaluate(() => document.fonts.ready);
  const problems = await page.evaluate(findClipping);
  return problems.map((p) => `${p.element}: ${p.problem}`);
}

const otherPages = pageTypes()
  .filter((type) => !type.url.startsWith('/articles/') || type.url === '/articles/')
  .map((type) => type.url);
const urls = [
  ...articleUrls(),
  ...new Set(['/articles/', '/search/', '/archive/', '/newsletter/', ...otherPages]),
];

for (const width of WIDTHS) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`nothing is cut off at ${width} px (${colorScheme})`, async ({ browser, baseURL }) => {
      test.slow();
      const context = await siteContext(browser, baseURL, { viewport: { width, height: 800 }, colorScheme });
      const page = await context.newPage();
      const found: string[] = [];
      for (const url of urls) {
        for (const problem of await clippingAt(page, url)) found.push(`${url} at ${width} px: ${problem}`);
      }
      expect(found, 'content cut off or unreachable on a phone').toEqual([]);
      await context.close();
    });
  }
}

// The check itself finds each kind of defect it is there for.
test('planted clipping, overflow and an unreachable scroll box are reported', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 600 } });
  const page = await context.newPage();
  const wide = '<span style="display:inline-block;width:600px">wide formula</span>';
  await page.setContent(
    `<!doctype html><html lang="en"><body style="margin:0">
      <div id="clipped" style="overflow:hidden">${wide}</div>
      <div id="scroll-unnamed" style="overflow-x:auto">${wide}</div>
      <div id="scroll-ok" style="overflow-x:auto" tabindex="0" aria-label="Equation">${wide}</div>
      <p id="sticks-out" style="width:500px">too wide</p>
      <p class="visually-hidden" style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)">hidden on purpose</p>
    </body></html>`,
  );
  const problems = await page.evaluate(findClipping);
  const by = (id: string) => problems.filter((p) => p.element.includes(`#${id}`)).map((p) => p.problem);
  expect(by('clipped').join()).toMatch(/cut off/);
  expect(by('scroll-unnamed').join()).toMatch(/keyboard cannot reach/);
  expect(by('scroll-unnamed').join()).toMatch(/no accessible name/);
  expect(by('scroll-ok')).toEqual([]);
  expect(by('sticks-out').join()).toMatch(/sticks out/);
  expect(problems.filter((p) => p.element.includes('visually-hidden'))).toEqual([]);
  await context.close();
});
