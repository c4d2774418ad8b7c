import { expect, test } from '@playwright/test';
import { site } from '../../src/site.config.ts';
import { articleUrls, articleWith, htmlOf, newsletterUrls, personUrls } from './site.ts';

/** The exact heading text, as a whole-string pattern. */
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

test.describe('every page type renders', () => {
  const fixed: [string, RegExp][] = [
    ['/', exactly(site.name)],
    ['/articles/', /All articles/],
    ['/masthead/', /Masthead/],
    ['/about/', exactly(`About ${site.name}`)],
    ['/corrections/', /Corrections/],
    ['/newsletter/', /weekly newsletter/i],
    ['/archive/', /Archive/],
    ...site.beats.map((beat): [string, RegExp] => [`/beats/${beat.id}/`, exactly(beat.title)]),
  ];
  for (const [url, heading] of fixed) {
    test(`${url} has a heading and the site chrome`, async ({ page }) => {
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1').first()).toHaveText(heading);
      await expect(page.locator('header.site-header')).toBeVisible();
      await expect(page.locator('footer.site-footer')).toBeVisible();
    });
  }

  test('404 page is served for unknown paths', async ({ page }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1')).toHaveText('Page not found');
  });

  test('the built-in content is complete', async () => {
    expect(articleUrls().length).toBeGreaterThanOrEqual(12);
    expect(personUrls().length).toBe(5);
    expect(newsletterUrls().length).toBeGreaterThanOrEqual(6);
  });
});

test.describe('article page', () => {
  test('shows beat, title, dek, author, reviewer, dates, reading time, sources and corrections', async ({
    page,
  }) => {
    await page.goto(articleUrls()[0]!);
    await expect(page.locator('.article-header .kicker')).toBeVisible();
    await expect(page.locator('h1')).not.toBeEmpty();
    await expect(page.locator('.dek').first()).not.toBeEmpty();
    const byline = page.locator('.byline').first();
    await expect(byline).toContainText('By ');
    await expect(byline).toContainText('Technical review by');
    await expect(page.locator('.byline time').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
    await expect(page.locator('.byline').nth(1)).toContainText('min read');
    expect(await page.locator('ol.source-list > li').count()).toBeGreaterThan(0);
    await expect(page.locator('#corrections')).toBeVisible();
  });

  test('math is typeset by KaTeX with its stylesheet loaded', async ({ page }) => {
    await page.goto(articleWith(/class="katex-display/));
    const display = page.locator('.katex-display').first();
    await expect(display).toBeVisible();
    await expect(display.locator('math')).toHaveCount(1); // MathML for assistive technology
    expect(await page.locator('.katex-error').count()).toBe(0);
    const fontLoaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].some((f) => f.family.includes('KaTeX') && f.status === 'loaded');
    });
    expect(fontLoaded).toBe(true);
  });

  test('pages without math do not load KaTeX', async ({ page }) => {
    const url = articleUrls().find((u) => !htmlOf(u).includes('class="katex"'));
    test.skip(!url, 'every article has math');
    await page.goto(url!);
    expect(await page.locator('link[rel="stylesheet"][href*="katex"]').count()).toBe(0);
  });

  test('citations link to the source list and back', async ({ page }) => {
    await page.goto(articleUrls()[0]!);
    const citation = page.locator('sup.citation a').first();
    const href = await citation.getAttribute('href');
    const id = await citation.getAttribute('id');
    expect(href).toMatch(/^#source-/);
    await citation.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    const source = page.locator(href!);
    await expect(source).toBeInViewport();
    const number = (await citation.textContent())!.split(',')[0]!.trim();
    const index = await source.evaluate((li) => [...li.parentElement!.children].indexOf(li) + 1);
    expect(String(index)).toBe(number);
    const back = source.locator(`a[href="#${id}"]`);
    await expect(back).toHaveCount(1);
    await back.click();
    await expect(page.locator(`#${id}`)).toBeInViewport();
  });

  test('corrections are marked inline and logged, each linked to the other', async ({ page }) => {
    await page.goto(articleWith(/class="correction"/));
    const mark = page.locator('ins.correction').first();
    await expect(mark).toBeVisible();
    const markId = await mark.getAttribute('id');
    const logEntry = page.locator(`.correction-log a[href="#${markId}"]`);
    await expect(logEntry).toHaveCount(1);
    await mark.locator('a.correction-flag').click();
    await expect(page.locator('.correction-log li').first()).toBeInViewport();
    await logEntry.click();
    await expect(page.locator(`#${markId}`)).toBeInViewport();
  });

  test('a disclosure is shown before the body', async ({ page }) => {
    await page.goto(articleWith(/class="disclosure"/));
    const order = await page.evaluate(() => {
      const disclosure = document.querySelector('.disclosure')!;
      const body = document.querySelector('.prose')!;
      return disclosure.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
  });

  test('benchmark pieces carry a methodology card above the body', async ({ page }) => {
    await page.goto('/beats/benchmarks/');
    await page.locator('.card h2 a').first().click();
    const box = page.locator('.article-header aside.methodology');
    await expect(box).toBeVisible();
    for (const term of ['Sample', 'Statistic', 'Interval', 'Harness', 'Measured'])
      await expect(box.locator('dt', { hasText: term })).toHaveCount(1);
  });

  test('GFM footnotes link to their notes and back', async ({ page }) => {
    await page.goto(articleWith(/data-footnotes/));
    const ref = page.locator('a[data-footnote-ref]').first();
    await ref.click();
    const note = page.locator((await ref.getAttribute('href'))!);
    await expect(note).toBeInViewport();
    await note.locator('a[data-footnote-backref]').click();
    await expect(ref).toBeInViewport();
  });

  test('GFM tables render as tables', async ({ page }) => {
    await page.goto(articleWith(/<table[\s>]/));
    expect(await page.locator('.prose table th').count()).toBeGreaterThan(1);
  });

  test('code is highlighted by Shiki', async ({ page }) => {
    await page.goto(articleWith(/class="astro-code/));
    await expect(page.locator('pre.astro-code').first()).toBeVisible();
    expect(await page.locator('pre.astro-code span[style*="--shiki"]').count()).toBeGreaterThan(0);
  });
});

test.describe('navigation', () => {
  test('article → author → article they wrote → beat → article', async ({ page }) => {
    await page.goto(articleUrls()[0]!);
    const title = await page.locator('h1').textContent();
    await page.locator('.byline a[rel="author"]').first().click();
    await expect(page).toHaveURL(/\/people\/[a-z-]+\/$/);
    await expect(page.locator('#written')).toBeVisible();
    await page.locator('section[aria-labelledby="written"] .card a', { hasText: title! }).first().click();
    await expect(page.locator('h1')).toHaveText(title!);
    await page.locator('.article-header .kicker a').click();
    await expect(page).toHaveURL(/\/beats\/[a-z]+\/$/);
    await page.locator('.card h2 a').first().click();
    await expect(page).toHaveURL(/\/articles\/[a-z0-9-]+\/$/);
  });

  test('reviewer link leads to a page listing the review', async ({ page }) => {
    await page.goto(articleUrls()[0]!);
    const title = await page.locator('h1').textContent();
    await page.locator('.byline a.reviewer-link').click();
    await expect(page.locator('section[aria-labelledby="reviewed"]')).toContainText(title!);
  });

  test('masthead lists five people with roles and links to each', async ({ page }) => {
    await page.goto('/masthead/');
    await expect(page.locator('.person-card')).toHaveCount(5);
    await expect(page.locator('.person-card .role').first()).toHaveText('Editor-in-Chief');
    await page.locator('.person-card h2 a').nth(4).click();
    await expect(page.locator('.profile-facts')).toContainText('Education');
  });

  test('corrections page links into the corrected passage', async ({ page }) => {
    await page.goto('/corrections/');
    const link = page.locator('.correction-log a', { hasText: 'See the corrected passage' }).first();
    const href = await link.getAttribute('href');
    await link.click();
    await expect(page.locator(`#${href!.split('#')[1]}`)).toBeInViewport();
  });

  test('newsletter archive lists issues by number and opens one', async ({ page }) => {
    await page.goto('/newsletter/');
    const numbers = await page.locator('.issue-number').allTextContents();
    const parsed = numbers.map((n) => Number(n.replace(/\D/g, '')));
    expect(parsed).toEqual([...parsed].sort((a, b) => b - a));
    await page.locator('.card h2 a').first().click();
    await expect(page.locator('.kicker')).toContainText(`No. ${parsed[0]}`);
  });

  test('the layout holds at 320 px without horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    for (const url of ['/', articleWith(/class="katex-display/), '/masthead/']) {
      await page.goto(url);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
  });
});
