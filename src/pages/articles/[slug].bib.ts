/** /articles/<slug>.bib: the article's BibTeX entry, for reference managers. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { citableArticle, toBibtex } from '../../lib/cite.ts';
import { getArticles, type Article } from '../../lib/content.ts';

export const getStaticPaths = (async () =>
  (await getArticles()).map((article) => ({
    params: { slug: article.slug },
    props: { article },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: Article }> = ({ props: { article } }) =>
  new Response(toBibtex(citableArticle(article)), {
    headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
  });
