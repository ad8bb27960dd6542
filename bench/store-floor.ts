import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findingId } from '../src/scan/finding.ts';
import type { SqlValue } from '../src/store/engine.ts';
import { openStore } from '../src/store/open.ts';
import { record, type Seen } from '../tests/store/helpers/scans.ts';

/**
 * Recording a big first scan against SQLite's own floor on this machine: the same findings'
 * rows (one in `findings`, one in `scan_findings` each, as a first scan writes them) inserted
 * through prepared statements in one transaction, in key order, into a new store with kansa's
 * schema and indexes; then the same findings recorded by kansa (lifecycles read, findings
 * observed, rows worked out and written). CPU time of this process, store closed (checkpointed)
 * included. The 100k bench scan keeps about 91,000 failures; 630,252 is every finding it makes.
 */
const SIZES = (process.env.BENCH_STORE_SIZES ?? '90000,630000').split(',').map(Number);

function failures(count: number): Seen[] {
  return Array.from({ length: count }, (_, i) => ({
    check: `bench.check-${i % 30}`,
    resource: `/subscriptions/sub-${i % 100}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa${i}`,
    account: `sub-${i % 100}`,
    status: 'FAIL',
    evidence: i,
  }));
}

const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

/** The rows a first scan of these failures writes, inserted with nothing else: SQLite's share. */
async function insertOnly(file: string, findings: readonly Seen[]): Promise<number> {
  const at = '2026-02-01T00:00:00.000Z';
  const scan = '00000000-0000-4000-8000-000000000000';
  const rows = findings
    .map((f) => ({ id: findingId(f.check, 'azure', f.resource), f }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const hashOf = (i: number) => i.toString(16).padStart(32, '0');
  const start = cpuMs();
  const engine = await openStore(file);
  try {
    await engine.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO scans (id, seq, run_id, shard_index, shard_count, started_at, finished_at, recorded_at,
           tool_version, framework_id, framework_version, scope_key, partial, parameters, inputs, coverage,
           accounts_read, checks, findings, failed, unknown, passed, not_applicable, waived, failed_by_severity)
         VALUES (?, 1, ?, 0, 1, ?, ?, ?, '0', 'osaka', '1', 'k', 0, '{}', '[]', '{}', '[]', '[]', 0, 0, 0, 0, 0, 0, '{}')`,
        [scan, scan, at, at, at],
      );
      await tx.runMany(
        `INSERT INTO scan_findings (scan_id, finding_id, status, severity, evidence_hash, change, opened_at, waiver)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        rows.map(({ id }, i): SqlValue[] => [scan, id, 'FAIL', 'high', hashOf(i), 'new', at, null]),
      );
      await tx.runMany(
        `INSERT INTO findings (finding_id, check_id, provider, account, resource_id, resource_name, requirements,
           state, status, severity, evidence_hash, first_seen, last_seen, opened_at, resolved_at, times_reopened)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        rows.map(({ id, f }, i): SqlValue[] => [
          id,
          f.check,
          'azure',
          f.account ?? 'sub-1',
          f.resource,
          f.resource.split('/').at(-1)!,
          '["OSK-3.1"]',
          'open',
          'FAIL',
          'high',
          hashOf(i),
          at,
          at,
          at,
          null,
          0,
        ]),
      );
    });
  } finally {
    await engine.close();
  }
  return cpuMs() - start;
}

/** The same failures recorded by kansa as a first scan. */
async function recordAll(file: string, findings: readonly Seen[]): Promise<number> {
  const start = cpuMs();
  const engine = await openStore(file);
  try {
    await record(engine, { at: '2026-02-01T00:00:00.000Z', findings });
  } finally {
    await engine.close();
  }
  return cpuMs() - start;
}

export async function benchStoreFloor(): Promise<{ markdown: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kansa-bench-floor-'));
  const rows: string[] = [];
  try {
    for (const n of SIZES) {
      const findings = failures(n);
      const floor = await insertOnly(path.join(dir, `floor-${n}.sqlite`), findings);
      const recorded = await recordAll(path.join(dir, `record-${n}.sqlite`), findings);
      const us = (ms: number) => ((ms * 1000) / n).toFixed(1);
      rows.push(
        `| ${n.toLocaleString('en')} | ${floor.toFixed(0)} | ${us(floor)} | ${recorded.toFixed(0)} | ${us(recorded)} | ${(recorded / floor).toFixed(2)} |`,
      );
      console.log(rows.at(-1));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const markdown = `## Recording a first scan against SQLite's insertion floor

Failing findings, each one row in \`findings\` and one in \`scan_findings\` as a first scan
writes them, into a new SQLite store with kansa's schema and indexes, in one process (CPU ms,
store closed and checkpointed included). Floor: the rows alone, made beforehand, inserted
through prepared statements in one transaction in key order. kansa: the same findings
recorded by \`ScanRecording\` (lifecycles read, findings observed and hashed, rows worked out).
The 100k bench scan keeps about 91,000 failures; 630,252 is every finding it makes.

| findings | floor CPU ms | µs / finding | kansa CPU ms | µs / finding | × floor |
|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}
`;
  return { markdown };
}

// Alone: `node bench/store-floor.ts` (BENCH_STORE_SIZES, default 90000,630000).
if (import.meta.filename === process.argv[1]) console.log((await benchStoreFloor()).markdown);
