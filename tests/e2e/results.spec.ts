/**
 * Measured results as a reader gets them: the latency article's chart has error bars and a
 * name, its table rows are the rows of the CSV the page offers for download, the methodology
 * card names the script and seed, and the page runs no script.
 */
import { expect, test } from '@playwright/test';

const LATENCY = '/articles/latency-benchmarks-with-confidence-intervals/';

test('the latency article draws its data: chart with error bars, table equal to the CSV', async ({
  page,
  request,
}) => {
  await page.goto(LATENCY);
  const figure = page.locator('figure#fig-latency-2000');
  await expect(figure.locator('figcaption')).toContainText(/^Figure 2 Real run/);
  const chart = figure.getByRole('img', { name: /^Chart: Real run/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator('.chart-errorbar')).toHaveCount(6);
  await expect(chart.locator('.chart-axis-title')).toHaveText('Latency (ms), 95% interval');

  const link = figure.getByRole('link', { name: 'Download the data' });
  const csv = await (await request.get((await link.getAttribute('href'))!)).text();
  const expected = csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [statistic, configuration, estimate, low, high, n] = line.split(',');
      return [statistic, configuration, estimate, `${low} to ${high}`, n];
    });
  const rows = await figure
    .locator('table tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent)),
    );
  // The table groups thousands for reading (2,000); read without the separators it is the file.
  expect(rows.map((row) => row.map((cell) => cell.replace(/(\d),(?=\d{3}\b)/g, '$1')))).toEqual(expected);
  expect(rows.map((row) => row.at(-1))).toContain('2,000');

  // "Figure 2" in the text is the same figure, linked.
  await expect(page.locator('a.cross-ref[href="#fig-latency-2000"]')).toHaveText('Figure 2');
});

test('the methodology card names the script, the seed and the date measured', async ({ page, request }) => {
  await page.goto(LATENCY);
  const card = page.getByRole('complementary', { name: 'How we measured' });
  await expect(card).toContainText('20250611');
  await expect(card).toContainText('29 November 2026');
  await expect(card.locator('dd code')).toHaveText(
    'npm run results:regenerate -- latency-benchmarks-with-confidence-intervals',
  );
  const script = card.getByRole('link', { name: 'generate-data.ts' });
  const response = await request.get((await script.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('const SEED = 20250611;');
});

test('the results pages load no JavaScript', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  for (const url of [LATENCY, '/articles/mlperf-inference-how-to-read/']) await page.goto(url);
  expect(scripts).toEqual([]);
});
