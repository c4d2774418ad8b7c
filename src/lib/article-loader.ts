/**
 * Content-layer loader for articles: lists them through content-files.ts (single files and
 * folder articles; a duplicate slug is fatal), runs the content lint's article rules and renders the body from that same parse (see
 * markdown/article-renderer.ts for why articles are not compiled as MDX modules). The work is
 * spread over worker threads, one per core: it is CPU-bound and the build has nothing else to
 * do meanwhile.
 *
 * Unlike Astro's glob loader, problems are fatal: the glob loader logs a render error and
 * ships the page without a body, which is how broken articles slip through a green build.
 * All problems of all articles are reported together. Unchanged files (same digest) keep
 * their stored HTML, so warm rebuilds skip the work.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob as findFiles } from 'tinyglobby';
import Tinypool from 'tinypool';
import { analyseArticle, type AnalysedArticle } from './article-analysis.ts';
import type { ArticleTask } from './article-worker.ts';
import { listArticles, listPeople, orThrow, type ArticleFile } from './content-files.ts';
import { errorsIn, formatProblem } from './content-lint/index.ts';
import { reportLinkSettings } from './report-error.ts';

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
 * (Astro itself resets the store only when the Astro config changes.) A unit test walks the
 * imports of the analysis and the worker and fails when a module they reach is missing here.
 */
export const PIPELINE_SOURCES = [
  'src/lib/markdown',
  'src/lib/content-lint',
  'src/lib/results',
  'src/lib/figures',
  'src/components/mdx',
  'src/schemas',
  'src/lib/article-analysis.ts',
  'src/lib/article-worker.ts',
  'src/lib/breadcrumbs.ts',
  'src/lib/citations.ts',
  'src/lib/content-files.ts',
  'src/lib/corrections.ts',
  'src/lib/cross-refs.ts',
  'src/lib/dates.ts',
  'src/lib/frontmatter.ts',
  'src/lib/json-ld.ts',
  'src/lib/methodology.ts',
  'src/lib/newsletter.ts',
  'src/lib/people.ts',
  'src/lib/references.ts',
  'src/lib/report-error.ts',
  'src/lib/report.ts',
  'src/lib/rule-messages.ts',
  'src/lib/urls.ts',
  'src/lib/words.ts',
  // Beats, the post-mortem sections and other rules the content lint reads.
  'src/site.config.ts',
  'package-lock.json',
];

/** This project's root, where the pipeline's sources live (whatever content root is built). */
const PROJECT_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** The text of every pipeline source under `projectDir`, each after its path. */
export async function pipelineFingerprint(projectDir: string): Promise<string> {
  const files = (
    await findFiles(
      PIPELINE_SOURCES.map((p) => (/\.\w+$/.test(p) ? p : `${p}/**/*`)),
      { cwd: projectDir, absolute: true },
    )
  ).sort();
  // An empty key would never change, and every article would be reused forever.
  if (files.length === 0) throw new Error(`${projectDir}: none of the pipeline's sources is there.`);
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  // The section report links carry the site's URL, repository and address (env-dependent).
  return [...files.map((file, i) => `${relative(projectDir, file)}\n${texts[i]}`), reportLinkSettings()].join(
    '\n',
  );
}

/**
 * What an article's HTML depends on besides the pipeline: its text and, for a folder article,
 * every file beside it (a replaced image or data file must re-render the page).
 */
export async function articleFingerprint(article: ArticleFile): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await readFile(article.path));
  if (article.folder) {
    const own = (await findFiles('**/*', { cwd: article.folder, dot: false })).sort();
    for (const name of own) {
      const path = join(article.folder, name);
      if (path === article.path) continue;
      hash.update(`\0${name}\0`);
      hash.update(await readFile(path));
    }
  }
  return hash.digest('hex');
}

async function analyseAll(tasks: ArticleTask[]): Promise<AnalysedArticle[]> {
  if (tasks.length < POOL_THRESHOLD) {
    return Promise.all(tasks.map((t) => analyseArticle(t.article, t.cwd, new Set(t.people))));
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

/** Astro's data store has this method (the glob loader calls it) but does not type it. */
interface AssetStore {
  addAssetImports(assets: string[], filePath: string): void;
}

export interface ArticleLoaderOptions {
  /** The content root (holding articles/ and people/), relative to the Astro project. */
  root: string;
  /** Where the pipeline's sources are read for the cache key; this project unless a test says otherwise. */
  projectDir?: string;
}

export function articleLoader(options: ArticleLoaderOptions): Loader {
  return {
    name: 'mlsr-article-loader',
    load: async (context: LoaderContext) => {
      const { store, config, watcher, logger } = context;
      const cwd = new URL('.', config.root).pathname.replace(/\/$/, '');
      const root = resolve(cwd, options.root);
      const base = join(root, 'articles');

      const pipeline = context.generateDigest(await pipelineFingerprint(options.projectDir ?? PROJECT_DIR));

      /** Lints and renders the articles whose content changed; stores them; throws on any error. */
      async function sync(articles: ArticleFile[]): Promise<void> {
        const people = orThrow(await listPeople(root, cwd)).map((p) => p.id);
        const pending: { article: ArticleFile; digest: string; task: ArticleTask }[] = [];
        for (const article of articles) {
          const { id, file } = article;
          const digest = context.generateDigest(`${pipeline}\n${await articleFingerprint(article)}`);
          const existing = store.get(id);
          if (existing?.digest === digest && existing.filePath === file) {
            // A skipped entry must re-register its images, or a warm build after a build of
            // another content root ships raw image placeholders (Astro's glob loader does the
            // same; the method is missing from the public store type).
            if (existing.assetImports?.length)
              (store as unknown as AssetStore).addAssetImports(existing.assetImports, file);
            continue;
          }
          pending.push({ article, digest, task: { article, cwd, people } });
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
        for (const [index, { article, digest }] of pending.entries()) {
          const { id, path, file } = article;
          const { data, rendered, facts } = results[index]!;
          if (!data || !rendered || !facts) throw new Error(`${file}: the article could not be analysed`);
          store.set({
            id,
            data: await context.parseData({ id, data, filePath: path }),
            // No raw body: pages need only the HTML, and at thousands of articles the store is
            // embedded in the build as one string (see scripts/bench/README.md).
            filePath: file,
            digest,
            rendered: {
              html: rendered.html,
              // imagePaths tells Astro to replace the image placeholders when the page renders;
              // `facts` is read back through its schema by src/lib/content.ts.
              metadata: {
                headings: rendered.headings,
                frontmatter: rendered.frontmatter,
                imagePaths: rendered.imagePaths,
                facts,
              },
            },
            // Registers the article's images with the content layer (.astro/content-assets.mjs),
            // so Astro's image service processes them.
            assetImports: rendered.imagePaths,
          });
        }
      }

      /** Lists the articles (throwing on a duplicate slug or a misplaced file), syncs, drops the gone. */
      async function syncAll(): Promise<void> {
        const articles = orThrow(await listArticles(root, cwd));
        await sync(articles);
        const ids = new Set(articles.map((a) => a.id));
        for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      }

      await syncAll();

      if (!watcher) return;
      watcher.add(base);
      // Any change under articles/ (a text, an image beside a folder article, a new folder)
      // re-lists: unchanged articles keep their digest and are skipped.
      const onChange = async (path: string) => {
        if (!path.startsWith(base)) return;
        try {
          await syncAll();
          logger.info(`reloaded after a change to ${relative(cwd, path)}`);
        } catch (error) {
          logger.error(error instanceof Error ? error.message : String(error));
        }
      };
      watcher.on('change', (path) => void onChange(path));
      watcher.on('add', (path) => void onChange(path));
      watcher.on('unlink', (path) => void onChange(path));
    },
  };
}
