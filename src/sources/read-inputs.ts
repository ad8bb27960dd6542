import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { compareText } from '../base/compare-text.ts';
import { InputError } from '../base/input-error.ts';
import { locateJsonError } from '../base/json-position.ts';
import { DEFAULT_MAX_INFLATED_BYTES, type InputBudget } from '../base/limits.ts';
import type { FileCoverage } from '../model/coverage.ts';
import type { Resource } from '../model/resource.ts';
import { listingOfFile } from './azure/listing.ts';
import { csvHeader, loadCsvParser } from './csv.ts';
import type { ReadContext, RecordFormat } from './format.ts';
import { INPUT_FORMATS } from './index.ts';
import {
  budgetReached,
  decodeWhole,
  fileHead,
  gunzip,
  isGzip,
  isSavedTerraformPlan,
  isUtf16,
  isZipArchive,
  TERRAGRUNT_LOG_NOTE,
  terragruntLogPlans,
  toUtf8,
  withoutTerraformWrapper,
} from './input-bytes.ts';
import { parseJsonText } from './json-stream.ts';
import { EMPTY_LIST, findRecordFormat, readDocument, readStream, unknownFormat } from './read-document.ts';
import {
  isTerraformDocumentLines,
  readTerraformDocuments,
  terraformLinesFormat,
} from './terraform/formats.ts';
import { otherTerraformOutput } from './terraform/other-outputs.ts';
import { notRead, passedOverName } from './walk-inputs.ts';
import type { YamlDocument } from './yaml-documents.ts';
import { isYamlFileName, looksLikeYaml } from './yaml-sniff.ts';
import type { ZipArchive, ZipEntry } from './zip-archive.ts';

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
    passOver: (reason) => {
      coverage.ignored = reason;
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
const ARCHIVE_ENTRY_SEPARATOR = '!/';

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
  const { entryPaths, openZipArchive } = await import('./zip-archive.ts');
  let zip: ZipArchive;
  try {
    zip = await openZipArchive(archive);
  } catch (error) {
    // The table of contents is at the archive's end: an archive cut short lists no entry.
    throw new InputError(
      label,
      `truncated or corrupt ZIP archive (${(error as Error).message}): none of its entries could be listed`,
    );
  }
  const coverages: FileCoverage[] = [];
  try {
    if (zip.entries.length === 0)
      throw new InputError(label, 'empty ZIP archive: expected cloud inventory exports in it');
    const names = new Set(zip.entries.map((entry) => entry.name));
    // A spreadsheet or document is a ZIP of XML parts: one line for it, not one per part.
    if (names.has('[Content_Types].xml') || names.has('mimetype'))
      throw new InputError(
        label,
        'a document in a ZIP container (Office Open XML or OpenDocument: .xlsx, .docx, .ods, …), not an archive of exports: kansa reads none; save a sheet that holds an export as CSV',
      );
    const listed = new Set<string>();
    const paths = entryPaths(names);
    const entries = [...zip.entries].sort((a, b) => compareEntryNames(a.name, b.name));
    for (const entry of entries) {
      const name = `${label}${ARCHIVE_ENTRY_SEPARATOR}${entry.name}`;
      const passedOver = passedOverEntry(entry.name, paths);
      if (passedOver) {
        // A folder passed over is listed once, as the directory walk lists it.
        const where = `${label}${ARCHIVE_ENTRY_SEPARATOR}${passedOver.path}`;
        if (!listed.has(where)) coverages.push(notRead(where, { ignored: passedOver.reason }));
        listed.add(where);
        continue;
      }
      if (entry.link) {
        coverages.push(
          notRead(name, {
            ignored:
              'a symbolic link stored in the archive: not followed (its target, when in the archive, is read as its own entry)',
          }),
        );
        continue;
      }
      coverages.push(...(await readEntry(zip, entry, name, typeof archive !== 'string', emit, options)));
    }
    return coverages;
  } finally {
    zip.close();
  }
}

/**
 * One entry of an archive (`nested`: of an archive inside another), read as a file, or an
 * archive inside it read as an archive; what cannot be read is listed with why.
 */
async function readEntry(
  zip: ZipArchive,
  entry: ZipEntry,
  name: string,
  nested: boolean,
  emit: (resource: Resource) => void,
  options: ReadOptions,
): Promise<FileCoverage[]> {
  if (entry.unreadable) return [unread(name, entry.unreadable)];
  // Checked against the size the archive declares, which the entry is inflated to at most.
  const { budget } = options;
  const maxInflatedBytes = options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES;
  if (budget?.exhausted || entry.size > Math.min(maxInflatedBytes, budget?.remaining ?? maxInflatedBytes)) {
    if (budget && (budget.exhausted || budget.remaining < maxInflatedBytes)) {
      budget.stop();
      return [unread(name, budgetReached(budget))];
    }
    return [
      unread(
        name,
        `ZIP entry inflates to more than ${Math.round(maxInflatedBytes / 2 ** 20)} MiB (${Math.round(entry.compressedSize / 2 ** 20)} MiB compressed): not read; raise the bound with --max-inflated-mib if the file is genuine`,
      ),
    ];
  }
  let data: Buffer;
  try {
    data = await zip.read(entry);
  } catch (error) {
    return [unread(name, `corrupt ZIP entry (${(error as Error).message})`)];
  }
  if (!isZipArchive(data)) return [await readBytes(name, data, emit, options, true)];
  if (nested)
    return [
      unread(
        name,
        'a ZIP archive inside a ZIP archive inside another: kansa reads archives one level deep; extract the outer archive and scan the folder',
      ),
    ];
  try {
    return await readZipArchive(data, name, emit, options);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return [notRead(name, { error: error.message })];
  }
}

/** An input that could not be read, and why. */
function unread(file: string, why: string): FileCoverage {
  return notRead(file, { error: new InputError(file, why).message });
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
  const bytes = isGzip(raw) ? gunzip(file, raw, limits) : raw;
  const decoded = withoutTerraformWrapper(toUtf8(bytes, (text) => ctx.note?.(text)));
  const logged = terragruntLogPlans(decoded);
  if (logged) ctx.note?.(TERRAGRUNT_LOG_NOTE);
  const data = logged?.plans ?? decoded;
  if (limits.budget && !limits.budget.spend(data.length))
    throw new InputError(file, budgetReached(limits.budget));
  const head = stripBom(data.subarray(0, HEAD_BYTES).toString('utf8'));
  if (head.trim() === '') throw new InputError(file, 'empty file: expected a cloud inventory export');
  if (KANSA_FINDINGS_HEAD.test(head)) {
    coverage.ignored = "kansa's own findings file (the output of kansa scan), not a cloud export";
    return;
  }

  if (isYamlFileName(file)) {
    await readStream(await yamlDocuments(file, data, false), file, ctx, coverage, count);
    return;
  }
  if (isTerraformDocumentLines(data)) {
    await terraformLinesFormat.load?.();
    const lines = logged && logged.units.size > 0 ? { ...ctx, lineUnits: logged.units } : ctx;
    readNdjsonFile(file, data, terraformLinesFormat, lines, coverage, count);
    return;
  }

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
      await readStream(await yamlDocuments(file, data, true), file, ctx, coverage, count);
    } else if (isCliTable(head.trimStart())) {
      throw new InputError(
        file,
        'a table printed for reading (az … -o table, aws … --output table): it holds the columns shown, not the settings kansa checks; save the same command with -o json (aws: --output json)',
      );
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
    readNdjsonFile(file, data, format, ctx, coverage, count);
    return;
  }

  const parsed = parseJsonText(file, stripBom(decodeWhole(file, data)), isUtf16(bytes));
  // Several JSON documents one after another (jq's output): Terraform plans each apart, else a stream.
  if ('values' in parsed && (await readTerraformDocuments(parsed.values, ctx, coverage, count))) return;
  if ('values' in parsed) return readStream(parsed.values, file, ctx, coverage, count, 'JSON');
  const { document } = parsed;
  // An empty array names no format, unless its file names a listing (readDocument).
  if (Array.isArray(document) && document.length === 0 && !listingOfFile(file)) coverage.ignored = EMPTY_LIST;
  else if (!(await readDocument(document, ctx, coverage, count)))
    throw otherTerraformOutput(file, document) ?? unknownFormat(file, 'no known format has this JSON shape');
}

/** A YAML file's documents (`sniffed`: taken for YAML by its first line, not its name). */
async function yamlDocuments(file: string, data: Buffer, sniffed: boolean): Promise<YamlDocument[]> {
  // Imported when a file is YAML: a scan of JSON exports never loads the YAML library.
  const { parseYamlDocuments } = await import('./yaml-documents.ts');
  return parseYamlDocuments(file, stripBom(decodeWhole(file, data)), sniffed);
}

/** An NDJSON file read by its format, the file marked when lines were malformed. */
function readNdjsonFile(
  file: string,
  data: Buffer,
  format: RecordFormat,
  ctx: ReadContext,
  coverage: FileCoverage,
  count: (resources: Iterable<Resource>) => void,
): void {
  coverage.format = format.id;
  const malformed = readNdjson(file, data, format, ctx, count);
  if (malformed.length > 0) {
    // The good lines are read; the file is still marked, since what the bad lines held is lost.
    coverage.error = `${malformed[0]}${malformed.length > 1 ? ` (and ${malformed.length - 1} more malformed lines, skipped)` : ' (line skipped)'}`;
  }
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

/**
 * The CLIs' tables: `az … -o table` rules a line of dashes under its header (`Name  Location` then
 * `------  ----------`); `aws … --output table` boxes it (`-----` then `|  DescribeVpcs  |`).
 */
function isCliTable(text: string): boolean {
  const [first, second] = text.split(/\r?\n/, 2);
  if (first === undefined || second === undefined) return false;
  return /^-{2,}(?: +-{2,})*\s*$/.test(second) || (/^-{3,}\s*$/.test(first) && /^\|.*\|\s*$/.test(second));
}

/** Why a text file is not read: a CSV is named by its header, which says what it holds. */
function unknownText(line: string): string {
  const columns = csvHeader(line) ?? [];
  if (columns.length < 2) return 'the file is neither JSON, YAML nor a known text export';
  const shown = columns.slice(0, 6).join(', ') + (columns.length > 6 ? ', …' : '');
  return `a CSV file whose header (${shown}) is none of the CSV exports kansa reads`;
}

/**
 * kansa's findings file begins with its schema version (report/json.ts writes it first); no
 * cloud export does. Recognised so that a findings file left in an input folder is not read
 * back as an export on the next scan.
 */
const KANSA_FINDINGS_HEAD = /^\s*\{\s*"schemaVersion"\s*:\s*"\d+\.\d+\.\d+"/;

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end === -1 ? text : text.slice(0, end);
}
