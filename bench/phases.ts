// The phases of an offline scan, each timed in CPU time inside one process (docs/performance.md):
// read + normalize (the files into the inventory, with the alias merge and account resources),
// evaluate (every check and the tally, a finding for each failure: the terminal-only scan's
// work), write (the same evaluation again with a finding for every result and the findings file
// written: the difference is what the findings file costs beyond the terminal-only scan) and the
// terminal summary. Each round is a fresh process; the figures are medians of the rounds. The
// process's CPU counts V8's own threads (the optimizing compilers, the collector's helpers);
// `main` is the main thread's alone.
//
// `node bench/phases.ts [N]` (default 100000; BENCH_ROUNDS=3): generates bench/out/N like
// `npm run bench` when it is missing. The findings file goes to bench/out/phases-N.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { GCProfiler } from 'node:v8';
import { pino } from 'pino';
import { loadFramework } from '../src/frameworks/load.ts';
import { openAtomic } from '../src/report/atomic-file.ts';
import {
  checksCatalogue,
  JsonReportWriter,
  OUTPUT_HIGH_WATER_MARK,
  scanEnd,
  scanStart,
} from '../src/report/json.ts';
import { FindingTally } from '../src/report/summary.ts';
import { renderSummary } from '../src/report/terminal.ts';
import { evaluate } from '../src/scan/evaluate.ts';
import { readInventory } from '../src/scan/read-inventory.ts';
import { generateAws } from './generate/aws.ts';
import { generateAzure } from './generate/azure.ts';
import { generateGcp } from './generate/gcp.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'bench/out');
const PHASES = ['read', 'evaluate', 'write', 'terminal'] as const;
type Phase = (typeof PHASES)[number];
type Times = Record<Phase, { cpu: number; main: number; gc: number }>;

if (process.argv[2] === '--round') {
  process.stdout.write(JSON.stringify(await round(process.argv[3]!, process.argv[4]!)));
} else {
  const n = Number(process.argv[2] ?? 100_000);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const dir = path.join(OUT, String(n));
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    const third = Math.round(n / 3);
    await generateAws(path.join(dir, 'aws'), third);
    await generateAzure(path.join(dir, 'azure'), third);
    await generateGcp(path.join(dir, 'gcp'), n - 2 * third);
  }
  // PHASES_AGAINST=<another checkout>: its rounds interleaved with these, both reported.
  const against = process.env.PHASES_AGAINST;
  const checkouts = against
    ? { this: import.meta.filename, [against]: path.join(against, 'bench/phases.ts') }
    : { this: import.meta.filename };
  const runs = new Map<string, Times[]>(Object.keys(checkouts).map((name) => [name, []]));
  for (let i = 0; i < rounds; i++) {
    for (const [name, script] of Object.entries(checkouts)) {
      const child = spawnSync(
        process.execPath,
        [script, '--round', dir, path.join(OUT, `phases-${n}.json`)],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
          maxBuffer: 1 << 20,
        },
      );
      if (child.status !== 0) throw new Error(`${name}, round ${i + 1}: exit ${child.status}`);
      runs.get(name)!.push(JSON.parse(child.stdout) as Times);
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  for (const [name, times] of runs) {
    console.log(
      `${name}: ${n} resources, CPU ms (GC ms; main thread ms: the rest is V8's compiler and GC threads), median of ${rounds} processes:`,
    );
    for (const phase of PHASES) {
      const cpu = times.map((r) => r[phase].cpu);
      // A checkout from before the main thread was timed has none.
      const main = times.some((r) => r[phase].main === undefined)
        ? ''
        : `; main ${median(times.map((r) => r[phase].main)).toFixed(0)}`;
      console.log(
        `  ${phase.padEnd(9)} ${median([...cpu])
          .toFixed(0)
          .padStart(
            6,
          )} (${median(times.map((r) => r[phase].gc)).toFixed(0)}${main})  [${cpu.map((c) => c.toFixed(0)).join(', ')}]`,
      );
    }
  }
}

/** One round: the phases of a scan of `dir`, timed. */
async function round(dir: string, output: string): Promise<Times> {
  const log = pino({ level: 'silent' });
  const framework = await loadFramework('osaka');
  const times = {} as Times;
  const timed = async <T>(phase: Phase, work: () => Promise<T> | T): Promise<T> => {
    const profiler = new GCProfiler();
    profiler.start();
    const before = process.cpuUsage();
    const mainBefore = process.threadCpuUsage();
    const result = await work();
    const used = process.cpuUsage(before);
    const mainUsed = process.threadCpuUsage(mainBefore);
    // cost: microseconds of each collection.
    const gc = profiler.stop()?.statistics.reduce((sum, s) => sum + s.cost, 0) ?? 0;
    times[phase] = {
      cpu: (used.user + used.system) / 1000,
      main: (mainUsed.user + mainUsed.system) / 1000,
      gc: gc / 1000,
    };
    return result;
  };

  const startedAt = new Date();
  const { inventory, files, scopes } = await timed('read', () =>
    readInventory({ inputs: [dir], live: [], concurrency: 1 }, log),
  );
  const providers = new Set(inventory.accounts().map((a) => a.provider));
  const tally = await timed('evaluate', () => {
    // As the terminal-only scan: only failures become findings, the other results are counted.
    const tally = new FindingTally();
    for (const finding of evaluate(inventory, framework, startedAt, tally)) tally.add(finding);
    return tally;
  });
  await timed('write', async () => {
    const out = await openAtomic(output, { highWaterMark: OUTPUT_HIGH_WATER_MARK });
    const writer = new JsonReportWriter(out.stream, { reuseChunks: true });
    const tally = new FindingTally();
    await writer.begin(
      scanStart({ framework, inputs: [dir], startedAt, version: 'bench' }),
      checksCatalogue(framework),
    );
    for (const finding of evaluate(inventory, framework, startedAt)) {
      tally.add(finding);
      const written = writer.finding(finding);
      if (written) await written;
    }
    await writer.end(scanEnd({ framework, tally, providers, files, scopes, resources: inventory.all() }));
    await out.commit();
  });
  times.write.cpu -= times.evaluate.cpu;
  times.write.main -= times.evaluate.main;
  times.write.gc -= times.evaluate.gc;
  await timed('terminal', () => {
    const end = scanEnd({ framework, tally, providers, files, scopes, resources: inventory.all() });
    return renderSummary({
      framework,
      requirements: end.requirements,
      tally,
      coverage: end.coverage,
      resources: inventory.size,
      lang: 'en',
      color: false,
    }).length;
  });
  return times;
}
