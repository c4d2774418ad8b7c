/**
 * npm run screenshots -- /path/ [/other/] — screenshots of the built site (served by
 * `astro preview`, BASE_URL or http://127.0.0.1:4321) at 320, 375 and 1280 px, light and dark,
 * into reports/screenshots/, plus the printed edition of each page as a PDF. For looking at
 * pages the way a reader does.
 *
 *   FULL=1     whole-page screenshots instead of the first screen
 *   WIDTHS=320,1280   only these widths
 *   PDF=0      skip the printed PDFs
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './lib/chromium.ts';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4321';
const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/'];
const widths = (process.env.WIDTHS ?? '320,375,1280').split(',').map(Number);
const out = 'reports/screenshots';
mkdirSync(out, { recursive: true });
const executablePath = findChromium();
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
for (const path of paths) {
  const stem = `${out}/${path.replace(/\W+/g, '_') || 'home'}`;
  for (const width of widths) {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(base + path);
      const file = `${stem}-${width}-${scheme}.png`;
      await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
      console.log(file);
      await context.close();
    }
  }
  if (process.env.PDF !== '0') {
    // Printed with a dark system scheme on purpose: the print edition must still be light.
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(base + path);
    const file = `${stem}-print.pdf`;
    await page.pdf({ path: file, format: 'A4', printBackground: true });
    console.log(file);
    await context.close();
  }
}
await browser.close();
