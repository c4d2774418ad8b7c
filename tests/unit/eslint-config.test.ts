/**
 * The ESLint config that `npm test` runs is a check too: planted code it must refuse. Type-aware
 * rules are the reason to run typescript-eslint at all, so the defect is one only they see.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const PROJECT = resolve(import.meta.dirname, '../..');

describe('eslint.config.js', () => {
  it('refuses a promise nobody awaits (a lost failure), naming file, line and rule', async () => {
    // The fixture folder is in the config's ignores, so `npm run lint` passes; here it is linted on purpose.
    const eslint = new ESLint({ cwd: PROJECT, ignore: false });
    const [result] = await eslint.lintFiles(['tests/fixtures/eslint/floating-promise.ts']);
    expect(result?.messages.map((m) => [m.line, m.ruleId])).toEqual([
      [8, '@typescript-eslint/no-floating-promises'],
    ]);
  }, 60_000);
});
