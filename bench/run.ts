// `npm run bench`: generates synthetic exports of all three clouds (N resources, a third per
// cloud, in their real formats) and measures the offline scan against a bare JSON.parse of the
// same files, each in a fresh single-threaded process, writing bench/results.md.
// Sizes: BENCH_SIZES=10000,100000 (default); add 1000000 for the streaming check (takes minutes).
// BENCH_LIVE=0 skips the live-collector runs against the fake clouds (about two minutes).
import { execFileSync } from 'node:child_process';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { listInputFiles } from '../src/sources/read-inputs.ts';
import { generateAws } from './generate/aws.ts';
import { generateAzure } from './generate/azure.ts';
import { generateGcp } from './generate/gcp.ts';
import { benchAwsLive } from './live/aws.ts';
import { benchAzureLive } from './live/azure.ts';
import { benchLiveGcp } from './live/gcp.ts';
import { measureRuleCost } from './rule-cost.ts';
import { benchScale } from './scale.ts';
import { benchSend } from './send.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'bench/out');
const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);

interface Measurement {
  ms: number;
  maxRssMb: number;
  resources: number;
  findings: number;
}

function measure(mode: 'scan' | 'json-parse', dir: string): Measurement {
  const output = execFileSync(process.execPath, [path.join(ROOT, 'bench/measure.ts'), mode, dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(output.trim().split('\n').at(-1)!) as Measurement;
}

async function totalBytes(dir: string): Promise<number> {
  let bytes = 0;
  for (const file of await listInputFiles([dir])) bytes += (await stat(file)).size;
  return bytes;
}

const rows: string[] = [];
for (const n of sizes) {
  const dir = path.join(OUT, String(n));
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const third = Math.round(n / 3);
  await generateAws(path.join(dir, 'aws'), third);
  await generateAzure(path.join(dir, 'azure'), third);
  await generateGcp(path.join(dir, 'gcp'), n - 2 * third);
  const mb = (await totalBytes(dir)) / 1e6;
  const baseline = measure('json-parse', dir);
  const scan = measure('scan', dir);
  const perSecond = Math.round(scan.resources / (scan.ms / 1000));
  console.log(`N=${n}: scan ${scan.ms} ms, ${scan.maxRssMb} MB peak RSS; JSON.parse ${baseline.ms} ms`);
  rows.push(
    `| ${n.toLocaleString('en')} | ${mb.toFixed(0)} | ${scan.resources.toLocaleString('en')} | ${scan.findings.toLocaleString('en')} | ${scan.ms} | ${perSecond.toLocaleString('en')} | ${scan.maxRssMb} | ${baseline.ms} | ${baseline.maxRssMb} | ${(scan.ms / baseline.ms).toFixed(2)} |`,
  );
}

const ruleCost = measureRuleCost(100_000);

// Live collectors against the fake clouds, with realistic latency and the services' quotas.
const live =
  process.env.BENCH_LIVE === '0' ? [] : [await benchAzureLive(), await benchAwsLive(), await benchLiveGcp()];
// SOC delivery to the destinations' fakes, against each service's documented ceiling.
const send = process.env.BENCH_LIVE === '0' ? undefined : await benchSend();
// Shards of a 2,000-subscription estate as separate processes (issue 17).
const scale = process.env.BENCH_LIVE === '0' ? undefined : await benchScale();
console.log(
  `CEL rule ${ruleCost.celNs.toFixed(0)} ns, native check ${ruleCost.nativeNs.toFixed(0)} ns per evaluation`,
);

const report = `# Benchmark results

Written by \`npm run bench\` (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB).
Each figure is one fresh single-threaded process (one core). Inputs: synthetic exports from
\`bench/generate/\` — a third AWS Config snapshots (one file per account and region), a third
\`az graph query\` pages of 1,000 rows, a third \`gcloud asset export\` NDJSON (resource and IAM-policy
lines) — in the real formats. The machine is noisy: compare the ratio column, measured in one run.

| resources generated | input MB | resources after merge | findings | kansa scan ms | resources/s | kansa peak RSS MB | bare JSON.parse ms | JSON.parse peak RSS MB | scan ÷ JSON.parse |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

"kansa scan" is the whole offline pipeline: read and un-gzip every file, parse, detect the format,
normalize to facts, merge records, evaluate every Osaka check and stream the JSON findings file
(to /dev/null). "bare JSON.parse" reads and parses the same files and does nothing else.
Targets (issue #2): 100k resources in under 3 s with peak RSS under 500 MB; 1M under 1.5 GiB.

## Organisation rules (CEL) against a native check

The same decision — "the storage account disallows anonymous blob access" — as the native check
\`azure.storage.blob-public-access\` and as an organisation's CEL rule
(\`facts.allowBlobPublicAccess == false\`, src/checks/custom/cel-rule.ts), each evaluated on the same
${ruleCost.resources.toLocaleString('en')} storage accounts in one process:

| | ns per evaluation | × native |
|---|---:|---:|
| native check | ${ruleCost.nativeNs.toFixed(0)} | 1.0 |
| CEL rule | ${ruleCost.celNs.toFixed(0)} | ${(ruleCost.celNs / ruleCost.nativeNs).toFixed(1)} |

Most of a CEL evaluation is building its variables (the resource's known facts as CEL values).
A rule over 100,000 resources adds about ${((ruleCost.celNs * 100_000) / 1e9).toFixed(2)} s to a scan.
${live.length > 0 ? `\n# Live scans against the fake clouds\n\n${live.map((l) => l.markdown.trim()).join('\n\n')}\n` : ''}${send ? `\n${send.markdown}` : ''}${scale ? `\n${scale.markdown}\n` : ''}`;
await writeFile(path.join(ROOT, 'bench/results.md'), report);
console.log(report);
