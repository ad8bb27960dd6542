// `npm run bench`: generates synthetic exports of all three clouds (N resources, a third per
// cloud, in their real formats) and measures the offline scan against the honest floor (read +
// gunzip + one JSON.parse per document, one process), writing bench/results.md.
// Sizes: BENCH_SIZES=1000,10000,100000 (default); add 1000000 for the streaming check (minutes).
// BENCH_ROUNDS=3 interleaved rounds per figure (medians). BENCH_LIVE=0 skips the live-collector
// runs against the fake clouds (about two minutes) and keeps the previous results' live section.
// BENCH_ONLY=offline measures the start and offline-scan tables only and prints them, leaving
// bench/results.md as it is (e.g. BENCH_ONLY=offline BENCH_SIZES=1000 BENCH_ROUNDS=5).
// BENCH_ONLY=live runs only the three clouds' live collectors and replaces their section of
// bench/results.md, keeping the rest of the previous results.
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { benchHistoryStore } from './history-store.ts';
import { benchAwsLive } from './live/aws.ts';
import { benchAzureLive } from './live/azure.ts';
import { benchLiveGcp } from './live/gcp.ts';
import { benchOffline } from './offline.ts';
import { measureRuleCost } from './rule-cost.ts';
import { benchScale } from './scale.ts';
import { benchSend } from './send.ts';
import { benchStoreFloor } from './store-floor.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const RESULTS = path.join(ROOT, 'bench/results.md');
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const LIVE_HEADING = '# Live scans against the fake clouds';
/** Where the live section ends in bench/results.md (an HTML comment: not shown). */
const LIVE_END = '<!-- end of the live scans -->';

/** The live collectors against the fake clouds, with realistic latency and the services' quotas. */
async function liveScans(note?: string): Promise<string> {
  const live = [await benchAzureLive(), await benchAwsLive(), await benchLiveGcp()];
  const parts = [...(note ? [note] : []), ...live.map((l) => l.markdown.trim())];
  return `${LIVE_HEADING}\n\n${parts.join('\n\n')}\n\n${LIVE_END}\n`;
}

const only = process.env.BENCH_ONLY;
if (only !== undefined && only !== 'offline' && only !== 'live')
  throw new Error(`BENCH_ONLY=${only}: "offline" or "live"`);

if (only === 'live') {
  const previous = await readFile(RESULTS, 'utf8');
  const start = previous.indexOf(LIVE_HEADING);
  const end = previous.indexOf(LIVE_END);
  if (start < 0 || end < start)
    throw new Error(
      `${RESULTS} has no live section ending in "${LIVE_END}" to replace: run \`npm run bench\``,
    );
  const section = await liveScans(
    `(Run alone with BENCH_ONLY=live on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}.)`,
  );
  await writeFile(
    RESULTS,
    `${previous.slice(0, start)}${section}${previous.slice(end + LIVE_END.length + 1)}`,
  );
  console.log(section);
  process.exit(0);
}

const offline = await benchOffline(sizes, rounds);
if (only === 'offline') {
  console.log(`\n${offline}`);
  process.exit(0);
}

const ruleCost = measureRuleCost(100_000);

// Recording a scan into a store full of other accounts' history, against a small store.
const historyStore = await benchHistoryStore(rounds);
// Recording a big first scan against SQLite's own insertion floor on this machine.
const storeFloor = await benchStoreFloor();

const live = process.env.BENCH_LIVE === '0' ? undefined : await liveScans();
// SOC delivery to the destinations' fakes, against each service's documented ceiling.
const send = process.env.BENCH_LIVE === '0' ? undefined : await benchSend();
// Shards of a 2,000-subscription estate as separate processes (issue 17).
const scale = process.env.BENCH_LIVE === '0' ? undefined : await benchScale();
console.log(
  `CEL rule ${ruleCost.celNs.toFixed(0)} ns, native check ${ruleCost.nativeNs.toFixed(0)} ns per evaluation`,
);

const NOT_RUN = "(Not run this time, BENCH_LIVE=0: the previous run's figures.)";
const previous = await readFile(RESULTS, 'utf8').catch(() => '');
const liveSection =
  live !== undefined
    ? live
    : previous.includes(LIVE_HEADING)
      ? `${LIVE_HEADING}\n\n${NOT_RUN}\n\n${previous
          .slice(previous.indexOf(LIVE_HEADING) + LIVE_HEADING.length)
          .replaceAll(`${NOT_RUN}\n`, '')
          .trimStart()}`
      : '';

const report = `# Benchmark results

Written by \`npm run bench\` (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB).
Inputs: synthetic exports from \`bench/generate/\` — a third AWS Config snapshots (one file per
account and region), a third \`az graph query\` pages of 1,000 rows, a third \`gcloud asset export\`
NDJSON (resource and IAM-policy lines) — in the real formats, with the whole Osaka checklist.
The machine is shared and noisy: the ratios, measured in the same run, are the figures to read.

Targets (issue #13): the 100k scan with the JSON findings file ≤ 6 × the floor, terminal only
≤ 4 ×; findings file ≤ 3 × the input size; \`kansa report\` of the 1M file within 2 GB RSS;
\`kansa --version\` ≤ 5 × \`node -e 0\`; a 1k scan ≤ 3 × \`node -e 0\` + its floor.

${offline}

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

${historyStore.markdown}
${storeFloor.markdown}${liveSection ? `\n${liveSection}` : ''}${send ? `\n${send.markdown}` : ''}${scale ? `\n${scale.markdown}\n` : ''}`;
await writeFile(RESULTS, report);
console.log(report);
