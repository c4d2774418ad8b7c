/**
 * The one module that knows content/ (src/lib/content-files.ts): what is an article, its id,
 * whether it is public; and that every reader of content/ sees the same set through it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  articleIdOf,
  isPublicIn,
  listArticles,
  readContentIndex,
  searchablePages,
} from '../../src/lib/content-files.ts';
import { checkMarkedPages } from '../../src/integrations/pagefind.ts';
import { readSitemapFacts } from '../../src/lib/sitemap.ts';
import { expectedPages } from '../../scripts/verify/expected-pages.ts';
import { formatReport } from '../../src/lib/content-lint/index.ts';
import { validTree, type ContentTree } from './helpers/content-tree.ts';
import { loaderRun } from './helpers/loader.ts';

const PROJECT = resolve(import.meta.dirname, '../..');
/** The fixture's benchmark article is a folder article (its results in data/); add files beside it. */
async function folderArticle(tree: ContentTree): Promise<void> {
  await tree.write('articles/gpu-inference-benchmark/data/latency.csv', 'batch,p50_ms\n1,12\n');
  await tree.write('articles/gpu-inference-benchmark/notes.txt', 'kept beside the article\n');
}

async function listed(tree: ContentTree) {
  const { files, problems } = await listArticles(tree.content, tree.root);
  return { ids: files.map((f) => f.id), files, problems };
}

describe('the article id rule', () => {
  it('is the file name, or the folder name of an index file', () => {
    expect(articleIdOf('feature-stores.mdx')).toBe('feature-stores');
    expect(articleIdOf('feature-stores.md')).toBe('feature-stores');
    expect(articleIdOf('feature-stores/index.mdx')).toBe('feature-stores');
    expect(articleIdOf('feature-stores/index.md')).toBe('feature-stores');
  });

  it('makes no article of any other Markdown file', () => {
    expect(articleIdOf('feature-stores/notes.md')).toBeUndefined();
    expect(articleIdOf('2025/feature-stores.mdx')).toBeUndefined();
    expect(articleIdOf('a/b/index.mdx')).toBeUndefined();
    expect(articleIdOf('feature-stores.txt')).toBeUndefined();
  });
});

describe('the public/draft rule', () => {
  it('publishes drafts in no production build and shows them while editing', () => {
    expect(isPublicIn({ draft: true }, 'production')).toBe(false);
    expect(isPublicIn({ draft: true }, 'development')).toBe(true);
    expect(isPublicIn({ draft: false }, 'production')).toBe(true);
    expect(isPublicIn({}, 'production')).toBe(true);
  });
});

describe('listing articles', () => {
  it('finds single-file and folder articles, the folder with its own files', async () => {
    const tree = await validTree();
    await folderArticle(tree);
    const { ids, files, problems } = await listed(tree);
    expect(problems).toEqual([]);
    expect(ids).toEqual(['drift-monitoring', 'feature-store-latency', 'gpu-inference-benchmark']);
    const folder = files.find((f) => f.id === 'gpu-inference-benchmark')!;
    expect(folder.file).toBe('content/articles/gpu-inference-benchmark/index.mdx');
    expect(folder.folder).toBe(join(tree.content, 'articles/gpu-inference-benchmark'));
    expect(files.find((f) => f.id === 'drift-monitoring')!.folder).toBeUndefined();
  });

  it('accepts index.md as well as index.mdx', async () => {
    const tree = await validTree();
    const text = await tree.read('articles/drift-monitoring.md');
    await tree.remove('articles/drift-monitoring.md');
    await tree.write('articles/drift-monitoring/index.md', text);
    const { ids, problems } = await listed(tree);
    expect(problems).toEqual([]);
    expect(ids).toContain('drift-monitoring');
  });

  it('refuses two articles claiming one slug, naming both files and the fix', async () => {
    const tree = await validTree();
    await tree.write('articles/drift-monitoring/index.mdx', await tree.read('articles/drift-monitoring.md'));
    const { ids, problems } = await listed(tree);
    expect(problems).toEqual([
      {
        severity: 'error',
        file: 'content/articles/drift-monitoring/index.mdx',
        message:
          'slug "drift-monitoring" is already claimed by content/articles/drift-monitoring.md: two articles cannot share /articles/drift-monitoring/. Rename one of them (its file or folder name), or delete the copy.',
      },
    ]);
    expect(ids.filter((id) => id === 'drift-monitoring')).toHaveLength(1);
  });

  it('refuses index.md and index.mdx in one folder', async () => {
    const tree = await validTree();
    await folderArticle(tree);
    await tree.write('articles/gpu-inference-benchmark/index.md', '---\ntitle: x\n---\n');
    const { problems } = await listed(tree);
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      expect.stringMatching(
        /^content\/articles\/gpu-inference-benchmark\/index\.mdx: slug "gpu-inference-benchmark" is already claimed by content\/articles\/gpu-inference-benchmark\/index\.md/,
      ),
    ]);
  });

  it('reports Markdown that would have no page: beside an index, or in a plain sub-folder', async () => {
    const tree = await validTree();
    await folderArticle(tree);
    await tree.write('articles/gpu-inference-benchmark/appendix.md', 'More.\n');
    await tree.write('articles/2025/old-piece.mdx', '---\ntitle: x\n---\n');
    const { problems } = await listed(tree);
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'content/articles/2025/old-piece.mdx: is not where an article can be, so it would have no page. An article is content/articles/<slug>.mdx or content/articles/<slug>/index.mdx: rename or move it.',
      'content/articles/gpu-inference-benchmark/appendix.md: only index.mdx is rendered in the folder article "gpu-inference-benchmark"; this Markdown file would have no page. Merge it into content/articles/gpu-inference-benchmark/index.mdx, or move it out of content/.',
    ]);
  });

  it('reports a folder with no index (its files would be published nowhere)', async () => {
    const tree = await validTree();
    await tree.write('articles/lost-figures/chart.svg', '<svg/>');
    const { problems } = await listed(tree);
    expect(problems).toEqual([
      {
        severity: 'error',
        file: 'content/articles/lost-figures',
        message:
          'is a folder with no index.mdx, so it has no page. Add content/articles/lost-figures/index.mdx (or index.md), or remove the folder.',
      },
    ]);
  });

  it('checks a folder name as a slug, like a file name', async () => {
    const tree = await validTree();
    await tree.write('articles/Bad_Name/index.mdx', await tree.read('articles/drift-monitoring.md'));
    await tree.remove('articles/drift-monitoring.md');
    const { problems } = await listed(tree);
    expect(problems.map((p) => p.message)).toEqual([
      'folder name "Bad_Name" becomes the URL: use lower-case words joined by dashes, e.g. content/articles/feature-store-latency/index.mdx.',
    ]);
  });
});

/**
 * What each reader of content/ believes the public articles are: the content lint, the
 * article loader (the build), the sitemap, Pagefind's list and verify's expected pages.
 */
async function everyReader(tree: ContentTree) {
  const lint = await tree.lint();
  const loader = loaderRun(tree.root, { root: 'content' });
  await loader.load();
  const sitemap = await readSitemapFacts(tree.content);
  const search = searchablePages(await readContentIndex(tree.content, { cwd: tree.root }));
  const expected = await expectedPages({ projectDir: PROJECT, contentRoot: tree.content });
  const slugOf = (url: string) => /^\/articles\/([^/]+)\/$/.exec(url)?.[1];
  const slugs = (urls: Iterable<string>) =>
    [...urls]
      .map(slugOf)
      .filter((s) => s !== undefined)
      .sort();
  return {
    lint: { ids: [...lint.articleIds].sort(), report: formatReport(lint.problems) },
    loader: [...loader.store.keys()].sort(),
    sitemap: slugs(sitemap.lastmod.keys()),
    search: slugs(search.map((p) => p.url)),
    expected: slugs(
      expected.pages.filter((p) => p.route === 'src/pages/articles/[slug].astro').map((p) => p.url),
    ),
    loaderRun: loader,
  };
}

describe('every reader of content/ sees the same articles', { timeout: 60_000 }, () => {
  it('a folder article is an article for all of them', async () => {
    const tree = await validTree();
    await folderArticle(tree);
    const seen = await everyReader(tree);
    const all = ['drift-monitoring', 'feature-store-latency', 'gpu-inference-benchmark'];
    expect(seen.lint.report).toMatch(/: 0 errors, 0 warnings$/);
    expect(seen.lint.ids).toEqual(all);
    expect(seen.loader).toEqual(all);
    expect(seen.sitemap).toEqual(all);
    expect(seen.search).toEqual(all);
    expect(seen.expected).toEqual(all);
    const stored = seen.loaderRun.store.get('gpu-inference-benchmark')!;
    expect(stored.filePath).toBe('content/articles/gpu-inference-benchmark/index.mdx');
    expect(stored.rendered?.html).toContain('<p>Throughput rose from batch size 1');
  });

  it('a draft is public for none of the production readers', async () => {
    const tree = await validTree();
    await tree.edit('articles/drift-monitoring.md', 'beat: mlops', 'beat: mlops\ndraft: true');
    const seen = await everyReader(tree);
    const published = ['feature-store-latency', 'gpu-inference-benchmark'];
    expect(seen.sitemap).toEqual(published);
    expect(seen.search).toEqual(published);
    expect(seen.expected).toEqual(published);
    // The build stores drafts (astro dev shows them); pages filter with the same rule (content.ts).
    expect(seen.loader).toEqual(['drift-monitoring', ...published]);
  });

  it('a duplicate slug stops every one of them, naming both files', async () => {
    const tree = await validTree();
    await folderArticle(tree);
    await tree.write('articles/gpu-inference-benchmark.md', await tree.read('articles/drift-monitoring.md'));
    const both =
      /gpu-inference-benchmark\/index\.mdx slug "gpu-inference-benchmark" is already claimed by \S*content\/articles\/gpu-inference-benchmark\.md/;
    const lint = await tree.lint();
    expect(formatReport(lint.problems)).toMatch(both);
    await expect(loaderRun(tree.root, { root: 'content' }).load()).rejects.toThrow(both);
    await expect(readSitemapFacts(tree.content)).rejects.toThrow(both);
    await expect(readContentIndex(tree.content, { cwd: tree.root })).rejects.toThrow(both);
    await expect(expectedPages({ projectDir: PROJECT, contentRoot: tree.content })).rejects.toThrow(
      /slug "gpu-inference-benchmark" is already claimed/,
    );
  });
});

describe("Pagefind's list", () => {
  async function dist(tree: ContentTree, urls: string[]): Promise<string> {
    const dir = join(tree.root, 'dist');
    for (const url of urls) {
      await mkdir(join(dir, url), { recursive: true });
      await writeFile(join(dir, url, 'index.html'), '<main><article data-pagefind-body>x</article></main>');
    }
    await mkdir(join(dir, 'about'), { recursive: true });
    await writeFile(join(dir, 'about/index.html'), '<main>about</main>');
    return dir;
  }
  const issues = ['/newsletter/1/', '/newsletter/2/'];

  it('passes when the marked pages are the public articles and the issues', async () => {
    const tree = await validTree();
    await folderArticle(tree);
    const site = await dist(tree, [
      '/articles/drift-monitoring/',
      '/articles/feature-store-latency/',
      '/articles/gpu-inference-benchmark/',
      ...issues,
    ]);
    expect(await checkMarkedPages(site, tree.content, tree.root)).toBe(5);
  });

  it('fails when a folder article has no marked page, naming its file', async () => {
    const tree = await validTree();
    await folderArticle(tree);
    const site = await dist(tree, [
      '/articles/drift-monitoring/',
      '/articles/feature-store-latency/',
      ...issues,
    ]);
    await expect(checkMarkedPages(site, tree.content, tree.root)).rejects.toThrow(
      '/articles/gpu-inference-benchmark/ (content/articles/gpu-inference-benchmark/index.mdx) is not marked data-pagefind-body, or was not built',
    );
  });

  it('fails when a page that is no article or issue is marked', async () => {
    const tree = await validTree();
    const site = await dist(tree, [
      '/articles/drift-monitoring/',
      '/articles/feature-store-latency/',
      '/articles/gpu-inference-benchmark/',
      '/masthead/',
      ...issues,
    ]);
    await expect(checkMarkedPages(site, tree.content, tree.root)).rejects.toThrow(
      '/masthead/ is marked data-pagefind-body but is no public article or newsletter issue',
    );
  });
});
