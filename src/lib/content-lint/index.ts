/**
 * The content gate: every rule of the editorial policy that can be checked before a build.
 * `npm run lint:content`, the `astro build` integration and the unit tests all call
 * `lintContent`, with the same schemas the content layer uses.
 */
import { join, relative } from 'node:path';
import { articleSchema, personIdOf, personIdSchema, type ArticleData } from '../../schemas/article.ts';
import { isoDay } from '../../schemas/date.ts';
import { newsletterIssueSchema } from '../../schemas/newsletter-issue.ts';
import { personSchema } from '../../schemas/person.ts';
import { SLUG_PATTERN } from '../../schemas/slug.ts';
import { isPublicIn, listArticles, listNewsletter, listPeople, type ArticleFile } from '../content-files.ts';
import type { Root as MdastRoot } from 'mdast';
import { checkIssueLinks, issueArticleLinks } from '../newsletter.ts';
import { missingArchiveMessage } from '../references.ts';
import { correctionNotLoggedMessage, unknownCitationMessage } from '../rule-messages.ts';
import { checkBody, type BodyFacts } from './body.ts';
import { articleFolderOf, checkImages, type ImageReference } from '../figures/image-rules.ts';
import { checkBeatContract } from './beat-contracts.ts';
import { checkResults } from './results.ts';
import { findUnsourcedNumbers } from './unsourced-numbers.ts';
import type { ResultsTable } from '../results/read.ts';
import { readContentFile, type ContentFile } from './content-file.ts';
import type { Problem } from './problem.ts';
import { validate } from './schema-problems.ts';

export { errorsIn, formatProblem, formatReport, githubAnnotation, type Problem } from './problem.ts';

const lintArticleSchema = articleSchema(personIdSchema);
const UNSOURCED_FIELD = 'unsourced number';

async function lintPeople(root: string, cwd: string, problems: Problem[]): Promise<Set<string>> {
  const ids = new Set<string>();
  const listing = await listPeople(root, cwd);
  problems.push(...listing.problems);
  for (const { id, path, file } of listing.files) {
    if (!SLUG_PATTERN.test(id)) {
      problems.push({
        severity: 'error',
        file,
        message: `file name "${id}" is not a valid person id: use lower-case words joined by dashes, e.g. nadia-volkov.yaml.`,
      });
    }
    const content = await readContentFile(path, file, problems);
    if (content) validate(personSchema, content, problems);
    // Known even when invalid, so articles naming this person get no second, misleading error.
    ids.add(id);
  }
  return ids;
}

function lintArticleRules(
  content: ContentFile,
  article: ArticleData,
  isMdx: boolean,
  people: ReadonlySet<string>,
  problems: Problem[],
  images: ImageReference[],
): BodyFacts | undefined {
  const { file } = content;
  const push = (path: (string | number)[], field: string, message: string) => {
    const line = content.lineOf(path);
    problems.push({ severity: 'error', file, ...(line ? { line } : {}), field, message });
  };
  const known = [...people].sort().join(', ');
  article.author.map(personIdOf).forEach((id, index) => {
    if (!people.has(id)) {
      push(
        ['author', ...(Array.isArray((content.data as { author?: unknown }).author) ? [index] : [])],
        'author',
        `"${id}" is not on the masthead: no content/people/${id}.yaml. Use one of: ${known}.`,
      );
    }
  });
  const reviewer = personIdOf(article.reviewer);
  if (!people.has(reviewer)) {
    push(
      ['reviewer'],
      'reviewer',
      `"${reviewer}" is not on the masthead: no content/people/${reviewer}.yaml. Use one of: ${known}.`,
    );
  }

  const facts = checkBody(file, content.body, content.bodyLine, isMdx, problems);
  // An unparsable body has already been reported; "never cited" or "no mark" would only be noise.
  if (!facts.parsed) return undefined;
  const sourceIds = new Set(article.sources.map((s) => s.id));
  for (const [id, line] of facts.cited) {
    if (!sourceIds.has(id)) {
      problems.push({
        severity: 'error',
        file,
        line: line + content.bodyLine - 1,
        field: 'citation',
        message: unknownCitationMessage(id, sourceIds),
      });
    }
  }
  article.sources.forEach((source, index) => {
    if (!facts.cited.has(source.id)) {
      push(
        ['sources', index, 'id'],
        `sources[${index}]`,
        `"${source.id}" is never cited. Cite it as [@${source.id}] where the text relies on it, or remove it.`,
      );
    }
  });

  article.sources.forEach((source, index) => {
    const message = missingArchiveMessage(source);
    if (!message) return;
    const line = content.lineOf(['sources', index, 'url']);
    problems.push({
      severity: 'warning',
      file,
      ...(line ? { line } : {}),
      field: `sources[${index}].archived`,
      message,
    });
  });

  const loggedDays = new Set(article.corrections.map((c) => isoDay(c.date)));
  for (const [day, line] of facts.correctionDays) {
    if (!loggedDays.has(day)) {
      problems.push({
        severity: 'error',
        file,
        line: line + content.bodyLine - 1,
        field: '<Correction>',
        message: correctionNotLoggedMessage(day),
      });
    }
  }
  article.corrections.forEach((correction, index) => {
    const day = isoDay(correction.date);
    if (!facts.correctionDays.has(day)) {
      push(
        ['corrections', index],
        `corrections[${index}]`,
        isMdx
          ? `${day} has no inline mark. Wrap the changed words in <Correction date="${day}">…</Correction>.`
          : `${day} needs an inline <Correction date="${day}"> mark, which only .mdx files support: rename the file to .mdx and mark the changed words.`,
      );
    }
  });

  checkBeatContract(article, facts, push);

  if (facts.tree) {
    const { unsourced, marked } = findUnsourcedNumbers(facts.tree);
    for (const claim of unsourced) {
      problems.push({
        severity: 'warning',
        file,
        line: claim.line + content.bodyLine - 1,
        field: UNSOURCED_FIELD,
        message: `"${claim.text}" has no citation or figure reference in its paragraph. Cite the source ([@id]), point at the results ([@fig-…]), or, if it needs none, mark the paragraph {/* unsourced: why */}.`,
      });
    }
    facts.markedNumbers = marked.length;
  }
  // Image lines are body lines until here; the image rules (async: they read the files) report file lines.
  images.push(...facts.images.map((image) => ({ ...image, line: image.line + content.bodyLine - 1 })));
  return facts;
}

export interface LintedArticle {
  /** The file as read (frontmatter data, body, line lookup); absent when it could not be read. */
  content?: ContentFile;
  /** The parsed body, present when the frontmatter is valid and the body parses. */
  tree?: MdastRoot;
  /** The article's validated results tables, for `<Results id="…" />`. */
  results?: ResultsTable[];
  /** Numeric claims an editor marked as needing no source. */
  markedNumbers?: number;
}

/**
 * Every rule for one article file, pushing problems. Shared by `lintContent` and the build's
 * article loader, which renders from the returned tree (one parse per article per build).
 */
export async function lintArticleFile(
  path: string,
  cwd: string,
  people: ReadonlySet<string>,
  problems: Problem[],
): Promise<LintedArticle> {
  const file = relative(cwd, path);
  const content = await readContentFile(path, file, problems);
  if (!content) return {};
  const article = validate(lintArticleSchema, content, problems);
  const images: ImageReference[] = [];
  const facts = article
    ? lintArticleRules(content, article, path.endsWith('.mdx'), people, problems, images)
    : undefined;
  for (const finding of await checkImages(images, articleFolderOf(path)))
    problems.push({ file: content.file, ...finding });
  if (!article || !facts?.tree) return { content };
  const results = await checkResults(path, cwd, content, article, facts, problems);
  return { content, tree: facts.tree, results, markedNumbers: facts.markedNumbers ?? 0 };
}

async function lintArticles(
  root: string,
  cwd: string,
  people: Set<string>,
  problems: Problem[],
): Promise<{ ids: string[]; marked: number }> {
  const listing = await listArticles(root, cwd);
  problems.push(...listing.problems);
  let marked = 0;
  const supersessions: { slug: string; content: ContentFile; newer: string }[] = [];
  for (const article of listing.files) {
    const linted = await lintArticleFile(article.path, cwd, people, problems);
    marked += linted.markedNumbers ?? 0;
    const newer = (linted.content?.data as { supersededBy?: unknown } | undefined)?.supersededBy;
    if (linted.content && typeof newer === 'string')
      supersessions.push({ slug: article.id, content: linted.content, newer });
  }
  const slugs = new Set(listing.files.map((article) => article.id));
  for (const { slug, content, newer } of supersessions) {
    const problem =
      newer === slug
        ? 'names this article itself; name the newer article that replaces it.'
        : !slugs.has(newer)
          ? `"${newer}" is not an article: no content/articles/${newer}.mdx or ${newer}/index.mdx. Fix the slug.`
          : undefined;
    if (!problem) continue;
    const line = content.lineOf(['supersededBy']);
    problems.push({
      severity: 'error',
      file: content.file,
      ...(line ? { line } : {}),
      field: 'supersededBy',
      message: problem,
    });
  }
  return { ids: listing.files.map((article) => article.id), marked };
}

async function lintNewsletter(root: string, cwd: string, problems: Problem[]) {
  const seen = new Map<number, string>();
  const listing = await listNewsletter(root, cwd);
  // Which articles exist (a listing, no reads) and, for those an issue links, whether each is a
  // draft: reading every article's frontmatter cost ~1 s at 1,000 articles.
  let articleFiles: Map<string, ArticleFile> | undefined;
  const drafts = new Map<string, { draft: boolean }>();
  problems.push(...listing.problems);
  for (const { id, path, file } of listing.files) {
    const content = await readContentFile(path, file, problems);
    if (!content) continue;
    const issue = validate(newsletterIssueSchema, content, problems);
    if (!issue) continue;
    const line = content.lineOf(['number']);
    const at = line ? { line } : {};
    const other = seen.get(issue.number);
    if (other) {
      problems.push({
        severity: 'error',
        file,
        ...at,
        field: 'number',
        message: `${issue.number} is already used by ${other}; issue numbers are unique.`,
      });
    }
    seen.set(issue.number, file);
    if (id !== String(issue.number)) {
      problems.push({
        severity: 'error',
        file,
        ...at,
        field: 'number',
        message: `is ${issue.number} but the file is named ${id}.md; name it ${issue.number}.md.`,
      });
    }
    const facts = checkBody(file, content.body, content.bodyLine, false, problems);
    // A link to one of our articles must reach a published one (read only when an issue has one).
    const linked = issueArticleLinks(content.body);
    if (linked.length > 0) {
      articleFiles ??= new Map((await listArticles(root, cwd)).files.map((a) => [a.id, a]));
      for (const { slug } of linked) {
        const article = articleFiles.get(slug);
        if (!article || drafts.has(slug)) continue;
        const data = ((await readContentFile(article.path, article.file, []))?.data ?? {}) as {
          draft?: unknown;
        };
        drafts.set(slug, { draft: !isPublicIn(data, 'production') });
      }
      for (const { line, message } of checkIssueLinks(content.body, drafts, [...articleFiles.keys()])) {
        problems.push({ severity: 'error', file, line: line + content.bodyLine - 1, field: 'link', message });
      }
    }
    // Issues have no sources list, so a citation would point at nothing (and Astro's loader
    // would drop the body silently when the citation plugin refuses it).
    for (const [id, citedLine] of facts.cited) {
      problems.push({
        severity: 'error',
        file,
        line: citedLine + content.bodyLine - 1,
        field: 'citation',
        message: `[@${id}]: newsletter issues have no sources list. Link the source itself, e.g. [its title](https://…).`,
      });
    }
  }
}

/** The line `npm run check` prints: unexplained numeric claims, and the ones editors marked. */
export function unsourcedSummary(problems: readonly Problem[], marked: number): string {
  const warnings = problems.filter((p) => p.field === UNSOURCED_FIELD).length;
  return `unsourced numbers: ${warnings} unexplained ${warnings === 1 ? 'warning' : 'warnings'}, ${marked} marked by editors`;
}

export interface LintResult {
  problems: Problem[];
  articleCount: number;
  /** The slugs of the articles linted (none when `articles: false`). */
  articleIds: string[];
  /** Numeric claims editors marked `unsourced:` (the unmarked ones are warnings in problems). */
  markedNumbers: number;
}

export interface LintOptions {
  /**
   * Lint articles too (default). The build passes false: its article loader runs the same
   * `lintArticleFile` on every article and renders from that parse, in parallel.
   */
  articles?: boolean;
}

/** Lints the content tree at `root` (default ./content); paths in problems are relative to `cwd`. */
export async function lintContent(
  root: string,
  cwd = process.cwd(),
  options: LintOptions = {},
): Promise<LintResult> {
  const problems: Problem[] = [];
  const people = await lintPeople(root, cwd, problems);
  if (people.size === 0) {
    problems.push({
      severity: 'error',
      file: relative(cwd, join(root, 'people')) || root,
      message: 'no people: add the masthead as content/people/<id>.yaml.',
    });
  }
  const articles =
    options.articles === false ? { ids: [], marked: 0 } : await lintArticles(root, cwd, people, problems);
  await lintNewsletter(root, cwd, problems);
  return {
    problems,
    articleCount: articles.ids.length,
    articleIds: articles.ids,
    markedNumbers: articles.marked,
  };
}
