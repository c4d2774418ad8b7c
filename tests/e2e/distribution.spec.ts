/**
 * Subscribe and follow, as a reader meets them: the sign-up block on the home page, the
 * newsletter pages, the end of an article and the footer posts to the configured provider with
 * JavaScript off, the page's CSP lets it through (and nowhere else), and visible RSS links sit
 * where readers look for them. The editors' email preview shows both parts of the email.
 */
import { expect, test, type Page } from '@playwright/test';
import { site } from '../../src/site.config.ts';
import { articleUrls, newsletterUrls } from './site.ts';

const subscribe = site.newsletter.subscribe;

const PLACEMENTS = () => [
  { name: 'home page', url: '/', block: '#subscribe-home-heading' },
  { name: 'newsletter archive', url: '/newsletter/', block: '#subscribe-newsletter-heading' },
  { name: 'newsletter issue', url: newsletterUrls()[0]!, block: '#subscribe-newsletter-heading' },
  { name: 'article end', url: articleUrls()[0]!, block: '#subscribe-article-heading' },
  { name: 'footer', url: '/about/', block: '#subscribe-footer-heading' },
];

function section(page: Page, heading: string) {
  return page.locator('section.subscribe').filter({ has: page.locator(heading) });
}

test.describe('subscribe block', () => {
  test.skip(!subscribe, 'no newsletter provider configured: the fallback is tested in the unit tests');

  for (const placement of PLACEMENTS()) {
    test(`${placement.name}: posts the address to the provider with JavaScript off`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
      });
      let posted: string | null = null;
      await page.route(`${new URL(subscribe!.action).origin}/**`, async (route) => {
        posted = route.request().postData();
        await route.fulfill({ status: 200, contentType: 'text/plain', body: 'subscribed' });
      });
      await page.goto(placement.url);
      const block = section(page, placement.block);
      await expect(block).toBeVisible();
      const form = block.locator('form');
      await expect(form).toHaveAttribute('action', subscribe!.action);
      await expect(form).toHaveAttribute('method', 'post');
      await block.getByLabel('Email address').fill('reader@example.org');
      await block.getByRole('button', { name: 'Subscribe' }).click();
      await expect(page.locator('body')).toHaveText('subscribed');
      expect(posted).toContain(`${subscribe!.emailField}=reader%40example.org`);
      expect(violations).toEqual([]);
      await context.close();
    });
  }

  test("the page's CSP allows posting to the provider's origin and nowhere else", async ({ page }) => {
    await page.goto('/');
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    const formAction = policy?.split(';').find((d) => d.trim().startsWith('form-action'));
    expect(formAction?.trim()).toBe(`form-action 'self' ${new URL(subscribe!.action).origin}`);
    const blocked = await page.evaluate(async () => {
      const seen = new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => {
          resolve(e.violatedDirective);
        });
      });
      const form = document.createElement('form');
      form.method = 'post';
      form.action = 'https://elsewhere.example.net/collect';
      document.body.append(form);
      form.submit();
      return seen;
    });
    expect(blocked).toBe('form-action');
  });
});

test.describe('visible feed links', () => {
  const WHERE = () => [
    { name: 'footer', url: '/about/', feeds: ['/feed.xml', '/newsletter/feed.xml', '/corrections/feed.xml'] },
    { name: 'newsletter page', url: '/newsletter/', feeds: ['/newsletter/feed.xml'] },
    {
      name: 'beat page',
      url: `/beats/${site.beats[0]!.id}/`,
      feeds: [`/beats/${site.beats[0]!.id}/feed.xml`],
    },
    { name: 'article end', url: articleUrls()[0]!, feeds: ['/feed.xml', '/corrections/feed.xml'] },
  ];
  for (const where of WHERE()) {
    test(`${where.name} shows links to its feeds, and they resolve`, async ({ page, request }) => {
      await page.goto(where.url);
      for (const feed of where.feeds) {
        const link = page.locator(`main a[href="${feed}"], footer a[href="${feed}"]`).first();
        await expect(link, `${where.url} links ${feed} visibly`).toBeVisible();
        const response = await request.get(feed);
        expect(response.status()).toBe(200);
        expect(await response.text()).toContain('<rss');
      }
    });
  }
});

test('the email preview shows the subject, the framed HTML and the text part', async ({ page }) => {
  const issue = newsletterUrls()[0]!;
  await page.goto(`${issue}email/`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(site.name);
  const frame = page.frameLocator('iframe.email-frame');
  await expect(frame.getByRole('link', { name: 'View in your browser' })).toBeVisible();
  await expect(page.locator('.email-text pre')).toContainText('View in your browser:');
  expect(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
});
