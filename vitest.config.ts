import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './tests/setup/sequencer.ts';

// The tests that need a process run the real CLI (`node bin/kansa.js`) in a child process
// (tests/cli/run-kansa.ts). Node's compile cache keeps the type-stripped sources and V8's code for
// them on disk, so that each child does not strip and compile every module again (about 40% of a
// sample scan's CPU). Set here, before the workers start, it reaches the test workers (their SDK
// imports) and every child through the environment. NODE_COMPILE_CACHE chooses another
// directory; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
process.env.NODE_COMPILE_CACHE ??= path.join(tmpdir(), 'node-compile-cache');

// Every temporary directory of a run (the tests', their CLI children's, the PostgreSQL cluster's)
// lands under one directory that goes when the run ends: os.tmpdir() reads TMPDIR, and the workers
// and children inherit it. Tests need not clean up after themselves to keep /tmp from filling up
// run after run. The compile cache above stays outside, to be reused by the next run.
const runTemporaryDirectory = mkdtempSync(path.join(tmpdir(), 'kansa-test-run-'));
process.env.TMPDIR = runTemporaryDirectory;
process.once('exit', () => rmSync(runTemporaryDirectory, { recursive: true, force: true }));

/**
 * The tests that need a PostgreSQL server (startTestPostgres): one cluster for the run, from
 * tests/setup/postgres.ts. A file missing here still passes, starting a cluster of its own.
 */
const POSTGRES_TESTS = [
  'tests/store/*.test.ts',
  'tests/cli/history-postgres.test.ts',
  'tests/scale/processes.test.ts',
];

/** What every test file runs with (the projects below differ only in their files and setup). */
const common = {
  pool: 'threads',
  // Test files share a worker and its loaded modules: a fresh worker per file cost more than the
  // tests of the small files. A file that changes process-wide state puts it back.
  isolate: false,
  testTimeout: 30_000,
  // Hooks that scan the sample tenancy take seconds on a loaded 2-core machine.
  hookTimeout: 60_000,
  // Scans in tests keep no history unless a test gives --store: nothing lands in the user's data directory.
  env: { KANSA_STORE_URL: 'none' },
} as const;

export default defineConfig({
  test: {
    // Vitest's default leaves a core idle on a 2-core machine (CI), and the CLI tests spend much of
    // their time waiting on their child processes.
    maxWorkers: Math.max(2, availableParallelism()),
    // The longest files first, whichever project they are in; the postgres project's files as one
    // block, so that workers seldom change project (tests/setup/sequencer.ts).
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        test: {
          ...common,
          name: 'kansa',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...POSTGRES_TESTS],
        },
      },
      {
        test: {
          ...common,
          name: 'postgres',
          include: POSTGRES_TESTS,
          globalSetup: ['tests/setup/postgres.ts'],
        },
      },
    ],
  },
});
