import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FindingsFile, LoadedFindingsFile } from '../../src/report/read-findings.ts';
import { loadAll } from '../../src/report/read-findings.ts';
import { inShard } from '../../src/scan/shard.ts';
import { openStore } from '../../src/store/open.ts';
import { readRunFindings } from '../../src/store/run-report.ts';
import { kansaHere as kansa, SAMPLE } from '../cli/run-kansa.ts';
import { findingsFromFile, findingsFromText } from '../helpers/findings-file.ts';
import { storeEngines } from './helpers/engines.ts';

/**
 * Issue 17's equality: the sample tenancy (8 accounts over three clouds) scanned as N shards
 * (--shard I/N by the accounts' hash) into one store under one run id, merged by `kansa report
 * --run`, is the single scan of the whole tenancy. The commands run in this worker, one after
 * the other (tests/cli/run-kansa.ts); shards as processes at once, into one store, are
 * tests/scale/processes.test.ts, and concurrent writers tests/store/processes.test.ts.
 */
const { dir, engines, unavailable } = storeEngines('kansa-run-report-');
let whole: LoadedFindingsFile;
let wholeCsv: string;

beforeAll(async () => {
  const scan = await kansa([
    'scan',
    '-i',
    SAMPLE,
    '--store',
    path.join(dir, 'whole.sqlite'),
    '--format',
    'json',
    '-o',
    path.join(dir, 'whole.json'),
  ]);
  expect(scan.stderr).toBe('');
  whole = await findingsFromFile(path.join(dir, 'whole.json'));
  wholeCsv = (await kansa(['report', '-i', path.join(dir, 'whole.json'), '--format', 'csv'])).stdout;
}, 120_000);

/** The history state carries each scan's own clock: the rest must be equal. */
const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z/g;
const findingsById = (file: FindingsFile) =>
  new Map(loadAll(file).findings.map((f) => [f.id, JSON.stringify(f).replace(ISO_TIME, 'T')]));
const csvRows = (csv: string) => csv.replace(ISO_TIME, 'T').split('\n').sort();

const shardScan = (store: string, shard: string, run: string) =>
  kansa(['scan', '-i', SAMPLE, '--store', store, '--shard', shard, '--run-id', run, '--format', 'json']);

describe.each(engines)('a run of N shards on $name', ({ name, location: newStore }) => {
  for (const count of [1, 2, 4])
    it(`N = ${count}: the merged run is the single scan, no finding twice`, async (context) => {
      const store = await newStore();
      if (!store) return context.skip(unavailable());
      const runs = await Promise.all(
        Array.from({ length: count }, (_, i) => shardScan(store, `${i}/${count}`, `run-${name}-${count}`)),
      );
      for (const run of runs) expect([run.code, run.stderr]).toEqual([0, '']);
      const shards = await Promise.all(runs.map((r) => findingsFromText(r.stdout)));
      const ids = shards.flatMap((s) => s.findings.map((f) => f.id));
      expect(new Set(ids).size).toBe(ids.length);

      const engine = await openStore(store);
      const merged = await readRunFindings(engine, `run-${name}-${count}`).finally(() => engine.close());
      expect(merged!.status.complete).toBe(true);
      expect(findingsById(merged!.file)).toEqual(findingsById(whole));
      expect(merged!.file.summary).toEqual(whole.summary);
      expect(merged!.file.requirements).toEqual(whole.requirements);
      expect({ ...merged!.file.coverage, notEvaluated: undefined }).toEqual({
        ...whole.coverage,
        notEvaluated: undefined,
      });
      const byCheck = (file: FindingsFile) =>
        [...file.coverage.notEvaluated].sort((a, b) => a.checkId.localeCompare(b.checkId));
      expect(byCheck(merged!.file)).toEqual(byCheck(whole));
      expect(merged!.file.scan.partial).toBe(false);

      const report = await kansa([
        'report',
        '--store',
        store,
        '--run',
        `run-${name}-${count}`,
        '--format',
        'csv',
      ]);
      expect([report.code, report.stderr]).toEqual([0, '']);
      expect(csvRows(report.stdout)).toEqual(csvRows(wholeCsv));
    }, 180_000);

  it('a shard that never reported leaves the run partial, named; its rerun completes it', async (context) => {
    const store = await newStore();
    if (!store) return context.skip(unavailable());
    await Promise.all([shardScan(store, '0/3', 'r'), shardScan(store, '2/3', 'r')]);
    const partial = await kansa(['report', '--store', store, '--run', 'r', '--format', 'csv']);
    expect(partial.stderr).toMatch(/run r: shards 1\/3 have not reported: their scopes are missing/);
    // Named from the accounts the reporting shards saw in the same export files.
    const missing = [...new Set(whole.findings.map((f) => `${f.resource.provider}:${f.resource.account}`))]
      .filter((scope) => inShard(scope.slice(scope.indexOf(':') + 1), { index: 1, count: 3 }))
      .sort();
    expect(missing.length).toBeGreaterThan(0);
    // (Accounts without findings, such as a folder of Google Cloud, are among them too.)
    const line = partial.stderr.split('\n').find((l) => l.includes('run r: missing scopes')) ?? '';
    for (const scope of missing) expect(line).toContain(scope);
    const engine = await openStore(store);
    try {
      expect((await readRunFindings(engine, 'r'))!.file.scan.partial).toBe(true);
      expect((await shardScan(store, '1/3', 'r')).code).toBe(0);
      const done = await readRunFindings(engine, 'r');
      expect(done!.status.complete).toBe(true);
      expect(findingsById(done!.file)).toEqual(findingsById(whole));
    } finally {
      await engine.close();
    }
    expect((await kansa(['report', '--store', store, '--run', 'r', '--format', 'csv'])).stderr).toBe('');
  }, 180_000);
});

describe('kansa report --run refuses', () => {
  it('a store that does not exist, a run the store does not have, and --run with --input', async () => {
    // Reading never creates a store: a path with none is a usage error.
    const absent = await kansa(['report', '--store', path.join(dir, 'absent.sqlite'), '--run', 'nope']);
    expect([absent.code, absent.stderr]).toEqual([2, expect.stringMatching(/no history store at /)]);
    const store = path.join(dir, 'empty.sqlite');
    await (await openStore(store)).close();
    const missing = await kansa(['report', '--store', store, '--run', 'nope']);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringMatching(/no run nope in /)]);
    const both = await kansa(['report', '--store', store, '--run', 'x', '-i', 'f.json']);
    expect([both.code, both.stderr]).toEqual([2, expect.stringMatching(/either --input FILE or --run RUN/)]);
    const noRunId = await kansa(['scan', '-i', SAMPLE, '--store', store, '--shard', '0/2'], {
      KANSA_RUN_ID: '',
      JOB_NAME: '',
    });
    expect([noRunId.code, noRunId.stderr]).toEqual([
      2,
      expect.stringMatching(/needs a run id shared by all the shards/),
    ]);
  }, 60_000);
});
