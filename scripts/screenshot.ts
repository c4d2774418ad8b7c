/**
 * npm run screenshots -- /path/ [/other/] — screenshots of the built site (served by
 * `astro preview` on 127.0.0.1:4321) at phone and desktop widths, light and dark, into
 * reports/screenshots/. For looking at pages the way a reader does.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './lib/chromium.ts';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4321';
const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/'];
const out = 'reports/screenshots';
mkdirSync(out, { recursive: true });
const executablePath = findChromium();
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
for (const path of paths) {
  for (const [name, width] of [
    ['phone', 320],
    ['desktop', 1280],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(base + path);
      const file = `${out}/${path.replace(/\W+/g, '_') || 'home'}-${name}-${scheme}.png`;
      await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
      console.log(file);
      await context.close();
    }
  }
}
await browser.close();
