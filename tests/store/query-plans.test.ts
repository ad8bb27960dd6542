import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { changesOf, diffScans } from '../../src/store/diff.ts';
import type { Row, SqlEngine, SqlRunner, SqlValue } from '../../src/store/engine.ts';
import {
  findScan,
  latestCompleteScan,
  listScans,
  pruneScans,
  requirementTrend,
} from '../../src/store/history.ts';
import { RunLock } from '../../src/store/lock.ts';
import { openStore } from '../../src/store/open.ts';
import { runStatus } from '../../src/store/runs.ts';
import { record, type Seen } from './helpers/scans.ts';

/**
 * A store keeps every scan of every estate it ever saw: recording a scan, deciding its history
 * (OSK-8.1) and comparing two scans must not read whole tables, or a scan of ten resources
 * takes minutes against a big store. Every statement the store runs in these flows is planned
 * by SQLite here, and none may scan the tables that grow with the history (findings,
 * scan_findings, scan_requirements, scan_documents; scans, one row per scan, only in an
 * index's order, as `kansa history` lists the last N).
 */
const dir = mkdtempSync(path.join(tmpdir(), 'kansa-plans-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The engine, noting each statement it is asked to run (in a transaction or not). */
function noting(engine: SqlEngine, statements: Set<string>): SqlEngine {
  const runner = (inner: SqlRunner): SqlRunner => ({
    all: <T extends Row = Row>(sql: string, params?: readonly SqlValue[]) => {
      statements.add(sql);
      return inner.all<T>(sql, params);
    },
    run: (sql, params) => {
      statements.add(sql);
      return inner.run(sql, params);
    },
    runMany: (sql, rows) => {
      statements.add(sql);
      return inner.runMany(sql, rows);
    },
  });
  return {
    ...runner(engine),
    dialect: engine.dialect,
    location: engine.location,
    transaction: (work) => engine.transaction((tx) => work(runner(tx))),
    changeToken: () => engine.changeToken(),
    close: () => engine.close(),
  };
}

const GROWING = ['findings', 'scan_findings', 'scan_requirements', 'scan_documents'];

/** The plan's steps that read a whole table the history grows (plans name a table by its alias). */
function fullScans(sql: string, plan: readonly string[]): string[] {
  const tables = new Map<string, string>();
  for (const [, table, alias] of sql.matchAll(
    /\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?!WHERE|ON|JOIN|LEFT|ORDER|GROUP|LIMIT)(\w+))?/gi,
  )) {
    tables.set(table!, table!);
    if (alias) tables.set(alias, table!);
  }
  return plan.filter((step) => {
    const scanned = /^SCAN (\w+)(.*)$/.exec(step);
    if (!scanned) return false;
    const table = tables.get(scanned[1]!) ?? scanned[1]!;
    return GROWING.includes(table) || (table === 'scans' && !/USING (COVERING )?INDEX/.test(scanned[2]!));
  });
}

const fail = (resource: string, extra: Partial<Seen> = {}): Seen => ({
  check: 'c.a',
  resource,
  status: 'FAIL',
  ...extra,
});

describe('the store statements of recording, history and diff', () => {
  it('plan every read through an index, never a scan of a table that grows with the history', async () => {
    const file = path.join(dir, 'history.sqlite');
    const statements = new Set<string>();
    const engine = noting(await openStore(file), statements);
    try {
      const monitoring = { requirement: 'OSK-3.1', maxScanIntervalDays: 8, maxOpenDays: { high: 30 } };
      await record(engine, {
        at: '2026-01-01T00:00:00Z',
        findings: [fail('/r/1'), fail('/r/2'), fail('/r/3', { account: 'sub-2' })],
        monitoring,
      });
      await record(engine, {
        at: '2026-01-05T00:00:00Z',
        findings: [
          fail('/r/1', { severity: 'critical' }),
          { check: 'c.a', resource: '/r/2', status: 'PASS' },
          fail('/r/4'),
        ],
        accounts: ['sub-1', 'sub-2'],
        monitoring,
      });
      const run = { id: 'run-1', shard: 0, shards: 2 };
      await record(engine, { at: '2026-01-06T00:00:00Z', findings: [fail('/r/2')], run });
      await record(engine, { at: '2026-01-06T00:00:00Z', findings: [fail('/r/2')], run });
      const lock = await RunLock.acquire(engine, { waitMs: 0, ttlMs: 60_000 });
      await lock.release();

      const scans = await listScans(engine);
      expect(scans).toHaveLength(3); // the shard's rerun replaced its first attempt
      const [first, second] = scans;
      const diff = await diffScans(engine, first!, second!);
      expect(diff.counts).toMatchObject({ new: 1, resolved: 2, 'changed-severity': 1 });
      await changesOf(engine, second!.id);
      await latestCompleteScan(engine, { beforeSeq: second!.seq, scopeKey: second!.scopeKey });
      await latestCompleteScan(engine);
      await findScan(engine, `#${second!.seq}`);
      await findScan(engine, second!.id.slice(0, 8));
      await requirementTrend(engine, scans);
      await runStatus(engine, 'run-1');
      await pruneScans(engine, new Date('2026-01-02T00:00:00Z'));
    } finally {
      await engine.close();
    }

    const db = new DatabaseSync(file, { readOnly: true });
    try {
      const reads = [...statements].filter((sql) => /^\s*(SELECT|UPDATE|DELETE|INSERT)/i.test(sql));
      expect(reads.length).toBeGreaterThan(20);
      const offenders = reads.flatMap((sql) => {
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map(
          (step) => step.detail,
        );
        const scanned = fullScans(sql, plan);
        return scanned.length > 0 ? [`${sql.replace(/\s+/g, ' ')}\n  -> ${scanned.join('; ')}`] : [];
      });
      expect(offenders).toEqual([]);
    } finally {
      db.close();
    }
  });
});
