import { InputError } from '../../base/input-error.ts';
import { picked } from '../../model/resource.ts';
import type { DocumentFormat } from '../format.ts';
import { asRecord, TAGS_NOT_CARRIED } from './config-item.ts';
import { configItemsToResources } from './config-items-reader.ts';

/**
 * `aws configservice select-resource-config` / `select-aggregate-resource-config` output:
 * `{"Results":["<JSON row>",…],"QueryInfo":{"SelectFields":[{"Name":…}]},"NextToken"?}`. Each row
 * holds only what the query SELECTed (`SELECT *` gives top-level scalars only; `configuration`,
 * `supplementaryConfiguration` and `tags` must be named), so rows are read as partial items:
 * what the query did not name is unknown, what it named and the row lacks is unset.
 * Other AWS answers have a `Results` list too (`aws sqs list-message-move-tasks`: objects): a
 * body is taken for SELECT output only with its `QueryInfo`, or with rows that are all strings.
 * `--query Results` prints the rows alone, a JSON array of strings, each a row naming its
 * `resourceType` (no other AWS answer is a list of JSON texts).
 * https://docs.aws.amazon.com/config/latest/APIReference/API_SelectResourceConfig.html
 */
export const awsConfigSelectFormat: DocumentFormat = {
  kind: 'document',
  id: 'aws-config-select',
  provider: 'aws',
  description:
    'aws configservice select-resource-config / select-aggregate-resource-config output (JSON), or its rows alone (--query Results)',
  matches(document) {
    if (Array.isArray(document)) return document.length > 0 && isRow(document[0]);
    const record = asRecord(document);
    const results = record?.['Results'];
    if (results === undefined) return false;
    if (asRecord(record?.['QueryInfo'])) return true;
    return Array.isArray(results) && results.length > 0 && results.every((row) => typeof row === 'string');
  },
  *read(document, ctx) {
    const results = Array.isArray(document) ? document : asRecord(document)?.['Results'];
    if (!Array.isArray(results)) {
      throw new InputError(
        ctx.file,
        '"Results" must be an array of JSON strings (select-resource-config output)',
      );
    }
    // Each row is a JSON string; a row that is not valid JSON is skipped like any unusable item.
    const rows = configItemsToResources(results, ctx, true, 0, {
      tagsNotGiven: TAGS_NOT_CARRIED,
      selected: selectedProperties(document),
    });
    // A page with a next one holds some of the query's rows: no listing of their scope.
    const nextToken = asRecord(document)?.['NextToken'];
    yield* typeof nextToken === 'string' && nextToken !== '' ? picked(rows) : rows;
  },
};

/**
 * The properties the query SELECTed, lower-case, as QueryInfo names them (`configuration`,
 * `configuration.RetentionInDays`): a row carries those as the item holds them. Config leaves a
 * property the item lacks out of the row, so the named ones it lacks are unset. None without
 * QueryInfo (`--query Results`, rows alone): what a row lacks is then unknown.
 * https://docs.aws.amazon.com/config/latest/APIReference/API_QueryInfo.html
 */
function selectedProperties(document: unknown): ReadonlySet<string> | undefined {
  const fields = asRecord(asRecord(document)?.['QueryInfo'])?.['SelectFields'];
  if (!Array.isArray(fields)) return undefined;
  const names = fields.flatMap((entry) => {
    const name = asRecord(entry)?.['Name'];
    return typeof name === 'string' && name !== '' ? [name.trim().toLowerCase()] : [];
  });
  return names.length > 0 ? new Set(names) : undefined;
}

/** A SELECT row as `--query Results` prints it: a JSON text of an object naming its resourceType. */
function isRow(value: unknown): boolean {
  if (typeof value !== 'string' || !value.trimStart().startsWith('{')) return false;
  try {
    return typeof asRecord(JSON.parse(value))?.['resourceType'] === 'string';
  } catch {
    return false;
  }
}
