/**
 * npm run review:technical -- [--pr N] [--dry-run]
 *
 * Decides the "technical review" status of a pull request and reports it: requests a review from
 * each changed article's named reviewer and sets the commit status on the head commit. Run by
 * .github/workflows/technical-review.yml from the base branch; it reads the pull request only
 * through the API, never by checking out its code.
 *
 * Environment (set by GitHub Actions): GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL,
 * GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_STEP_SUMMARY, GITHUB_SERVER_URL, GITHUB_RUN_ID.
 * Without --pr the pull request comes from the event (pull_request_target or workflow_run).
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { contentRoot } from '../src/lib/content-root.ts';
import {
  fetchApi,
  findPullRequestByHead,
  readPullRequest,
  report,
  type GitHubApi,
} from '../src/lib/review/github.ts';
import { readMasthead } from '../src/lib/review/masthead.ts';
import { classifyArticleChange } from '../src/lib/changes/compare.ts';
import { decideTechnicalReview, decisionMarkdown } from '../src/lib/review/technical-review.ts';

function fail(message: string): never {
  console.error(`review:technical: ${message}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: { pr: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
});

const env = process.env;
const repo = env.GITHUB_REPOSITORY ?? fail('GITHUB_REPOSITORY is not set (owner/name).');
const token = env.GITHUB_TOKEN ?? fail('GITHUB_TOKEN is not set.');
const api: GitHubApi = fetchApi(token, env.GITHUB_API_URL);

async function pullNumber(): Promise<number | undefined> {
  if (values.pr) {
    const n = Number(values.pr);
    if (!Number.isInteger(n) || n < 1) fail(`--pr must be a pull request number, not "${values.pr}".`);
    return n;
  }
  // The parts of GitHub's event payload this reads (pull_request or workflow_run events).
  interface EventPayload {
    pull_request?: { number?: number };
    workflow_run?: {
      pull_requests?: { number?: number }[];
      head_repository: { owner: { login: string } };
      head_branch: string;
      head_sha: string;
    };
  }
  const event = env.GITHUB_EVENT_PATH
    ? (JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as EventPayload)
    : undefined;
  if (event?.pull_request?.number) return event.pull_request.number;
  const run = event?.workflow_run;
  if (run) {
    // A review on a pull request from a fork carries no pull-request number in workflow_run.
    const known = run.pull_requests?.[0]?.number;
    if (known) return known;
    return findPullRequestByHead(api, repo, run.head_repository.owner.login, run.head_branch, run.head_sha);
  }
  fail('give --pr N, or run from a pull_request_target or workflow_run event.');
}

const number = await pullNumber();
if (number === undefined) {
  console.log('review:technical: no open pull request for this event; nothing to do.');
  process.exit(0);
}

const facts = await readPullRequest(api, repo, number);
const decision = decideTechnicalReview({
  headSha: facts.pull.head.sha,
  author: facts.pull.user.login,
  articles: facts.articles,
  reviews: facts.reviews,
  masthead: await readMasthead(join(contentRoot, 'people')),
  classify: classifyArticleChange,
});

let summary = decisionMarkdown(decision, facts.pull.head.sha);
if (values['dry-run']) {
  console.log(summary);
  process.exit(0);
}
const runUrl =
  env.GITHUB_SERVER_URL && env.GITHUB_RUN_ID
    ? `${env.GITHUB_SERVER_URL}/${repo}/actions/runs/${env.GITHUB_RUN_ID}`
    : undefined;
const outcome = await report(api, repo, facts.pull, decision, runUrl);
if (outcome.requested.length)
  summary += `\nReview requested from ${outcome.requested.map((l) => `@${l}`).join(', ')}.\n`;
for (const { login, why } of outcome.notRequested) {
  summary += `\nCould not request a review from @${login}: ${why}. Add them as a collaborator with write access, or ask them directly.\n`;
}
console.log(summary);
if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${summary}\n`);
