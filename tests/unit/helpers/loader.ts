/**
 * Runs the real article loader outside Astro: a content store and the few context members the
 * loader uses, so a test sees exactly what the build stores (ids, digests, rendered HTML).
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { articleLoader, type ArticleLoaderOptions } from '../../../src/lib/article-loader.ts';

export interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  filePath?: string;
  digest?: string | number;
  rendered?: { html: string; metadata?: Record<string, unknown> };
  assetImports?: string[];
}

export interface LoaderRun {
  store: Map<string, StoredEntry>;
  /** Ids written by the last `load()` (an unchanged article is not written again). */
  written: string[];
  warnings: string[];
  /** Images re-registered by the last `load()` for entries it skipped: [filePath, paths]. */
  reRegistered: [string, string[]][];
  load(): Promise<void>;
}

/**
 * A loader over `<projectRoot>/<root>` with a store that persists across `load()` calls.
 * `parse` stands in for the collection schema Astro applies to `data` (default: none).
 */
export function loaderRun(
  projectRoot: string,
  options: ArticleLoaderOptions,
  parse: (data: Record<string, unknown>) => Record<string, unknown> = (data) => data,
): LoaderRun {
  const store = new Map<string, StoredEntry>();
  const run: LoaderRun = {
    store,
    written: [],
    warnings: [],
    reRegistered: [],
    async load() {
      run.written = [];
      run.reRegistered = [];
      const context = {
        store: {
          get: (id: string) => store.get(id),
          set: (entry: StoredEntry) => {
            run.written.push(entry.id);
            store.set(entry.id, entry);
            return true;
          },
          keys: () => [...store.keys()],
          delete: (id: string) => void store.delete(id),
          addAssetImports: (assets: string[], filePath: string) =>
            void run.reRegistered.push([filePath, assets]),
        },
        config: { root: pathToFileURL(`${projectRoot}/`) },
        logger: {
          warn: (message: string) => run.warnings.push(message),
          info: () => undefined,
          error: () => undefined,
        },
        generateDigest: (value: string) => createHash('sha256').update(value).digest('hex'),
        parseData: async ({ data }: { data: Record<string, unknown> }) => parse(data),
      } as unknown as LoaderContext;
      await articleLoader(options).load(context);
    },
  };
  return run;
}
