/**
 * Content-layer loader for articles: finds `<root>/articles/**\/*.{md,mdx}`, runs the content
 * lint's article rules and renders the body from that same parse (see
 * markdown/article-renderer.ts for why articles are not compiled as MDX modules). The work is
 * spread over worker threads, one per core: it is CPU-bound and the build has nothing else to
 * do meanwhile.
 *
 * Unlike Astro's glob loader, problems are fatal: the glob loader logs a render error and
 * ships the page without a body, which is how broken articles slip through a green build.
 * All problems of all articles are reported together. Unchanged files (same digest) keep
 * their stored HTML, so warm rebuilds skip the work.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob as findFiles } from 'tinyglobby';
import Tinypool from 'tinypool';
import { analyseArticle, type AnalysedArticle } from './article-analysis.ts';
import type { ArticleTask } from './article-worker.ts';
import { errorsIn, formatProblem, personIds } from './content-lint/index.ts';
import { articleIdOf } from './content-root.ts';

/**
 * Old-generation heap per worker. Uncapped, V8 sizes it from the machine's memory and each
 * worker grows by hundreds of MB before collecting. At N = 1,000 (scripts/bench/README.md):
 * uncapped 1.75–2.0 GiB peak RSS; 512 MB 1.43–1.55 GiB for a few seconds of extra GC; 256 MB
 * no lower but slower. One article at a time needs far less than 512 MB.
 */
const WORKER_HEAP_MB = 512;

/** Below this many articles to (re)build, worker start-up costs more than it saves. */
const POOL_THRESHOLD = 16;

/**
 * Source of everything that turns an article into HTML or problems. A stored article is reused
 * only if both its text and this are unchanged: a fixed plugin must re-render every article.
 * (Astro itself resets the store only when the Astro config changes.)
 */
const PIPELINE_SOURCES = [
  'src/lib/markdown',
  'src/lib/content-lint',
  'src/components/mdx',
  'src/schemas',
  'src/lib/article-analysis.ts',
  'src/lib/citations.ts',
  'src/lib/corrections.ts',
  'package-lock.json',
];

async function pipelineFingerprint(cwd: string): Promise<string> {
  const files = (
    await findFiles(
      PIPELINE_SOURCES.map((p) => (/\.\w+$/.test(p) ? p : `${p}/**/*`)),
      { cwd, absolute: true },
    )
  ).sort();
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  return files.map((file, i) => `${relative(cwd, file)}\n${texts[i]}`).join('\n');
}

async function analyseAll(tasks: ArticleTask[]): Promise<AnalysedArticle[]> {
  if (tasks.length < POOL_THRESHOLD) {
    return Promise.all(tasks.map((t) => analyseArticle(t.path, t.cwd, new Set(t.people))));
  }
  const threads = Number(process.env.MLSR_THREADS ?? Math.max(1, Math.min(availableParallelism(), 8)));
  const heapMb = Number(process.env.MLSR_WORKER_HEAP_MB ?? WORKER_HEAP_MB);
  const pool = new Tinypool({
    filename: new URL('./article-worker.ts', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // Heap cap per worker (0 = none): trades a little build time for peak RSS.
    ...(heapMb > 0 ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : {}),
  });
  try {
    return await Promise.all(tasks.map((task) => pool.run(task) as Promise<AnalysedArticle>));
  } finally {
    await pool.destroy();
  }
}

export function articleLoader(options: { root: string }): Loader {
  return {
    name: 'mlsr-article-loader',
    load: async (context: LoaderContext) => {
      const { store, config, watcher, logger } = context;
      const cwd = new URL('.', config.root).pathname.replace(/\/$/, '');
      const root = resolve(cwd, options.root);
      const base = join(root, 'articles');

      /** Lints and renders the files whose content changed; stores them; throws on any error. */
      const pipeline = context.generateDigest(await pipelineFingerprint(cwd));

      async function sync(paths: string[]): Promise<void> {
        const people = [...(await personIds(root))];
        const pending: { path: string; id: string; digest: string; task: ArticleTask }[] = [];
        for (const path of paths) {
          const id = articleIdOf(path);
          const digest = context.generateDigest(`${pipeline}\n${await readFile(path, 'utf8')}`);
          const existing = store.get(id);
          if (existing && existing.digest === digest && existing.filePath === relative(cwd, path)) continue;
          pending.push({ path, id, digest, task: { path, cwd, people } });
        }
        const results = await analyseAll(pending.map((p) => p.task));
        const problems = results.flatMap((r) => r.problems);
        for (const warning of problems.filter((p) => p.severity === 'warning'))
          logger.warn(formatProblem(warning));
        const errors = errorsIn(problems);
        if (errors.length > 0) {
          throw new Error(
            `${errors.length} problem(s) in the articles; fix them and build again:\n${errors.map(formatProblem).join('\n')}`,
          );
        }
        for (const [index, { path, id, digest }] of pending.entries()) {
          const { data, rendered } = results[index]!;
          if (!data || !rendered)
            throw new Error(`${relative(cwd, path)}: the article could not be analysed`);
          store.set({
            id,
            data: await context.parseData({ id, data, filePath: path }),
            // No raw body: pages need only the HTML, and at thousands of articles the store is
            // embedded in the build as one string (see scripts/bench/README.md).
            filePath: relative(cwd, path),
            digest,
            rendered: {
              html: rendered.html,
              metadata: { headings: rendered.headings, frontmatter: rendered.frontmatter },
            },
          });
        }
      }

      const files = (await findFiles('**/*.{md,mdx}', { cwd: base, absolute: true })).sort();
      const seen = new Map<string, string>();
      for (const file of files) {
        const other = seen.get(articleIdOf(file));
        if (other)
          throw new Error(
            `${relative(cwd, file)}: slug "${articleIdOf(file)}" is already used by ${relative(cwd, other)}; rename one of them.`,
          );
        seen.set(articleIdOf(file), file);
      }
      await sync(files);
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);

      if (!watcher) return;
      watcher.add(base);
      const isArticle = (path: string) => path.startsWith(base) && /\.mdx?$/.test(path);
      const onChange = async (path: string) => {
        if (!isArticle(path)) return;
        try {
          await sync([path]);
          logger.info(`reloaded ${relative(cwd, path)}`);
        } catch (error) {
          logger.error(error instanceof Error ? error.message : String(error));
        }
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', (path) => {
        if (isArticle(path)) store.delete(articleIdOf(path));
      });
    },
  };
}
