import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPageCount } from '../../../scripts/verify/page-count.ts';
import { makeDir, page } from './helpers.ts';

const article = (extra = '') => `---\ntitle: "T"\nbeat: mlops\ntags: [drift]\n${extra}---\nBody.\n`;

/** A project with two routes, three articles (one a draft) and a dist built from it. */
function project(distFiles: Record<string, string>, extraRoutes: Record<string, string> = {}) {
  const dir = makeDir({
    'src/pages/index.astro': '',
    'src/pages/articles/[slug].astro': '',
    ...extraRoutes,
    'content/articles/alpha.mdx': article(),
    'content/articles/beta.mdx': article(),
    'content/articles/gamma.mdx': article('draft: true\n'),
    ...Object.fromEntries(Object.entries(distFiles).map(([p, c]) => [`dist/${p}`, c])),
  });
  return { dist: join(dir, 'dist'), options: { projectDir: dir } };
}

describe('page count (expected-pages.ts)', () => {
  it('passes when every expected page is built and nothing else', async () => {
    const { dist, options } = project({
      'index.html': page('h'),
      'articles/alpha/index.html': page('a'),
      'articles/beta/index.html': page('b'),
    });
    const result = await checkPageCount(dist, options);
    expect(result.findings).toEqual([]);
    expect(result.summary).toMatch(/3 HTML pages built, 3 expected/);
  });

  it('fails when a page is missing, naming the route and the content file', async () => {
    const { dist, options } = project({ 'index.html': page('h'), 'articles/alpha/index.html': page('a') });
    const { findings } = await checkPageCount(dist, options);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.file).toBe('src/pages/articles/[slug].astro');
    expect(findings[0]!.message).toMatch(/\/articles\/beta\/ \(content\/articles\/beta\.mdx\)/);
  });

  it("finds share cards by the article's name whatever their content key, and misses a card not built", async () => {
    const files = {
      'index.html': page('h'),
      'articles/alpha/index.html': page('a'),
      'articles/beta/index.html': page('b'),
      'og/site.0123abcd.png': 'png',
      'og/articles/alpha.89abcdef.png': 'png',
    };
    const { dist, options } = project(files, { 'src/pages/og/[...card].png.ts': '' });
    const { findings } = await checkPageCount(dist, options);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining('should have built /og/articles/beta.*.png (content/articles/beta.mdx)'),
    ]);
  });

  it('fails on a built page nothing expects (a draft that rendered)', async () => {
    const { dist, options } = project({
      'index.html': page('h'),
      'articles/alpha/index.html': page('a'),
      'articles/beta/index.html': page('b'),
      'articles/gamma/index.html': page('g'),
    });
    const { findings } = await checkPageCount(dist, options);
    expect(findings.map((f) => `${f.file}: ${f.message}`)).toEqual([
      expect.stringMatching(/articles\/gamma\/index\.html: was built, but no route rule expects/),
    ]);
  });

  it('fails on a dynamic route it has no rule for', async () => {
    const { dist, options } = project(
      {
        'index.html': page('h'),
        'articles/alpha/index.html': page('a'),
        'articles/beta/index.html': page('b'),
      },
      { 'src/pages/series/[id].astro': '' },
    );
    const { findings } = await checkPageCount(dist, options);
    expect(findings.map((f) => `${f.file}: ${f.message}`)).toEqual([
      expect.stringMatching(/src\/pages\/series\/\[id\]\.astro: is a dynamic route/),
    ]);
  });

  it('expects paginated listings from the page size', async () => {
    const { dist, options } = project(
      {
        'index.html': page('h'),
        'articles/alpha/index.html': page('a'),
        'articles/beta/index.html': page('b'),
      },
      { 'src/pages/tags/[tag]/[...page].astro': '' },
    );
    const { findings } = await checkPageCount(dist, options);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/should have built \/tags\/drift\/ \(tag "drift" \(2 articles\), page 1 of 1\)/),
    ]);
  });
});
