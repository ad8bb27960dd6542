import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../base/input-error.ts';
import { locateJsonError } from '../base/json-position.ts';
import type { FileCoverage } from '../model/coverage.ts';
import type { Resource } from '../model/resource.ts';
import type { InputFormat, ReadContext, RecordFormat } from './format.ts';
import { INPUT_FORMATS } from './index.ts';

/** The directory walk skips what is plainly not an export. */
const SKIPPED_NAMES = /^(\.|README|LICENSE)/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** Expands the inputs (files and directories, walked in sorted order) into file paths. */
export async function listInputFiles(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(input);
    } catch {
      throw new InputError(input, 'no such file or directory');
    }
    if (info.isDirectory()) files.push(...(await walk(input)));
    else files.push(input);
  }
  return files;
}

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const entry of entries) {
    if (SKIPPED_NAMES.test(entry.name) || SKIPPED_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

const GZIP_MAGIC = [0x1f, 0x8b];
/** How much of a file is read to tell NDJSON from a JSON document. */
const HEAD_BYTES = 1 << 16;

/**
 * Reads one export file: detects its format, hands every resource to `emit`, and returns its
 * coverage. A bad file (malformed, unknown format, empty) is not thrown: its coverage says what
 * is wrong (file, line, what was expected), and resources read before the problem are kept.
 * Only a file that cannot be opened at all throws InputError.
 */
export async function readInputFile(file: string, emit: (resource: Resource) => void): Promise<FileCoverage> {
  // Read synchronously: files are read one after the other anyway, and an async read of a large
  // file spends much of its time passing chunks through the event loop.
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new InputError(file, `cannot read file (${code ?? message})`);
  }
  const coverage: FileCoverage = {
    path: file,
    sha256: createHash('sha256').update(raw).digest('hex'),
    bytes: raw.length,
    resources: 0,
    skipped: [],
  };
  const ctx: ReadContext = {
    file,
    skip: (reason, where) => coverage.skipped.push({ ...where, reason }),
    note: (note, where) => {
      coverage.notes ??= [];
      coverage.notes.push({ ...where, note });
    },
  };
  const count = (resources: Iterable<Resource>) => {
    for (const resource of resources) {
      emit(resource);
      if (resource.deleted) coverage.deleted = (coverage.deleted ?? 0) + 1;
      else coverage.resources++;
    }
  };

  try {
    await readFormat(file, raw, ctx, coverage, count);
  } catch (error) {
    // Resources read before the error are kept; the file is marked in the coverage section.
    if (!(error instanceof InputError)) throw error;
    coverage.error = error.message;
  }
  return coverage;
}

async function readFormat(
  file: string,
  raw: Buffer,
  ctx: ReadContext,
  coverage: FileCoverage,
  count: (resources: Iterable<Resource>) => void,
): Promise<void> {
  const data = toUtf8(isGzip(raw) ? gunzip(file, raw) : raw);
  const head = stripBom(data.subarray(0, HEAD_BYTES).toString('utf8'));
  if (head.trim() === '') throw new InputError(file, 'empty file: expected a cloud inventory export');

  const first = head.trimStart()[0];
  if (first !== '{' && first !== '[') {
    const format = findFormat(INPUT_FORMATS, (f) => f.kind === 'text' && f.matches(firstLine(head)));
    if (format?.kind !== 'text')
      throw unknownFormat(file, 'the file is neither JSON nor a known text export');
    coverage.format = format.id;
    count(format.read(stripBom(decodeWhole(file, data)), ctx));
    return;
  }

  const ndjsonFirst = firstNdjsonRecord(head);
  if (ndjsonFirst !== undefined) {
    const format = findRecordFormat(ndjsonFirst);
    if (!format) throw unknownFormat(file, 'no known format has records of this shape');
    coverage.format = format.id;
    readNdjson(file, data, format, ctx, count);
    return;
  }

  const document = parseJson(file, stripBom(decodeWhole(file, data)));
  const docFormat = findFormat(INPUT_FORMATS, (f) => f.kind === 'document' && f.matches(document));
  if (docFormat?.kind === 'document') {
    coverage.format = docFormat.id;
    count(docFormat.read(document, ctx));
    return;
  }
  // A one-line NDJSON file is also a JSON document.
  const recordFormat = findRecordFormat(document);
  if (!recordFormat) throw unknownFormat(file, 'no known format has this JSON shape');
  coverage.format = recordFormat.id;
  count(recordFormat.read(document, ctx, 1));
}

function findFormat(formats: readonly InputFormat[], test: (format: InputFormat) => boolean) {
  return formats.find(test);
}

function findRecordFormat(record: unknown): RecordFormat | undefined {
  const format = INPUT_FORMATS.find((f) => f.kind === 'ndjson' && f.matches(record));
  return format?.kind === 'ndjson' ? format : undefined;
}

/** NDJSON, line by line over the file's bytes: each line is decoded only when its turn comes. */
function readNdjson(
  file: string,
  data: Buffer,
  format: RecordFormat,
  ctx: ReadContext,
  count: (resources: Iterable<Resource>) => void,
): void {
  let lineNo = 0;
  for (let start = 0; start < data.length; ) {
    const newline = data.indexOf(NEWLINE, start);
    const end = newline === -1 ? data.length : newline;
    lineNo++;
    const raw = data.toString('utf8', start, end);
    start = end + 1;
    const line = lineNo === 1 ? stripBom(raw) : raw;
    if (line.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      const problem = locateJsonError(line, (error as Error).message);
      throw new InputError(file, problem.message, { line: lineNo, column: problem.column });
    }
    count(format.read(record, ctx, lineNo));
  }
}

const NEWLINE = 0x0a;

/** The first line's record when the text is NDJSON (a complete JSON value, then more lines). */
function firstNdjsonRecord(head: string): unknown {
  const text = head.trimStart();
  const newline = text.indexOf('\n');
  if (newline === -1 || text.slice(newline).trim() === '') return undefined;
  try {
    const record: unknown = JSON.parse(text.slice(0, newline));
    return typeof record === 'object' && record !== null && !Array.isArray(record) ? record : undefined;
  } catch {
    return undefined;
  }
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const problem = locateJsonError(text, (error as Error).message);
    throw new InputError(file, problem.message, { line: problem.line, column: problem.column });
  }
}

/**
 * A JSON document is parsed whole, so it must fit in one JavaScript string (~512 MiB). The
 * clouds page their exports well below that (Resource Graph 1,000 rows, ARM nextLink pages,
 * Config snapshots per account and region); NDJSON is read line by line at any size.
 */
function decodeWhole(file: string, data: Buffer): string {
  try {
    return data.toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_STRING_TOO_LONG') throw error;
    throw new InputError(
      file,
      `file too large to read as one JSON document (${Math.round(data.length / 2 ** 20)} MiB): split it into pages, as the cloud CLIs do, or export as NDJSON`,
    );
  }
}

function unknownFormat(file: string, why: string): InputError {
  const known = INPUT_FORMATS.map((f) => `  - ${f.id}: ${f.description}`).join('\n');
  return new InputError(file, `unknown export format: ${why}. Expected one of:\n${known}`);
}

function isGzip(data: Buffer): boolean {
  return data[0] === GZIP_MAGIC[0] && data[1] === GZIP_MAGIC[1];
}

function gunzip(file: string, data: Buffer): Buffer {
  try {
    return gunzipSync(data);
  } catch (error) {
    throw new InputError(file, `corrupt gzip file (${(error as Error).message})`);
  }
}

/**
 * Exports made on Windows are often UTF-16 (Windows PowerShell 5.1's `>` and `Out-File` write
 * UTF-16LE with a byte-order mark): re-encode them as UTF-8, which everything else reads.
 */
function toUtf8(data: Buffer): Buffer {
  if (data[0] === 0xff && data[1] === 0xfe) return Buffer.from(data.subarray(2).toString('utf16le'), 'utf8');
  if (data[0] === 0xfe && data[1] === 0xff) {
    const swapped = Buffer.from(data.subarray(2, data.length - (data.length % 2)));
    return Buffer.from(swapped.swap16().toString('utf16le'), 'utf8');
  }
  return data;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end === -1 ? text : text.slice(0, end);
}
