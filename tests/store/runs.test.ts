import { describe, expect, it } from 'vitest';
import { localizeProblem } from '../../src/report/problem-text.ts';
import type { SqlEngine } from '../../src/store/engine.ts';
import { RunLock, StoreLockedError } from '../../src/store/lock.ts';
import { describeIncompleteRun, runStatus } from '../../src/store/runs.ts';
import { storeEngines } from './helpers/engines.ts';
import { record } from './helpers/scans.ts';

const { engines, unavailable } = storeEngines('kansa-runs-');

describe.each(engines)('sharded runs on $name', ({ open }) => {
  async function withStore(
    test: (engine: SqlEngine) => Promise<void>,
    context: { skip: (m: string) => void },
  ) {
    const engine = await open();
    if (!engine) return context.skip(unavailable());
    try {
      await test(engine);
    } finally {
      await engine.close();
    }
  }

  it('is partial, naming the missing shards and unread scopes, until every shard reports in full', async (context) => {
    await withStore(async (engine) => {
      const run = { id: 'kansa-nightly-29160000', shards: 3 };
      const at = (m: number) => `2026-11-01T00:0${m}:00.000Z`;
      expect(await runStatus(engine, run.id)).toBeUndefined();

      await record(engine, {
        at: at(0),
        findings: [{ check: 'c.a', resource: 'r1', status: 'FAIL', account: 'sub-a' }],
        run: { ...run, shard: 0 },
      });
      // Shard 2 ran, but one subscription refused it: recorded partial.
      await record(engine, {
        at: at(1),
        findings: [],
        accounts: ['sub-c'],
        failedScope: 'sub-c',
        run: { ...run, shard: 2 },
      });
      let status = (await runStatus(engine, run.id))!;
      expect(status.complete).toBe(false);
      expect(status.shardCount).toBe(3);
      expect(status.missingShards).toEqual([1]);
      expect(status.unread).toEqual([{ shard: 2, what: 'azure:sub-c', error: 'AuthorizationFailed' }]);
      expect(describeIncompleteRun(status).join('\n')).toMatch(
        /shards 1\/3 have not reported[\s\S]*shard 2: azure:sub-c not read: AuthorizationFailed/,
      );
      // Under --lang ja a person reads it in Japanese, what it quotes kept as it is.
      const ja = describeIncompleteRun({ ...status, missingScopes: ['azure:sub-b'] })
        .map((line) => localizeProblem(line, 'ja'))
        .join('\n');
      expect(ja).toMatch(
        /シャード 1\/3 が報告していません[\s\S]*欠けている範囲（1 件）: azure:sub-b[\s\S]*シャード 2: azure:sub-c を読めませんでした: AuthorizationFailed/,
      );
      expect(ja).not.toMatch(/have not reported|missing scopes|not read/);

      // Shard 1 reports; shard 2 is rerun and reads everything: the run is complete.
      await record(engine, { at: at(2), findings: [], accounts: ['sub-b'], run: { ...run, shard: 1 } });
      expect((await runStatus(engine, run.id))!.complete).toBe(false);
      await record(engine, { at: at(3), findings: [], accounts: ['sub-c'], run: { ...run, shard: 2 } });
      status = (await runStatus(engine, run.id))!;
      expect(status).toMatchObject({ complete: true, missingShards: [], unread: [] });
      expect(status.shards.map((s) => [s.index, s.finishedAt])).toEqual([
        [0, at(0)],
        [1, at(2)],
        [2, at(3)],
      ]);
      expect(describeIncompleteRun(status)).toEqual([]);
    }, context);
  });

  it('lets the shards of a run hold their own locks at once, but not one shard twice', async (context) => {
    await withStore(async (engine) => {
      const options = { waitMs: 0, ttlMs: 60_000 };
      const zero = await RunLock.acquire(engine, { ...options, name: 'shard:r/0' });
      const one = await RunLock.acquire(engine, { ...options, name: 'shard:r/1' });
      const plain = await RunLock.acquire(engine, options);
      // Same host, this process alive: a second holder of shard 0 is refused.
      await expect(
        RunLock.acquire(engine, { ...options, name: 'shard:r/0', alive: () => true }),
      ).rejects.toBeInstanceOf(StoreLockedError);
      for (const lock of [zero, one, plain]) await lock.release();
      await (await RunLock.acquire(engine, { ...options, name: 'shard:r/0' })).release();
    }, context);
  });
});
