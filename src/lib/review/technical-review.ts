/**
 * The "technical review" rule, decided from what GitHub knows about a pull request: every
 * changed, published (non-draft) article needs an approval of the pull request's current head
 * commit from the GitHub account of the technical reviewer its frontmatter names. Drafts and
 * typo-only changes need none. Pure: the GitHub side (reading, requesting, reporting) lives in
 * `github.ts` and `scripts/technical-review.ts`.
 */
import { parse as parseYaml } from 'yaml';
import { splitFrontmatter } from '../frontmatter.ts';

/** The status context branch protection requires. */
export const STATUS_CONTEXT = 'technical review';

/** One entry of `GET /repos/{owner}/{repo}/pulls/{number}/files` (the fields we read). */
export interface PullRequestFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previous_filename?: string;
}

/** One entry of `GET /repos/{owner}/{repo}/pulls/{number}/reviews` (the fields we read). */
export interface PullRequestReview {
  user: { login: string } | null;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  commit_id: string;
  submitted_at?: string;
}

/** A changed article: its file at the head commit and, when it existed, at the base. */
export interface ArticleChange {
  /** The article's own file (`<slug>.mdx` or `<slug>/index.mdx`) at the head commit. */
  path: string;
  /** Text of that file at the head commit; undefined when the article was removed. */
  head?: string;
  /** Text at the base commit (under its old name if renamed); undefined when added. */
  base?: string;
  /** Other changed files of a folder article (figures, results data): never typo-only. */
  companions: string[];
}

/** What `check:changes` says about an edit to an article's text. */
export type ChangeKind = 'typo' | 'substantive';

/**
 * Classifies an edit from the old text to the new. The publication's classifier
 * (`check:changes`) plugs in here; without one every edit counts as substantive, the safe side.
 */
export type ClassifyChange = (before: string, after: string, path: string) => ChangeKind;

export const everyChangeIsSubstantive: ClassifyChange = () => 'substantive';

export interface Masthead {
  /** Person id → GitHub login (undefined when the person file names none). */
  github: ReadonlyMap<string, string | undefined>;
}

export type RequirementState =
  | 'approved'
  | 'awaiting-review'
  | 'stale-approval'
  | 'changes-requested'
  | 'dismissed'
  | 'no-github-handle'
  | 'not-on-masthead'
  | 'reviewer-is-pr-author'
  | 'unreadable';

export interface Requirement {
  article: string;
  /** Person id named in `reviewer:`, when it could be read. */
  reviewer?: string;
  github?: string;
  state: RequirementState;
  /** One sentence for the editor: what is missing and what to do. */
  detail: string;
}

export interface Exemption {
  article: string;
  reason: string;
}

export interface Decision {
  state: 'success' | 'pending' | 'failure';
  /** At most 140 characters: GitHub's limit for a commit status description. */
  description: string;
  requirements: Requirement[];
  exemptions: Exemption[];
  /** GitHub logins to request a review from (not yet approved at head, not the PR author). */
  toRequest: string[];
}

export interface DecisionInput {
  headSha: string;
  /** Login of whoever opened the pull request (GitHub never lets them approve it). */
  author: string;
  articles: ArticleChange[];
  reviews: PullRequestReview[];
  masthead: Masthead;
  classify?: ClassifyChange;
}

const ARTICLES_DIR = 'content/articles/';

/**
 * The article a changed file belongs to: `content/articles/x.mdx` is itself; any file inside
 * `content/articles/x/` belongs to the folder article `x` (its `index.md(x)`). Other paths
 * belong to no article.
 */
export function articleKeyOf(filename: string): { key: string; single?: string } | undefined {
  if (!filename.startsWith(ARTICLES_DIR)) return undefined;
  const rest = filename.slice(ARTICLES_DIR.length);
  const slash = rest.indexOf('/');
  if (slash === -1)
    return /\.mdx?$/.test(rest) ? { key: rest.replace(/\.mdx?$/, ''), single: filename } : undefined;
  return { key: rest.slice(0, slash) };
}

interface ReviewFacts {
  reviewer?: string;
  draft: boolean;
}

/** Reads only what the rule needs; the content lint reports everything else about the file. */
function reviewFacts(text: string): ReviewFacts | string {
  const split = splitFrontmatter(text);
  if (!split) return 'has no frontmatter';
  let data: unknown;
  try {
    data = parseYaml(split.yaml);
  } catch {
    return 'has frontmatter that is not valid YAML';
  }
  if (typeof data !== 'object' || data === null) return 'has empty frontmatter';
  const { reviewer, draft } = data as { reviewer?: unknown; draft?: unknown };
  return {
    ...(typeof reviewer === 'string' ? { reviewer } : {}),
    draft: draft === true,
  };
}

const short = (sha: string) => sha.slice(0, 7);

function reviewState(
  article: string,
  reviewer: string,
  login: string,
  input: DecisionInput,
): Pick<Requirement, 'state' | 'detail'> {
  if (login.toLowerCase() === input.author.toLowerCase()) {
    return {
      state: 'reviewer-is-pr-author',
      detail: `@${login} (${reviewer}) opened this pull request, and GitHub does not let anyone approve their own: ask another editor to open it, or name a different reviewer.`,
    };
  }
  // Comments neither grant nor withdraw approval; the latest decisive review counts.
  const decisive = input.reviews.filter(
    (r) =>
      r.user?.login.toLowerCase() === login.toLowerCase() &&
      (r.state === 'APPROVED' || r.state === 'CHANGES_REQUESTED' || r.state === 'DISMISSED'),
  );
  const latest = decisive.at(-1);
  if (!latest) {
    return {
      state: 'awaiting-review',
      detail: `waiting for @${login} (${reviewer}, the reviewer named in ${article}) to approve.`,
    };
  }
  if (latest.state === 'CHANGES_REQUESTED') {
    return {
      state: 'changes-requested',
      detail: `@${login} (${reviewer}) requested changes: address them, push, and ask for a new review.`,
    };
  }
  if (latest.state === 'DISMISSED') {
    return {
      state: 'dismissed',
      detail: `@${login}'s review was dismissed: ask ${reviewer} to review ${short(input.headSha)} again.`,
    };
  }
  if (latest.commit_id !== input.headSha) {
    return {
      state: 'stale-approval',
      detail: `@${login} (${reviewer}) approved ${short(latest.commit_id)}, but the pull request has changed since (now ${short(input.headSha)}): ask for a new review of the latest commit.`,
    };
  }
  return { state: 'approved', detail: `approved by @${login} (${reviewer}) at ${short(input.headSha)}.` };
}

function requirementFor(change: ArticleChange, input: DecisionInput): Requirement | Exemption {
  const article = change.path;
  if (change.head === undefined) return { article, reason: 'removed' };
  const facts = reviewFacts(change.head);
  if (typeof facts === 'string') {
    return {
      article,
      state: 'unreadable',
      detail: `${article} ${facts}: fix it (npm run lint:content shows how) so its reviewer can be found.`,
    };
  }
  if (facts.draft) return { article, reason: 'draft: true (drafts are reviewed before they are published)' };
  if (change.base !== undefined && change.companions.length === 0) {
    const before = reviewFacts(change.base);
    // Publishing a draft is never a typo fix, whatever the diff looks like.
    const wasPublished = typeof before !== 'string' && !before.draft;
    const classify = input.classify ?? everyChangeIsSubstantive;
    if (wasPublished && change.base === change.head)
      return { article, reason: 'text unchanged (renamed only)' };
    if (wasPublished && classify(change.base, change.head, article) === 'typo') {
      return { article, reason: 'typo-only change (as check:changes classifies it)' };
    }
  }
  const reviewer = facts.reviewer;
  if (!reviewer) {
    return {
      article,
      state: 'unreadable',
      detail: `${article} names no reviewer: set \`reviewer:\` to the person id of its technical reviewer.`,
    };
  }
  if (!input.masthead.github.has(reviewer)) {
    return {
      article,
      reviewer,
      state: 'not-on-masthead',
      detail: `"${reviewer}" is not on the masthead of the base branch (no content/people/${reviewer}.yaml there): add the person in a separate pull request first, or name someone who is.`,
    };
  }
  const login = input.masthead.github.get(reviewer);
  if (!login) {
    return {
      article,
      reviewer,
      state: 'no-github-handle',
      detail: `${reviewer} has no GitHub account on file: add \`github: <their user name>\` to content/people/${reviewer}.yaml (a separate pull request, approved by the editor-in-chief).`,
    };
  }
  return { article, reviewer, github: login, ...reviewState(article, reviewer, login, input) };
}

function describe(requirements: Requirement[], exemptions: Exemption[]): string {
  const open = requirements.filter((r) => r.state !== 'approved');
  let text: string;
  if (requirements.length === 0) {
    text = exemptions.length
      ? `No review needed: ${exemptions.length} changed article${exemptions.length === 1 ? ' is' : 's are'} draft, typo-only or removed`
      : 'No article changed';
  } else if (open.length === 0) {
    const logins = [...new Set(requirements.map((r) => `@${r.github}`))];
    text = `Approved by ${logins.join(', ')}`;
  } else {
    const first = open[0]!;
    const name = first.github ? `@${first.github}` : (first.reviewer ?? first.article);
    const what: Record<RequirementState, string> = {
      approved: 'approved',
      'awaiting-review': `Waiting for ${name}'s approval`,
      'stale-approval': `${name} approved an earlier commit; re-review needed`,
      'changes-requested': `${name} requested changes`,
      dismissed: `${name}'s review was dismissed`,
      'no-github-handle': `${name} has no github handle in content/people`,
      'not-on-masthead': `Reviewer "${name}" is not on the masthead`,
      'reviewer-is-pr-author': `${name} cannot approve their own pull request`,
      unreadable: `Cannot read the reviewer of ${first.article}`,
    };
    text = what[first.state] + (open.length > 1 ? ` (+${open.length - 1} more)` : '');
  }
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

const AWAITING: ReadonlySet<RequirementState> = new Set(['awaiting-review', 'stale-approval']);

export function decideTechnicalReview(input: DecisionInput): Decision {
  const requirements: Requirement[] = [];
  const exemptions: Exemption[] = [];
  for (const change of input.articles) {
    const outcome = requirementFor(change, input);
    if ('reason' in outcome) exemptions.push(outcome);
    else requirements.push(outcome);
  }
  const open = requirements.filter((r) => r.state !== 'approved');
  const state =
    open.length === 0 ? 'success' : open.every((r) => AWAITING.has(r.state)) ? 'pending' : 'failure';
  const toRequest = [
    ...new Set(
      open
        .filter((r) => r.github && ['awaiting-review', 'stale-approval', 'dismissed'].includes(r.state))
        .map((r) => r.github!),
    ),
  ];
  return { state, description: describe(requirements, exemptions), requirements, exemptions, toRequest };
}

/** The job summary: one row per changed article, so the editor sees who still has to approve. */
export function decisionMarkdown(decision: Decision, headSha: string): string {
  const icon = { success: '✅', pending: '⏳', failure: '❌' }[decision.state];
  const lines = [
    `### ${icon} ${STATUS_CONTEXT}: ${decision.description}`,
    '',
    `Head commit: \`${short(headSha)}\``,
    '',
  ];
  if (decision.requirements.length) {
    lines.push('| article | reviewer | state |', '| --- | --- | --- |');
    for (const r of decision.requirements) {
      const who = r.reviewer ? `${r.reviewer}${r.github ? ` (@${r.github})` : ''}` : '—';
      lines.push(`| \`${r.article}\` | ${who} | ${r.detail.replace(/\|/g, '\\|')} |`);
    }
    lines.push('');
  }
  if (decision.exemptions.length) {
    lines.push('No review needed:', '');
    for (const e of decision.exemptions) lines.push(`- \`${e.article}\`: ${e.reason}`);
    lines.push('');
  }
  return lines.join('\n');
}
