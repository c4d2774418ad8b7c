/**
 * The "technical review" rule on recorded GitHub API payloads (tests/fixtures/github-review):
 * each fixture replays the pull request, its files, its reviews and the changed articles'
 * text exactly as the REST API returns them, and the script must reach the right verdict.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPullRequest, report, type ApiResponse, type GitHubApi } from '../../src/lib/review/github.ts';
import { readMasthead } from '../../src/lib/review/masthead.ts';
import {
  articleKeyOf,
  decideTechnicalReview,
  decisionMarkdown,
  type ClassifyChange,
  type Masthead,
} from '../../src/lib/review/technical-review.ts';

interface Recording {
  description: string;
  repository: string;
  pull: number;
  interactions: { method: string; path: string; status: number; response: unknown }[];
}

/** Replays a recording; any request it does not hold fails the test. POSTs are recorded. */
function replay(name: string, postStatus: Record<string, ApiResponse> = {}) {
  const recording = JSON.parse(
    readFileSync(`tests/fixtures/github-review/${name}.json`, 'utf8'),
  ) as Recording;
  const posts: { path: string; body: unknown }[] = [];
  const api: GitHubApi = {
    async request(method, path, options = {}) {
      if (method === 'POST') {
        posts.push({ path, body: options.body });
        const canned = Object.entries(postStatus).find(([suffix]) => path.endsWith(suffix));
        return canned ? canned[1] : { status: 201, body: {} };
      }
      const hit = recording.interactions.find((i) => i.method === method && i.path === path);
      if (!hit) throw new Error(`${name}: no recorded response for ${method} ${path}`);
      return { status: hit.status, body: hit.response };
    },
  };
  return { api, posts, recording };
}

const fixtureMasthead = await readMasthead('tests/fixtures/valid/people');

async function decide(name: string, options: { masthead?: Masthead; classify?: ClassifyChange } = {}) {
  const { api, recording } = replay(name);
  const facts = await readPullRequest(api, recording.repository, recording.pull);
  return {
    facts,
    decision: decideTechnicalReview({
      headSha: facts.pull.head.sha,
      author: facts.pull.user.login,
      articles: facts.articles,
      reviews: facts.reviews,
      masthead: options.masthead ?? fixtureMasthead,
      ...(options.classify ? { classify: options.classify } : {}),
    }),
  };
}

describe('the masthead the rule reads', () => {
  it('maps person ids to GitHub logins from the people files', () => {
    expect(fixtureMasthead.github.get('chen-li')).toBe('chen-li-example');
    expect([...fixtureMasthead.github.keys()]).toEqual(['ada-okafor', 'ben-sato', 'chen-li']);
  });

  it('names the people file it cannot read', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'mlsr-people-'));
    writeFileSync(join(dir, 'broken.yaml'), 'name: [unclosed\n');
    await expect(readMasthead(dir)).rejects.toThrow(`${join(dir, 'broken.yaml')}: not valid YAML`);
  });
});

describe('technical review on recorded pull requests', () => {
  it('passes when the named reviewer approved the head commit', async () => {
    const { decision } = await decide('approved-by-reviewer');
    expect(decision.state).toBe('success');
    expect(decision.description).toBe('Approved by @chen-li-example');
    expect(decision.requirements).toMatchObject([
      { article: 'content/articles/feature-store-latency.mdx', reviewer: 'chen-li', state: 'approved' },
    ]);
    expect(decision.toRequest).toEqual([]);
  });

  it('reads an article saved with a byte-order mark like any other (the content lint accepts it)', async () => {
    const { api, recording } = replay('approved-by-reviewer');
    const facts = await readPullRequest(api, recording.repository, recording.pull);
    const decision = decideTechnicalReview({
      headSha: facts.pull.head.sha,
      author: facts.pull.user.login,
      articles: facts.articles.map((article) =>
        article.head === undefined ? article : { ...article, head: `\uFEFF${article.head}` },
      ),
      reviews: facts.reviews,
      masthead: fixtureMasthead,
    });
    expect(decision.state).toBe('success');
    expect(decision.requirements).toMatchObject([{ reviewer: 'chen-li', state: 'approved' }]);
  });

  it("does not count someone else's approval, and asks the named reviewer", async () => {
    const { decision } = await decide('approved-by-someone-else');
    expect(decision.state).toBe('pending');
    expect(decision.description).toBe("Waiting for @chen-li-example's approval");
    expect(decision.requirements[0]!.state).toBe('awaiting-review');
    expect(decision.toRequest).toEqual(['chen-li-example']);
  });

  it('treats an approval of an earlier commit as stale after a new push', async () => {
    const { decision } = await decide('stale-approval');
    expect(decision.state).toBe('pending');
    expect(decision.requirements[0]).toMatchObject({ state: 'stale-approval' });
    expect(decision.requirements[0]!.detail).toBe(
      '@chen-li-example (chen-li) approved 3b4c5d6, but the pull request has changed since (now 9e8d7c6): ask for a new review of the latest commit.',
    );
    expect(decision.toRequest).toEqual(['chen-li-example']);
  });

  it('lets a later approval at the head override an earlier request for changes', async () => {
    expect((await decide('changes-requested-then-approved')).decision.state).toBe('success');
  });

  it('needs no review for a draft', async () => {
    const { decision } = await decide('draft');
    expect(decision.state).toBe('success');
    expect(decision.requirements).toEqual([]);
    expect(decision.exemptions).toEqual([
      {
        article: 'content/articles/gpu-serving-notes.mdx',
        reason: 'draft: true (drafts are reviewed before they are published)',
      },
    ]);
    expect(decision.description).toBe('No review needed: 1 changed article is draft, typo-only or removed');
  });

  it("does not let a co-author's approval stand in for the reviewer's", async () => {
    const { decision } = await decide('co-authored-approved-by-co-author');
    expect(decision.state).toBe('pending');
    expect(decision.requirements).toMatchObject([
      { article: 'content/articles/shared-embeddings.mdx', reviewer: 'chen-li', state: 'awaiting-review' },
    ]);
  });

  it('passes a co-authored piece once its named reviewer approves', async () => {
    expect((await decide('co-authored-approved-by-reviewer')).decision.state).toBe('success');
  });

  it("holds a folder article's figure change to its reviewer, and never calls it typo-only", async () => {
    const typo: ClassifyChange = () => 'typo';
    const { decision, facts } = await decide('folder-article-figure', { classify: typo });
    expect(facts.articles).toEqual([
      expect.objectContaining({
        path: 'content/articles/latency-budget/index.mdx',
        companions: ['content/articles/latency-budget/latency.svg'],
      }),
    ]);
    expect(decision.state).toBe('pending');
    expect(decision.requirements[0]).toMatchObject({ reviewer: 'chen-li', state: 'awaiting-review' });
  });

  it('needs no review for a typo-only change, as the change classifier says', async () => {
    const seen: string[] = [];
    const typo: ClassifyChange = (before, after, path) => {
      seen.push(path);
      expect(before).not.toBe(after);
      return 'typo';
    };
    const { decision } = await decide('approved-by-someone-else', { classify: typo });
    expect(seen).toEqual(['content/articles/feature-store-latency.mdx']);
    expect(decision.state).toBe('success');
    expect(decision.exemptions[0]!.reason).toMatch(/typo-only/);
  });

  it('counts every edit as substantive when no classifier is given', async () => {
    expect((await decide('approved-by-someone-else')).decision.state).toBe('pending');
  });

  it('passes a pull request that changes no article', async () => {
    const { decision } = await decide('no-article');
    expect(decision).toMatchObject({ state: 'success', description: 'No article changed', requirements: [] });
  });

  it('fails, with the fix, when the reviewer has no GitHub account on file', async () => {
    const masthead: Masthead = { github: new Map([...fixtureMasthead.github, ['chen-li', undefined]]) };
    const { decision } = await decide('approved-by-reviewer', { masthead });
    expect(decision.state).toBe('failure');
    expect(decision.requirements[0]!.detail).toBe(
      'chen-li has no GitHub account on file: add `github: <their user name>` to content/people/chen-li.yaml (a separate pull request, approved by the editor-in-chief).',
    );
    expect(decision.toRequest).toEqual([]);
  });

  it('fails when the reviewer is not on the base branch masthead', async () => {
    const masthead: Masthead = { github: new Map([['ben-sato', 'ben-sato-example']]) };
    const { decision } = await decide('approved-by-reviewer', { masthead });
    expect(decision.state).toBe('failure');
    expect(decision.requirements[0]!.state).toBe('not-on-masthead');
  });

  it('fails when the named reviewer opened the pull request (GitHub forbids self-approval)', async () => {
    const { decision } = await decide('reviewer-opened-the-pull-request');
    expect(decision.state).toBe('failure');
    expect(decision.requirements[0]!.state).toBe('reviewer-is-pr-author');
    expect(decision.toRequest).toEqual([]);
  });
});

describe('reporting back to GitHub', () => {
  it('requests the missing review and sets the status on the head commit', async () => {
    const { api, posts, recording } = replay('stale-approval');
    const facts = await readPullRequest(api, recording.repository, recording.pull);
    const decision = decideTechnicalReview({
      headSha: facts.pull.head.sha,
      author: facts.pull.user.login,
      articles: facts.articles,
      reviews: facts.reviews,
      masthead: fixtureMasthead,
    });
    const outcome = await report(
      api,
      recording.repository,
      facts.pull,
      decision,
      'https://example.com/run/1',
    );
    expect(outcome).toEqual({ requested: ['chen-li-example'], notRequested: [] });
    expect(posts).toEqual([
      {
        path: '/repos/mlsystemsreview/site/pulls/43/requested_reviewers',
        body: { reviewers: ['chen-li-example'] },
      },
      {
        path: '/repos/mlsystemsreview/site/statuses/9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d',
        body: {
          state: 'pending',
          context: 'technical review',
          description: '@chen-li-example approved an earlier commit; re-review needed',
          target_url: 'https://example.com/run/1',
        },
      },
    ]);
  });

  it('still sets the status when GitHub refuses the review request', async () => {
    const { api, posts, recording } = replay('approved-by-someone-else', {
      '/requested_reviewers': {
        status: 422,
        body: { message: 'Reviews may only be requested from collaborators.' },
      },
    });
    const facts = await readPullRequest(api, recording.repository, recording.pull);
    const decision = decideTechnicalReview({
      headSha: facts.pull.head.sha,
      author: facts.pull.user.login,
      articles: facts.articles,
      reviews: facts.reviews,
      masthead: fixtureMasthead,
    });
    const outcome = await report(api, recording.repository, facts.pull, decision);
    expect(outcome.notRequested).toEqual([
      { login: 'chen-li-example', why: 'Reviews may only be requested from collaborators.' },
    ]);
    expect(posts.at(-1)!.body).toMatchObject({ state: 'pending', context: 'technical review' });
  });

  it('writes a summary row per article with what is missing', async () => {
    const { decision, facts } = await decide('co-authored-approved-by-co-author');
    const markdown = decisionMarkdown(decision, facts.pull.head.sha);
    expect(markdown).toContain("### ⏳ technical review: Waiting for @chen-li-example's approval");
    expect(markdown).toContain('| `content/articles/shared-embeddings.mdx` | chen-li (@chen-li-example) |');
  });
});

describe('articleKeyOf', () => {
  it.each([
    ['content/articles/x.mdx', { key: 'x', single: 'content/articles/x.mdx' }],
    ['content/articles/x.md', { key: 'x', single: 'content/articles/x.md' }],
    ['content/articles/x/index.mdx', { key: 'x' }],
    ['content/articles/x/figures/a.svg', { key: 'x' }],
    ['content/articles/README.txt', undefined],
    ['content/newsletter/3.md', undefined],
    ['src/lib/urls.ts', undefined],
  ])('%s', (path, expected) => {
    expect(articleKeyOf(path)).toEqual(expected);
  });
});

describe('scripts/technical-review.ts against a replaying API server', () => {
  async function serve(name: string) {
    const { createServer } = await import('node:http');
    const recording = JSON.parse(
      readFileSync(`tests/fixtures/github-review/${name}.json`, 'utf8'),
    ) as Recording;
    const posts: { path: string; body: unknown; auth: string | undefined }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        if (req.method === 'POST') {
          posts.push({ path: req.url!, body: JSON.parse(body), auth: req.headers.authorization });
          res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
          return;
        }
        const hit = recording.interactions.find((i) => i.method === req.method && i.path === req.url);
        if (!hit) {
          res.writeHead(599).end(`unrecorded ${req.method} ${req.url}`);
          return;
        }
        const raw = typeof hit.response === 'string';
        res
          .writeHead(hit.status, { 'content-type': raw ? 'text/plain' : 'application/json' })
          .end(raw ? hit.response : JSON.stringify(hit.response));
      });
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const { port } = server.address() as { port: number };
    return { url: `http://127.0.0.1:${port}`, posts, recording, close: () => server.close() };
  }

  /**
   * Runs the script as the workflow does: against the replaying server, with `event` as the
   * webhook payload and a step-summary file (read back as `summary`).
   */
  async function runScript(
    recordingName: string,
    eventName: string,
    event: unknown,
    env: Record<string, string> = {},
  ) {
    const { execFile } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join, resolve } = await import('node:path');
    const api = await serve(recordingName);
    const dir = mkdtempSync(join(tmpdir(), 'mlsr-review-'));
    writeFileSync(join(dir, 'event.json'), JSON.stringify(event));
    writeFileSync(join(dir, 'summary.md'), '');
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((done) =>
      execFile(
        resolve('node_modules/.bin/node'),
        [resolve('scripts/technical-review.ts')],
        {
          env: {
            ...process.env,
            GITHUB_TOKEN: 'test-token',
            GITHUB_REPOSITORY: api.recording.repository,
            GITHUB_API_URL: api.url,
            GITHUB_EVENT_NAME: eventName,
            GITHUB_EVENT_PATH: join(dir, 'event.json'),
            GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
            MLSR_CONTENT_ROOT: 'tests/fixtures/valid',
            ...env,
          },
        },
        (error, stdout, stderr) => {
          done({ code: error ? Number(error.code) : 0, stdout, stderr });
        },
      ),
    );
    api.close();
    return { ...result, posts: api.posts, summary: readFileSync(join(dir, 'summary.md'), 'utf8') };
  }

  it('reads the pull request named by a pull_request_target event, asks the reviewer and sets the status', async () => {
    const result = await runScript(
      'approved-by-someone-else',
      'pull_request_target',
      { action: 'synchronize', pull_request: { number: 42 } },
      { GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '77' },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.posts).toEqual([
      {
        path: '/repos/mlsystemsreview/site/pulls/42/requested_reviewers',
        body: { reviewers: ['chen-li-example'] },
        auth: 'Bearer test-token',
      },
      {
        path: '/repos/mlsystemsreview/site/statuses/9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d',
        body: {
          state: 'pending',
          context: 'technical review',
          description: "Waiting for @chen-li-example's approval",
          target_url: 'https://github.com/mlsystemsreview/site/actions/runs/77',
        },
        auth: 'Bearer test-token',
      },
    ]);
    expect(result.summary).toContain("technical review: Waiting for @chen-li-example's approval");
    expect(result.summary).toContain('Review requested from @chen-li-example.');
  });

  it("finds a fork's pull request from a workflow_run event (which carries no number) and passes it", async () => {
    const result = await runScript('approved-by-reviewer', 'workflow_run', {
      action: 'completed',
      workflow_run: {
        event: 'pull_request_review',
        head_branch: 'fix-latency-figure',
        head_sha: '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d',
        head_repository: { full_name: 'contributor/site', owner: { login: 'contributor' } },
        pull_requests: [],
      },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.posts.map((p) => [p.path, p.body])).toEqual([
      [
        '/repos/mlsystemsreview/site/statuses/9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d',
        { state: 'success', context: 'technical review', description: 'Approved by @chen-li-example' },
      ],
    ]);
  });
});
