import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../src/store/open.ts';
import { record, type Seen } from '../tests/store/helpers/scans.ts';

/**
 * Recording a scan into the history store must cost in proportion to the scan, not to the
 * store: a store shared by many estates (or filled by big scans) once made a 850-finding scan
 * read every finding ever recorded, twice. The same small scan is recorded into a store holding
 * only its account's previous scan, and into one also holding many findings of other accounts;
 * the ratio is the figure to read (about 1 when recording reads only the scan's own accounts).
 */
const SCAN_FINDINGS = 1_000;
const FILLED_FINDINGS = 200_000;
const FILLED_ACCOUNTS = 200;

function findings(account: string, count: number, at: number): Seen[] {
  return Array.from({ length: count }, (_, i) => ({
    check: `bench.c${i % 20}`,
    resource: `/subscriptions/${account}/r/${i}`,
    account,
    status: i % 3 === 0 ? 'PASS' : 'FAIL',
    evidence: at,
  }));
}

/** Records the scan of one account into the store at `file`: CPU and wall milliseconds. */
async function recordInto(file: string): Promise<{ cpuMs: number; wallMs: number }> {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const engine = await openStore(file);
  try {
    await record(engine, { at: '2026-02-01T00:00:00Z', findings: findings('bench-scan', SCAN_FINDINGS, 1) });
  } finally {
    await engine.close();
  }
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - wall };
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchHistoryStore(rounds: number): Promise<{ markdown: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kansa-bench-store-'));
  try {
    // Both stores hold the scanned account's previous scan; the filled one, other accounts' too.
    const empty = path.join(dir, 'empty.sqlite');
    const filled = path.join(dir, 'filled.sqlite');
    for (const file of [empty, filled]) {
      const engine = await openStore(file);
      try {
        if (file === filled) {
          const perAccount = FILLED_FINDINGS / FILLED_ACCOUNTS;
          const others = Array.from({ length: FILLED_ACCOUNTS }, (_, a) =>
            findings(`other-${a}`, perAccount, 0),
          );
          await record(engine, { at: '2026-01-01T00:00:00Z', findings: others.flat() });
        }
        const previous = findings('bench-scan', SCAN_FINDINGS, 0);
        await record(engine, { at: '2026-01-25T00:00:00Z', findings: previous });
      } finally {
        await engine.close();
      }
    }
    const emptyRuns: { cpuMs: number; wallMs: number }[] = [];
    const filledRuns: { cpuMs: number; wallMs: number }[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const [source, runs] of [
        [empty, emptyRuns],
        [filled, filledRuns],
      ] as const) {
        const copy = path.join(dir, `round.sqlite`);
        copyFileSync(source, copy);
        runs.push(await recordInto(copy));
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
      }
    }
    const figures = (runs: typeof emptyRuns) => ({
      cpu: median(runs.map((r) => r.cpuMs)),
      wall: median(runs.map((r) => r.wallMs)),
    });
    const e = figures(emptyRuns);
    const f = figures(filledRuns);
    const row = (name: string, x: typeof e) =>
      `| ${name} | ${x.cpu.toFixed(0)} | ${x.wall.toFixed(0)} | ${(x.cpu / e.cpu).toFixed(1)} |`;
    const markdown = `## Recording a scan into a big history store

A scan of ${SCAN_FINDINGS.toLocaleString('en')} findings (one account) recorded into a store
holding only the account's previous scan ("small"), and into one also holding
${FILLED_FINDINGS.toLocaleString('en')} findings of ${FILLED_ACCOUNTS} other accounts ("filled");
SQLite, medians of ${rounds}.
Recording reads only the scan's own accounts' history: the ratio should stay near 1.

| store | CPU ms | wall ms | × small (CPU) |
|---|---:|---:|---:|
${row('small', e)}
${row('filled', f)}
`;
    console.log(markdown);
    return { markdown };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Alone: `node bench/history-store.ts` (BENCH_ROUNDS, default 3).
if (import.meta.filename === process.argv[1]) await benchHistoryStore(Number(process.env.BENCH_ROUNDS ?? 3));
