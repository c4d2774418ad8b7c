/**
 * The reader's desk on an article page, with no JavaScript: citation previews on keyboard
 * focus and hover (closed by Escape), and the page stays axe-clean with a preview open.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { articleWith, siteContext } from './site.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Tabs from the top of the page until a citation marker has focus, as a keyboard user would. */
async function tabToFirstCitation(page: Page): Promise<string> {
  for (let presses = 0; presses < 200; presses++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() =>
      document.activeElement?.classList.contains('citation-link') ? document.activeElement.id : '',
    );
    if (id) return id;
  }
  throw new Error('no citation marker is reachable with Tab');
}

test.describe('citation previews', () => {
  test('keyboard focus on a marker shows its source; Tab reaches the link inside; Escape closes it', async ({
    page,
  }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(articleWith(/class="citation-link"/));
    // (Focusing the header's search box on the way fetches the search script on demand; the
    // article itself loads none.)
    expect(scripts, 'article pages load no JavaScript').toEqual([]);
    const id = await tabToFirstCitation(page);
    const marker = page.locator(`[id="${id}"]`);
    const preview = page.locator(`[id="preview-${id}"]`);
    const sourceId = (await marker.getAttribute('href'))!.slice(1);
    const entryTitle = (await page
      .locator(`[id="${sourceId}"] > :is(a, cite)`)
      .first()
      .textContent())!.trim();

    await expect(preview).toBeVisible();
    await expect(preview.locator('.cite-preview-title')).toHaveText(entryTitle);
    // Shown next to the marker, not somewhere else on the page.
    const [m, p] = [(await marker.boundingBox())!, (await preview.boundingBox())!];
    expect(Math.abs(p.y - (m.y + m.height))).toBeLessThan(40);

    if ((await preview.locator('a').count()) > 0) {
      await page.keyboard.press('Tab');
      await expect(preview.locator('a')).toBeFocused();
      await expect(preview).toBeVisible();
    }
    await page.keyboard.press('Escape');
    await expect(preview).toBeHidden();
  });

  test('hovering a marker shows its preview, and the page is axe-clean with it open', async ({ page }) => {
    await page.goto(articleWith(/class="citation-link"/));
    const marker = page.locator('a.citation-link').first();
    const id = await marker.getAttribute('id');
    await marker.hover();
    await expect(page.locator(`[id="preview-${id}"]`)).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
      [],
    );
  });

  test('a marker stays on the line of the word it follows', async ({ page }) => {
    await page.goto(articleWith(/class="citation-link"/));
    const joined = await page.locator('sup.citation').evaluateAll((sups) =>
      sups.every((sup) => {
        const before = sup.previousSibling;
        return !(before?.nodeType === Node.TEXT_NODE && /[ \t\n]$/.test(before.textContent ?? ''));
      }),
    );
    expect(joined, 'no breakable space before a citation marker').toBe(true);
  });
});

test.describe('table of contents', () => {
  test('on a wide screen it sits in the margin, stays in view and leads to a section by keyboard', async ({
    browser,
    baseURL,
  }) => {
    const context = await siteContext(browser, baseURL, { viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(articleWith(/class="toc toc-margin"/));
    const toc = page.locator('nav.toc-margin');
    await expect(toc).toBeVisible();
    await expect(page.locator('details.toc-inline')).toBeHidden();
    const prose = (await page.locator('.prose').boundingBox())!;
    expect((await toc.boundingBox())!.x, 'beside the text').toBeGreaterThan(prose.x + prose.width);

    await page.mouse.wheel(0, 2500);
    await expect(toc).toBeInViewport();

    const link = toc.locator('a').nth(1);
    const target = (await link.getAttribute('href'))!;
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${target}$`));
    await expect(page.locator(`[id="${target.slice(1)}"]`)).toBeInViewport();
    await context.close();
  });

  test('on a phone it is collapsed at the top and opens from the keyboard', async ({ browser, baseURL }) => {
    const context = await siteContext(browser, baseURL, { viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(articleWith(/class="toc toc-inline"/));
    await expect(page.locator('nav.toc-margin')).toBeHidden();
    const details = page.locator('details.toc-inline');
    const first = details.locator('a').first();
    await expect(first).toBeHidden();
    await details.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(first).toBeVisible();
    const prose = (await page.locator('.prose').boundingBox())!;
    expect((await details.boundingBox())!.y, 'above the text').toBeLessThan(prose.y);
    await context.close();
  });
});

test.describe('side notes', () => {
  const url = () => articleWith(/data-footnote-ref/);

  test('a footnote shows in the margin beside its reference on a wide screen', async ({
    browser,
    baseURL,
  }) => {
    const context = await siteContext(browser, baseURL, { viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(url());
    const sidenote = page.locator('.sidenote').first();
    await expect(sidenote).toBeVisible();
    const note = (await page.locator('.footnotes li').first().textContent())!.replace('↩', '').trim();
    expect((await sidenote.textContent())!.replace(/\s+/g, ' ')).toContain(
      note.replace(/\s+/g, ' ').slice(0, 60),
    );
    const [ref, side, prose] = [
      (await page.locator('[data-footnote-ref]').first().boundingBox())!,
      (await sidenote.boundingBox())!,
      (await page.locator('.prose').boundingBox())!,
    ];
    expect(side.x, 'in the margin').toBeGreaterThanOrEqual(prose.x + prose.width);
    expect(Math.abs(side.y - ref.y), 'level with its reference').toBeLessThan(60);
    await context.close();
  });

  test('on a phone the notes stay at the end, and the margin copy is hidden', async ({
    browser,
    baseURL,
  }) => {
    const context = await siteContext(browser, baseURL, { viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(url());
    await expect(page.locator('.sidenote').first()).toBeHidden();
    await expect(page.locator('.footnotes li').first()).toBeVisible();
    await context.close();
  });
});

test('newsletter issue navigation points the way the numbers run', async ({ page }) => {
  await page.goto('/newsletter/2/');
  const links = page.locator('nav.pagination[aria-label="Issues"] a');
  await expect(links.first()).toHaveText('← No. 1');
  await expect(links.last()).toHaveText('No. 3 →');
});
