import { InputError } from '../../base/input-error.ts';
import { type CsvRow, headedCsv, loadCsvParser } from '../csv.ts';
import type { TextFormat } from '../format.ts';
import { TAGS_NOT_CARRIED } from './config-item.ts';
import { configItemResource, fileHint } from './config-items-reader.ts';

/**
 * The properties a Config advanced query can SELECT, as the console heads their columns; the
 * item's own fields are read in any casing, a configuration path as the query spelt it.
 * https://github.com/awslabs/aws-config-resource-schema (config/properties/AWS.properties.json)
 */
const ITEM_FIELDS = [
  'accountId',
  'arn',
  'availabilityZone',
  'awsRegion',
  'configurationItemCaptureTime',
  'configurationItemStatus',
  'configurationStateId',
  'resourceCreationTime',
  'resourceId',
  'resourceName',
  'resourceType',
  'version',
] as const;
/** The nested properties: a whole one is JSON text, a path into one (`configuration.x.y`) its value. */
const NESTED = ['configuration', 'supplementaryConfiguration', 'tags', 'relationships'] as const;
const CANONICAL = new Map([...ITEM_FIELDS, ...NESTED].map((name) => [name.toLowerCase(), name]));
/** A row names its resource by one of these; a header with none is no list of resources. */
const IDENTITY = new Set<string>(['resourceId', 'resourceType', 'arn']);

/** A column: its label in the file, and the property path it holds. */
interface Column {
  readonly label: string;
  readonly path: readonly string[];
}

/** The header's columns as property paths; undefined when one is no Config property. */
function columnsOf(header: readonly string[]): Column[] | undefined {
  const columns: Column[] = [];
  for (const label of header) {
    const [first = '', ...rest] = label.trim().split('.');
    const name = CANONICAL.get(first.toLowerCase());
    if (!name || (rest.length > 0 && !(NESTED as readonly string[]).includes(name))) return undefined;
    if (rest.some((key) => key === '')) return undefined;
    columns.push({ label, path: [name, ...rest] });
  }
  return columns.some((column) => column.path.length === 1 && IDENTITY.has(column.path[0] ?? ''))
    ? columns
    : undefined;
}

const SELECT_CSV = headedCsv(columnsOf, 'not the header of a Config advanced query exported as CSV');

/**
 * The AWS Config console's **Advanced queries → Export as → CSV** (the query's first 500 rows):
 * one column per SELECTed property, headed by its name as the query wrote it (`accountId`,
 * `resourceId`, `resourceType`, `configuration.instanceType`, `tags`), the console's own
 * flattening of the `select-resource-config` row it shows; a nested value (a whole `tags`,
 * `configuration` or `supplementaryConfiguration`, a path to an object or list) as JSON text,
 * `tags` as Config lists them (`[{"tag":"k=v","key":"k","value":"v"}]`), an account id as a
 * bare number. Each row is read as the SELECT row it flattens, partial: what the query did not
 * SELECT, and an empty cell, is unknown, never a default.
 * https://docs.aws.amazon.com/config/latest/developerguide/query-using-sql-editor-console.html
 */
export const awsConfigSelectCsv: TextFormat = {
  kind: 'text',
  id: 'aws-config-select-csv',
  provider: 'aws',
  description:
    'AWS Config console "Advanced queries" → Export as CSV: the SELECTed properties as columns (resourceId, resourceType, configuration.…); rows read as partial items',
  load: loadCsvParser,
  matches: SELECT_CSV.matches,
  *read(text, ctx) {
    const { columns, rows } = SELECT_CSV.read(text, ctx.file);
    const tagHalves = columns.filter(({ path }) => path[0] === 'tags' && path.length > 1);
    if (tagHalves.length > 0)
      ctx.note?.(
        `${tagHalves.map((c) => c.label).join(', ')}: the tags' keys and values apart are not read as tags (SELECT tags for them)`,
      );
    const hint = { ...fileHint(ctx.file), tagsNotGiven: TAGS_NOT_CARRIED };
    for (const row of rows) {
      const flattened = rowRecord(row, columns, ctx.file);
      const read =
        'skip' in flattened
          ? flattened
          : configItemResource(flattened.record, true, hint, { file: ctx.file, line: row.line }, ctx);
      if ('skip' in read) ctx.skip(read.skip, { line: row.line });
      else yield* read;
    }
  },
};

/** The SELECT row a CSV row flattens, or why it cannot be read. */
function rowRecord(
  { line, cells }: CsvRow,
  columns: readonly Column[],
  file: string,
): { record: Record<string, unknown> } | { skip: string } {
  const record: Record<string, unknown> = {};
  for (const { label, path } of columns) {
    const text = (cells[label] ?? '').trim();
    // An empty cell is what the console shows for a property the row does not carry (or a
    // path through a list, which it cannot show): not carried, so unknown.
    if (text === '') continue;
    if (path.length > 1) {
      // `tags.key` and `tags.value` give the tags' halves apart, which no longer pair up (noted).
      if (path[0] !== 'tags') setPath(record, path, nestedValue(text));
    } else if ((NESTED as readonly string[]).includes(path[0] ?? '')) {
      record[path[0] ?? ''] = jsonCell(text, label, file, line);
    } else if (path[0] === 'accountId') {
      const account = accountOf(text);
      if (typeof account !== 'string') return account;
      record.accountId = account;
    } else record[path[0] ?? ''] = text;
  }
  return { record };
}

/**
 * The account id as the console writes it, a bare number: a spreadsheet that opened the file
 * drops its leading zeros (put back: ids have 12 digits) or, saved again, keeps only the
 * rounded `8.18182E+11` it showed, from which no id can be told.
 */
function accountOf(text: string): string | { skip: string } {
  if (/^\d{1,12}$/.test(text)) return text.padStart(12, '0');
  if (/^\d(?:\.\d+)?e\+\d+$/i.test(text))
    return {
      skip: `accountId "${text}" is the account id rounded by a spreadsheet that saved the file again, not the id: export the query again and scan the file as the console gave it`,
    };
  return text;
}

/** A whole nested property: JSON text, as the console writes an object or list. */
function jsonCell(text: string, label: string, file: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(
      file,
      `the ${label} column is not JSON (${(error as Error).message}): the console writes a nested property as JSON text`,
      { line },
    );
  }
}

/**
 * A path's value: an object or list as JSON text, a scalar as its text (`true`, `7`), which
 * the adapters read in both forms. Text that only looks like JSON (`[prod] db`) stays text.
 */
function nestedValue(text: string): unknown {
  if (!/^[[{]/.test(text)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Puts a value at its path, making the objects on the way (a value already there stays). */
function setPath(record: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let parent = record;
  for (const key of path.slice(0, -1)) {
    const next = parent[key] ?? {};
    if (typeof next !== 'object' || next === null || Array.isArray(next)) return;
    parent[key] = next;
    parent = next as Record<string, unknown>;
  }
  const last = path[path.length - 1] ?? '';
  if (!(last in parent)) parent[last] = value;
}
