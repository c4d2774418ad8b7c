/**
 * Content-layer loader for articles: finds `<root>/articles/**\/*.{md,mdx}`, validates the
 * frontmatter with the collection schema and renders the body to HTML once, at load time
 * (see markdown/article-renderer.ts for why articles are not compiled as MDX modules).
 *
 * Unlike Astro's glob loader, a render error is fatal: the glob loader logs it and ships the
 * page without a body, which is how broken articles slip through a green build.
 * Unchanged files (same digest) keep their stored HTML, so warm rebuilds skip rendering.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob as findFiles } from 'tinyglobby';
import { renderArticle } from './markdown/article-renderer.ts';

const PATTERN = '**/*.{md,mdx}';

/** The article id is its file name without extension: the URL slug. */
export function articleIdOf(file: string): string {
  return file.split('/').pop()!.replace(/\.mdx?$/, '');
}

export function articleLoader(options: { base: string }): Loader {
  return {
    name: 'mlsr-article-loader',
    load: async (context: LoaderContext) => {
      const { store, config, watcher, logger } = context;
      const root = new URL('.', config.root).pathname;
      const base = resolve(root, options.base);

      async function sync(absolute: string): Promise<string> {
        const filePath = relative(root, absolute);
        const id = articleIdOf(absolute);
        const contents = await readFile(absolute, 'utf8');
        const digest = context.generateDigest(contents);
        const existing = store.get(id);
        if (existing && existing.digest === digest && existing.filePath === filePath) return id;
        const { frontmatter, content } = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
        const data = await context.parseData({ id, data: frontmatter, filePath: absolute });
        let rendered;
        try {
          rendered = await renderArticle(content, { path: absolute, frontmatter });
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`${filePath}: could not render the article: ${reason}`);
        }
        store.set({
          id,
          data,
          body: content,
          filePath,
          digest,
          rendered: { html: rendered.html, metadata: { headings: rendered.headings, frontmatter: rendered.frontmatter } },
        });
        return id;
      }

      const files = (await findFiles(PATTERN, { cwd: base, absolute: true })).sort();
      const seen = new Map<string, string>();
      for (const file of files) {
        const id = articleIdOf(file);
        const other = seen.get(id);
        if (other) throw new Error(`${relative(root, file)}: slug "${id}" is already used by ${relative(root, other)}; rename one of them.`);
        seen.set(id, file);
      }
      const live = new Set(await Promise.all(files.map(sync)));
      for (const id of store.keys()) if (!live.has(id)) store.delete(id);

      if (!watcher) return;
      watcher.add(base);
      const isArticle = (path: string) => path.startsWith(base) && /\.mdx?$/.test(path);
      const onChange = async (path: string) => {
        if (!isArticle(path)) return;
        try {
          await sync(path);
          logger.info(`reloaded ${relative(root, path)}`);
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
