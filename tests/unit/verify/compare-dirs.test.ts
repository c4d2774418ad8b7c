import { describe, expect, it } from 'vitest';
import { compareDirs } from '../../../scripts/verify/compare-dirs.ts';
import { makeDir } from './helpers.ts';

describe('reproducible build comparison', () => {
  it('passes identical trees and fails on a differing or missing file, naming it', () => {
    const files = { 'index.html': '<p>same</p>', 'pagefind/pagefind-entry.json': '{"a":1}' };
    expect(compareDirs(makeDir(files), makeDir(files)).findings).toEqual([]);
    const { findings } = compareDirs(
      makeDir(files),
      makeDir({ 'index.html': '<p>built 20:01</p>', 'extra.txt': 'x' }),
    );
    const problems = findings.map((f) => `${f.file}: ${f.message}`);
    expect(problems).toContainEqual(
      expect.stringMatching(/^pagefind\/pagefind-entry\.json: exists in the first build only/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/^extra\.txt: exists in the second build only/));
    expect(problems).toContainEqual(
      expect.stringMatching(/^index\.html: differs between the two builds at byte 3/),
    );
  });
});
