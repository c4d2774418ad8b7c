/**
 * The pull-request workflow's documents: CODEOWNERS routes the masthead to the editor-in-chief
 * and names only paths that exist; the pull-request template mirrors the editorial policy.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Rule {
  line: number;
  pattern: string;
  owners: string[];
}

export function parseCodeowners(text: string): Rule[] {
  return text
    .split('\n')
    .map((raw, index) => ({ raw: raw.trim(), line: index + 1 }))
    .filter(({ raw }) => raw && !raw.startsWith('#'))
    .map(({ raw, line }) => {
      const [pattern, ...owners] = raw.split(/\s+/);
      return { line, pattern: pattern!, owners };
    });
}

/** The anchored patterns this file uses: `*`, `/dir/` and `/file`. Last match wins, as on GitHub. */
function ownersOf(rules: Rule[], path: string): string[] {
  let owners: string[] = [];
  for (const rule of rules) {
    const p = rule.pattern;
    const match = p === '*' || (p.endsWith('/') ? `/${path}`.startsWith(p) : `/${path}` === p);
    if (match) owners = rule.owners;
  }
  return owners;
}

/** Problems in a CODEOWNERS text: unanchored or dangling patterns, malformed owners. */
function codeownersProblems(text: string, files: string[]): string[] {
  const problems: string[] = [];
  for (const rule of parseCodeowners(text)) {
    if (rule.owners.length === 0) problems.push(`line ${rule.line}: ${rule.pattern} has no owner`);
    for (const owner of rule.owners) {
      if (!/^@[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(owner))
        problems.push(`line ${rule.line}: "${owner}" is not an @org/team`);
    }
    if (rule.pattern === '*') continue;
    if (!rule.pattern.startsWith('/'))
      problems.push(`line ${rule.line}: anchor ${rule.pattern} with a leading "/"`);
    const path = rule.pattern.slice(1);
    const exists = path.endsWith('/') ? files.some((f) => f.startsWith(path)) : files.includes(path);
    if (!exists) problems.push(`line ${rule.line}: ${rule.pattern} matches no file in the repository`);
  }
  return problems;
}

const files = execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n').filter(Boolean);
const codeowners = readFileSync('.github/CODEOWNERS', 'utf8');
const rules = parseCodeowners(codeowners);

describe('CODEOWNERS', () => {
  it('names only existing paths and well-formed teams', () => {
    expect(codeownersProblems(codeowners, files)).toEqual([]);
  });

  it('catches a planted typo in a path', () => {
    const planted = codeowners.replace('/content/people/', '/content/peple/');
    expect(codeownersProblems(planted, files)).toEqual([
      expect.stringMatching(/\/content\/peple\/ matches no file in the repository$/),
    ]);
  });

  it('routes the masthead and the review rule to the editor-in-chief, code to the engineers', () => {
    expect(ownersOf(rules, 'content/people/nadia-volkov.yaml')).toEqual(['@mlsystemsreview/editor-in-chief']);
    expect(ownersOf(rules, 'src/lib/review/technical-review.ts')).toEqual([
      '@mlsystemsreview/editor-in-chief',
    ]);
    expect(ownersOf(rules, '.github/workflows/technical-review.yml')).toEqual([
      '@mlsystemsreview/editor-in-chief',
    ]);
    expect(ownersOf(rules, 'src/lib/content.ts')).toEqual(['@mlsystemsreview/platform']);
    expect(ownersOf(rules, 'content/articles/zillow-offers-postmortem.mdx')).toEqual([
      '@mlsystemsreview/editors',
    ]);
  });
});

describe('pull request template', () => {
  const template = readFileSync('.github/pull_request_template.md', 'utf8');
  it.each([
    ['named accountability', /Named accountability.*`reviewer`/],
    ['sourced numbers', /Sourced numbers.*\[@id\]/],
    ['methodology', /sample size, variance and confidence intervals/],
    ['corrections in the open', /`corrections` entry.*<Correction date=/],
    ['conflicts disclosed', /Conflicts of interest.*`disclosure`/],
  ])('has a checklist item for %s', (_name, pattern) => {
    expect(template).toMatch(pattern);
  });
});
