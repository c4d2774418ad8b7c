/** /articles/<slug>.bib: the article's BibTeX entry, for reference managers. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { citableArticle, toBibtex } from '../../lib/cite.ts';
import { articlePaths, type Article } from '../../lib/content.ts';

export const getStaticPaths = articlePaths satisfies GetStaticPaths;

export const GET: APIRoute<{ article: Article }> = ({ props: { article } }) =>
  new Response(toBibtex(citableArticle(article)), {
    headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
  });
