import { InputError } from '../../base/input-error.ts';
import type { AwsAccessKey, AwsAccountFacts, AwsIamUserFacts } from '../../model/aws.ts';
import { explicit, type Fact, unknown } from '../../model/fact.ts';
import { accountResourceId, type Origin, type Resource } from '../../model/resource.ts';
import { loadCsvParser, readCsv } from '../csv.ts';
import type { DocumentFormat, ReadContext, TextFormat } from '../format.ts';
import { arnPart, asRecord } from './config-item.ts';

/**
 * The IAM credential report: one CSV row per IAM user plus `<root_account>` for the root user.
 * Columns: user, arn, user_creation_time, password_enabled, password_last_used,
 * password_last_changed, password_next_rotation, mfa_active, access_key_1_active,
 * access_key_1_last_rotated, …, access_key_2_active, …, cert_1_active, …
 * Values other than true/false: `N/A` (no such credential), `not_supported` (root's password
 * columns), `no_information` (never used / not tracked).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
 */
const REQUIRED_COLUMNS = ['user', 'arn', 'password_enabled', 'mfa_active'] as const;
const ROOT_USER = '<root_account>';
const NATIVE_ACCOUNT_TYPE = 'AWS::::Account';

/** The CSV (`aws iam get-credential-report --query Content --output text | base64 -d`). */
export const awsCredentialReportFormat: TextFormat = {
  kind: 'text',
  id: 'aws-iam-credential-report',
  provider: 'aws',
  description: 'IAM credential report CSV (aws iam get-credential-report, Content decoded from base64)',
  load: loadCsvParser,
  matches(firstLine) {
    return /^user,arn,user_creation_time,password_enabled,/.test(firstLine.trim());
  },
  read(text, ctx) {
    return credentialReportToResources(text, ctx);
  },
};

/** The JSON reply of `aws iam get-credential-report`: `{"Content":"<base64 CSV>","ReportFormat":"text/csv","GeneratedTime":…}`. */
export const awsCredentialReportApiFormat: DocumentFormat = {
  kind: 'document',
  id: 'aws-iam-credential-report-api',
  provider: 'aws',
  description: 'aws iam get-credential-report output (JSON with the base64 CSV in Content)',
  load: loadCsvParser,
  matches(document) {
    const record = asRecord(document);
    return typeof record?.['Content'] === 'string' && record['ReportFormat'] === 'text/csv';
  },
  read(document, ctx) {
    const content = String(asRecord(document)?.['Content']);
    // The API and the CLI give the CSV base64-encoded; SDK mocks and recordings that decoded
    // the bytes (`"Content": "user,arn,…"`) give it as it is.
    const isReport = (text: string) =>
      awsCredentialReportFormat.matches(text.slice(0, text.search(/\r?\n|$/)));
    const text = isReport(content) ? content : Buffer.from(content, 'base64').toString('utf8');
    if (!isReport(text)) {
      throw new InputError(
        ctx.file,
        'Content is not a credential report CSV, base64-encoded or not (expected a "user,arn,…" header)',
      );
    }
    return credentialReportToResources(text, ctx);
  },
};

function* credentialReportToResources(text: string, ctx: ReadContext): Generator<Resource> {
  // A short row has been read since the first reader, its missing cells as unknown facts.
  const { header, rows } = readCsv(text, ctx.file, { padShortRows: true });
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0)
    throw new InputError(ctx.file, `credential report without column(s): ${missing.join(', ')}`, { line: 1 });
  for (const { line, cells } of rows) {
    const resource = credentialReportRowToResource(cells, { file: ctx.file, line });
    if (typeof resource === 'string') ctx.skip(resource, { line });
    else yield resource;
  }
}

/**
 * A report cell from a tool that parsed the report into typed values: null back as `N/A`, a flag
 * as `true`/`false`, text as it is; any other value is no cell of the report (undefined).
 */
export function reportCell(value: unknown): string | undefined {
  if (value === null) return 'N/A';
  if (typeof value === 'boolean' || typeof value === 'string') return String(value);
  return undefined;
}

/**
 * A row → the account resource (root row) or an iam.user resource; a reason when unusable. The
 * rows of reports that tools saved already parsed (aws-recon's `content`) are read alike.
 */
export function credentialReportRowToResource(
  row: Readonly<Record<string, string>>,
  origin: Origin,
): Resource | string {
  const arn = row['arn'] ?? '';
  const account = arnPart(arn, 4);
  if (!account) return `row for "${row['user']}" has no IAM ARN`;
  const mfaActive = flag(row, 'mfa_active');
  const base = { provider: 'aws' as const, account, region: 'global', tags: {}, origin };
  if (row['user'] === ROOT_USER) {
    // The report has a row for every IAM user and this one for the root user: a report that
    // has it is the whole report (a query or filter for some users leaves it out), the
    // account's users listed.
    const facts: AwsAccountFacts = {
      rootMfaActive: mfaActive,
      rootAccessKeyActive: anyAccessKeyActive(row),
      iamUsersListed: explicit(true, `user=${ROOT_USER}`),
    };
    return {
      ...base,
      kansaType: 'account',
      nativeType: NATIVE_ACCOUNT_TYPE,
      id: accountResourceId('aws', account),
      name: account,
      facts,
    };
  }
  const facts: AwsIamUserFacts = {
    passwordEnabled: flag(row, 'password_enabled'),
    mfaActive,
    activeAccessKeys: activeAccessKeys(row),
    passwordLastUsed: timeOrNever(row, 'password_last_used'),
    passwordSetAt: time(row, 'password_last_changed'),
    createdAt: time(row, 'user_creation_time'),
  };
  return {
    ...base,
    kansaType: 'iam.user',
    nativeType: 'AWS::IAM::User',
    id: arn,
    name: row['user'] ?? arn,
    facts,
  };
}

function anyAccessKeyActive(row: Readonly<Record<string, string>>): Fact<boolean> {
  const keys = [flag(row, 'access_key_1_active'), flag(row, 'access_key_2_active')];
  const active = keys.find((key) => key.value === true);
  if (active) return active;
  return keys.every((key) => key.source === 'explicit')
    ? explicit(false, 'access_key_1_active,access_key_2_active')
    : keys[0]!;
}

/** The active keys with their `access_key_N_last_rotated` time; unknown when a column cannot tell. */
function activeAccessKeys(row: Readonly<Record<string, string>>): Fact<readonly AwsAccessKey[]> {
  const keys: AwsAccessKey[] = [];
  for (const slot of [1, 2] as const) {
    const active = flag(row, `access_key_${slot}_active`);
    if (active.source === 'unknown') return unknown(active.path, active.note);
    if (!active.value) continue;
    const column = `access_key_${slot}_last_rotated`;
    const lastRotated = row[column]?.trim() ?? '';
    if (Number.isNaN(Date.parse(lastRotated))) {
      return unknown(column, {
        ja: `資格情報レポートの ${column} が日時ではありません（「${lastRotated}」）`,
        en: `the credential report's ${column} is not a time ("${lastRotated}")`,
      });
    }
    const lastUsed = timeOrNever(row, `access_key_${slot}_last_used_date`);
    keys.push({ slot, lastRotated, ...(lastUsed.source !== 'unknown' && { lastUsed: lastUsed.value }) });
  }
  return explicit(keys, 'access_key_1_active,access_key_2_active');
}

/** A time column (ISO 8601); unknown when absent or not a time. */
function time(row: Readonly<Record<string, string>>, column: string): Fact<string> {
  const value = row[column]?.trim() ?? '';
  if (!Number.isNaN(Date.parse(value))) return explicit(value, column);
  return unknown(column, {
    ja: `資格情報レポートの ${column} が日時ではありません（「${value}」）`,
    en: `the credential report's ${column} is not a time ("${value}")`,
  });
}

/**
 * A last-use column: the time, or null for never used (`N/A`: no such credential or never used;
 * `no_information`: not used since IAM began tracking); unknown when absent or unreadable.
 */
function timeOrNever(row: Readonly<Record<string, string>>, column: string): Fact<string | null> {
  const value = row[column]?.trim() ?? '';
  if (value === 'N/A' || value === 'no_information') return explicit(null, column);
  return time(row, column);
}

/** `true` / `false`; `N/A`, `not_supported`, `no_information` and absent columns are unknown. */
function flag(row: Readonly<Record<string, string>>, column: string): Fact<boolean> {
  const value = row[column]?.trim().toLowerCase();
  if (value === 'true' || value === 'false') return explicit(value === 'true', column);
  return unknown(column, {
    ja: `資格情報レポートの ${column} が「${value || '空'}」です`,
    en: `the credential report's ${column} is "${value ?? ''}"`,
  });
}
