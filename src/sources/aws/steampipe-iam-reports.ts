import type { AwsAccountFacts } from '../../model/aws.ts';
import { explicit, type Fact, unknown } from '../../model/fact.ts';
import type { Origin, Resource } from '../../model/resource.ts';
import { csvHeader, loadCsvParser, readCsv } from '../csv.ts';
import type { DocumentFormat, TextFormat } from '../format.ts';
import { steampipeCsvCell, steampipeResult } from '../steampipe-row.ts';
import { asRecord } from './config-item.ts';
import { credentialReportRowToResource, reportCell } from './credential-report.ts';
import { accountResource } from './password-policy.ts';
import { booleanColumn, NOT_READ } from './steampipe-iam.ts';

/**
 * A Steampipe table of IAM's account-wide answers, which has no `akas` and `title` columns (and
 * so is not `steampipe-rows`): told by its own columns, in the JSON output (rows, or `{columns,
 * rows}`) and the CSV output (a header of the column names; every cell text, null empty).
 */
interface AccountTable {
  readonly table: string;
  /** The columns every row of the table has: they tell the table, and a row without one is skipped. */
  readonly requiredColumns: readonly string[];
  /** A row → its resource, or why it is skipped. Cells are JSON values, or text from the CSV. */
  read(row: Readonly<Record<string, unknown>>, origin: Origin): Resource | string;
}

function rowFormats(spec: AccountTable, id: string): [DocumentFormat, TextFormat] {
  const query = `steampipe query --output json "select * from ${spec.table}"`;
  const readRow = (row: Readonly<Record<string, unknown>>, origin: Origin): Resource | string => {
    const missing = spec.requiredColumns.filter((column) => !(column in row));
    if (missing.length > 0)
      return `a ${spec.table} row without the columns ${missing.join(', ')}: the query did not select them, so their settings are unknown; query select * from ${spec.table}`;
    return spec.read(row, origin);
  };
  const json: DocumentFormat = {
    kind: 'document',
    id,
    provider: 'aws',
    description: `${query} (rows, or {columns, rows})`,
    matches(document) {
      const first = asRecord(steampipeResult(document)?.rows[0]);
      return first !== undefined && spec.requiredColumns.slice(0, 3).every((column) => column in first);
    },
    *read(document, ctx) {
      for (const [index, raw] of (steampipeResult(document)?.rows ?? []).entries()) {
        const row = asRecord(raw);
        const result = row ? readRow(row, { file: ctx.file, index }) : 'row is not a JSON object';
        if (typeof result === 'string') ctx.skip(result, { index });
        else yield result;
      }
    },
  };
  const csv: TextFormat = {
    kind: 'text',
    id: `${id}-csv`,
    provider: 'aws',
    description: `${query.replace('--output json', '--output csv')} (a header of its columns)`,
    load: loadCsvParser,
    matches(firstLine) {
      const columns = csvHeader(firstLine) ?? [];
      return spec.requiredColumns.slice(0, 3).every((column) => columns.includes(column));
    },
    *read(text, ctx) {
      for (const { line, cells } of readCsv(text, ctx.file).rows) {
        // An empty cell is null (`<null>` before Steampipe v0.18.2, `<nil>` in its exporter's).
        const row = Object.fromEntries(
          Object.entries(cells).map(([column, cell]) => [column, steampipeCsvCell(cell)]),
        );
        const result = readRow(row, { file: ctx.file, line });
        if (typeof result === 'string') ctx.skip(result, { line });
        else yield result;
      }
    },
  };
  return [json, csv];
}

/** The table's names for the report's `user` and `arn` columns. */
const RENAMED: Readonly<Record<string, string>> = { user_name: 'user', user_arn: 'arn' };

/**
 * Steampipe's `aws_iam_credential_report` (`table_aws_iam_credential_report.go`): the report's
 * columns with `user_name` and `user_arn` for `user` and `arn`, `mfa_active` and the
 * `access_key_N_active` flags as booleans, times as timestamps, and `N/A` (and
 * `no_information`, `not_supported` for the password's times) as null. Each row is put back
 * as the report's row, in its spelling (`N/A` for null), and read as the report is: the
 * account's root row, an iam.user per user. A column the query left out is left out of the row,
 * so that what it would tell stays unknown (not `N/A`, a credential never used).
 */
export const [awsCredentialReportSteampipeFormat, awsCredentialReportSteampipeCsv] = rowFormats(
  {
    table: 'aws_iam_credential_report',
    requiredColumns: ['user_name', 'user_arn', 'mfa_active'],
    read(row, origin) {
      const cells: Record<string, string> = {};
      for (const [column, value] of Object.entries(row)) {
        const cell = reportCell(value);
        if (cell !== undefined) cells[RENAMED[column] ?? column] = cell;
      }
      return credentialReportRowToResource(cells, origin);
    },
  },
  'aws-iam-credential-report-steampipe',
);

/**
 * Steampipe's `aws_iam_account_summary` (`table_aws_iam_account_summary.go`): GetAccountSummary's
 * map as columns, `account_mfa_enabled` (the root user's MFA) a boolean and
 * `account_access_keys_present` (the root user's keys, active or not) a count, with `account_id`.
 */
export const [awsAccountSummarySteampipeFormat, awsAccountSummarySteampipeCsv] = rowFormats(
  {
    table: 'aws_iam_account_summary',
    requiredColumns: ['account_mfa_enabled', 'account_access_keys_present', 'account_id'],
    read(row, origin) {
      const account = row.account_id;
      if (typeof account !== 'string' || !/^\d{12}$/.test(account))
        return `account_id "${String(account ?? '')}" is not an AWS account id`;
      const facts: AwsAccountFacts = {
        rootMfaActive: booleanColumn(row, 'account_mfa_enabled'),
        rootAccessKeyActive: rootKeys(row),
      };
      return accountResource(account, facts, origin);
    },
  },
  'aws-iam-account-summary-steampipe',
);

/** No root key at all: none active. A key present may be inactive, which only the report tells. */
function rootKeys(row: Readonly<Record<string, unknown>>): Fact<boolean> {
  const column = 'account_access_keys_present';
  const count = Number(row[column]);
  if (row[column] === null || row[column] === '' || !Number.isInteger(count))
    return unknown(column, NOT_READ);
  if (count === 0) return explicit(false, column);
  return unknown(column, {
    ja: `ルートユーザにアクセスキーがあります（${column} が ${count}）。有効かどうかは資格情報レポートでしか分かりません: 削除してください`,
    en: `the root user has access keys (${column} is ${count}); whether one is active only the credential report tells: delete them`,
  });
}
