// One measurement in a fresh process, so that peak RSS belongs to this run alone:
//   node bench/measure.ts scan <dir>        the whole offline scan (read, normalize, evaluate, JSON findings to /dev/null)
//   node bench/measure.ts json-parse <dir>  the baseline: read and JSON.parse every file (NDJSON line by line), nothing else
// Prints one JSON line: {"ms", "maxRssMb", "resources", "findings"}.
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { pino } from 'pino';
import { loadFramework } from '../src/frameworks/load.ts';
import { JsonReportWriter, OUTPUT_HIGH_WATER_MARK } from '../src/report/json.ts';
import { evaluate } from '../src/scan/evaluate.ts';
import { readInventory } from '../src/scan/read-inventory.ts';
import { listInputFiles } from '../src/sources/read-inputs.ts';

const [mode, dir] = process.argv.slice(2);
if (!dir || (mode !== 'scan' && mode !== 'json-parse')) {
  console.error('usage: node bench/measure.ts scan|json-parse <dir>');
  process.exit(2);
}

const started = performance.now();
let resources = 0;
let findings = 0;
if (mode === 'scan') {
  const framework = await loadFramework('osaka');
  const { inventory } = await readInventory(
    { inputs: [dir], live: [], concurrency: 1 },
    pino({ level: 'silent' }),
  );
  resources = inventory.size;
  const out = createWriteStream('/dev/null', { highWaterMark: OUTPUT_HIGH_WATER_MARK });
  const writer = new JsonReportWriter(out);
  await writer.begin();
  for (const finding of evaluate(inventory, framework, new Date())) {
    findings++;
    await writer.finding(finding);
  }
  out.end();
} else {
  for (const file of await listInputFiles([dir])) {
    const raw = await readFile(file);
    const text = (raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8');
    // NDJSON (gcloud asset export) when the first of several lines is a whole JSON value; one
    // document otherwise. A single-line document is parsed once, never tried as a "first line".
    const newline = text.indexOf('\n');
    const oneLine = newline === -1 || text.slice(newline).trim() === '';
    const firstLine = oneLine ? '' : text.slice(0, newline);
    if (!/^\s*[[{]/.test(text)) {
      text.split('\n'); // a CSV credential report: splitting it into lines is the bare minimum
    } else if (!oneLine && firstLine.trim().startsWith('{') && isJson(firstLine)) {
      for (const line of text.split('\n')) if (line) JSON.parse(line);
    } else {
      JSON.parse(text);
    }
  }
}
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const ms = performance.now() - started;
console.log(
  JSON.stringify({
    ms: Math.round(ms),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    resources,
    findings,
  }),
);
