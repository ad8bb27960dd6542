import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../src/store/engine.ts';
import { listScans } from '../../src/store/history.ts';
import { RunLock, StoreLockedError } from '../../src/store/lock.ts';
import { openStore } from '../../src/store/open.ts';
import { storeEngines } from './helpers/engines.ts';
import { record } from './helpers/scans.ts';

const CHILD = path.join(import.meta.dirname, 'helpers/child-writer.ts');
const { engines, unavailable } = storeEngines('kansa-store-proc-');

function child(
  ...args: string[]
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CHILD, ...args], { timeout: 120_000 }, (error, stdout, stderr) => {
      const e = error as (Error & { code?: number; signal?: string }) | null;
      resolve({ code: e ? (e.code ?? null) : 0, signal: e?.signal ?? null, stdout, stderr });
    });
  });
}

describe.each(engines)('store on $name, several processes', ({ location }) => {
  async function where(context: { skip: (m: string) => void }): Promise<string> {
    const at = await location();
    if (!at) {
      context.skip(unavailable());
      throw new Error('skipped');
    }
    return at;
  }

  it('a scan killed mid-write leaves the store as it was', async (context) => {
    const at = await where(context);
    const engine = await openStore(at);
    try {
      await record(engine, {
        at: '2026-10-01T00:00:00.000Z',
        findings: [{ check: 'c.a', resource: 'r0', status: 'FAIL' }],
      });
      const before = await snapshot(engine);
      const crashed = await child(at, 'crash', 'x', '1', 'FAIL', '500');
      expect(crashed.signal).toBe('SIGKILL');
      expect(crashed.stdout).toContain('killing');
      expect(await snapshot(engine)).toEqual(before);
      // The store is usable after the crash: the next scan records.
      await record(engine, {
        at: '2026-10-02T00:00:00.000Z',
        findings: [{ check: 'c.a', resource: 'r0', status: 'PASS' }],
      });
      expect((await listScans(engine)).map((s) => s.seq)).toEqual([1, 2]);
    } finally {
      await engine.close();
    }
  }, 120_000);

  it('two processes writing at once are serialised, never interleaved', async (context) => {
    const at = await where(context);
    // Created (and migrated) once first, as a scheduled store is; then two writers race.
    await (await openStore(at)).close();
    const N = 200;
    const [a, b] = await Promise.all([
      child(at, 'write', 'fail', '4', 'FAIL', String(N)),
      child(at, 'write', 'pass', '4', 'PASS', String(N)),
    ]);
    expect([a.code, a.stderr]).toEqual([0, '']);
    expect([b.code, b.stderr]).toEqual([0, '']);
    const engine = await openStore(at);
    try {
      const scans = await listScans(engine);
      expect(scans.map((s) => s.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      // Each scan changed all N findings one way, or none: no scan saw another's half-written state.
      let open = false;
      for (const scan of scans) {
        const changes = Object.entries(scan.changes);
        const failing = scan.counts.FAIL === N;
        const expected = failing ? (open ? 'open' : 'new|reopened') : open ? 'resolved' : undefined;
        if (expected === undefined) expect(changes.filter(([c]) => c !== 'passing')).toEqual([]);
        else {
          expect(changes).toHaveLength(1);
          expect(expected.split('|')).toContain(changes[0]![0]);
          expect(changes[0]![1]).toBe(N);
        }
        open = failing;
      }
      const states = await engine.all<{ state: string; n: number }>(
        'SELECT state, COUNT(*) AS n FROM findings GROUP BY state',
      );
      expect(states).toEqual([{ state: open ? 'open' : 'resolved', n: N }]);
    } finally {
      await engine.close();
    }
  }, 120_000);

  it('a second run finds the run lock held and says by whom; waits when asked', async (context) => {
    const at = await where(context);
    const first = await openStore(at);
    const second = await openStore(at);
    try {
      const lock = await RunLock.acquire(first, { waitMs: 0, ttlMs: 3_600_000 });
      const error = await RunLock.acquire(second, { waitMs: 0, ttlMs: 3_600_000 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreLockedError);
      expect((error as Error).message).toMatch(/in use by another kansa run \(process \d+ on /);
      // Waiting: with an injected clock, the lock is freed while the second run waits.
      let t = Date.now();
      const waited = RunLock.acquire(second, {
        waitMs: 5000,
        ttlMs: 3_600_000,
        now: () => new Date(t),
        sleep: async (ms) => {
          t += ms;
          await lock.release();
        },
      });
      const secondLock = await waited;
      // A lock whose holder died on this host is taken over; one past its time lapses.
      await expect(
        RunLock.acquire(first, { waitMs: 0, ttlMs: 3_600_000, alive: () => true }),
      ).rejects.toBeInstanceOf(StoreLockedError);
      await expect(
        RunLock.acquire(first, {
          waitMs: 0,
          ttlMs: 3_600_000,
          alive: () => true,
          now: () => new Date(Date.now() + 7_200_000),
        }),
      ).resolves.toBeInstanceOf(RunLock);
      await secondLock.release();
    } finally {
      await first.close();
      await second.close();
    }
  });
});

async function snapshot(engine: SqlEngine): Promise<unknown> {
  const tables = ['scans', 'scan_findings', 'findings', 'scan_requirements'];
  const out: Record<string, unknown> = {};
  for (const table of tables) {
    out[table] = await engine.all(`SELECT * FROM ${table} ORDER BY 1, 2`);
  }
  return out;
}
