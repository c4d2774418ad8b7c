// @ts-check
import js from '@eslint/js';
import eslintConfigPrettier from 'eslint-config-prettier/flat';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Type-aware linting needs Astro's generated types: `npm run lint` runs `astro sync` first.
export default defineConfig(
  globalIgnores([
    'dist/',
    '.astro/',
    'reports/',
    'test-results/',
    'playwright-report/',
    '.bench/',
    // A stock Astro site kept as the benchmark's baseline: deliberately not our code.
    'scripts/bench/baseline/',
    // Code with planted defects that tests/unit/eslint-config.test.ts lints on purpose.
    'tests/fixtures/eslint/',
  ]),
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  astro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Numbers print exactly in templates; `undefined`, `null` and objects do not, and stay errors.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // An empty string is usually meant to fall back too (an unset CI variable is often '').
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // tsconfig has noUncheckedIndexedAccess: a `!` is the visible, greppable "this index exists"
      // (a wrong one throws at once). Banning it pushes code towards casts or `?? ''`, which hide
      // the same mistake as silently wrong output.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `str.match(re)` without /g is `re.exec(str)`: rewriting it catches nothing.
      '@typescript-eslint/prefer-regexp-exec': 'off',
      // An `async` function that returns a value is the plain way to satisfy a Promise-returning
      // type (checks, test fakes); await-thenable and no-misused-promises catch the real mistakes.
      '@typescript-eslint/require-await': 'off',
      // `const { title, ...rest } = data` is how a copy leaves keys out; the named ones are unused on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.astro'],
    // astro-eslint-parser predates the project service and reads tsconfig.json itself.
    languageOptions: { parserOptions: { projectService: false, project: true } },
    rules: {
      // astro-eslint-parser types template JSX as an error type, so every `.map(() => <li/>)`
      // would be flagged; the frontmatter script keeps the other no-unsafe-* rules.
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['tests/**'],
    rules: {
      // vitest's asymmetric matchers (expect.stringMatching, expect.objectContaining) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // `const { join } = await import('node:path')` is flagged, though node's functions need no `this`.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['src/components/search/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  eslintConfigPrettier,
);
