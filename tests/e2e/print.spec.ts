/**
 * The printed edition: every article printed to PDF (Chromium's page.pdf) and read back with
 * pdftotext carries the publication's name, its own URL and the full URL of every source, and
 * none of the page furniture. Printed from a dark system scheme, the ink is still dark on white.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { site } from '../../src/site.config.ts';
import { articleUrls, siteContext } from './site.ts';

/**
 * The PDF's text with all whitespace removed, so a URL wrapped over two lines reads whole. `-raw`
 * because pdftotext's default layout drops a hyphen at the end of a line as if it were hyphenation,
 * which mangles URLs such as `…/building-a-media-…`.
 */
async function printedText(page: Page): Promise<{ text: string; joined: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'mlsr-print-'));
  try {
    const pdf = join(dir, 'page.pdf');
    writeFileSync(pdf, await page.pdf({ format: 'A4' }));
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], {
      encoding: 'utf8',
    }).normalize('NFKC');
    return { text, joined: text.replace(/\s+/g, '') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Elements whose printed text is pale (luminance of the ink over 0.4): unreadable on paper. */
function paleInk(): string[] {
  const luminance = (color: string): number => {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number) as [
      number,
      number,
      number,
    ];
    const channel = (c: number) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const pale: string[] = [];
  for (const el of document.querySelectorAll('main *')) {
    const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    if (!own || (el as HTMLElement).offsetParent === null) continue;
    const color = getComputedStyle(el).color;
    if (luminance(color) > 0.4) pale.push(`${el.tagName.toLowerCase()}.${el.className} (${color})`);
  }
  return pale;
}

for (const url of articleUrls()) {
  test(`printing ${url} keeps the evidence and drops the furniture`, async ({ browser, baseURL }) => {
    // A dark system scheme on purpose: paper is always light.
    const context = await siteContext(browser, baseURL, { colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(url);
    const sources = await page
      .locator('ol.source-list a[href^="http"]')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    expect(sources.length, 'the article has sources with URLs').toBeGreaterThan(0);
    const { text, joined } = await printedText(page);

    expect(text).toContain(site.name);
    expect(joined, 'the article URL is printed').toContain(`${site.url}${url}`.replace(/\s+/g, ''));
    for (const source of sources) expect(joined, `source URL ${source} is printed`).toContain(source);
    for (const furniture of ['Skip to content', 'Related articles', 'Download the BibTeX', 'Search articles'])
      expect(text, `"${furniture}" is not printed`).not.toContain(furniture);

    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    expect(await page.evaluate(paleInk), 'printed text is dark ink').toEqual([]);
    await context.close();
  });
}

// The checks can fail: a URL printed only as link text is missed, and pale ink is reported.
test('a source URL that is not written out is not found in the printed text', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setContent(
    '<!doctype html><html lang="en"><body><ol class="source-list"><li><a href="https://example.org/paper">The paper</a></li></ol></body></html>',
  );
  const { joined } = await printedText(page);
  expect(joined).toContain('Thepaper');
  expect(joined).not.toContain('https://example.org/paper');
  await page.setContent(
    '<!doctype html><html lang="en"><body><main><p style="color:#ccc">pale</p></main></body></html>',
  );
  await page.emulateMedia({ media: 'print' });
  expect(await page.evaluate(paleInk)).toHaveLength(1);
  await context.close();
});
