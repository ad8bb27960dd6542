import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redact } from '../../src/store/postgres.ts';
import { startTestPostgres, type TestPostgres } from '../store/helpers/postgres.ts';
import { kansaHere, SAMPLE } from './run-kansa.ts';

/** The command line in this worker, with the environment given. */
const kansa = (env: NodeJS.ProcessEnv, ...args: string[]) => kansaHere(args, env);

let postgres: TestPostgres | string = 'not started';
beforeAll(async () => {
  postgres = await startTestPostgres();
  if (typeof postgres === 'string') console.warn(`PostgreSQL CLI tests skipped: ${postgres}`);
}, 60_000);
afterAll(() => {
  if (typeof postgres !== 'string') postgres.stop();
});

describe('the shared PostgreSQL store from the command line', { timeout: 180_000 }, () => {
  it('KANSA_STORE_URL=postgres://… records scans that kansa history and diff read', async (context) => {
    if (typeof postgres === 'string') return context.skip(`PostgreSQL unavailable: ${postgres}`);
    const url = await postgres.newDatabase();
    const env = { KANSA_STORE_URL: url };
    const first = await kansa(env, 'scan', '-i', SAMPLE);
    expect(first.stdout).toMatch(/Recorded in the history store: scan #1 \(postgres:\/\//);
    await kansa(env, 'scan', '-i', SAMPLE);
    const history = JSON.parse((await kansa(env, 'history', '--format', 'json')).stdout) as {
      scans: { seq: number }[];
    };
    expect(history.scans.map((s) => s.seq)).toEqual([1, 2]);
    const diff = JSON.parse((await kansa(env, 'diff', '--format', 'json')).stdout) as {
      counts: Record<string, number>;
    };
    expect(diff.counts.new).toBe(0);
    expect(diff.counts.open).toBeGreaterThan(0);
  });

  it('an unreachable store is exit 5, and its password is never printed', async () => {
    const result = await kansa(
      {},
      'scan',
      '-i',
      SAMPLE,
      '--store',
      'postgres://kansa:s3cret-pw@127.0.0.1:1/none',
    );
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(
      /cannot connect to the store postgres:\/\/kansa:\*\*\*@127\.0\.0\.1:1\/none/,
    );
    expect(result.stderr + result.stdout).not.toContain('s3cret-pw');
    expect(redact('postgresql://u:p%40ss@db.example.jp:5432/kansa?sslmode=require')).toBe(
      'postgresql://u:***@db.example.jp:5432/kansa?sslmode=require',
    );
  });
});
