// The honest floor for an offline scan: one process that reads every input file, un-gzips it
// and JSON.parses each document once (an NDJSON file: each line), and does nothing else.
// Plain JavaScript, so that Node strips no types: `node bench/floor.mjs <dir>`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

const dir = process.argv[2];
let documents = 0;
for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const raw = readFileSync(path.join(entry.parentPath, entry.name));
  const text = (raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8');
  if (!/^\s*[[{]/.test(text)) continue; // a CSV credential report: not JSON
  try {
    JSON.parse(text);
    documents++;
  } catch {
    // Several documents: NDJSON (the parse above stops at the second line, so it costs one line).
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      JSON.parse(line);
      documents++;
    }
  }
}
process.stdout.write(`${documents}\n`);
