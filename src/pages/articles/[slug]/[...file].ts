/**
 * Publishes the files beside an article that readers are offered: its results files ("download
 * the data") and the script that produced them, byte for byte as committed.
 */
import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles } from '../../../lib/content.ts';
import { publishedFilesOf } from '../../../lib/results/published-files.ts';

export const getStaticPaths = (async () => {
  const paths = [];
  for (const article of await getArticles()) {
    for (const file of publishedFilesOf(article)) {
      paths.push({
        params: { slug: article.slug, file: file.path },
        props: { absolute: file.absolute, type: file.type },
      });
    }
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(await readFile(props.absolute as string), {
    headers: { 'Content-Type': props.type as string },
  });
