import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RunLock } from '../../src/store/lock.ts';
import { openStore } from '../../src/store/open.ts';
import { findingsFromFile } from '../helpers/findings-file.ts';
import { kansaHere, type Run, SAMPLE } from './run-kansa.ts';

/** The CLI in this worker (tests/cli/run-kansa.ts), called with its arguments spread. */
const kansa = (...args: string[]) => kansaHere(args);

interface File {
  findings: {
    id: string;
    checkId: string;
    status: string;
    severity: string;
    resource: { id: string; account: string };
    waiver?: { id: string };
    history?: { state: string; firstSeen: string };
  }[];
  requirements: { id: string; status: string; manual: unknown[] }[];
  summary: { waived: number };
  history: { seq: number; changes: Record<string, number>; previous?: { finishedAt: string } };
  scan: { finishedAt: string };
  waivers: { id: string; state: string; matched: number }[];
}

describe('kansa scan with the history store and waivers; history; diff', { timeout: 180_000 }, () => {
  let dir: string;
  let store: string;
  const files: File[] = [];
  let waivers: string;
  let first: Run;
  let second: Run;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kansa-history-'));
    store = path.join(dir, 'store', 'history.sqlite');
    first = await kansa('scan', '-i', SAMPLE, '--store', store, '-o', path.join(dir, 'f1.json'));
    expect(first.stderr).toBe('');
    files.push((await findingsFromFile(path.join(dir, 'f1.json'))) as unknown as File);
    // Waive every critical failure of the first scan (by check, any resource), plus one that matches nothing.
    const critical = [
      ...new Set(
        files[0]!.findings
          .filter((f) => f.status === 'FAIL' && f.severity === 'critical')
          .map((f) => f.checkId),
      ),
    ];
    waivers = path.join(dir, 'waivers.yaml');
    await writeFile(
      waivers,
      `waivers:\n${critical
        .map(
          (check, i) =>
            `  - id: W-${i + 1}\n    check: ${check}\n    resources: { id: "*" }\n    reason: accepted\n    approver: CISO\n    approved: 2026-01-01\n    expires: 2099-12-31\n`,
        )
        .join(
          '',
        )}  - id: W-STALE\n    check: aws.s3.bucket-public-access\n    resources: { account: "000000000000" }\n    reason: x\n    approver: y\n    approved: 2026-01-01\n    expires: 2099-12-31\n`,
    );
    second = await kansa(
      'scan',
      '-i',
      SAMPLE,
      '--store',
      store,
      '--waivers',
      waivers,
      '--fail-on',
      'critical',
      '-o',
      path.join(dir, 'f2.json'),
    );
    files.push((await findingsFromFile(path.join(dir, 'f2.json'))) as unknown as File);
  }, 120_000);

  it('records each scan; the findings carry their state (new, then still open)', () => {
    const [first, next] = files as [File, File];
    expect(first.history.seq).toBe(1);
    expect(first.findings.filter((f) => f.status === 'FAIL').every((f) => f.history?.state === 'new')).toBe(
      true,
    );
    expect(first.findings.filter((f) => f.status === 'PASS').every((f) => f.history === undefined)).toBe(
      true,
    );
    expect(next.history.seq).toBe(2);
    expect(next.history.previous).toBeDefined();
    const failing = next.findings.filter((f) => f.status === 'FAIL');
    expect(failing.every((f) => f.history?.state === 'open')).toBe(true);
    expect(next.history.changes.open).toBe(failing.length);
  });

  it('OSK-8.1 is decided from the history: UNKNOWN on the first scan, PASS on the next', () => {
    const verdict = (file: File) => file.requirements.find((r) => r.id === 'OSK-8.1');
    expect(verdict(files[0]!)).toMatchObject({ status: 'UNKNOWN', manual: [] });
    expect(verdict(files[1]!)).toMatchObject({ status: 'PASS', manual: [] });
    // Its row says where the verdict comes from, since it has no findings to count.
    const row = (run: Run) => run.stdout.split('\n').find((line) => line.startsWith('  OSK-8.1 '));
    expect(row(first)).toMatch(
      /UNKNOWN +0 +0 +0 .*\[judged from the scan history: no earlier scan of this scope recorded yet\]$/,
    );
    expect(row(second)).toMatch(/PASS +0 +0 +0 .*\[judged from the scan history\]$/);
  });

  it('OSK-8.1 says so in the HTML report too, in both languages', async () => {
    for (const lang of ['en', 'ja']) {
      const html = (
        await kansa('report', '-i', path.join(dir, 'f2.json'), '--format', 'html', '--lang', lang)
      ).stdout;
      expect(html).toContain('"note":{"ja":"スキャン履歴から判定","en":"judged from the scan history"}');
    }
  });

  it('waived critical failures are WAIVED, listed, and do not count toward --fail-on', async () => {
    const next = files[1]!;
    const waived = next.findings.filter((f) => f.waiver);
    expect(waived.length).toBeGreaterThan(0);
    expect(waived.every((f) => f.status === 'FAIL')).toBe(true);
    expect(next.findings.some((f) => f.status === 'FAIL' && f.severity === 'critical' && !f.waiver)).toBe(
      false,
    );
    expect(next.summary.waived).toBe(waived.length);
    expect(second.code).toBe(0);
    expect(next.waivers.find((w) => w.id === 'W-STALE')).toMatchObject({ state: 'stale', matched: 0 });
    expect(second.stdout).toMatch(/Failures — before waivers: critical \d+.* \/ after waivers: critical 0/);
    // The waivers' lines in columns: each state starts where the others do.
    const lines = second.stdout.split('\n').filter((line) => /^ {2}W-/.test(line));
    const stateAt = lines.map((line) => line.search(/ (?:active|stale) /));
    expect(new Set(stateAt).size, lines.join('\n')).toBe(1);
    // Without the waivers the same scan fails on critical.
    const unwaived = await kansa('scan', '-i', SAMPLE, '--no-store', '--fail-on', 'critical');
    expect(unwaived.code).toBe(1);
  });

  it('every report format lists the waiver and the state', async () => {
    const f2 = path.join(dir, 'f2.json');
    const csv = (await kansa('report', '-i', f2, '--format', 'csv')).stdout;
    expect(csv.split('\r\n')[0]).toMatch(
      /,waiver_id,waiver_approver,waiver_expires,history_state,first_seen,open_since,forces$/,
    );
    expect(csv).toMatch(/\r\n[0-9a-f]{32},WAIVED,critical,.*,W-1,CISO,2099-12-31,open,/);
    const ocsf = (await kansa('report', '-i', f2, '--format', 'ocsf')).stdout
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            status: string;
            activity_name: string;
            unmapped: { kansa: { waiver?: unknown } };
          },
      );
    expect(ocsf.filter((e) => e.status === 'Suppressed').length).toBe(files[1]!.summary.waived);
    expect(ocsf.filter((e) => e.unmapped.kansa.waiver).every((e) => e.status === 'Suppressed')).toBe(true);
    const sarif = JSON.parse((await kansa('report', '-i', f2, '--format', 'sarif')).stdout) as {
      runs: { results: { baselineState?: string; suppressions?: { status: string }[] }[] }[];
    };
    const results = sarif.runs[0]!.results.filter((r) => r.baselineState !== undefined);
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => r.suppressions?.[0]?.status === 'accepted').length).toBe(
      files[1]!.summary.waived,
    );
    expect(results.every((r) => r.baselineState === 'unchanged')).toBe(true);
    const html = (await kansa('report', '-i', f2, '--format', 'html')).stdout;
    expect(html).toContain('"changes":{"counts":');
    expect(html).toContain('"waivers":[');
    expect(html).not.toContain(`"at":"${files[0]!.scan.finishedAt}"`);
    // With the store, the trend chart has the earlier scan from it.
    const withStore = (await kansa('report', '-i', f2, '--format', 'html', '--store', store)).stdout;
    expect(withStore).toContain(`"at":"${files[0]!.scan.finishedAt}"`);
  });

  it('kansa history lists the scans and the trend per requirement; --format json for machines', async () => {
    const text = await kansa('history', '--store', store, '--lang', 'en');
    expect(text.stdout).toMatch(/#1 .*\n.*#2 /);
    expect(text.stdout).toMatch(/Failures per requirement over time/);
    // One cell per scan, apart: a MANUAL requirement's cells do not run together.
    expect(text.stdout).toMatch(/^ {2}LOC-2 +M +M$/m);
    const json = JSON.parse((await kansa('history', '--store', store, '--format', 'json')).stdout) as {
      scans: { seq: number; counts: { WAIVED: number } }[];
      trend: Record<string, { status: string }[]>;
    };
    expect(json.scans.map((s) => s.seq)).toEqual([1, 2]);
    expect(json.scans[1]!.counts.WAIVED).toBe(files[1]!.summary.waived);
    expect(json.trend['OSK-8.1']!.map((p) => p.status)).toEqual(['UNKNOWN', 'PASS']);
  });

  it('kansa diff compares the last two complete scans, or those named', async () => {
    const diff = JSON.parse((await kansa('diff', '--store', store, '--format', 'json')).stdout) as {
      from: { seq: number };
      to: { seq: number };
      counts: Record<string, number>;
      entries: { state: string; ageDays: number; waiver?: string }[];
    };
    expect([diff.from.seq, diff.to.seq]).toEqual([1, 2]);
    expect(diff.counts.open).toBe(diff.entries.length);
    expect(diff.entries.every((e) => e.state === 'open' && e.ageDays === 0)).toBe(true);
    expect(diff.entries.some((e) => e.waiver === 'W-1')).toBe(true);
    const named = await kansa('diff', '--store', store, '--from', '#2', '--to', '#1', '--lang', 'en');
    expect(named.stdout).toMatch(/^Diff: #2 .* → #1 /);
    const nowhere = path.join(dir, 'typo.sqlite');
    const absent = await kansa('history', '--store', nowhere);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toMatch(/no history store at .*typo\.sqlite/);
    expect(existsSync(nowhere)).toBe(false);
    // A scan (or a report) given both --store and --no-store would keep or read the history, or
    // not, by their order: it is told to give one.
    for (const order of [
      ['--store', store, '--no-store'],
      ['--no-store', '--store', store],
    ]) {
      for (const both of [
        await kansa('scan', '-i', SAMPLE, ...order),
        await kansa('report', '-i', path.join(dir, 'no-such-findings.json'), ...order),
      ]) {
        expect(both.code).toBe(2);
        expect(both.stderr).toMatch(/--store and --no-store contradict each other: give one/);
      }
    }
    // They read the store, so they take no --no-store; KANSA_STORE_URL=none is told to name one.
    expect((await kansa('history', '--no-store')).stderr).toMatch(/unknown option '--no-store'/);
    const none = await kansaHere(['diff'], { KANSA_STORE_URL: 'none' });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/KANSA_STORE_URL=none names none: give --store PATH\|URL/);
    const missing = await kansa('diff', '--store', store, '--from', '#9');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no scan #9 in /);
    // In Japanese, history, diff and their errors have no English labels.
    const [history, named2, absent2] = await Promise.all([
      kansa('history', '--store', store, '--lang', 'ja'),
      kansa('diff', '--store', store, '--lang', 'ja'),
      kansa('diff', '--store', store, '--from', '#9', '--lang', 'ja'),
    ]);
    expect(history.stdout).toMatch(/#1 .* 不適合 +\d+ +例外承認 +\d+/);
    expect(history.stdout).toMatch(/^ {2}LOC-2 +手動 +手動$/m);
    expect(`${history.stdout}${named2.stdout}`).not.toMatch(/\b(?:FAIL|WAIVED|MANUAL)\b/);
    expect(absent2.stderr).toMatch(/^kansa: .* にスキャン #9 はありません（kansa history で一覧）/);
  });

  it('a second run finds the store locked and says so (exit 5), without scanning', async () => {
    const engine = await openStore(store);
    const lock = await RunLock.acquire(engine, { waitMs: 0, ttlMs: 60_000 });
    try {
      const blocked = await kansa('scan', '-i', SAMPLE, '--store', store);
      expect(blocked.code).toBe(5);
      expect(blocked.stderr).toMatch(/is in use by another kansa run .*this run did not scan/);
    } finally {
      await lock.release();
      await engine.close();
    }
  });

  it('history prune keeps at least a year by default and rejects a bad age', async () => {
    const pruned = await kansa('history', 'prune', '--store', store);
    expect(pruned.stdout).toMatch(/^pruned 0 scans finished before /);
    const before = await kansa('history', '--store', store, 'prune', '--keep', '2y');
    expect(before.stdout).toMatch(/^pruned 0 scans finished before /);
    const bad = await kansa('history', 'prune', '--store', store, '--keep', 'forever');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--keep forever: expected a number and d, w, m or y/);
  });

  it('a bad waivers file is refused with its file and line', async () => {
    const bad = path.join(dir, 'bad.yaml');
    await writeFile(
      bad,
      'waivers:\n  - id: W-1\n    check: x\n    resources: { id: "*" }\n    reason: r\n    approver: a\n    approved: 2026-01-01\n',
    );
    const result = await kansa('scan', '-i', SAMPLE, '--no-store', '--waivers', bad);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.yaml:2: .*expires/);
  });
});
