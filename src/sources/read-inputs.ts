import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, type Dirent, openSync, readFileSync, readSync, type Stats, statSync } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { compareText } from '../base/compare-text.ts';
import { InputError } from '../base/input-error.ts';
import { locateJsonError } from '../base/json-position.ts';
import { DEFAULT_MAX_INFLATED_BYTES, type InputBudget } from '../base/limits.ts';
import { decodeShiftJis } from '../base/shift-jis.ts';
import type { FileCoverage } from '../model/coverage.ts';
import type { Resource } from '../model/resource.ts';
import { csvHeader, loadCsvParser } from './csv.ts';
import type { ReadContext, RecordFormat } from './format.ts';
import { INPUT_FORMATS } from './index.ts';
import { findRecordFormat, readDocument, readYaml, unknownFormat } from './read-document.ts';
import { otherTerraformOutput, severalTerraformDocuments } from './terraform/other-outputs.ts';
import type { YamlDocument } from './yaml-documents.ts';
import { isYamlFileName, looksLikeYaml } from './yaml-sniff.ts';

/** The files of the inputs, and what was passed over in them with the reason. */
export interface InputWalk {
  readonly files: string[];
  readonly passedOver: FileCoverage[];
}

/** Options of the file reader. */
export interface ReadOptions {
  /** Most bytes a gzip file may inflate to: a larger one is an error, not an out-of-memory crash. */
  readonly maxInflatedBytes?: number;
  /** All the input the scan may read (inflated), shared by its files: past it, files are not read. */
  readonly budget?: InputBudget;
  /**
   * Whether the coverage names the file by its SHA-256 (default true). The findings file, the
   * reports and the history store print it; a scan that shows only the terminal summary reads
   * none, and leaves it empty rather than hash every byte it read.
   */
  readonly digest?: boolean;
}

/**
 * The directory walk passes over what is plainly not an export (listed in the coverage, with the
 * reason); Terraform sources sit beside their plans.
 */
const SKIPPED_NAMES = /^(\.|README|LICENSE)|\.(tf|tfvars|hcl)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '__MACOSX']);
/**
 * Terraform keeps the state before each apply beside the state (`terraform.tfstate.backup`):
 * its resources have the addresses of the current state's and would merge with them, and one
 * deleted since would come back. Passed over where the current state is beside it.
 */
const STATE_BACKUP_SUFFIX = '.tfstate.backup';

/** Expands the inputs (files and directories, walked in sorted order) into file paths. */
export async function listInputFiles(inputs: readonly string[]): Promise<string[]> {
  return (await walkInputs(inputs)).files;
}

/**
 * Expands the inputs into the files to read, following symbolic links (a link to a directory
 * or file already reached is passed over, so a loop ends). Nothing vanishes silently: what is
 * not read (documentation, hidden files, FIFOs, devices, broken links) is listed with why.
 */
export async function walkInputs(inputs: readonly string[]): Promise<InputWalk> {
  const walk: InputWalk = { files: [], passedOver: [] };
  const seen = new Map<string, string>();
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) {
      if (await lstat(input).catch(() => undefined))
        walk.passedOver.push(
          notRead(input, { error: `${input}: broken symbolic link: its target does not exist` }),
        );
      else throw new InputError(input, 'no such file or directory');
      continue;
    }
    await visit(input, info, walk, seen);
  }
  return walk;
}

/** What the walk needs to know of a path: its Stats, or the Dirent its directory listed it with. */
type PathKind = Stats | Dirent;

async function visit(
  file: string,
  info: PathKind,
  walk: InputWalk,
  seen: Map<string, string>,
  known?: string,
): Promise<void> {
  if (!info.isDirectory() && !info.isFile()) {
    walk.passedOver.push(notRead(file, { ignored: `not a regular file (${fileKind(info)})` }));
    return;
  }
  const real = known ?? (await realpath(file));
  const first = seen.get(real);
  if (first !== undefined) {
    walk.passedOver.push(notRead(file, { ignored: `already read as ${first} (symbolic link)` }));
    return;
  }
  seen.set(real, file);
  if (info.isFile()) {
    walk.files.push(file);
    return;
  }
  let entries: Dirent[];
  try {
    entries = (await readdir(file, { withFileTypes: true })).sort((a, b) => compareText(a.name, b.name));
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    walk.passedOver.push(notRead(file, { error: `${file}: cannot read directory (${code ?? message})` }));
    return;
  }
  const names = new Set(entries.map((entry) => entry.name));
  for (const entry of entries) {
    const full = path.join(file, entry.name);
    const ignored = passedOverName(entry.name, (sibling) => names.has(sibling));
    if (ignored) {
      walk.passedOver.push(notRead(full, { ignored }));
      continue;
    }
    if (!entry.isSymbolicLink()) {
      // The listing tells what it is, and its real path is the directory's with its name: no
      // lstat and no realpath per file (a tenth of a millisecond each, thousands of files).
      await visit(full, entry, walk, seen, path.join(real, entry.name));
      continue;
    }
    const target = await stat(full).catch(() => undefined);
    if (!target) {
      walk.passedOver.push(
        notRead(full, { error: `${full}: broken symbolic link: its target does not exist` }),
      );
      continue;
    }
    await visit(full, target, walk, seen);
  }
}

/**
 * Why a file or directory of a folder (or of a ZIP archive) is not read; `besides` tells whether
 * a name is beside it.
 */
function passedOverName(name: string, besides: (sibling: string) => boolean): string | undefined {
  if (SKIPPED_NAMES.test(name) || SKIPPED_DIRS.has(name))
    return 'not an export (hidden, README, LICENSE or tool directory)';
  const current = name.endsWith(STATE_BACKUP_SUFFIX) ? name.slice(0, -'.backup'.length) : '';
  if (current && besides(current))
    return `the Terraform state before the last apply: ${current} beside it is the current state, which is read`;
  return undefined;
}

function fileKind(info: PathKind): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a file';
}

function notRead(file: string, why: { error: string } | { ignored: string }): FileCoverage {
  return { path: file, sha256: '', bytes: 0, resources: 0, skipped: [], ...why };
}

const GZIP_MAGIC = [0x1f, 0x8b];
/** How much of a file is read to tell NDJSON from a JSON document. */
const HEAD_BYTES = 1 << 16;

/**
 * Reads one input file: a ZIP archive as the folder its entries make (each entry read as a file,
 * `handover.zip!/aws/config.json` in the coverage and origins), any other file as one export.
 * Only an input that cannot be opened at all throws InputError.
 */
export async function readInput(
  file: string,
  emit: (resource: Resource) => void,
  options: ReadOptions = {},
): Promise<FileCoverage[]> {
  const { budget } = options;
  if (budget?.exhausted) throw new InputError(file, budgetReached(budget));
  if (!isZipArchive(fileHead(file))) return [await readInputFile(file, emit, options)];
  return readZipArchive(file, file, emit, options);
}

/**
 * Reads one export file: detects its format, hands every resource to `emit`, and returns its
 * coverage. A bad file (malformed, unknown format, empty) is not thrown: its coverage says what
 * is wrong (file, line, what was expected), and resources read before the problem are kept.
 * Only a file that cannot be opened at all throws InputError.
 */
export async function readInputFile(
  file: string,
  emit: (resource: Resource) => void,
  options: ReadOptions = {},
): Promise<FileCoverage> {
  // Read synchronously: files are read one after the other anyway, and an async read of a large
  // file spends much of its time passing chunks through the event loop.
  const { budget } = options;
  if (budget?.exhausted) throw new InputError(file, budgetReached(budget));
  let raw: Buffer;
  try {
    if (budget && statSync(file).size > budget.remaining) {
      budget.stop();
      throw new InputError(file, budgetReached(budget));
    }
    raw = readFileSync(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const { code, message } = error as NodeJS.ErrnoException;
    throw new InputError(file, `cannot read file (${code ?? message})`);
  }
  return readBytes(file, raw, emit, options);
}

/** One file's bytes (a file's, or a ZIP entry's), read as `readInputFile` says. */
async function readBytes(
  file: string,
  raw: Buffer,
  emit: (resource: Resource) => void,
  options: ReadOptions,
  archived = false,
): Promise<FileCoverage> {
  const { budget } = options;
  const coverage: FileCoverage = {
    path: file,
    sha256: options.digest === false ? '' : createHash('sha256').update(raw).digest('hex'),
    bytes: raw.length,
    resources: 0,
    skipped: [],
  };
  const noted = new Set<string>();
  const ctx: ReadContext = {
    file,
    ...(archived && { archived }),
    skip: (reason, where) => coverage.skipped.push({ ...where, reason }),
    note: (note, where) => {
      coverage.notes ??= [];
      // A note about the whole file (ConvertTo-Json's depth cut) is given by every record it
      // touches: the first one, where it is, says it.
      if (noted.has(note)) return;
      noted.add(note);
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
    await readFormat(file, raw, ctx, coverage, count, {
      maxInflatedBytes: options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES,
      budget,
    });
  } catch (error) {
    // Resources read before the error are kept; the file is marked in the coverage section.
    if (error instanceof RangeError && /call stack/.test(error.message)) {
      coverage.error = `${file}: nested too deeply to read (a JSON value inside thousands of others)`;
    } else if (error instanceof InputError) coverage.error = error.message;
    else throw error;
  }
  return coverage;
}

/** Separates an archive's name from its entry's in the coverage and in origins, as Java's jar: URLs do. */
export const ARCHIVE_ENTRY_SEPARATOR = '!/';

/**
 * A ZIP archive read as a folder: its entries in the order a directory walk gives (sorted,
 * folder by folder), passed over as the walk passes files over (hidden files, `__MACOSX/`,
 * READMEs), each read as a file named `<archive>!/<entry>`. An archive inside it is read the
 * same way, one level deep. An entry that cannot be read is listed with why; the others are read.
 * `archive` is the file, or the bytes of an archive inside another; `label` names it.
 */
async function readZipArchive(
  archive: string | Buffer,
  label: string,
  emit: (resource: Resource) => void,
  options: ReadOptions,
): Promise<FileCoverage[]> {
  // Imported when an input is a ZIP archive: a scan of other files never loads the ZIP library.
  const { openZipArchive } = await import('./zip-archive.ts');
  let zip: Awaited<ReturnType<typeof openZipArchive>>;
  try {
    zip = await openZipArchive(archive);
  } catch (error) {
    // The table of contents is at the archive's end: an archive cut short lists no entry.
    throw new InputError(
      label,
      `truncated or corrupt ZIP archive (${(error as Error).message}): none of its entries could be listed`,
    );
  }
  const maxInflatedBytes = options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES;
  const coverages: FileCoverage[] = [];
  try {
    if (zip.entries.length === 0)
      return [
        notRead(label, { error: `${label}: empty ZIP archive: expected cloud inventory exports in it` }),
      ];
    const names = new Set(zip.entries.map((entry) => entry.name));
    const listed = new Set<string>();
    const entries = [...zip.entries].sort((a, b) => compareEntryNames(a.name, b.name));
    for (const entry of entries) {
      const name = `${label}${ARCHIVE_ENTRY_SEPARATOR}${entry.name}`;
      const passedOver = passedOverEntry(entry.name, names);
      if (passedOver) {
        // A folder passed over is listed once, as the directory walk lists it.
        const where = `${label}${ARCHIVE_ENTRY_SEPARATOR}${passedOver.path}`;
        if (!listed.has(where)) coverages.push(notRead(where, { ignored: passedOver.reason }));
        listed.add(where);
        continue;
      }
      if (entry.unreadable) {
        coverages.push(notRead(name, { error: new InputError(name, entry.unreadable).message }));
        continue;
      }
      // Checked against the size the archive declares, which yauzl holds the entry to.
      const { budget } = options;
      if (
        budget?.exhausted ||
        entry.size > Math.min(maxInflatedBytes, budget?.remaining ?? maxInflatedBytes)
      ) {
        let why: string;
        if (budget && (budget.exhausted || budget.remaining < maxInflatedBytes)) {
          budget.stop();
          why = budgetReached(budget);
        } else
          why = `ZIP entry inflates to more than ${Math.round(maxInflatedBytes / 2 ** 20)} MiB (${Math.round(entry.compressedSize / 2 ** 20)} MiB compressed): not read; raise the bound with --max-inflated-mib if the file is genuine`;
        coverages.push(notRead(name, { error: new InputError(name, why).message }));
        continue;
      }
      let data: Buffer;
      try {
        data = await zip.read(entry);
      } catch (error) {
        coverages.push(
          notRead(name, {
            error: new InputError(name, `corrupt ZIP entry (${(error as Error).message})`).message,
          }),
        );
        continue;
      }
      if (!isZipArchive(data)) coverages.push(await readBytes(name, data, emit, options, true));
      else if (typeof archive === 'string') {
        try {
          coverages.push(...(await readZipArchive(data, name, emit, options)));
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          coverages.push(notRead(name, { error: error.message }));
        }
      } else
        coverages.push(
          notRead(name, {
            error: new InputError(
              name,
              'a ZIP archive inside a ZIP archive inside another: kansa reads archives one level deep; extract the outer archive and scan the folder',
            ).message,
          }),
        );
    }
    return coverages;
  } finally {
    zip.close();
  }
}

/**
 * Why an entry is passed over, and the path listed for it: the first folder of its name that
 * the walk would pass over, or the entry itself.
 */
function passedOverEntry(
  name: string,
  names: ReadonlySet<string>,
): { path: string; reason: string } | undefined {
  const segments = name.split('/');
  for (const [i, segment] of segments.entries()) {
    const folder = segments.slice(0, i).join('/');
    const reason = passedOverName(segment, (sibling) => names.has(folder ? `${folder}/${sibling}` : sibling));
    if (reason) return { path: segments.slice(0, i + 1).join('/'), reason };
  }
  return undefined;
}

/** Entry names in the directory walk's order: folder by folder, each sorted (`a/b.json` before `a.json`). */
function compareEntryNames(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const order = compareText(left[i]!, right[i]!);
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

async function readFormat(
  file: string,
  raw: Buffer,
  ctx: ReadContext,
  coverage: FileCoverage,
  count: (resources: Iterable<Resource>) => void,
  limits: { maxInflatedBytes: number; budget: InputBudget | undefined },
): Promise<void> {
  if (isSavedTerraformPlan(raw))
    throw new InputError(
      file,
      'a saved Terraform plan (terraform plan -out), a ZIP archive: kansa reads its JSON; run terraform show -json <planfile> > plan.json and scan plan.json',
    );
  const data = withoutTerraformWrapper(toUtf8(isGzip(raw) ? gunzip(file, raw, limits) : raw, ctx));
  if (limits.budget && !limits.budget.spend(data.length))
    throw new InputError(file, budgetReached(limits.budget));
  const head = stripBom(data.subarray(0, HEAD_BYTES).toString('utf8'));
  if (head.trim() === '') throw new InputError(file, 'empty file: expected a cloud inventory export');
  if (KANSA_FINDINGS_HEAD.test(head)) {
    coverage.ignored = "kansa's own findings file (the output of kansa scan), not a cloud export";
    return;
  }

  if (isYamlFileName(file)) {
    await readYaml(await yamlDocuments(file, data, false), file, ctx, coverage, count);
    return;
  }
  const several = severalTerraformDocuments(file, data);
  if (several) throw several;

  const first = head.trimStart()[0];
  if (first !== '{' && first !== '[') {
    // Leading blank lines are passed over: the AWS CLI starts its error output with one.
    // Text formats are told by their header, which the CSV parser reads: loaded first.
    await loadCsvParser();
    const format = INPUT_FORMATS.find((f) => f.kind === 'text' && f.matches(firstLine(head.trimStart())));
    if (format?.kind === 'text') {
      await format.load?.();
      coverage.format = format.id;
      count(format.read(stripBom(decodeWhole(file, data)), ctx));
    } else if (looksLikeYaml(head)) {
      await readYaml(await yamlDocuments(file, data, true), file, ctx, coverage, count);
    } else throw unknownFormat(file, unknownText(firstLine(head.trimStart())));
    return;
  }

  const ndjsonFirst = firstNdjsonRecord(head);
  if (ndjsonFirst !== undefined) {
    const format = findRecordFormat(ndjsonFirst);
    if (!format)
      throw (
        otherTerraformOutput(file, ndjsonFirst) ??
        unknownFormat(file, 'no known format has records of this shape')
      );
    coverage.format = format.id;
    const malformed = readNdjson(file, data, format, ctx, count);
    if (malformed.length > 0) {
      // The good lines are read; the file is still marked, since what the bad lines held is lost.
      coverage.error = `${malformed[0]}${malformed.length > 1 ? ` (and ${malformed.length - 1} more malformed lines, skipped)` : ' (line skipped)'}`;
    }
    return;
  }

  const document = parseJson(file, stripBom(decodeWhole(file, data)));
  if (!(await readDocument(document, ctx, coverage, count)))
    throw otherTerraformOutput(file, document) ?? unknownFormat(file, 'no known format has this JSON shape');
}

/** A YAML file's documents (`sniffed`: taken for YAML by its first line, not its name). */
async function yamlDocuments(file: string, data: Buffer, sniffed: boolean): Promise<YamlDocument[]> {
  // Imported when a file is YAML: a scan of JSON exports never loads the YAML library.
  const { parseYamlDocuments } = await import('./yaml-documents.ts');
  return parseYamlDocuments(file, stripBom(decodeWhole(file, data)), sniffed);
}

/**
 * NDJSON, line by line over the file's bytes: each line is decoded only when its turn comes.
 * A malformed line is skipped with its file:line error and reading goes on; the errors are returned.
 */
function readNdjson(
  file: string,
  data: Buffer,
  format: RecordFormat,
  ctx: ReadContext,
  count: (resources: Iterable<Resource>) => void,
): string[] {
  const malformed: string[] = [];
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
      const message = new InputError(file, problem.message, { line: lineNo, column: problem.column }).message;
      ctx.skip(problem.message, { line: lineNo });
      malformed.push(message);
      continue;
    }
    count(format.read(record, ctx, lineNo));
  }
  return malformed;
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

/** Why a text file is not read: a CSV is named by its header, which says what it holds. */
function unknownText(line: string): string {
  const columns = csvHeader(line) ?? [];
  if (columns.length < 2) return 'the file is neither JSON, YAML nor a known text export';
  const shown = columns.slice(0, 6).join(', ') + (columns.length > 6 ? ', …' : '');
  return `a CSV file whose header (${shown}) is none of the CSV exports kansa reads`;
}

function isGzip(data: Buffer): boolean {
  return data[0] === GZIP_MAGIC[0] && data[1] === GZIP_MAGIC[1];
}

function gunzip(
  file: string,
  data: Buffer,
  { maxInflatedBytes, budget }: { maxInflatedBytes: number; budget: InputBudget | undefined },
): Buffer {
  // The scan's bound stops the inflation first when less of it is left than a file may take.
  const maxOutputLength = budget ? Math.min(maxInflatedBytes, budget.remaining) : maxInflatedBytes;
  try {
    return gunzipSync(data, { maxOutputLength: Math.max(maxOutputLength, 1) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      if (budget && maxOutputLength < maxInflatedBytes) {
        budget.stop();
        throw new InputError(file, budgetReached(budget));
      }
      throw new InputError(
        file,
        `gzip file inflates to more than ${Math.round(maxOutputLength / 2 ** 20)} MiB (${Math.round(data.length / 2 ** 20)} MiB compressed): not read; raise the bound with --max-inflated-mib if the file is genuine`,
      );
    }
    throw new InputError(file, `corrupt gzip file (${(error as Error).message})`);
  }
}

/**
 * A file the scan does not read because all the input it may hold was read: it stops rather
 * than run out of memory with nothing written, and says how to read more.
 */
function budgetReached(budget: InputBudget): string {
  const mib = Math.round(budget.limit / 2 ** 20);
  return `not read: the scan reached its bound of ${mib} MiB of input (--max-input-mib ${mib}) and stops reading; raise the bound (and Node's heap, NODE_OPTIONS=--max-old-space-size) or scan the inputs in parts`;
}

/**
 * kansa's findings file begins with its schema version (report/json.ts writes it first); no
 * cloud export does. Recognised so that a findings file left in an input folder is not read
 * back as an export on the next scan.
 */
const KANSA_FINDINGS_HEAD = /^\s*\{\s*"schemaVersion"\s*:\s*"\d+\.\d+\.\d+"/;

/**
 * Exports made on Windows are often UTF-16 (Windows PowerShell 5.1's `>` and `Out-File` write
 * UTF-16LE with a byte-order mark), and in Japan Shift_JIS (CP932: a CSV saved again by Excel,
 * Windows PowerShell 5.1's `Set-Content` and `Export-Csv` on a Japanese system): re-encoded as
 * UTF-8, which everything else reads. Read as UTF-8, Shift_JIS would turn every Japanese tag and
 * name (a classification tag's `機密性2`) into replacement characters without a word.
 */
function toUtf8(data: Buffer, ctx: ReadContext): Buffer {
  if (data[0] === 0xff && data[1] === 0xfe) return Buffer.from(data.subarray(2).toString('utf16le'), 'utf8');
  if (data[0] === 0xfe && data[1] === 0xff) {
    const swapped = Buffer.from(data.subarray(2, data.length - (data.length % 2)));
    return Buffer.from(swapped.swap16().toString('utf16le'), 'utf8');
  }
  if (isUtf8(data)) return data;
  const text = decodeShiftJis(data);
  if (text === undefined) {
    ctx.note?.(
      'the file is neither UTF-8 nor Shift_JIS: its invalid bytes are read as replacement characters (U+FFFD), so text in them (tags, names) is lost',
    );
    return data;
  }
  ctx.note?.('the file is in Shift_JIS (CP932), as Excel and Japanese Windows tools save it: read as such');
  return Buffer.from(text, 'utf8');
}

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** The entries a saved plan's ZIP archive starts with (Terraform's internal/plans/planfile). */
const SAVED_PLAN_ENTRY = /^(?:tfplan|tfstate|tfstate-prev|tfconfig\/.*|\.terraform\.lock\.hcl)$/;

/** How much of a file is read to tell a ZIP archive (its first entry's header and name). */
const ZIP_HEAD_BYTES = 1024;
const ZIP_EMPTY_ARCHIVE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/** The first bytes of a file; none when it cannot be read (readInputFile then says why). */
function fileHead(file: string): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(ZIP_HEAD_BYTES);
    return head.subarray(0, readSync(fd, head, 0, ZIP_HEAD_BYTES, 0));
  } catch {
    return Buffer.alloc(0);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A ZIP archive that is read as a folder: any but a saved Terraform plan, which is refused. */
function isZipArchive(head: Buffer): boolean {
  const magic = head.subarray(0, 4);
  return (magic.equals(ZIP_LOCAL_HEADER) && !isSavedTerraformPlan(head)) || magic.equals(ZIP_EMPTY_ARCHIVE);
}

/** A saved plan, which users pass for its JSON: a ZIP archive whose first entry is Terraform's. */
function isSavedTerraformPlan(data: Buffer): boolean {
  if (data.length < 30 || !data.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) return false;
  const nameLength = data.readUInt16LE(26);
  return SAVED_PLAN_ENTRY.test(data.subarray(30, 30 + nameLength).toString('latin1'));
}

const WRAPPER_COMMAND = Buffer.from('[command]');

/**
 * hashicorp/setup-terraform's wrapper (on unless `terraform_wrapper: false`) echoes the command
 * line before Terraform's output and writes workflow commands after it, so `terraform show
 * -json plan.out > plan.json` in GitHub Actions writes `[command]…/terraform-bin show -json
 * plan.out`, the plan's JSON on one line, then `::debug::…` and `::set-output …` lines. The
 * second line is Terraform's own output, whole: it is what is read.
 */
function withoutTerraformWrapper(data: Buffer): Buffer {
  if (!data.subarray(0, WRAPPER_COMMAND.length).equals(WRAPPER_COMMAND)) return data;
  const start = data.indexOf(NEWLINE) + 1;
  if (start === 0 || data[start] !== 0x7b /* { */) return data;
  const end = data.indexOf(NEWLINE, start);
  return data.subarray(start, end === -1 ? data.length : end);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end === -1 ? text : text.slice(0, end);
}
