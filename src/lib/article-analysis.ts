/**
 * One article, checked and rendered from a single parse: the content lint's rules for the
 * file, then (only when they pass) the HTML. Runs inside the article loader's worker threads.
 */
import { errorsIn, lintArticleFile, type Problem } from './content-lint/index.ts';
import readingTime from 'reading-time';
import type { ArticleFacts } from '../schemas/article-facts.ts';
import type { ArticleFile } from './content-files.ts';
import { renderParsedArticle, type RenderedArticle } from './markdown/article-renderer.ts';

export interface AnalysedArticle {
  problems: Problem[];
  /** Frontmatter as parsed from YAML (validated again by the collection schema). */
  data?: Record<string, unknown>;
  rendered?: RenderedArticle;
  /** Reading time and the plugins' facts, computed here so the raw body need not be stored. */
  facts?: ArticleFacts;
}

export async function analyseArticle(
  article: ArticleFile,
  cwd: string,
  people: ReadonlySet<string>,
): Promise<AnalysedArticle> {
  const problems: Problem[] = [];
  const { content, tree, results } = await lintArticleFile(article.path, cwd, people, problems);
  if (!content || !tree || errorsIn(problems).length > 0) return { problems };
  const data = content.data as Record<string, unknown>;
  try {
    const rendered = await renderParsedArticle(tree, content.body, {
      path: article.path,
      frontmatter: data,
      bodyLine: content.bodyLine,
      results: results ?? [],
      slug: article.id,
    });
    const readingMinutes = Math.max(1, Math.round(readingTime(content.body).minutes));
    return { problems, data, rendered, facts: { ...rendered.facts, readingMinutes } };
  } catch (error) {
    // A render-time check (rehype-math-errors, citations…) that the lint did not catch first.
    const message = error instanceof Error ? error.message : String(error);
    return { problems: [...problems, { severity: 'error', file: content.file, field: 'body', message }] };
  }
}
