import { describe, expect, it } from 'vitest';
import { findingId } from '../../src/scan/finding.ts';
import { diffScans } from '../../src/store/diff.ts';
import type { SqlEngine } from '../../src/store/engine.ts';
import {
  findScan,
  latestCompleteScan,
  listScans,
  pruneScans,
  requirementTrend,
} from '../../src/store/history.ts';
import { SCHEMA_VERSION } from '../../src/store/migrations.ts';
import { openStore } from '../../src/store/open.ts';
import { accountsReadInFull, ScanRecording } from '../../src/store/record.ts';
import { storeEngines } from './helpers/engines.ts';
import { finding, record, type Seen, scanToRecord } from './helpers/scans.ts';

const { engines, unavailable } = storeEngines('kansa-store-');

const id = (check: string, resource: string) => findingId(check, 'azure', resource);

describe.each(engines)('history store on $name', ({ open }) => {
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

  it('migrates once, and again is a no-op', async (context) => {
    await withStore(async (engine) => {
      const rows = await engine.all<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(rows.map((r) => Number(r.version))).toEqual(
        Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1),
      );
      const { migrate } = await import('../../src/store/migrations.ts');
      expect(await migrate(engine)).toBe(0);
    }, context);
  });

  it('follows findings over three scans: new, changed, resolved, reopened, still open with age', async (context) => {
    await withStore(async (engine) => {
      const first = await record(engine, {
        at: '2026-11-01T00:00:00.000Z',
        findings: [
          { check: 'c.a', resource: 'r1', status: 'FAIL' },
          { check: 'c.b', resource: 'r2', status: 'FAIL', severity: 'medium' },
          { check: 'c.c', resource: 'r3', status: 'PASS' },
        ],
      });
      expect(first.changes.new).toBe(2);
      const second = await record(engine, {
        at: '2026-11-08T00:00:00.000Z',
        findings: [
          { check: 'c.a', resource: 'r1', status: 'PASS' },
          { check: 'c.b', resource: 'r2', status: 'FAIL', severity: 'critical' },
          { check: 'c.c', resource: 'r3', status: 'FAIL' },
          { check: 'c.a', resource: 'r4', status: 'FAIL' },
        ],
      });
      expect(second.changes).toMatchObject({ new: 2, resolved: 1, 'changed-severity': 1 });
      const third = await record(engine, {
        at: '2026-11-15T00:00:00.000Z',
        findings: [
          { check: 'c.a', resource: 'r1', status: 'FAIL' },
          { check: 'c.c', resource: 'r3', status: 'FAIL', evidence: 'other' },
          { check: 'c.a', resource: 'r4', status: 'FAIL' },
        ],
      });
      // r2 is gone from a subscription read in full: resolved.
      expect(third.changes).toMatchObject({ reopened: 1, resolved: 1, 'changed-evidence': 1, open: 1 });

      const scans = await listScans(engine);
      expect(scans.map((s) => s.seq)).toEqual([1, 2, 3]);
      const diff = await diffScans(engine, scans[1]!, scans[2]!);
      const states = Object.fromEntries(diff.entries.map((e) => [e.resourceId, e.state]));
      expect(states).toEqual({ r1: 'reopened', r2: 'resolved', r3: 'changed-evidence', r4: 'open' });
      expect(diff.entries.find((e) => e.resourceId === 'r4')).toMatchObject({
        ageDays: 7,
        openedAt: '2026-11-08T00:00:00.000Z',
      });
      const firstDiff = await diffScans(engine, scans[0]!, scans[1]!);
      expect(Object.fromEntries(firstDiff.entries.map((e) => [e.resourceId, e.state]))).toEqual({
        r1: 'resolved',
        r2: 'changed-severity',
        r3: 'new',
        r4: 'new',
      });
      expect(firstDiff.entries.find((e) => e.resourceId === 'r2')).toMatchObject({
        severity: 'critical',
        previousSeverity: 'medium',
      });
      // Across the gap, r1 failed in both: open since its reopening.
      const wide = await diffScans(engine, scans[0]!, scans[2]!);
      expect(wide.entries.find((e) => e.resourceId === 'r1')).toMatchObject({ state: 'open', ageDays: 0 });

      const [lifecycle] = await engine.all<{ times_reopened: number; first_seen: string }>(
        'SELECT times_reopened, first_seen FROM findings WHERE finding_id = ?',
        [id('c.a', 'r1')],
      );
      expect(Number(lifecycle!.times_reopened)).toBe(1);
      expect(lifecycle!.first_seen).toBe('2026-11-01T00:00:00.000Z');
    }, context);
  });

  it('never resolves a finding whose scope a partial scan did not read', async (context) => {
    await withStore(async (engine) => {
      const failing = [
        { check: 'c.a', resource: 'r1', status: 'FAIL' as const },
        { check: 'c.a', resource: 'r9', status: 'FAIL' as const, account: 'sub-2' },
      ];
      await record(engine, { at: '2026-11-01T00:00:00.000Z', findings: failing });
      // sub-1 could not be read (403): its finding is absent, not fixed. sub-2 was read: r9 is gone.
      const partial = await record(engine, {
        at: '2026-11-02T00:00:00.000Z',
        findings: [],
        accounts: ['sub-1', 'sub-2'],
        failedScope: 'subscription sub-1',
      });
      expect(partial.changes.resolved).toBe(1);
      const open = await engine.all<{ resource_id: string }>(
        "SELECT resource_id FROM findings WHERE state = 'open'",
      );
      expect(open.map((r) => r.resource_id)).toEqual(['r1']);
      // An export file that could not be read may have held any account: nothing is resolved by absence.
      await record(engine, {
        at: '2026-11-03T00:00:00.000Z',
        findings: [],
        accounts: ['sub-1'],
        fileError: true,
      });
      // A check this scan did not run (another framework) resolves nothing either.
      await record(engine, {
        at: '2026-11-04T00:00:00.000Z',
        findings: [],
        accounts: ['sub-1'],
        checks: ['c.z'],
      });
      // An UNKNOWN verdict settles nothing.
      await record(engine, {
        at: '2026-11-05T00:00:00.000Z',
        findings: [{ check: 'c.a', resource: 'r1', status: 'UNKNOWN' }],
      });
      expect((await engine.all("SELECT 1 FROM findings WHERE state = 'open'")).length).toBe(1);

      const scans = await listScans(engine);
      const diff = await diffScans(engine, scans[0]!, scans[1]!);
      expect(Object.fromEntries(diff.entries.map((e) => [e.resourceId, e.state]))).toEqual({
        r1: 'unverified',
        r9: 'resolved',
      });
      // Read in full at last: resolved.
      const full = await record(engine, {
        at: '2026-11-06T00:00:00.000Z',
        findings: [],
        accounts: ['sub-1'],
      });
      expect(full.changes.resolved).toBe(1);
    }, context);
  });

  it('takes into account a writer that opened findings after the scan began: UNKNOWN stays open, a pass resolves', async (context) => {
    await withStore(async (engine) => {
      // The writer in between: this connection (another recording in the process), then another
      // connection (another process), each on an account of its own.
      // (The test server's URL has no password: its location is the URL.)
      const other = await openStore(engine.location);
      try {
        for (const [account, writer] of [
          ['sub-1', engine],
          ['sub-2', other],
        ] as const) {
          const at = '2026-11-02T00:00:00.000Z';
          const seen: Seen[] = [
            { check: 'c.a', resource: `${account}/r1`, status: 'UNKNOWN', account },
            { check: 'c.a', resource: `${account}/r2`, status: 'PASS', account },
            { check: 'c.a', resource: `${account}/r3`, status: 'FAIL', account },
          ];
          // The scan begins on an empty history: none of its findings has a lifecycle yet.
          const scan = scanToRecord({ at, findings: seen });
          const recording = await ScanRecording.start(engine, scan.accounts);
          const told = seen.map((s) => recording.observe(finding(s), at)?.state);
          expect(told).toEqual([undefined, undefined, 'new']);
          // Another writer (a shard of another run) opens all three before the scan commits.
          await record(writer, {
            at: '2026-11-01T00:00:00.000Z',
            findings: seen.map((s) => ({ ...s, status: 'FAIL' as const })),
          });
          const recorded = await recording.commit(scan, new Date(at));
          expect(recorded.changes).toMatchObject({ unknown: 1, resolved: 1, open: 1, new: 0 });
          const rows = await engine.all<{ resource_id: string; state: string; status: string }>(
            'SELECT resource_id, state, status FROM findings WHERE account = ? ORDER BY resource_id',
            [account],
          );
          expect(rows.map((r) => ({ ...r }))).toEqual([
            { resource_id: `${account}/r1`, state: 'open', status: 'UNKNOWN' },
            { resource_id: `${account}/r2`, state: 'resolved', status: 'ABSENT' },
            { resource_id: `${account}/r3`, state: 'open', status: 'FAIL' },
          ]);
        }
      } finally {
        await other.close();
      }
    }, context);
  });

  it('finds scans by number and prefix, the last complete scan of a scope, trends and prunes', async (context) => {
    await withStore(async (engine) => {
      const f = [{ check: 'c.a', resource: 'r1', status: 'FAIL' as const }];
      await record(engine, { at: '2025-01-01T00:00:00.000Z', findings: f });
      await record(engine, { at: '2026-11-01T00:00:00.000Z', findings: f });
      const last = await record(engine, {
        at: '2026-11-02T00:00:00.000Z',
        findings: [],
        failedScope: 'subscription sub-1',
      });
      expect((await findScan(engine, '#3'))?.id).toBe(last.id);
      // Nine characters, with the UUID's first hyphen: eight random hex digits are all decimal in
      // 2% of runs, and a bare number is read as a scan number (#N), not as an id prefix.
      expect((await findScan(engine, last.id.slice(0, 9)))?.seq).toBe(3);
      expect(await findScan(engine, '#99')).toBeUndefined();
      const complete = await latestCompleteScan(engine);
      expect(complete?.seq).toBe(2);
      expect((await latestCompleteScan(engine, { beforeSeq: 2, scopeKey: complete!.scopeKey }))?.seq).toBe(1);

      const scans = await listScans(engine);
      const trend = await requirementTrend(engine, scans);
      expect(trend.get('OSK-3.1')?.map((p) => [p.status, p.FAIL])).toEqual([
        ['FAIL', 1],
        ['FAIL', 1],
        ['PASS', 0],
      ]);
      expect(await pruneScans(engine, new Date('2025-11-01T00:00:00Z'))).toEqual({ scans: 1 });
      expect((await listScans(engine)).map((s) => s.seq)).toEqual([2, 3]);
      // The latest scan is always kept.
      await pruneScans(engine, new Date('2030-01-01T00:00:00Z'));
      expect((await listScans(engine)).map((s) => s.seq)).toEqual([3]);
    }, context);
  });

  it('decides OSK-8.1 from the history: periodic scans, failures not open past their limit', async (context) => {
    await withStore(async (engine) => {
      const monitoring = { requirement: 'OSK-3.1', maxScanIntervalDays: 8, maxOpenDays: { critical: 14 } };
      const critical = {
        check: 'c.a',
        resource: 'r1',
        status: 'FAIL' as const,
        severity: 'critical' as const,
      };
      const medium = { check: 'c.b', resource: 'r2', status: 'FAIL' as const, severity: 'medium' as const };
      const at = (day: string, findings: Seen[] = [critical, medium]) =>
        record(engine, { at: `2026-11-${day}T00:00:00.000Z`, findings, monitoring });
      expect((await at('01')).monitoring).toMatchObject({ status: 'UNKNOWN', overdueCount: 0 });
      expect((await at('08')).monitoring).toMatchObject({
        status: 'PASS',
        previous: { intervalDays: 7 },
        overdueCount: 0,
      });
      // Twelve days since the last scan (not periodic), and the critical failure open 19 days (> 14);
      // the medium one has no limit here.
      const late = (await at('20')).monitoring!;
      expect(late).toMatchObject({ status: 'FAIL', previous: { intervalDays: 12 }, overdueCount: 1 });
      expect(late.overdue).toEqual([
        expect.objectContaining({ resourceId: 'r1', severity: 'critical', ageDays: 19, limitDays: 14 }),
      ]);
      // Waived, the old failure is accepted: PASS again.
      const waived = await at('21', [{ ...critical, waiver: 'W-1' }, medium]);
      expect(waived.monitoring).toMatchObject({ status: 'PASS', overdueCount: 0 });
      const [row] = await engine.all<{ status: string; detail: string }>(
        'SELECT status, detail FROM scan_requirements WHERE scan_id = ? AND requirement_id = ?',
        [(await listScans(engine))[2]!.id, 'OSK-3.1'],
      );
      expect(row?.status).toBe('FAIL');
      expect(JSON.parse(row!.detail).overdueCount).toBe(1);
    }, context);
  });

  it('records shards of one run under its run id', async (context) => {
    await withStore(async (engine) => {
      const run = { id: 'run-2026-11-01', shards: 2 };
      await record(engine, { at: '2026-11-01T00:00:00.000Z', findings: [], run: { ...run, shard: 0 } });
      await record(engine, { at: '2026-11-01T00:01:00.000Z', findings: [], run: { ...run, shard: 1 } });
      const scans = await listScans(engine);
      expect(scans.map((s) => [s.runId, s.shard.index, s.shard.count])).toEqual([
        ['run-2026-11-01', 0, 2],
        ['run-2026-11-01', 1, 2],
      ]);
      // A rerun of a shard supersedes its earlier attempt; another split of the run is refused.
      await record(engine, { at: '2026-11-01T00:02:00.000Z', findings: [], run: { ...run, shard: 1 } });
      expect((await listScans(engine)).map((s) => [s.shard.index, s.finishedAt])).toEqual([
        [0, '2026-11-01T00:00:00.000Z'],
        [1, '2026-11-01T00:02:00.000Z'],
      ]);
      await expect(
        record(engine, {
          at: '2026-11-01T00:03:00.000Z',
          findings: [],
          run: { ...run, shards: 3, shard: 2 },
        }),
      ).rejects.toThrow(/split into 2 shards, not 3/);
      expect((await listScans(engine)).length).toBe(2);
    }, context);
  });
});

describe('accounts read in full', () => {
  const scan = (
    scopes: { provider: 'aws' | 'azure'; scope: string; error?: string }[],
    fileError = false,
  ) => ({
    files: [
      { path: 'x', sha256: '', bytes: 0, resources: 0, skipped: [], ...(fileError ? { error: 'bad' } : {}) },
    ],
    scopes: scopes.map((s) => ({ ...s, resources: 0, requests: 1 })),
    accounts: [
      { provider: 'aws' as const, account: '111122223333' },
      { provider: 'aws' as const, account: '444455556666' },
      { provider: 'azure' as const, account: 'sub-1' },
    ],
  });

  it('takes out the account a failed scope names, every account of its cloud when it names none, all on a bad file', () => {
    expect([...accountsReadInFull(scan([]))].sort()).toEqual([
      'aws:111122223333',
      'aws:444455556666',
      'azure:sub-1',
    ]);
    expect(
      [
        ...accountsReadInFull(scan([{ provider: 'aws', scope: '111122223333 us-east-1', error: 'timeout' }])),
      ].sort(),
    ).toEqual(['aws:444455556666', 'azure:sub-1']);
    expect([
      ...accountsReadInFull(scan([{ provider: 'aws', scope: 'organization aggregator', error: 'denied' }])),
    ]).toEqual(['azure:sub-1']);
    expect([...accountsReadInFull(scan([], true))]).toEqual([]);
  });
});
