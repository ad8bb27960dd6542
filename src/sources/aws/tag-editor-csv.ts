import { InputError } from '../../base/input-error.ts';
import { type Resource, regionWhenUnnamed } from '../../model/resource.ts';
import { type CsvRow, headedCsv, loadCsvParser, requiredColumns } from '../csv.ts';
import type { ReadContext, TextFormat } from '../format.ts';
import { nativeTypeNamed } from './adapters/index.ts';

/** The columns every export has, as the console heads them (any casing is read). */
const REQUIRED = ['identifier', 'service', 'type', 'region', 'arn'] as const;
/** A tag column: `Tag: <key>`, one per tag key the search showed (or every key, as chosen). */
const TAG_COLUMN = /^tag:\s*(.+)$/i;
/** The cell of a tag column for a resource without that tag. */
const NOT_TAGGED = '(not tagged)';
/** `arn:<partition>:<service>:<region>:<account>:<resource>` */
const ARN = /^arn:[^:]+:[^:]*:[^:]*:([^:]*):./;

type Columns = Record<(typeof REQUIRED)[number], string> & {
  tags: readonly (readonly [column: string, key: string])[];
};

function columnsOf(header: readonly string[]): Columns | undefined {
  const required = requiredColumns(header, REQUIRED);
  if (!required) return undefined;
  const tags = header.flatMap((column) => {
    const key = TAG_COLUMN.exec(column.trim())?.[1];
    return key === undefined ? [] : [[column, key] as const];
  });
  return { ...required, tags };
}

const TAG_EDITOR_CSV = headedCsv(columnsOf, 'not the Tag Editor\'s "Export resources to CSV" header');

/**
 * AWS Resource Groups & Tag Editor → "Export resources to CSV" (the console's search over the
 * account's Regions): `Identifier`, a `Tag: <key>` column per tag key shown (all keys, or the
 * visible ones, as chosen; `(not tagged)` where the resource has none), `Service` and `Type` (the
 * CloudFormation type's parts: `EC2`, `Instance`), `Region`, `Tags` (how many the resource has)
 * and `ARN`. A row shows what and where a resource is and some of its tags, none of its
 * settings: each becomes a resource listed only (`Resource.listedOnly`), which the
 * data-location checks judge and every other check reports UNKNOWN, unless a Config record of
 * the same resource (the same ARN) completes it.
 */
export const awsTagEditorCsv: TextFormat = {
  kind: 'text',
  id: 'aws-tag-editor-csv',
  provider: 'aws',
  description:
    'AWS Resource Groups & Tag Editor "Export resources to CSV": Identifier, Tag: <key> columns, Service, Type, Region, Tags, ARN; no settings',
  load: loadCsvParser,
  matches: TAG_EDITOR_CSV.matches,
  *read(text, ctx) {
    const table = TAG_EDITOR_CSV.read(text, ctx.file);
    const { columns } = table;
    const rows: CsvRow[] = [];
    let failure: InputError | undefined;
    try {
      for (const row of table.rows) rows.push(row);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      failure = error;
    }
    // The Tag Editor searches one account: an S3 bucket's ARN, which names none, is of the
    // account the other ARNs name.
    const account =
      rows.map((row) => ARN.exec(row.cells[columns.arn]?.trim() ?? '')?.[1]).find(Boolean) ?? '';
    for (const row of rows) {
      const result = listedResource(row, columns, account, ctx);
      if ('skip' in result) ctx.skip(result.skip, { line: row.line });
      else yield result;
    }
    // The rows before a malformed one are read; the file is then marked with the error.
    if (failure) throw failure;
  },
};

function listedResource(
  { line, cells }: CsvRow,
  columns: Columns,
  fileAccount: string,
  ctx: ReadContext,
): Resource | { skip: string } {
  const cell = (column: string) => (cells[column] ?? '').trim();
  const arn = cell(columns.arn);
  const named = ARN.exec(arn);
  if (!named) return { skip: `the ${columns.arn} cell is not an ARN: ${JSON.stringify(arn)}` };
  const account = named[1] || fileAccount;
  if (account === '')
    return {
      skip: `${arn} names no account, and no other row of the file does: add a row of another resource`,
    };
  const service = cell(columns.service);
  const type = cell(columns.type);
  if (service === '' || type === '')
    return { skip: `the ${columns.service} or ${columns.type} cell is empty: a row names its resource type` };
  const tags: Record<string, string> = {};
  for (const [column, key] of columns.tags) {
    const value = cell(column);
    if (value !== '' && value !== NOT_TAGGED) tags[key] = value;
  }
  const region = cell(columns.region).toLowerCase();
  const types = nativeTypeNamed(`AWS::${service}::${type}`);
  return {
    provider: 'aws',
    account,
    region: region === '' ? regionWhenUnnamed(types.kansaType) : region,
    ...types,
    id: arn,
    name: tags.Name ?? cell(columns.identifier),
    tags,
    facts: {},
    origin: { file: ctx.file, line },
    listedOnly: true,
  };
}
