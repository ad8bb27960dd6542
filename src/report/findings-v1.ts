import { InputError } from '../base/input-error.ts';
import { locateJsonError } from '../base/json-position.ts';
import { validateFindingsV1 } from './findings.validate.generated.js';
import { describeError, firstErrorOf } from './findings-validation.ts';

/**
 * Findings files of version 1 (kansa 0.1): one JSON document, every finding with its check's
 * texts and its resource written out. Still read, whole (so up to V8's string limit, some
 * 70,000 resources); their findings already have the shape reports read.
 */
const validateV1 = firstErrorOf(validateFindingsV1);

/**
 * Parses and validates the text of a version 1 findings file: valid, it has the shape of
 * read-findings.ts's FindingsFile (whose reader calls this).
 */
export function parseFindingsV1(file: string, text: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const problem = locateJsonError(text, (error as Error).message);
    throw new InputError(file, problem.message, { line: problem.line, column: problem.column });
  }
  checkVersion(file, data);
  const error = validateV1(data);
  if (error) throw new InputError(file, describeError(error, findingContext(error.instancePath, data)));
  return data;
}

/** Readable majors: 1 (one JSON document) and 2 (NDJSON, findings-schema.ts). */
export function checkVersion(file: string, data: unknown): 1 | 2 {
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof data !== 'object' || data === null || Array.isArray(data) || version === undefined) {
    throw new InputError(
      file,
      'not a kansa findings file (no schemaVersion): write one with `kansa scan --format json --output FILE`',
    );
  }
  const major = typeof version === 'string' ? Number(version.split('.')[0]) : Number.NaN;
  if (major !== 1 && major !== 2) {
    throw new InputError(
      file,
      `findings file schemaVersion ${JSON.stringify(version)} is not readable by this kansa (reads 1.x and 2.x)`,
    );
  }
  return major;
}

/** Names the finding an error is in (its id), so it can be found in a large file. */
function findingContext(pointer: string, data: unknown): string {
  const match = /^\/findings\/(\d+)/.exec(pointer);
  if (!match) return '';
  const finding = (data as { findings: { id?: unknown }[] }).findings[Number(match[1])];
  return typeof finding?.id === 'string' ? ` (finding ${finding.id})` : '';
}
