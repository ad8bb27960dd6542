import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FindingsFile, readFindings } from '../../src/report/read-findings.ts';
import { inShard, type Shard, shardOf } from '../../src/scan/shard.ts';
import { openStore } from '../../src/store/open.ts';
import { readRunFindings } from '../../src/store/run-report.ts';
import { finished, kansaHere, ROOT, type Run } from '../cli/run-kansa.ts';
import { generateScenario } from '../fakes/azure/scenario.ts';
import { FakeAzure, type FakeRequest, type Fault } from '../fakes/azure/server.ts';
import { startTestPostgres, type TestPostgres } from '../store/helpers/postgres.ts';

/**
 * Issue 17 end to end, live: `kansa scan --azure --shard I/N` as N child processes at once
 * against one fake Azure tenancy (the Osaka management groups) and one store. The shards'
 * union is the single-process scan, no subscription is read twice, a killed shard leaves the
 * run partial and named, its rerun completes it, and `kansa report --run` renders what the
 * single scan's findings file renders. Each shard has its own identity (token): separate
 * Resource Graph quotas, as docs/scale-out.md advises, so the test takes seconds.
 */
const FIXTURE = path.join(ROOT, 'tests/scale/fixtures/kansa-fake-azure.ts');
const scenario = generateScenario({ seed: 20261203, subscriptions: 9, resources: 360 });
const dir = mkdtempSync(path.join(tmpdir(), 'kansa-scale-'));
const caFile = path.join(dir, 'ca.pem');
let fake: FakeAzure;
let postgres: TestPostgres | string = 'not started';
let whole: FindingsFile;
let wholeCsv: string;

/** While set: the Resource Graph queries of this shard's subscriptions are held (then it is killed). */
let hold: { shard: Shard; arrived: () => void } | undefined;
const fault = (request: FakeRequest): Fault | undefined => {
  const subscriptions = request.subscriptions ?? [];
  if (hold && subscriptions.length > 0 && subscriptions.every((id) => inShard(id, hold!.shard))) {
    hold.arrived();
    return { delayMs: 120_000 };
  }
  return undefined;
};

function kansaAzure(args: readonly string[], identity: string): ChildProcess {
  return spawn(process.execPath, [FIXTURE, ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      LANG: 'en_US.UTF-8',
      LC_ALL: '',
      LC_MESSAGES: '',
      KANSA_FAKE_AZURE_ENDPOINT: fake.endpoint,
      KANSA_FAKE_AZURE_CA_FILE: caFile,
      KANSA_FAKE_AZURE_TOKEN: `token-${identity}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const run = (args: readonly string[], identity: string): Promise<Run> => finished(kansaAzure(args, identity));

const shardScan = (store: string, shard: string, runId: string, output: string) =>
  run(
    ['scan', '--azure', '--store', store, '--shard', shard, '--run-id', runId, '-o', output, '--lang', 'en'],
    `${runId}-${shard}`,
  );

beforeAll(async () => {
  fake = await new FakeAzure({ scenario, fault }).start();
  writeFileSync(caFile, fake.ca);
  postgres = await startTestPostgres();
  if (typeof postgres === 'string') console.warn(`PostgreSQL shard tests skipped: ${postgres}`);
  const output = path.join(dir, 'whole.json');
  const scan = await run(
    ['scan', '--azure', '--store', path.join(dir, 'whole.sqlite'), '-o', output, '--lang', 'en'],
    'whole',
  );
  expect([scan.code, scan.stderr]).toEqual([0, '']);
  whole = await readFindings(output);
  const report = await kansaHere(['report', '-i', output, '--format', 'csv']);
  expect(report.code).toBe(0);
  wholeCsv = report.stdout;
}, 120_000);
afterAll(async () => {
  await fake?.stop();
  if (typeof postgres !== 'string') postgres.stop();
  rmSync(dir, { recursive: true, force: true });
});

let stores = 0;
/**
 * Each shard is a process of its own and costs a second or two on a shared machine (start-up,
 * then some 400 ARM reads over TLS): each engine runs one case of N at once, and SQLite the
 * killed shard (three at once). The merge of 1, 2 and 4 shards on both engines, and a shard that never
 * reported on PostgreSQL, are tests/store/run-report.test.ts; concurrent writers and a writer
 * killed mid-write on both engines, tests/store/processes.test.ts.
 */
const ENGINES = [
  {
    name: 'sqlite',
    counts: [2],
    killed: true,
    store: async () => path.join(dir, `s${++stores}`, 'history.sqlite'),
  },
  {
    name: 'postgres',
    counts: [2],
    killed: false,
    store: async () => (typeof postgres === 'string' ? undefined : postgres.newDatabase()),
  },
] as const;

const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z/g;
const verdicts = (file: FindingsFile) => [...file.findings].map((f) => `${f.id} ${f.status}`);
const subscriptions = (file: FindingsFile) =>
  file.coverage.scopes.flatMap((s) => /^subscription ([0-9a-f-]{36})/.exec(s.scope)?.[1] ?? []);
/**
 * A CSV row without the scan's clock and without which Resource Graph answer, and which row of
 * it, the resource was read from (source_file, source_position): a shard's answers hold only
 * its subscriptions' rows, and of two tables that both describe a resource (an app and its site
 * config) the answer that arrives first names it, in a single scan too. Every other column
 * must be equal.
 */
const csvRows = (csv: string) =>
  csv
    .replace(ISO_TIME, 'T')
    .replace(/azure:resourcegraph\/[a-z]+,index \d+,/g, 'azure:resourcegraph,?,')
    .split('\n')
    .sort();

describe.each(ENGINES)(
  'live Azure shards as processes, one $name store',
  ({ name, counts, killed, store: newStore }) => {
    it('the single scan reads every subscription of the tenancy', () => {
      expect(subscriptions(whole).sort()).toEqual(
        scenario.subscriptions.map((s) => s.id.toLowerCase()).sort(),
      );
      expect(verdicts(whole).length).toBeGreaterThan(300);
    });

    for (const count of counts)
      it(`N = ${count} at once: the union is the single scan, no subscription twice, the same report`, async (context) => {
        const store = await newStore();
        if (!store) return context.skip(`PostgreSQL unavailable: ${postgres as string}`);
        const runId = `live-${name}-${count}`;
        const outputs = Array.from({ length: count }, (_, i) => path.join(dir, `${runId}-${i}.json`));
        const runs = await Promise.all(
          outputs.map((output, i) => shardScan(store, `${i}/${count}`, runId, output)),
        );
        for (const done of runs) expect([done.code, done.stderr]).toEqual([0, '']);
        const shards = await Promise.all(outputs.map((output) => readFindings(output)));
        const scanned = shards.flatMap(subscriptions);
        expect(new Set(scanned).size, 'a subscription scanned twice').toBe(scanned.length);
        expect(scanned.sort()).toEqual(subscriptions(whole).sort());
        const union = shards.flatMap(verdicts);
        expect(new Set(union).size, 'a finding in two shards').toBe(union.length);
        expect(union.sort()).toEqual(verdicts(whole).sort());

        const engine = await openStore(store);
        const merged = await readRunFindings(engine, runId).finally(() => engine.close());
        expect(merged!.status.complete).toBe(true);
        expect(verdicts(merged!.file).sort()).toEqual(verdicts(whole).sort());
        expect(merged!.file.summary).toEqual(whole.summary);
        expect(merged!.file.requirements).toEqual(whole.requirements);
        const report = await kansaHere(['report', '--store', store, '--run', runId, '--format', 'csv']);
        expect([report.code, report.stderr]).toEqual([0, '']);
        expect(csvRows(report.stdout)).toEqual(csvRows(wholeCsv));
      }, 180_000);

    if (killed)
      it('a killed shard leaves the run partial, named with its subscriptions; its rerun completes it', async (context) => {
        const store = await newStore();
        if (!store) return context.skip(`PostgreSQL unavailable: ${postgres as string}`);
        const count = 3;
        const runId = `killed-${name}`;
        // The shard holding the most subscriptions is the one killed.
        const owned = (index: number) =>
          scenario.subscriptions.filter((s) => shardOf(s.id.toLowerCase(), count) === index).map((s) => s.id);
        const victim = [0, 1, 2].sort((a, b) => owned(b).length - owned(a).length)[0]!;
        expect(owned(victim).length).toBeGreaterThan(0);
        const output = (i: number) => path.join(dir, `${runId}-${i}.json`);

        let arrived!: () => void;
        const held = new Promise<void>((resolve) => {
          arrived = resolve;
        });
        hold = { shard: { index: victim, count }, arrived };
        const child = kansaAzure(
          [
            'scan',
            '--azure',
            '--store',
            store,
            '--shard',
            `${victim}/${count}`,
            '--run-id',
            runId,
            '-o',
            output(victim),
          ],
          `${runId}-victim`,
        );
        const killed = finished(child);
        const others = [0, 1, 2]
          .filter((i) => i !== victim)
          .map((i) => shardScan(store, `${i}/${count}`, runId, output(i)));
        try {
          // Killed mid-scan, once its subscriptions' queries are on the wire: it never reports.
          await held;
          child.kill('SIGKILL');
          expect((await killed).signal).toBe('SIGKILL');
          for (const done of await Promise.all(others)) expect([done.code, done.stderr]).toEqual([0, '']);
        } finally {
          hold = undefined;
        }

        const partial = await kansaHere(['report', '--store', store, '--run', runId, '--format', 'csv']);
        expect(partial.stderr).toMatch(
          new RegExp(`run ${runId}: shards ${victim}/${count} have not reported`),
        );
        expect(partial.stderr).toMatch(
          new RegExp(`run ${runId}: missing scopes \\(${owned(victim).length}\\): azure:`),
        );
        const engine = await openStore(store);
        try {
          const merged = await readRunFindings(engine, runId);
          expect(merged!.status.complete).toBe(false);
          // The shards that reported saw the whole tenancy: they name the victim's subscriptions.
          expect(merged!.status.missingScopes).toEqual(
            owned(victim)
              .map((id) => `azure:${id.toLowerCase()}`)
              .sort(),
          );
          expect(merged!.file.scan.partial).toBe(true);
          // What is missing is exactly the victim's subscriptions: the others' are all there.
          const read = new Set(subscriptions(merged!.file));
          const missing = scenario.subscriptions.map((s) => s.id.toLowerCase()).filter((id) => !read.has(id));
          expect(missing.sort()).toEqual(
            owned(victim)
              .map((id) => id.toLowerCase())
              .sort(),
          );

          const rerun = await shardScan(store, `${victim}/${count}`, runId, output(victim));
          expect([rerun.code, rerun.stderr]).toEqual([0, '']);
          const done = await readRunFindings(engine, runId);
          expect(done!.status.complete).toBe(true);
          expect(verdicts(done!.file).sort()).toEqual(verdicts(whole).sort());
        } finally {
          await engine.close();
        }
        const report = await kansaHere(['report', '--store', store, '--run', runId, '--format', 'csv']);
        expect([report.code, report.stderr]).toEqual([0, '']);
        expect(csvRows(report.stdout)).toEqual(csvRows(wholeCsv));
      }, 180_000);
  },
);
