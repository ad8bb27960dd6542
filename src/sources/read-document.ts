import { InputError } from '../base/input-error.ts';
import type { FileCoverage } from '../model/coverage.ts';
import type { Resource } from '../model/resource.ts';
import { azureArm } from './azure/arm.ts';
import { listingOfFile } from './azure/listing.ts';
import { CUSTODIAN_FORMAT, custodianRunOf } from './custodian-metadata.ts';
import { readCustodianRun } from './custodian-run.ts';
import type { ReadContext, RecordFormat } from './format.ts';
import { INPUT_FORMATS } from './index.ts';
import type { YamlDocument } from './yaml-documents.ts';

/** Hands a format's resources on, counting them in the file's coverage. */
export type CountResources = (resources: Iterable<Resource>) => void;

/**
 * A parsed document (JSON, or one YAML document) read by the first document format that
 * recognises it, or, as a one-line NDJSON file, by a record format; false when none does.
 */
export async function readDocument(
  document: unknown,
  ctx: ReadContext,
  coverage: FileCoverage,
  count: CountResources,
  line = 1,
): Promise<boolean> {
  // An empty array has no shape to tell a format by; one whose file is named for a subscription's
  // listing (`budgets-<subscription id>.json` or `.yaml`, azure/listing.ts) is that listing.
  if (Array.isArray(document) && document.length === 0 && listingOfFile(ctx.file)) {
    coverage.format ??= azureArm.id;
    count(azureArm.read(document, ctx));
    return true;
  }
  // Cloud Custodian's resources.json: its type and place are in the metadata.json beside it.
  if (Array.isArray(document)) {
    const run = custodianRunOf(ctx.file, ctx.archived === true);
    if (run) {
      coverage.format ??= CUSTODIAN_FORMAT;
      // AWS records are read by the run's own reader; another cloud's by that cloud's format.
      const other =
        run.provider === 'aws'
          ? undefined
          : INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(document));
      const cloudFormat = other?.kind === 'document' && other.provider === run.provider ? other : undefined;
      await cloudFormat?.load?.();
      count(readCustodianRun(document, run, ctx, cloudFormat?.read(document, ctx)));
      return true;
    }
  }
  const docFormat = INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(document));
  if (docFormat?.kind === 'document') {
    coverage.format ??= docFormat.id;
    await docFormat.load?.();
    count(docFormat.read(document, ctx));
    return true;
  }
  const recordFormat = findRecordFormat(document);
  if (!recordFormat) return false;
  coverage.format ??= recordFormat.id;
  count(recordFormat.read(document, ctx, line));
  return true;
}

/**
 * Why a JSON file that is an empty array is passed over: `gcloud … list --format=json`,
 * `az … list -o json` and a `--query` that selects nothing print `[]`. It has no shape to tell a
 * format by and no resource to miss, so it is not an error that makes the scan partial.
 */
export const EMPTY_LIST = 'an empty JSON array (a list command that found nothing): no resource in it';

/** The record format (NDJSON) that recognises a record, if any. */
export function findRecordFormat(record: unknown): RecordFormat | undefined {
  const format = INPUT_FORMATS.find((f) => f.kind === 'ndjson' && f.matches(record));
  return format?.kind === 'ndjson' ? format : undefined;
}

/**
 * The documents of a YAML file (or the values of a JSON stream, as `jq` prints a list's items),
 * read as the same command's JSON output would be. gcloud lists
 * one resource per document (`---` between them) where its JSON is an array: several documents
 * are read as that array (a record skipped by its index is named by its document's line), and a
 * lone one that no format reads alone as an array of one. A stream no format reads as a whole,
 * and a lone document that is a list no format reads (`aws … --output yaml-stream` writes one
 * item per page), are read document by document, or item by item, each as a file of its own
 * would be; the first that no format reads makes the file's error, at its line, after the
 * resources of those before it.
 */
export async function readStream(
  documents: readonly YamlDocument[],
  file: string,
  ctx: ReadContext,
  coverage: FileCoverage,
  count: CountResources,
  syntax: 'YAML' | 'JSON' = 'YAML',
): Promise<void> {
  const [only] = documents;
  if (!only) throw new InputError(file, 'empty file: expected a cloud inventory export');
  const lone = documents.length === 1;
  const byDocument = atDocumentLines(ctx, documents);
  if (
    await readDocument(
      lone ? only.value : documents.map((d) => d.value),
      lone ? ctx : byDocument,
      coverage,
      count,
      only.line,
    )
  )
    return;
  // gcloud lists one resource as one document, where its JSON is an array of one.
  if (
    lone &&
    !Array.isArray(only.value) &&
    (await readDocument([only.value], byDocument, coverage, count, only.line))
  )
    return;
  const own = lone ? KANSA_FILES.find(({ is }) => is(only.value)) : undefined;
  if (own) {
    coverage.ignored = own.ignored;
    return;
  }
  const parts: readonly YamlDocument[] = !lone
    ? documents
    : Array.isArray(only.value)
      ? only.value.map((value) => ({ value, line: only.line }))
      : [];
  for (const [index, { value, line }] of parts.entries()) {
    if (await readDocument(value, ctx, coverage, count, line)) continue;
    if (index === 0) break;
    throw unknownFormat(
      file,
      `no known format has the shape of ${syntax} ${lone ? 'list item' : 'document'} ${index + 1}`,
      line,
    );
  }
  if (coverage.format === undefined)
    throw unknownFormat(file, `no known format has this ${syntax} shape`, only.line);
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const ORG_POLICY_KEYS = new Set(['parameters', 'severity', 'disabled', 'rules']);

/**
 * kansa's own YAML files (a framework, the organisation's policy, waivers), kept beside the
 * exports they judge: passed over with the reason, as a findings file is, not reported as an
 * export of unknown format.
 */
const KANSA_FILES: readonly { is: (value: unknown) => boolean; ignored: string }[] = [
  {
    is: (value) => isObject(value) && typeof value['id'] === 'string' && Array.isArray(value['requirements']),
    ignored: `kansa's own framework file (scan --framework), not a cloud export`,
  },
  {
    is: (value) =>
      isObject(value) && Object.keys(value).join() === 'waivers' && Array.isArray(value['waivers']),
    ignored: `kansa's own waivers file (scan --waivers), not a cloud export`,
  },
  {
    is: (value) =>
      isObject(value) &&
      Object.keys(value).every((key) => ORG_POLICY_KEYS.has(key)) &&
      ['rules', 'severity', 'disabled'].some((key) => key in value),
    ignored: `kansa's own organisation policy file (scan --org-policy), not a cloud export`,
  },
];

/**
 * A stream read as an array: a record a format skips or notes by its index in the array is the
 * document of that index, and is named by the line it starts on too.
 */
function atDocumentLines(ctx: ReadContext, documents: readonly YamlDocument[]): ReadContext {
  const at = (where?: { index?: number; line?: number }) =>
    where?.index === undefined || where.line !== undefined
      ? where
      : { ...where, line: documents[where.index]?.line };
  const { note, passOver } = ctx;
  return {
    file: ctx.file,
    ...(ctx.archived && { archived: ctx.archived }),
    skip: (reason, where) => ctx.skip(reason, at(where)),
    ...(passOver ? { passOver } : {}),
    ...(note
      ? { note: (text: string, where?: { index?: number; line?: number }) => note(text, at(where)) }
      : {}),
  };
}

/** A file of no format kansa reads: why, and every format it expected. */
export function unknownFormat(file: string, why: string, line?: number): InputError {
  // A format read both as a document and as NDJSON lines (CloudQuery's rows) is one format to
  // the user: listed once.
  const described = new Map<string, string>();
  for (const f of INPUT_FORMATS) if (!described.has(f.id)) described.set(f.id, f.description);
  const known = [...described].map(([id, description]) => `  - ${id}: ${description}`).join('\n');
  return new InputError(
    file,
    `unknown export format: ${why}. Expected one of:\n${known}`,
    line === undefined ? undefined : { line },
  );
}
