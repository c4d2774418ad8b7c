/** Worker-thread entry for the article loader's pool (tinypool): one task = one article. */
import { analyseArticle, type AnalysedArticle } from './article-analysis.ts';
import type { ArticleFile } from './content-files.ts';

export interface ArticleTask {
  article: ArticleFile;
  cwd: string;
  people: string[];
}

export default function analyse(task: ArticleTask): Promise<AnalysedArticle> {
  return analyseArticle(task.article, task.cwd, new Set(task.people));
}
