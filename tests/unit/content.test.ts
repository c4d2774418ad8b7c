/**
 * src/lib/content.ts, the queries every page goes through, on what the build really stores:
 * the fixture tree run through the real article loader and the collection schemas, served by
 * a stand-in for `astro:content`'s getCollection.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listPeople } from '../../src/lib/content-files.ts';
import { readContentFile } from '../../src/lib/content-lint/content-file.ts';
import { articleSchema, personIdSchema } from '../../src/schemas/article.ts';
import { personSchema } from '../../src/schemas/person.ts';
import { validTree, type ContentTree } from './helpers/content-tree.ts';
import { loaderRun, type StoredEntry } from './helpers/loader.ts';

interface Entry {
  id: string;
  data: Record<string, unknown>;
  filePath?: string;
  rendered?: StoredEntry['rendered'];
}

const collections = vi.hoisted(() => ({ articles: [] as Entry[], people: [] as Entry[] }));

vi.mock('astro:content', () => ({
  getCollection: async (name: 'articles' | 'people', filter?: (entry: Entry) => boolean) =>
    collections[name].filter((entry) => (filter ? filter(entry) : true)),
}));

/** Loads the tree the way the build does and returns a fresh content.ts over it. */
async function contentOf(tree: ContentTree) {
  const schema = articleSchema(personIdSchema);
  const run = loaderRun(tree.root, { root: 'content' }, (data) => schema.parse(data));
  await run.load();
  collections.articles = [...run.store.values()];
  collections.people = [];
  for (const person of (await listPeople(tree.content, tree.root)).files) {
    const file = await readContentFile(person.path, person.file, []);
    collections.people.push({ id: person.id, data: personSchema.parse(file!.data) });
  }
  vi.resetModules(); // content.ts caches its queries per module instance
  return import('../../src/lib/content.ts');
}

/** Adds an mlops article copied from drift-monitoring.md, with its own date and options. */
async function addDrift(tree: ContentTree, slug: string, published: string, extra = ''): Promise<void> {
  const text = (await tree.read('articles/drift-monitoring.md')).replace(
    'published: 2025-01-10',
    `published: ${published}${extra}`,
  );
  if (!text.includes(published)) throw new Error('fixture drift: drift-monitoring.md has no published date');
  await tree.write(`articles/${slug}.md`, text);
}

beforeEach(() => vi.unstubAllEnvs());
afterEach(() => vi.unstubAllEnvs());

describe('content.ts', { timeout: 60_000 }, () => {
  it('lists public articles newest first, same-day articles by slug, drafts never', async () => {
    const tree = await validTree();
    await addDrift(tree, 'drift-b', '2025-02-01');
    await addDrift(tree, 'drift-a', '2025-02-01');
    await addDrift(tree, 'drift-draft', '2025-06-01', '\ndraft: true');
    const content = await contentOf(tree);
    expect((await content.getArticles()).map((a) => a.slug)).toEqual([
      'gpu-inference-benchmark', // 2025-05-20
      'feature-store-latency', // 2025-03-14
      'drift-a', // 2025-02-01, before drift-b by slug
      'drift-b',
      'drift-monitoring', // 2025-01-10
    ]);
  });

  it('shows drafts in astro dev only (development mode), not under other DEV modes', async () => {
    const tree = await validTree();
    await addDrift(tree, 'drift-draft', '2025-06-01', '\ndraft: true');
    const content = await contentOf(tree);
    const draft = collections.articles.find((e) => e.id === 'drift-draft')!;
    // Under vitest DEV is true and MODE is "test": that is no editing session.
    expect(content.contentMode()).toBe('production');
    expect(content.isPublic(draft as never)).toBe(false);
    expect(content.contentMode({ DEV: true, MODE: 'development' })).toBe('development');
    expect(content.contentMode({ DEV: false, MODE: 'development' })).toBe('production');
    expect(content.isPublic(draft as never, 'development')).toBe(true);

    vi.stubEnv('MODE', 'development');
    const dev = await contentOf(tree);
    expect((await dev.getArticles()).map((a) => a.slug)).toContain('drift-draft');
  });

  it('gives each article its newer and older neighbour within its beat', async () => {
    const tree = await validTree();
    await addDrift(tree, 'drift-old', '2024-06-01');
    await addDrift(tree, 'drift-new', '2025-08-01');
    const content = await contentOf(tree);
    const bySlug = new Map((await content.getArticles()).map((a) => [a.slug, a]));
    const around = async (slug: string) => {
      const { newer, older } = await content.getBeatNeighbours(bySlug.get(slug)!);
      return { newer: newer?.slug, older: older?.slug };
    };
    expect(await around('drift-monitoring')).toEqual({ newer: 'drift-new', older: 'drift-old' });
    expect(await around('drift-new')).toEqual({ newer: undefined, older: 'drift-monitoring' });
    expect(await around('drift-old')).toEqual({ newer: 'drift-monitoring', older: undefined });
    // Alone in its beat: no neighbours from other beats.
    expect(await around('feature-store-latency')).toEqual({ newer: undefined, older: undefined });
  });

  it('hands pages a typed view: reading time, citation counts, math, figure credits, the byline resolved', async () => {
    const tree = await validTree();
    const content = await contentOf(tree);
    const latency = (await content.getArticles()).find((a) => a.slug === 'feature-store-latency')!;
    expect(latency.readingMinutes).toBe(1);
    expect(latency.citationCounts).toEqual({ 'store-paper': 2, 'store-talk': 1, 'vendor-docs': 1 });
    expect(latency.hasMath).toBe(true);
    // No reused figures in this fixture: an empty list, typed, not a missing frontmatter key.
    expect(latency.figureCredits).toEqual([]);
    expect(latency.url).toBe('/articles/feature-store-latency/');
    expect(latency.beat.id).toBe('architecture');
    const drift = (await content.getArticles()).find((a) => a.slug === 'drift-monitoring')!;
    expect(drift.citationCounts).toEqual({ 'psi-note': 1 });
    expect(drift.authors.map((p) => p.data.name)).toEqual(['Ada Okafor']);
    expect(drift.reviewer.data.name).toBe('Chen Li');
    const gpu = (await content.getArticles()).find((a) => a.slug === 'gpu-inference-benchmark')!;
    // author: [chen-li, ben-sato], in that order; reviewer: ada-okafor.
    expect(gpu.authors.map((p) => p.data.name)).toEqual(['Chen Li', 'Ben Sato']);
    expect(gpu.reviewer.data.name).toBe('Ada Okafor');
  });

  it('refuses a stored article without its facts (a stale cache), naming the file', async () => {
    const tree = await validTree();
    await contentOf(tree);
    const entry = collections.articles.find((e) => e.id === 'drift-monitoring')!;
    entry.rendered = { html: entry.rendered!.html, metadata: {} };
    vi.resetModules();
    const content = await import('../../src/lib/content.ts');
    await expect(content.getArticles()).rejects.toThrow(
      /content\/articles\/drift-monitoring\.md: the stored article has no valid facts .*Delete node_modules\/\.astro/,
    );
  });
});
