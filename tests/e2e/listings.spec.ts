/**
 * Lists of articles as a reader meets them. Listing pages read like the articles they list: at
 * 1280 px no paragraph or list entry of running text is set wider than a readable measure
 * (about 65–75 characters, counted in `ch` of the element's own font; they used to run to
 * 100ch and more). And an article's "Related articles" never repeats the previous or next
 * article its foot already links.
 */
import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { articleUrls, newsletterUrls } from './site.ts';

/** The widest measure a reader should meet in running text, in `ch` of the element's font. */
const MAX_MEASURE_CH = 76;

const firstTag = readdirSync('dist/tags', { withFileTypes: true }).find((e) => e.isDirectory())?.name;
const LISTINGS = [
  '/',
  '/articles/',
  '/archive/',
  '/beats/mlops/',
  ...(firstTag ? [`/tags/${firstTag}/`] : []),
  '/newsletter/',
  newsletterUrls().find((u) => /\/\d+\/$/.test(u)) ?? '/newsletter/1/',
];

/** Elements of running text (80 characters or more, so labels do not count) and their measure. */
function measures(): { what: string; ch: number }[] {
  const out: { what: string; ch: number }[] = [];
  for (const el of document.querySelectorAll<HTMLElement>('main p, main li')) {
    const text = el.textContent.replace(/\s+/g, ' ').trim();
    if (text.length < 80 || el.closest('nav, form, pre, .tag-list')) continue;
    const style = getComputedStyle(el);
    const probe = document.createElement('span');
    probe.textContent = '0'.repeat(50);
    probe.style.cssText = `font:${style.font};position:absolute;visibility:hidden;white-space:nowrap`;
    document.body.append(probe);
    const ch = probe.getBoundingClientRect().width / 50;
    probe.remove();
    const width = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    out.push({
      what: `<${el.tagName.toLowerCase()} class="${el.className}"> ${text.slice(0, 40)}…`,
      ch: width / ch,
    });
  }
  return out;
}

test.describe('listings keep a readable measure at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 900 } });
  for (const url of LISTINGS) {
    test(url, async ({ page }) => {
      await page.goto(url);
      const found = await page.evaluate(measures);
      expect(found.length, 'the page has running text to measure').toBeGreaterThan(0);
      expect(
        found.filter((m) => m.ch > MAX_MEASURE_CH).map((m) => `${Math.round(m.ch)}ch ${m.what}`),
      ).toEqual([]);
    });
  }
});

test('"Related articles" leaves out the previous and next articles', async ({ page }) => {
  let withBoth = 0;
  for (const url of articleUrls()) {
    await page.goto(url);
    const hrefs = (selector: string) =>
      page
        .locator(`${selector} a[href^="/articles/"]`)
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const neighbours = await hrefs('nav.beat-neighbours li');
    const related = await hrefs('.related-articles h3');
    if (neighbours.length > 0 && related.length > 0) withBoth++;
    expect(
      related.filter((href) => neighbours.includes(href)),
      url,
    ).toEqual([]);
  }
  expect(withBoth, 'some articles show both lists').toBeGreaterThan(0);
});
