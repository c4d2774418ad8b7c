/**
 * Item 7 in a real browser: every page type loads with 0 Content-Security-Policy violations
 * (a KaTeX style attribute, a Pagefind wasm compile or a hashed Astro script blocked by our own
 * policy would show up here), and the policy is actually enforced (an injected inline script is
 * refused). The static half (policy present, no inline handlers…) is `npm run verify`.
 */
import { expect, test, type Page } from '@playwright/test';
import { pageTypes } from './page-types.ts';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Collects violations two ways: the DOM event and Chromium's console messages. */
async function watchCsp(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text()))
      seen.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.push(`page error: ${error.message}`));
  // Init scripts are injected by the DevTools protocol, so the page's CSP does not block them.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window.__cspViolations ??= []).push(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  return seen;
}

for (const type of pageTypes()) {
  test(`${type.name} ${type.url} loads with no CSP violations`, async ({ page }) => {
    const logged = await watchCsp(page);
    const response = await page.goto(type.url, { waitUntil: 'load' });
    expect(response?.status()).toBe(type.status);
    await expect(page.locator('head meta[http-equiv="content-security-policy"]')).toHaveCount(1);
    await type.prepare?.(page);
    await page.waitForLoadState('networkidle');
    const events = await page.evaluate(() => window.__cspViolations ?? []);
    expect([...events, ...logged], `${type.name} (${type.url})`).toEqual([]);
  });
}

test('the CSP is enforced: an injected inline script does not run', async ({ page }) => {
  await watchCsp(page);
  await page.goto('/');
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  expect(await page.evaluate(() => window.__cspViolations ?? [])).toEqual([
    expect.stringContaining('script-src'),
  ]);
});
