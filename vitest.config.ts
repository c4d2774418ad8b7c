import { defineConfig } from 'vitest/config';

/** Unit tests: pure logic, schemas, the content lint and the Markdown plugins, in Node. */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // The lint and CLI tests copy the fixture tree to a temp dir and spawn Node: allow for a
    // slow, busy 2-core machine.
    testTimeout: 30_000,
  },
});
