/**
 * npm run new — starts a piece of content from a template that follows the rules.
 *
 *   npm run new                                   (in a terminal: asks what to create, step by step)
 *   npm run new -- article <slug> [--folder] [--beat mlops] [--author id[,id]] [--reviewer id] [--title "…"]
 *   npm run new -- issue [--title "…"] [--date YYYY-MM-DD]
 *   npm run new -- correction <slug> --summary "What changed." [--mark "the corrected words"] [--date YYYY-MM-DD]
 *
 * In a terminal, anything not given as a flag is asked; elsewhere (CI, tests, pipes) missing
 * flags are errors. `npm run new:article -- <slug>` is the same as `npm run new -- article <slug>`.
 */
import * as prompts from '@clack/prompts';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { contentRoot } from '../src/lib/content-root.ts';
import { articleText, REVIEWER_PLACEHOLDER } from '../src/lib/scaffold/article.ts';
import { readScaffoldIndex } from '../src/lib/scaffold/content-index.ts';
import { addCorrection, correctionMark, ScaffoldError } from '../src/lib/scaffold/correction.ts';
import { issueText, nextIssueNumber } from '../src/lib/scaffold/newsletter.ts';
import { starterSections } from '../src/lib/scaffold/sections.ts';
import { SLUG_PATTERN } from '../src/schemas/slug.ts';
import { BEAT_IDS, site, type BeatId } from '../src/site.config.ts';

const USAGE = `usage:
  npm run new                                  ask step by step (in a terminal)
  npm run new -- article <slug> [--folder] [--beat ${BEAT_IDS.join('|')}] [--author id[,id]] [--reviewer id] [--title "…"]
  npm run new -- issue [--title "…"] [--date YYYY-MM-DD]
  npm run new -- correction <slug> --summary "What changed." [--mark "the corrected words"] [--date YYYY-MM-DD]`;

const KINDS = ['article', 'issue', 'correction'] as const;
type Kind = (typeof KINDS)[number];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    folder: { type: 'boolean' },
    beat: { type: 'string' },
    author: { type: 'string' },
    reviewer: { type: 'string' },
    title: { type: 'string' },
    date: { type: 'string' },
    summary: { type: 'string' },
    mark: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

const interactive = process.stdin.isTTY && process.stdout.isTTY && !process.env.CI;
const root = contentRoot;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function fail(message: string): never {
  console.error(`new: ${message}`);
  process.exit(1);
}

/** The value of a flag, else (in a terminal) the answer to a prompt, else an error. */
async function need<T>(
  given: T | undefined,
  flag: string,
  ask: () => Promise<NoInfer<T> | symbol>,
): Promise<T> {
  if (given !== undefined) return given;
  if (!interactive) fail(`missing --${flag}.\n${USAGE}`);
  const answer = await ask();
  if (prompts.isCancel(answer)) {
    prompts.cancel('Nothing was written.');
    process.exit(1);
  }
  return answer as T;
}

const today = () => new Date().toISOString().slice(0, 10);
const shown = (path: string) => relative(process.cwd(), path) || path;

function checkDate(date: string): string {
  if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    fail(`--date must be written as YYYY-MM-DD, not "${date}".`);
  }
  return date;
}

async function newArticle(slugArg?: string) {
  const { people, articles } = await readScaffoldIndex(root);
  if (people.length === 0) fail(`no people in ${join(root, 'people')}: the masthead comes first.`);
  const ids = people.map((p) => p.id);
  const slug = await need(slugArg, 'slug (first argument)', () =>
    prompts.text({
      message: 'URL slug (lower-case words joined by dashes; the page will be /articles/<slug>/)',
      placeholder: 'feature-store-latency',
      validate: (v) => (v && SLUG_PATTERN.test(v) ? undefined : 'use lower-case words joined by dashes'),
    }),
  );
  if (!SLUG_PATTERN.test(slug))
    fail(`"${slug}" is not a slug: use lower-case words joined by dashes, e.g. feature-store-latency.`);
  const taken = articles.find((a) => a.slug === slug);
  if (taken) fail(`${shown(taken.path)} already exists: choose another slug.`);

  const folder = await need(values.folder ?? (interactive ? undefined : false), 'folder', () =>
    prompts.select({
      message: 'One file, or a folder (for figures, data files and results next to the text)?',
      options: [
        { value: false, label: `one file: articles/${slug}.mdx` },
        { value: true, label: `a folder: articles/${slug}/index.mdx` },
      ],
    }),
  );
  const beat = await need(values.beat, 'beat', () =>
    prompts.select({
      message: 'Beat',
      options: site.beats.map((b) => ({ value: b.id, label: b.title, hint: b.blurb })),
    }),
  );
  if (!(BEAT_IDS as readonly string[]).includes(beat)) fail(`--beat must be one of ${BEAT_IDS.join(', ')}.`);
  const authors = await need(
    values.author?.split(',').map((a) => a.trim()),
    'author',
    () =>
      prompts.multiselect({
        message: 'Author(s)',
        options: people.map((p) => ({ value: p.id, label: p.name, hint: p.role })),
        required: true,
      }),
  );
  for (const id of authors)
    if (!ids.includes(id)) fail(`--author "${id}" is not on the masthead; use one of: ${ids.join(', ')}.`);
  const reviewer = await need(values.reviewer ?? (interactive ? undefined : ''), 'reviewer', () =>
    prompts.select({
      message: 'Technical reviewer (must approve the pull request on GitHub)',
      options: [
        ...people
          .filter((p) => !authors.includes(p.id))
          .map((p) => ({ value: p.id, label: p.name, hint: p.role })),
        {
          value: '',
          label: 'decide later',
          hint: `leaves "${REVIEWER_PLACEHOLDER}", which fails the check until replaced`,
        },
      ],
    }),
  );
  if (reviewer && !ids.includes(reviewer))
    fail(`--reviewer "${reviewer}" is not on the masthead; use one of: ${ids.join(', ')}.`);
  if (reviewer && authors.includes(reviewer)) fail('the reviewer must be someone other than the authors.');
  const title = await need(values.title ?? (interactive ? undefined : 'Working title'), 'title', () =>
    prompts.text({ message: 'Working title', placeholder: 'Working title', defaultValue: 'Working title' }),
  );

  const path = folder ? join(root, 'articles', slug, 'index.mdx') : join(root, 'articles', `${slug}.mdx`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(
    path,
    articleText({
      title,
      beat: beat as BeatId,
      authors,
      ...(reviewer ? { reviewer } : {}),
      published: today(),
    }),
  );
  const sections = starterSections(beat as BeatId).map((s) => s.heading);
  console.log(`wrote ${shown(path)} (draft: true) with the sections: ${sections.join(', ')}.`);
  if (!reviewer) {
    console.log(
      `reviewer: is "${REVIEWER_PLACEHOLDER}" for now; npm run lint:content fails until it names the technical reviewer (one of: ${ids.filter((i) => !authors.includes(i)).join(', ')}).`,
    );
  }
  console.log('Next: write it, then run `npm run lint:content` (CONTRIBUTING.md, "Add an article").');
}

async function newIssue() {
  const { issues, articles } = await readScaffoldIndex(root);
  const number = nextIssueNumber(issues.map((i) => i.number));
  const date = checkDate(
    await need(values.date ?? (interactive ? undefined : today()), 'date', () =>
      prompts.text({
        message: 'Date the issue goes out (YYYY-MM-DD)',
        defaultValue: today(),
        placeholder: today(),
      }),
    ),
  );
  const title = await need(values.title ?? (interactive ? undefined : 'Working title'), 'title', () =>
    prompts.text({
      message: `Title of issue ${number}`,
      defaultValue: 'Working title',
      placeholder: 'Working title',
    }),
  );
  const previous = issues.at(-1)?.date ?? '';
  const newArticles = articles.filter((a) => !a.draft && a.published > previous && a.published <= date);
  const path = join(root, 'newsletter', `${number}.md`);
  if (existsSync(path)) fail(`${shown(path)} already exists.`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, issueText({ number, title, date, newArticles }));
  console.log(
    `wrote ${shown(path)}: issue ${number}, dated ${date}, listing ${newArticles.length} article${newArticles.length === 1 ? '' : 's'} published since issue ${number - 1}.`,
  );
  console.log('Next: write the summary and the body, then run `npm run lint:content`.');
}

async function newCorrection(slugArg?: string) {
  const articles = (await readScaffoldIndex(root)).articles;
  const published = articles.filter((a) => !a.draft);
  const slug = await need(slugArg, 'slug (first argument)', () =>
    prompts.autocomplete({
      message: 'Which article? (type to filter)',
      options: published.map((a) => ({ value: a.slug, label: a.title, hint: a.slug })),
    }),
  );
  const article = articles.find((a) => a.slug === slug);
  if (!article)
    fail(
      `no article "${slug}" in ${shown(join(root, 'articles'))}; check the slug (the file name without .mdx).`,
    );
  const date = checkDate(values.date ?? today());
  const summary = await need(values.summary, 'summary', () =>
    prompts.text({
      message: 'What changed, in one sentence a reader can check (shown in the corrections log)',
      validate: (v) => (v && v.trim().length >= 10 ? undefined : 'say what changed, in a full sentence'),
    }),
  );
  if (summary.trim().length < 10) fail('--summary must say what changed, in a full sentence.');
  const mark = await need(values.mark ?? (interactive ? undefined : ''), 'mark', () =>
    prompts.text({
      message: 'The corrected words as they now stand in the text, to mark (empty: place the mark yourself)',
      defaultValue: '',
    }),
  );
  const file = shown(article.path);
  let updated: string;
  try {
    updated = addCorrection(file, readFileSync(article.path, 'utf8'), {
      date,
      summary: summary.trim(),
      ...(mark ? { mark } : {}),
    });
  } catch (error) {
    if (error instanceof ScaffoldError) fail(error.message);
    throw error;
  }
  writeFileSync(article.path, updated);
  console.log(`added a correction dated ${date} to ${file}.`);
  if (mark) console.log(`marked: ${correctionMark(date, mark)}`);
  else {
    console.log(
      `Now wrap the corrected words in the text:\n  ${correctionMark(date)}\nnpm run lint:content fails until the mark is there.`,
    );
  }
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [kindArg, slugArg] = positionals;
if (kindArg !== undefined && !(KINDS as readonly string[]).includes(kindArg)) {
  fail(`"${kindArg}" is not something npm run new makes; choose article, issue or correction.\n${USAGE}`);
}
if (interactive) prompts.intro(`New content for ${site.name}`);
const kind = await need(
  kindArg as Kind | undefined,
  'kind (first argument: article, issue or correction)',
  () =>
    prompts.select({
      message: 'What are you starting?',
      options: [
        { value: 'article' as const, label: 'an article' },
        { value: 'issue' as const, label: 'a newsletter issue', hint: 'with the next number' },
        { value: 'correction' as const, label: 'a correction to a published article', hint: "today's date" },
      ],
    }),
);
if (kind === 'article') await newArticle(slugArg);
else if (kind === 'issue') await newIssue();
else await newCorrection(slugArg);
if (interactive) prompts.outro('Done.');
