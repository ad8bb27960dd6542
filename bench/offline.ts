// The offline scan against the honest floor (bench/floor.mjs), as ratios measured in one run:
// every command is a fresh process, the rounds interleave the commands (so a busy spell of the
// shared machine hits all of them alike), and each figure is the median of the rounds. Time is
// the process's CPU time (user + system, from its own resource usage): on a machine shared by
// many, wall time mostly measures the others. kansa runs compiled (dist/, as installed).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { listInputFiles } from '../src/sources/walk-inputs.ts';
import { generateAws } from './generate/aws.ts';
import { generateAzure } from './generate/azure.ts';
import { generateGcp } from './generate/gcp.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'bench/out');
const RSS_FILE = path.join(OUT, 'max-rss');
/** Writes the process's CPU time and peak RSS to RSS_FILE on exit: loaded with --import into each run. */
const RSS_HOOK = `data:text/javascript,${encodeURIComponent(
  `import { writeFileSync } from 'node:fs'; process.on('exit', () => { const u = process.resourceUsage(); writeFileSync(${JSON.stringify(RSS_FILE)}, JSON.stringify([u.userCPUTime + u.systemCPUTime, u.maxRSS])); });`,
)}`;
/**
 * kansa as installed: bin/kansa.js (the Node version check, the compile cache) with the
 * compiled CLI beside it and no src/ (in a checkout it runs the sources), as `npm install` lays
 * the package out: a copy of bin/kansa.js and package.json in bench/out/installed/, whose dist/
 * links to the build (the bench builds dist/ first).
 */
const INSTALLED = path.join(OUT, 'installed');
const KANSA = [path.join(INSTALLED, 'bin/kansa.js')];

function install(): void {
  rmSync(INSTALLED, { recursive: true, force: true });
  mkdirSync(path.join(INSTALLED, 'bin'), { recursive: true });
  copyFileSync(path.join(ROOT, 'bin/kansa.js'), path.join(INSTALLED, 'bin/kansa.js'));
  copyFileSync(path.join(ROOT, 'package.json'), path.join(INSTALLED, 'package.json'));
  symlinkSync(path.join(ROOT, 'dist'), path.join(INSTALLED, 'dist'));
}

interface Run {
  /** CPU time, user + system. */
  readonly ms: number;
  readonly wallMs: number;
  readonly rssMb: number;
}

/**
 * One fresh process; its stdout to /dev/null. The history store is the bench's own (empty),
 * never the user's: scans run with --no-store unless `store` names a directory for it.
 */
function run(args: readonly string[], store?: string): Run {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', RSS_HOOK, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LANG: 'en_US.UTF-8', XDG_DATA_HOME: store ?? path.join(OUT, 'no-store') },
  });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(' ')}: exit ${result.status}\n${result.stderr}`);
  const [cpuMicros, rssKib] = JSON.parse(readFileSync(RSS_FILE, 'utf8')) as [number, number];
  return { ms: cpuMicros / 1000, wallMs, rssMb: rssKib / 1024 };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Runs each named command `rounds` times, interleaved, and gives the medians. */
function medians<K extends string>(rounds: number, commands: Record<K, () => Run>): Record<K, Run> {
  const runs = Object.fromEntries(Object.keys(commands).map((k) => [k, [] as Run[]])) as Record<K, Run[]>;
  for (let i = 0; i < rounds; i++) {
    for (const [name, command] of Object.entries(commands) as [K, () => Run][]) runs[name].push(command());
  }
  return Object.fromEntries(
    Object.entries(runs).map(([name, list]) => [
      name,
      {
        ms: median((list as Run[]).map((r) => r.ms)),
        wallMs: median((list as Run[]).map((r) => r.wallMs)),
        rssMb: median((list as Run[]).map((r) => r.rssMb)),
      },
    ]),
  ) as Record<K, Run>;
}

async function generate(n: number): Promise<{ dir: string; inputBytes: number }> {
  const dir = path.join(OUT, String(n));
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const third = Math.round(n / 3);
  await generateAws(path.join(dir, 'aws'), third);
  await generateAzure(path.join(dir, 'azure'), third);
  await generateGcp(path.join(dir, 'gcp'), n - 2 * third);
  let inputBytes = 0;
  for (const file of await listInputFiles([dir])) inputBytes += statSync(file).size;
  return { dir, inputBytes };
}

/** The size at which the scan that records into the history store is measured too. */
const STORE_SIZE = 100_000;

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export async function benchOffline(sizes: readonly number[], rounds: number): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  install();

  const start = medians(Math.max(5, rounds), {
    node: () => run(['-e', '0']),
    version: () => run([...KANSA, '--version']),
    versionSource: () => run([path.join(ROOT, 'bin/kansa.js'), '--version']),
  });
  const lines: string[] = [];
  lines.push(
    '## Start',
    '',
    `| command | CPU ms (median of ${Math.max(5, rounds)}) | × \`node -e 0\` | wall ms |`,
    '|---|---:|---:|---:|',
    `| \`node -e 0\` | ${fmt(start.node.ms)} | 1.0 | ${fmt(start.node.wallMs)} |`,
    `| \`kansa --version\` (installed: dist/) | ${fmt(start.version.ms)} | ${fmt(start.version.ms / start.node.ms, 1)} | ${fmt(start.version.wallMs)} |`,
    `| \`kansa --version\` (checkout: Node strips the types of src/) | ${fmt(start.versionSource.ms)} | ${fmt(start.versionSource.ms / start.node.ms, 1)} | ${fmt(start.versionSource.wallMs)} |`,
    '',
    '## Offline scan',
    '',
    `Medians of ${rounds} interleaved rounds. Floor: \`node bench/floor.mjs\` (read + gunzip + one JSON.parse per document, one process).`,
    '',
    '| resources | input MB | floor CPU ms | scan, JSON findings file: CPU ms | ÷ floor | peak RSS MB | scan, terminal only: CPU ms | ÷ floor | peak RSS MB | findings file MB | bytes / resource | ÷ input size | `report --format html` CPU ms | peak RSS MB |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  let small: { floor: number; scan: number } | undefined;
  // Wall time of the same runs: the scan's V8 compilers and GC helpers run on the other core,
  // which CPU time counts and wall time (on an idle core) does not; the floor is one thread.
  const wallRows: string[] = [];
  let stored: { floor: number; noStore: Run; first: Run; next: Run } | undefined;
  for (const n of sizes) {
    const { dir, inputBytes } = await generate(n);
    const findings = path.join(OUT, `findings-${n}.json`);
    const html = path.join(OUT, `report-${n}.html`);
    const scan = ['scan', '--input', dir, '--allow-partial'];
    const m = medians(rounds, {
      floor: () => run([path.join(ROOT, 'bench/floor.mjs'), dir]),
      json: () => run([...KANSA, ...scan, '--no-store', '--output', findings]),
      text: () => run([...KANSA, ...scan, '--no-store']),
    });
    const fileBytes = statSync(findings).size;
    const report =
      n >= 100_000
        ? medians(Math.min(rounds, 3), {
            html: () => run([...KANSA, 'report', '--input', findings, '--format', 'html', '--output', html]),
          }).html
        : undefined;
    // The default scan also records its findings in the history store (SQLite): measured apart,
    // into a new store each time, as a first scan is; then again into a copy of that store, as
    // the next day's scan of the same estate is (every failure seen before).
    if (n === STORE_SIZE) {
      const store = path.join(OUT, 'store');
      const again = path.join(OUT, 'store-again');
      const s = medians(rounds, {
        first: () => {
          rmSync(store, { recursive: true, force: true });
          return run([...KANSA, ...scan, '--output', findings], store);
        },
        next: () => {
          rmSync(again, { recursive: true, force: true });
          cpSync(store, again, { recursive: true });
          return run([...KANSA, ...scan, '--output', findings], again);
        },
      });
      stored = { floor: m.floor.ms, noStore: m.json, first: s.first, next: s.next };
      for (const dir of [store, again]) rmSync(dir, { recursive: true, force: true });
    }
    if (n <= 1000) small = { floor: m.floor.ms, scan: m.text.ms };
    lines.push(
      `| ${fmt(n)} | ${fmt(inputBytes / 1e6, 1)} | ${fmt(m.floor.ms)} | ${fmt(m.json.ms)} | ${fmt(m.json.ms / m.floor.ms, 1)} | ${fmt(m.json.rssMb)} | ${fmt(m.text.ms)} | ${fmt(m.text.ms / m.floor.ms, 1)} | ${fmt(m.text.rssMb)} | ${fmt(fileBytes / 1e6, 1)} | ${fmt(fileBytes / n)} | ${fmt(fileBytes / inputBytes, 2)} | ${report ? fmt(report.ms) : '—'} | ${report ? fmt(report.rssMb) : '—'} |`,
    );
    console.log(lines.at(-1));
    wallRows.push(
      `| ${fmt(n)} | ${fmt(m.floor.wallMs)} | ${fmt(m.json.wallMs)} | ${fmt(m.json.wallMs / m.floor.wallMs, 1)} | ${fmt(m.text.wallMs)} | ${fmt(m.text.wallMs / m.floor.wallMs, 1)} |`,
    );
    rmSync(html, { force: true });
  }
  lines.push(
    '',
    "Wall time of the same runs (medians; a shared machine makes these noisier than CPU time, and the CPU figures above are the ones the targets are read against). The scan runs V8's compilers and garbage-collection helpers on the second core, which the floor, one thread, does not need:",
    '',
    '| resources | floor wall ms | scan, JSON findings file: wall ms | ÷ floor | scan, terminal only: wall ms | ÷ floor |',
    '|---:|---:|---:|---:|---:|---:|',
    ...wallRows,
  );
  if (stored) {
    lines.push(
      '',
      `With the history store (the default: \`kansa scan\` without --no-store records its failures in SQLite; the rows above run with --no-store), ${fmt(STORE_SIZE)} resources, JSON findings file, medians of ${rounds}: first scan into an empty store ${fmt(stored.first.ms)} CPU ms, ${fmt(stored.first.ms / stored.noStore.ms, 2)} × the same scan with --no-store (${fmt(stored.noStore.ms)} ms), ${fmt(stored.first.ms / stored.floor, 1)} × the floor, peak RSS ${fmt(stored.first.rssMb)} MB; the next scan into that store ${fmt(stored.next.ms)} CPU ms, ${fmt(stored.next.ms / stored.noStore.ms, 2)} × --no-store, peak RSS ${fmt(stored.next.rssMb)} MB.`,
    );
  }
  lines.push(
    '',
    'Reading and normalizing the files in worker threads (issue #13, item 7) was measured and left out: it costs more CPU and, on this machine, more wall time (docs/performance.md).',
  );
  if (small) {
    const budget = 3 * start.node.ms + small.floor;
    lines.push(
      '',
      `Small scan: 1,000 resources, terminal only, ${fmt(small.scan)} ms against 3 × \`node -e 0\` + floor = ${fmt(budget)} ms (${fmt(small.scan / budget, 2)} of the budget).`,
    );
  }
  return lines.join('\n');
}
