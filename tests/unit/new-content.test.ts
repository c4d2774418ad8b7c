/**
 * `npm run new` as an editor runs it outside a terminal (flags only): each kind writes a file
 * the content lint judges exactly as promised, on a throw-away copy of the valid fixture tree.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorsIn } from '../../src/lib/content-lint/index.ts';
import { validTree, type ContentTree } from './helpers/content-tree.ts';

const PROJECT = resolve(import.meta.dirname, '../..');
const NODE = resolve(PROJECT, 'node_modules/.bin/node');
const SCRIPT = resolve(PROJECT, 'scripts/new.ts');
const today = () => new Date().toISOString().slice(0, 10);

function run(tree: ContentTree, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      NODE,
      [SCRIPT, ...args],
      { cwd: tree.root, env: { ...process.env, MLSR_CONTENT_ROOT: tree.content, CI: '' } },
      (error, stdout, stderr) => {
        done({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

async function errors(tree: ContentTree) {
  return errorsIn((await tree.lint()).problems).map(
    (p) => `${p.file}:${p.line ?? ''} ${p.field}: ${p.message}`,
  );
}

describe('npm run new -- article', () => {
  it('starts a draft whose only problem is the reviewer placeholder, named by the lint', async () => {
    const tree = await validTree();
    const result = await run(tree, ['article', 'cache-tiers', '--beat', 'mlops', '--author', 'ben-sato']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('wrote content/articles/cache-tiers.mdx (draft: true)');
    const text = await tree.read('articles/cache-tiers.mdx');
    expect(text).toContain('draft: true');
    expect(text).toContain(`published: ${today()}`);
    expect(await errors(tree)).toEqual([
      'content/articles/cache-tiers.mdx:6 reviewer: "choose-a-reviewer" is not on the masthead: no content/people/choose-a-reviewer.yaml. Use one of: ada-okafor, ben-sato, chen-li.',
    ]);
  });

  it('passes the lint once the reviewer is named', async () => {
    const tree = await validTree();
    await run(tree, ['article', 'cache-tiers', '--beat', 'mlops', '--author', 'ben-sato']);
    await tree.edit(
      'articles/cache-tiers.mdx',
      /reviewer: .*/.exec(await tree.read('articles/cache-tiers.mdx'))![0],
      'reviewer: chen-li',
    );
    expect(await errors(tree)).toEqual([]);
  });

  it('starts a folder article at <slug>/index.mdx', async () => {
    const tree = await validTree();
    const result = await run(tree, [
      'article',
      'gpu-costs',
      '--folder',
      '--beat',
      'architecture',
      '--author',
      'ada-okafor',
      '--reviewer',
      'chen-li',
    ]);
    expect(result.code).toBe(0);
    expect(await tree.read('articles/gpu-costs/index.mdx')).toContain('reviewer: chen-li');
    expect(await errors(tree)).toEqual([]);
  });

  it("gives a post-mortem its contract's sections, in order", async () => {
    const tree = await validTree();
    await run(tree, [
      'article',
      'outage',
      '--beat',
      'postmortems',
      '--author',
      'ben-sato',
      '--reviewer',
      'chen-li',
    ]);
    const headings = (await tree.read('articles/outage.mdx')).match(/^## .*$/gm);
    expect(headings).toEqual([
      '## Timeline',
      '## Impact',
      '## Detection',
      '## Root cause',
      '## Contributing factors',
      '## What changed afterwards',
    ]);
    expect(await errors(tree)).toEqual([]);
  });

  it('gives a benchmark piece its methodology block; the lint then asks only for the results', async () => {
    const tree = await validTree();
    await run(tree, [
      'article',
      'batching',
      '--beat',
      'benchmarks',
      '--author',
      'ben-sato',
      '--reviewer',
      'chen-li',
      '--title',
      'Batching, measured',
    ]);
    const text = await tree.read('articles/batching.mdx');
    expect(text).toMatch(/\nmethodology:\n {2}workload: /);
    expect(text).toContain('title: "Batching, measured"');
    expect(await errors(tree)).toEqual([
      expect.stringMatching(
        /^content\/articles\/batching\.mdx:\d+ results: benchmark pieces must publish what they measured/,
      ),
    ]);
  });

  it('writes co-authors as a list and refuses a reviewer who is one of them', async () => {
    const tree = await validTree();
    const bad = await run(tree, [
      'article',
      'x',
      '--beat',
      'mlops',
      '--author',
      'ada-okafor,ben-sato',
      '--reviewer',
      'ben-sato',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('the reviewer must be someone other than the authors.');
    await run(tree, [
      'article',
      'x',
      '--beat',
      'mlops',
      '--author',
      'ada-okafor,ben-sato',
      '--reviewer',
      'chen-li',
    ]);
    expect(await tree.read('articles/x.mdx')).toContain('author: [ada-okafor, ben-sato]');
    expect(await errors(tree)).toEqual([]);
  });

  it('refuses a taken slug, a bad slug, an unknown beat or person, and missing flags', async () => {
    const tree = await validTree();
    const cases: [string[], string][] = [
      [
        ['article', 'feature-store-latency', '--beat', 'mlops', '--author', 'ben-sato'],
        'content/articles/feature-store-latency.mdx already exists',
      ],
      [['article', 'Bad_Slug', '--beat', 'mlops', '--author', 'ben-sato'], '"Bad_Slug" is not a slug'],
      [
        ['article', 'ok', '--beat', 'opinion', '--author', 'ben-sato'],
        '--beat must be one of architecture, benchmarks, mlops, postmortems',
      ],
      [
        ['article', 'ok', '--beat', 'mlops', '--author', 'nobody'],
        '--author "nobody" is not on the masthead',
      ],
      [['article', 'ok', '--author', 'ben-sato'], 'missing --beat'],
      [[], 'missing --kind'],
      [['poem'], '"poem" is not something npm run new makes'],
    ];
    for (const [args, message] of cases) {
      const result = await run(tree, args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toContain(message);
    }
  });

  it('keeps `npm run new:article` as an alias', () => {
    const scripts = (
      JSON.parse(readFileSync(resolve(PROJECT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts['new:article']).toBe(`${scripts.new} article`);
  });
});

describe('npm run new -- issue', () => {
  it('takes the next number and lists what was published since the last issue', async () => {
    const tree = await validTree();
    await tree.edit('newsletter/2.md', 'date: 2025-05-25', 'date: 2025-05-01');
    const result = await run(tree, ['issue', '--date', '2025-06-01', '--title', 'Batches, again']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'wrote content/newsletter/3.md: issue 3, dated 2025-06-01, listing 1 article',
    );
    const text = await tree.read('newsletter/3.md');
    expect(text).toContain('number: 3\ntitle: "Batches, again"\ndate: 2025-06-01');
    expect(text).toMatch(/- \[.+\]\(\/articles\/gpu-inference-benchmark\/\)/);
    expect(await errors(tree)).toEqual([]);
  });

  it('dates the issue today by default', async () => {
    const tree = await validTree();
    await run(tree, ['issue']);
    expect(await tree.read('newsletter/3.md')).toContain(`date: ${today()}`);
    expect(await errors(tree)).toEqual([]);
  });
});

describe('npm run new -- correction', () => {
  const file = 'articles/feature-store-latency.mdx';

  it("logs today's correction and marks the corrected words", async () => {
    const tree = await validTree();
    const result = await run(tree, [
      'correction',
      'feature-store-latency',
      '--summary',
      'The hit rate applies to reads only, not writes.',
      '--mark',
      'on its production\nworkload',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const text = await tree.read(file);
    expect(text).toContain(
      `  - date: ${today()}\n    summary: "The hit rate applies to reads only, not writes."\n---`,
    );
    expect(text).toContain(`<Correction date="${today()}">on its production\nworkload</Correction>`);
    // Nothing else changed: the earlier entry and mark are intact.
    expect(text).toContain('<Correction date="2025-04-02">cache hit rate of 82 percent</Correction>');
    expect(await errors(tree)).toEqual([]);
  });

  it('without --mark, says what to place, and the lint fails until it is placed', async () => {
    const tree = await validTree();
    const result = await run(tree, [
      'correction',
      'feature-store-latency',
      '--summary',
      'The p99 read latency was 12 ms, not 21 ms.',
    ]);
    expect(result.stdout).toContain(`<Correction date="${today()}">the corrected words</Correction>`);
    expect(await errors(tree)).toEqual([
      `content/articles/feature-store-latency.mdx:31 corrections[1]: ${today()} has no inline mark. Wrap the changed words in <Correction date="${today()}">…</Correction>.`,
    ]);
  });

  it('starts the log on an article that has none', async () => {
    const tree = await validTree();
    const result = await run(tree, [
      'correction',
      'gpu-inference-benchmark',
      '--summary',
      'The batch-32 figure is per GPU, not per node.',
      '--mark',
      'flattened after that',
      '--date',
      '2025-06-02',
    ]);
    expect(result.stderr).toBe('');
    const text = await tree.read('articles/gpu-inference-benchmark/index.mdx');
    expect(text).toMatch(
      /\ncorrections:\n {2}- date: 2025-06-02\n {4}summary: "The batch-32 figure is per GPU, not per node."\n---/,
    );
    expect(await errors(tree)).toEqual([]);
  });

  it('refuses what would break a rule, and changes nothing', async () => {
    const tree = await validTree();
    const before = await tree.read(file);
    const cases: [string[], string][] = [
      [['correction', 'no-such-piece', '--summary', 'Something changed here.'], 'no article "no-such-piece"'],
      [
        ['correction', 'drift-monitoring', '--summary', 'Something changed here.'],
        'inline <Correction> marks need MDX',
      ],
      [
        ['correction', 'feature-store-latency', '--summary', 'Same day twice.', '--date', '2025-04-02'],
        'already has a correction dated 2025-04-02',
      ],
      [
        ['correction', 'feature-store-latency', '--summary', 'Before publication.', '--date', '2025-01-01'],
        'is before the article was published',
      ],
      [
        [
          'correction',
          'feature-store-latency',
          '--summary',
          'Not there at all.',
          '--mark',
          'words that are absent',
        ],
        'are not in the text',
      ],
      [['correction', 'feature-store-latency', '--summary', 'Too many matches.', '--mark', 'the'], 'occurs'],
      [
        ['correction', 'feature-store-latency', '--summary', 'Bad date.', '--date', '2025-13-01'],
        '--date must be written as YYYY-MM-DD',
      ],
      [['correction', 'feature-store-latency'], 'missing --summary'],
    ];
    for (const [args, message] of cases) {
      const result = await run(tree, args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toContain(message);
    }
    expect(await tree.read(file)).toBe(before);
  });
});
