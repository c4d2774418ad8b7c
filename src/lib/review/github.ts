/**
 * The GitHub side of the technical-review rule: reads a pull request's head, files, reviews and
 * changed articles through the REST API (never by checking out the contributed code), and
 * reports back. Everything goes through a small `GitHubApi` so the tests can replay recorded
 * API payloads.
 */
import {
  articleKeyOf,
  type ArticleChange,
  type Decision,
  type PullRequestFile,
  type PullRequestReview,
  STATUS_CONTEXT,
} from './technical-review.ts';

export interface ApiResponse {
  status: number;
  /** Parsed JSON, or the raw text for `raw` requests. */
  body: unknown;
}

export interface GitHubApi {
  request(
    method: 'GET' | 'POST',
    path: string,
    options?: { body?: unknown; raw?: boolean },
  ): Promise<ApiResponse>;
}

/** `GET /repos/{owner}/{repo}/pulls/{number}` (the fields we read). */
export interface PullRequest {
  number: number;
  user: { login: string };
  head: { sha: string };
  base: { sha: string };
}

export class GitHubApiError extends Error {}

/** The REST API over fetch, authenticated with the workflow's token. */
export function fetchApi(token: string, baseUrl = 'https://api.github.com'): GitHubApi {
  return {
    async request(method, path, options = {}) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: options.raw ? 'application/vnd.github.raw+json' : 'application/vnd.github+json',
          'x-github-api-version': '2022-11-28',
          'user-agent': 'mlsr-technical-review',
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
      const text = await response.text();
      let body: unknown = text;
      if (!options.raw && text) {
        try {
          body = JSON.parse(text);
        } catch {
          // Keep the text: error pages are not always JSON.
        }
      }
      return { status: response.status, body };
    },
  };
}

async function getJson<T>(api: GitHubApi, path: string): Promise<T> {
  const { status, body } = await api.request('GET', path);
  if (status !== 200) throw new GitHubApiError(`GET ${path} answered ${status}: ${JSON.stringify(body)}`);
  return body as T;
}

/** Every page of a list endpoint (100 per page; GitHub caps a pull request's files at 3,000). */
async function getAll<T>(api: GitHubApi, path: string): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const items = await getJson<T[]>(api, `${path}?per_page=100&page=${page}`);
    all.push(...items);
    if (items.length < 100) return all;
  }
}

/** A file's text at a commit, or undefined when it does not exist there. */
async function fileAt(api: GitHubApi, repo: string, path: string, ref: string): Promise<string | undefined> {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  const { status, body } = await api.request('GET', `/repos/${repo}/contents/${encoded}?ref=${ref}`, {
    raw: true,
  });
  if (status === 404) return undefined;
  if (status !== 200) throw new GitHubApiError(`GET contents of ${path} at ${ref} answered ${status}`);
  return String(body);
}

/** A folder article's own file: `index.mdx`, else `index.md`. */
async function folderIndexAt(api: GitHubApi, repo: string, key: string, ref: string) {
  for (const name of ['index.mdx', 'index.md']) {
    const path = `content/articles/${key}/${name}`;
    const text = await fileAt(api, repo, path, ref);
    if (text !== undefined) return { path, text };
  }
  return undefined;
}

export interface PullRequestFacts {
  pull: PullRequest;
  files: PullRequestFile[];
  reviews: PullRequestReview[];
  articles: ArticleChange[];
}

/** Everything the decision needs about one pull request, read from the API. */
export async function readPullRequest(
  api: GitHubApi,
  repo: string,
  number: number,
): Promise<PullRequestFacts> {
  const pull = await getJson<PullRequest>(api, `/repos/${repo}/pulls/${number}`);
  const files = await getAll<PullRequestFile>(api, `/repos/${repo}/pulls/${number}/files`);
  const reviews = await getAll<PullRequestReview>(api, `/repos/${repo}/pulls/${number}/reviews`);

  // Group changed files by the article they belong to.
  const groups = new Map<string, { single?: PullRequestFile; companions: PullRequestFile[] }>();
  for (const file of files) {
    const owner = articleKeyOf(file.filename);
    if (!owner) continue;
    const group = groups.get(owner.key) ?? { companions: [] };
    if (owner.single) group.single = file;
    else group.companions.push(file);
    groups.set(owner.key, group);
  }

  const articles: ArticleChange[] = [];
  for (const [key, group] of groups) {
    if (group.single) {
      const file = group.single;
      const head =
        file.status === 'removed' ? undefined : await fileAt(api, repo, file.filename, pull.head.sha);
      const basePath = file.previous_filename ?? file.filename;
      const base = file.status === 'added' ? undefined : await fileAt(api, repo, basePath, pull.base.sha);
      articles.push({
        path: file.filename,
        ...(head === undefined ? {} : { head }),
        ...(base === undefined ? {} : { base }),
        companions: [],
      });
      continue;
    }
    const head = await folderIndexAt(api, repo, key, pull.head.sha);
    const base = await folderIndexAt(api, repo, key, pull.base.sha);
    const index = group.companions.find(
      (f) => /\/index\.mdx?$/.test(f.filename) && f.filename.split('/').length === 4,
    );
    articles.push({
      path: head?.path ?? base?.path ?? `content/articles/${key}/`,
      ...(head ? { head: head.text } : {}),
      ...(base ? { base: base.text } : {}),
      companions: group.companions.filter((f) => f !== index).map((f) => f.filename),
    });
  }
  return { pull, files, reviews, articles };
}

/**
 * The pull request whose head is `owner:branch` (a `workflow_run` event carries the head, and
 * for pull requests from forks no pull-request number).
 */
export async function findPullRequestByHead(
  api: GitHubApi,
  repo: string,
  headOwner: string,
  headBranch: string,
  headSha: string,
): Promise<number | undefined> {
  const open = await getJson<PullRequest[]>(
    api,
    `/repos/${repo}/pulls?state=open&head=${encodeURIComponent(`${headOwner}:${headBranch}`)}`,
  );
  return open.find((p) => p.head.sha === headSha)?.number ?? open[0]?.number;
}

export interface ReportOutcome {
  requested: string[];
  /** Logins GitHub refused to request (not collaborators, already reviewed…), with why. */
  notRequested: { login: string; why: string }[];
}

/** Requests the missing reviews and sets the "technical review" status on the head commit. */
export async function report(
  api: GitHubApi,
  repo: string,
  pull: PullRequest,
  decision: Decision,
  targetUrl?: string,
): Promise<ReportOutcome> {
  const outcome: ReportOutcome = { requested: [], notRequested: [] };
  if (decision.toRequest.length) {
    const { status, body } = await api.request(
      'POST',
      `/repos/${repo}/pulls/${pull.number}/requested_reviewers`,
      {
        body: { reviewers: decision.toRequest },
      },
    );
    if (status === 201) outcome.requested.push(...decision.toRequest);
    else {
      // 422: not a collaborator, or the pull request's author. The status still says who must approve.
      const why = (body as { message?: string } | undefined)?.message ?? `HTTP ${status}`;
      outcome.notRequested.push(...decision.toRequest.map((login) => ({ login, why })));
    }
  }
  const { status, body } = await api.request('POST', `/repos/${repo}/statuses/${pull.head.sha}`, {
    body: {
      state: decision.state,
      context: STATUS_CONTEXT,
      description: decision.description,
      ...(targetUrl ? { target_url: targetUrl } : {}),
    },
  });
  if (status !== 201)
    throw new GitHubApiError(
      `setting the "${STATUS_CONTEXT}" status answered ${status}: ${JSON.stringify(body)}`,
    );
  return outcome;
}
