/** Worker-thread entry for the article loader's pool (tinypool): one task = one article. */
import { analyseArticle, type AnalysedArticle } from './article-analysis.ts';

export interface ArticleTask {
  path: string;
  cwd: string;
  people: string[];
}

export default function analyse(task: ArticleTask): Promise<AnalysedArticle> {
  return analyseArticle(task.path, task.cwd, new Set(task.people));
}
