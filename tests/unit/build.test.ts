/**
 * The real `astro build` on small fixture trees: broken content must stop the build (not just
 * the lint), drafts must never be published, and every article must come out as a page.
 * Slow (a few seconds per build), so only the cases no cheaper test can cover.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { validTree, type ContentTree } from './helpers/content-tree.ts';

const PROJECT = resolve(import.meta.dirname, '../..');
const ASTRO = join(PROJECT, 'node_modules/astro/bin/astro.mjs');

function build(tree: ContentTree, env: Record<string, string> = {}) {
  const outDir = join(tree.root, 'dist');
  const result = spawnSync(process.execPath, [ASTRO, 'build', '--outDir', outDir], {
    cwd: PROJECT,
    env: { ...process.env, MLSR_CONTENT_ROOT: tree.content, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

/**
 * A three-author byline reads "A, B and C" wherever the authors are named: the article's
 * byline, its card in its beat's listing, the citation readers copy and <meta name="author">.
 */
function expectThreeAuthors(outDir: string) {
  const page = (path: string) => parseHTML(readFileSync(join(outDir, path), 'utf8')).document;
  const text = (node: { textContent: string | null } | null) =>
    node?.textContent?.replace(/\s+/g, ' ').trim();
  const article = page('articles/gpu-inference-benchmark/index.html');
  // One rule for credentials too: Dr. Ada Okafor has a PhD on record, so she is "Ada Okafor, PhD".
  expect(text(article.querySelector('.byline'))).toBe(
    'By Chen Li, MSc, Ben Sato, MS and Dana Reyes · Technical review by Ada Okafor, PhD',
  );
  expect([...article.querySelectorAll('.byline a[rel="author"]')].map((a) => a.getAttribute('href'))).toEqual(
    ['/people/chen-li/', '/people/ben-sato/', '/people/dana-reyes/'],
  );
  expect(text(article.querySelector('.citation-text'))).toMatch(
    /^Chen Li, Ben Sato and Dana Reyes \(2025\)\./,
  );
  expect(article.querySelector('meta[name="author"]')?.getAttribute('content')).toBe(
    'Chen Li, Ben Sato and Dana Reyes',
  );
  const card = [...page('beats/benchmarks/index.html').querySelectorAll('.card')].find((c) =>
    c.textContent.includes('Batch size and GPU inference throughput'),
  );
  expect(text(card?.querySelector('.meta') ?? null)).toMatch(
    /^Chen Li, MSc, Ben Sato, MS and Dana Reyes · reviewed by /,
  );
}

describe('astro build', { timeout: 150_000 }, () => {
  test('builds the valid fixture, one page per public article (folder articles too), never a draft', async () => {
    const tree = await validTree();
    const draft = (await tree.read('articles/drift-monitoring.md')).replace(/^---\n/, '---\ndraft: true\n');
    await tree.write('articles/drift-monitoring.md', draft);
    // A newer piece replaces feature-store-latency: the old one must say so at the top.
    const older = await tree.read('articles/feature-store-latency.mdx');
    await tree.write(
      'articles/feature-store-latency.mdx',
      older.replace(/^---\n/, '---\nsupersededBy: gpu-inference-benchmark\n'),
    );
    // The benchmark fixture is a folder article: content/articles/<slug>/index.mdx with its
    // results file beside it, published for download.
    // A third author, so every place that names the authors is seen with a list of three.
    await tree.write(
      'people/dana-reyes.yaml',
      (await tree.read('people/chen-li.yaml'))
        .replace('name: Chen Li', 'name: Dana Reyes')
        .replace(/^degree: .*\n/m, '')
        .replace('github: chen-li-example', 'github: dana-reyes-example'),
    );
    const folder = await tree.read('articles/gpu-inference-benchmark/index.mdx');
    await tree.write(
      'articles/gpu-inference-benchmark/index.mdx',
      folder.replace('author: [chen-li, ben-sato]', 'author: [chen-li, ben-sato, dana-reyes]'),
    );
    const { status, output, outDir } = build(tree);
    expect(status, output).toBe(0);
    const articles = readdirSync(join(outDir, 'articles'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'page')
      .map((e) => e.name)
      .sort();
    expect(articles).toEqual(['feature-store-latency', 'gpu-inference-benchmark']);
    expect(existsSync(join(outDir, 'articles/drift-monitoring/index.html'))).toBe(false);
    const page = readFileSync(join(outDir, 'articles/gpu-inference-benchmark/index.html'), 'utf8');
    expect(page).toContain('Throughput rose from batch size 1');
    // The chart, its error bars, and the data it was drawn from, published byte for byte.
    expect(page).toMatch(/<svg class="results-chart"[^>]*role="img"/);
    expect(page.match(/class="chart-errorbar"/g)).toHaveLength(4);
    expect(page).toContain('href="/articles/gpu-inference-benchmark/data/throughput.csv"');
    expect(readFileSync(join(outDir, 'articles/gpu-inference-benchmark/data/throughput.csv'), 'utf8')).toBe(
      await tree.read('articles/gpu-inference-benchmark/data/throughput.csv'),
    );
    expectThreeAuthors(outDir);
    // Measured on 2025-05-18, more than the configured year before any build from now on.
    expect(page).toContain(
      '<p class="methodology-stale">Measured on 18 May 2025 with PyTorch 2.3.1 and CUDA 12.1. That is more than a year ago',
    );
    const replaced = readFileSync(join(outDir, 'articles/feature-store-latency/index.html'), 'utf8');
    expect(replaced).toMatch(
      /<header class="article-header">(?:(?!<h1).)*<p class="superseded" role="note">(?:(?!<h1).)*href="\/articles\/gpu-inference-benchmark\/">Batch size and GPU inference throughput<\/a>/s,
    );
    expect(page).not.toContain('class="superseded"');
  });

  test('two articles claiming one slug stop the build, naming both files', async () => {
    const tree = await validTree();
    await tree.write('articles/drift-monitoring/index.md', await tree.read('articles/drift-monitoring.md'));
    const { status, output } = build(tree);
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /content\/articles\/drift-monitoring\/index\.md slug "drift-monitoring" is already claimed by \S*content\/articles\/drift-monitoring\.md/,
    );
  });

  test('a citation of an unknown source stops the build, naming the file and the fix', async () => {
    const tree = await validTree();
    await tree.write(
      'articles/feature-store-latency.mdx',
      (await tree.read('articles/feature-store-latency.mdx')).replace(
        /\n\n/,
        '\n\nAn unsourced claim [@nowhere].\n\n',
      ),
    );
    const { status, output } = build(tree);
    expect(status).not.toBe(0);
    expect(output).toContain('content/articles/feature-store-latency.mdx');
    expect(output).toMatch(/\[@nowhere\] names no entry in "sources"/);
  });

  test('malformed math stops the build, naming the expression', async () => {
    const tree = await validTree();
    await tree.write(
      'articles/drift-monitoring.md',
      `${await tree.read('articles/drift-monitoring.md')}\n\nA broken formula $\\frac{1}{$ here.\n`,
    );
    const { status, output } = build(tree);
    expect(status).not.toBe(0);
    expect(output).toContain('content/articles/drift-monitoring.md');
    expect(output).toContain('\\frac{1}{');
  });

  test('a results file with a non-numeric cell stops the build, naming file, row and column', async () => {
    const tree = await validTree();
    const data = 'articles/gpu-inference-benchmark/data/throughput.csv';
    await tree.write(data, (await tree.read(data)).replace('8,2150,', '8,2150 QPS,'));
    const { status, output } = build(tree);
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /content\/articles\/gpu-inference-benchmark\/data\/throughput\.csv:3 row 2, column "throughput": "2150 QPS" is not a number/,
    );
  });

  test('with no newsletter provider, the sign-up offers feeds and the address, and no form may post anywhere else', async () => {
    const { status, output, outDir } = build(await validTree(), { MLSR_SUBSCRIBE_ACTION: '' });
    expect(status, output).toBe(0);
    const home = readFileSync(join(outDir, 'index.html'), 'utf8');
    const block =
      /<section class="subscribe[^"]*"[^>]*aria-labelledby="subscribe-home-heading"[\s\S]*?<\/section>/.exec(
        home,
      )?.[0];
    expect(block).toBeDefined();
    expect(block).not.toContain('<form');
    expect(block).toContain('href="mailto:editors@mlsystemsreview.com"');
    expect(block).toContain('href="/newsletter/feed.xml"');
    expect(home).toMatch(/form-action 'self';/);
    expect(readFileSync(join(outDir, '_headers'), 'utf8')).toMatch(/form-action 'self';/);
    // Every newsletter issue has its email edition.
    for (const issue of readdirSync(join(outDir, 'newsletter')).filter((n) => /^\d+$/.test(n))) {
      expect(existsSync(join(outDir, 'newsletter', issue, 'email.html'))).toBe(true);
      expect(existsSync(join(outDir, 'newsletter', issue, 'email.txt'))).toBe(true);
    }
  });
});
