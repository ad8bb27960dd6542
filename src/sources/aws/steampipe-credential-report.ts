import { csvHeader, loadCsvParser, readCsv } from '../csv.ts';
import type { DocumentFormat, ReadContext, TextFormat } from '../format.ts';
import { asRecord } from './config-item.ts';
import { credentialReportRowToResource } from './credential-report.ts';
import { steampipeResult } from './password-policy.ts';

/**
 * Steampipe's `aws_iam_credential_report` (turbot/steampipe-plugin-aws): the credential report's
 * rows as columns, read as the report's own rows are. The table renames two columns (`user` →
 * `user_name`, `arn` → `user_arn`), gives the flags as booleans and the times as timestamps, and
 * writes null where the report says `N/A` (no such credential, never used) or `no_information`
 * (a password not used since IAM began tracking): both a credential never used, as the report
 * reads them. The root row's `password_enabled` is true where the report says `not_supported`.
 * A column the query left out stays unknown. The table has no `akas` or `title` column.
 */
const RENAMED: Readonly<Record<string, string>> = { user_name: 'user', user_arn: 'arn' };
/** What tells the table's rows from other JSON arrays: columns no other export has together. */
const TOLD_BY = ['user_arn', 'mfa_active'] as const;

/** `steampipe query --output json "select * from aws_iam_credential_report"`. */
export const awsCredentialReportSteampipeFormat: DocumentFormat = {
  kind: 'document',
  id: 'aws-iam-credential-report-steampipe',
  provider: 'aws',
  description:
    'steampipe query --output json "select * from aws_iam_credential_report" (rows, or {columns, rows})',
  matches(document) {
    const result = steampipeResult(document);
    if (!result) return false;
    const first = asRecord(result.rows[0]);
    const columns = first ? Object.keys(first) : result.columns;
    return TOLD_BY.every((column) => columns.includes(column));
  },
  *read(document, ctx) {
    for (const [index, raw] of (steampipeResult(document)?.rows ?? []).entries()) {
      const row = asRecord(raw);
      if (row) yield* readRow(reportRow(row), ctx, { index });
      else ctx.skip('row is not a JSON object', { index });
    }
  },
};

/** `steampipe query --output csv "select * from aws_iam_credential_report"`: null is an empty cell. */
export const awsCredentialReportSteampipeCsvFormat: TextFormat = {
  kind: 'text',
  id: 'aws-iam-credential-report-steampipe-csv',
  provider: 'aws',
  description:
    'steampipe query --output csv "select * from aws_iam_credential_report" (user_name,user_arn,… header)',
  load: loadCsvParser,
  matches(firstLine) {
    const columns = csvHeader(firstLine) ?? [];
    return columns[0] === 'user_name' && TOLD_BY.every((column) => columns.includes(column));
  },
  *read(text, ctx) {
    for (const { line, cells } of readCsv(text, ctx.file).rows) {
      const row = Object.fromEntries(
        Object.entries(cells).map(([column, cell]) => [
          column,
          cell === '' || cell === '<null>' ? null : cell,
        ]),
      );
      yield* readRow(reportRow(row), ctx, { line });
    }
  },
};

function* readRow(row: Record<string, string>, ctx: ReadContext, where: { index?: number; line?: number }) {
  const resource = credentialReportRowToResource(row, { file: ctx.file, ...where });
  if (typeof resource === 'string') ctx.skip(resource, where);
  else yield resource;
}

/** A row in the report's own spelling: its column names, `true` / `false`, `N/A` for null. */
function reportRow(row: Readonly<Record<string, unknown>>): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [column, value] of Object.entries(row)) {
    const name = RENAMED[column] ?? column;
    if (value === null) cells[name] = 'N/A';
    else if (typeof value === 'boolean' || typeof value === 'string') cells[name] = String(value);
  }
  return cells;
}
