import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'threads',
    testTimeout: 30_000,
    // Hooks that scan the sample tenancy take seconds on a loaded 2-core machine.
    hookTimeout: 60_000,
    // Scans in tests keep no history unless a test gives --store: nothing lands in the user's data directory.
    env: { KANSA_STORE_URL: 'none' },
  },
});
