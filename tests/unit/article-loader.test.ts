/**
 * The article loader's cache: an article is re-rendered exactly when its text, a file of its
 * folder, or the rendering pipeline's source changed; problems are fatal.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { PIPELINE_SOURCES, pipelineFingerprint } from '../../src/lib/article-loader.ts';
import { validTree, type ContentTree } from './helpers/content-tree.ts';
import { loaderRun } from './helpers/loader.ts';

const ALL = ['drift-monitoring', 'feature-store-latency', 'gpu-inference-benchmark'];

/** A stand-in project holding one pipeline source, so a test can "fix a plugin". */
async function pipelineProject(): Promise<{ dir: string; plugin: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'mlsr-pipeline-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  const plugin = join(dir, 'src/lib/markdown/remark-example.ts');
  await mkdir(join(dir, 'src/lib/markdown'), { recursive: true });
  await writeFile(plugin, 'export const version = 1;\n');
  return { dir, plugin };
}

async function folderArticle(tree: ContentTree): Promise<void> {
  // The fixture's benchmark article is a folder (its results live in data/); add a file beside it.
  await tree.write('articles/gpu-inference-benchmark/data/latency.csv', 'batch,p50_ms\n1,12\n');
}

describe('article loader cache', { timeout: 60_000 }, () => {
  it('renders everything once, then nothing when nothing changed', async () => {
    const tree = await validTree();
    const { dir } = await pipelineProject();
    const run = loaderRun(tree.root, { root: 'content', projectDir: dir });
    await run.load();
    expect(run.written.sort()).toEqual(ALL);
    await run.load();
    expect(run.written).toEqual([]);
    expect([...run.store.keys()].sort()).toEqual(ALL);
  });

  it('re-renders only the article whose text changed', async () => {
    const tree = await validTree();
    const { dir } = await pipelineProject();
    const run = loaderRun(tree.root, { root: 'content', projectDir: dir });
    await run.load();
    await tree.edit('articles/drift-monitoring.md', 'A common threshold', 'A usual threshold');
    await run.load();
    expect(run.written).toEqual(['drift-monitoring']);
    expect(run.store.get('drift-monitoring')!.rendered!.html).toContain('A usual threshold');
  });

  it('re-renders a folder article when a file beside it changes', async () => {
    const tree = await validTree();
    await folderArticle(tree);
    const { dir } = await pipelineProject();
    const run = loaderRun(tree.root, { root: 'content', projectDir: dir });
    await run.load();
    await tree.write('articles/gpu-inference-benchmark/data/latency.csv', 'batch,p50_ms\n1,13\n');
    await run.load();
    expect(run.written).toEqual(['gpu-inference-benchmark']);
    await tree.write('articles/gpu-inference-benchmark/figure.svg', '<svg/>');
    await run.load();
    expect(run.written).toEqual(['gpu-inference-benchmark']);
  });

  it("registers a folder article's images, and registers them again when it skips the article", async () => {
    const tree = await validTree();
    await folderArticle(tree);
    await tree.edit(
      'articles/gpu-inference-benchmark/index.mdx',
      '\n<Results id="fig-throughput" />',
      '\n![Throughput by batch size, rising to a plateau.](./chart.svg)\n\n<Results id="fig-throughput" />',
    );
    await tree.write(
      'articles/gpu-inference-benchmark/chart.svg',
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30"/></svg>',
    );
    const { dir } = await pipelineProject();
    const run = loaderRun(tree.root, { root: 'content', projectDir: dir });
    await run.load();
    const entry = run.store.get('gpu-inference-benchmark')!;
    expect(entry.assetImports).toEqual(['./chart.svg']);
    expect(entry.rendered!.metadata!.imagePaths).toEqual(['./chart.svg']);
    expect(entry.rendered!.html).toContain('__ASTRO_IMAGE_=');
    await run.load();
    expect(run.written).toEqual([]);
    expect(run.reRegistered).toEqual([
      ['content/articles/gpu-inference-benchmark/index.mdx', ['./chart.svg']],
    ]);
  });

  it('re-renders every article when the pipeline source changes', async () => {
    const tree = await validTree();
    const { dir, plugin } = await pipelineProject();
    const run = loaderRun(tree.root, { root: 'content', projectDir: dir });
    await run.load();
    await writeFile(plugin, 'export const version = 2;\n');
    await run.load();
    expect(run.written.sort()).toEqual(ALL);
  });

  it('drops an article whose file is gone', async () => {
    const tree = await validTree();
    const { dir } = await pipelineProject();
    const run = loaderRun(tree.root, { root: 'content', projectDir: dir });
    await run.load();
    await tree.remove('articles/drift-monitoring.md');
    await run.load();
    expect([...run.store.keys()].sort()).toEqual(ALL.slice(1));
  });

  it('stops on a problem, naming the file and the fix, and stores nothing of that run', async () => {
    const tree = await validTree();
    await tree.edit('articles/drift-monitoring.md', '[@psi-note]', '[@nowhere]');
    const run = loaderRun(tree.root, { root: 'content' });
    await expect(run.load()).rejects.toThrow(
      /content\/articles\/drift-monitoring\.md:\d+ citation: \[@nowhere\] names no entry in "sources"/,
    );
    expect(run.store.size).toBe(0);
  });
});

describe('pipeline fingerprint', () => {
  it('covers the pipeline sources, each by path and text', async () => {
    const { dir, plugin } = await pipelineProject();
    const before = await pipelineFingerprint(dir);
    expect(before).toContain('src/lib/markdown/remark-example.ts\nexport const version = 1;');
    await writeFile(join(dir, 'README.md'), 'not part of the pipeline\n');
    expect(await pipelineFingerprint(dir)).toBe(before);
    await writeFile(plugin, 'export const version = 2;\n');
    expect(await pipelineFingerprint(dir)).not.toBe(before);
  });

  it('refuses a directory with none of the sources (the key would never change)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlsr-empty-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    await expect(pipelineFingerprint(dir)).rejects.toThrow(/none of the pipeline's sources is there/);
  });

  it('covers every module the article analysis imports, so changing one re-renders the articles', () => {
    const project = join(import.meta.dirname, '../..');
    // Relative imports only: packages are covered by package-lock.json.
    const reached = new Set<string>();
    const pending = ['src/lib/article-analysis.ts', 'src/lib/article-worker.ts'].map((f) =>
      resolve(project, f),
    );
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (reached.has(file)) continue;
      reached.add(file);
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.[^'?]+)/g)) {
        const target = resolve(dirname(file), spec!);
        if (/\.(ts|js|json)$/.test(target) && existsSync(target)) pending.push(target);
      }
    }
    const covered = (path: string) =>
      PIPELINE_SOURCES.some((source) => path === source || path.startsWith(`${source}/`));
    const missing = [...reached].map((file) => relative(project, file)).filter((path) => !covered(path));
    expect(missing, 'add these to PIPELINE_SOURCES in src/lib/article-loader.ts').toEqual([]);
    expect(reached.size).toBeGreaterThan(30);
  });

  it("is this project's own pipeline by default", async () => {
    const text = await pipelineFingerprint(join(import.meta.dirname, '../..'));
    expect(text).toContain('src/lib/markdown/article-renderer.ts\n');
    expect(text).toContain('src/schemas/article.ts\n');
  });
});
