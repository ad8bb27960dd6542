import path from 'node:path';
import { InputError } from '../../base/input-error.ts';
import type { AwsAccountFacts } from '../../model/aws.ts';
import { cloudDefault, explicit, type Fact, unknown } from '../../model/fact.ts';
import type { Localized } from '../../model/localized.ts';
import { accountResourceId, type Origin, type Resource } from '../../model/resource.ts';
import { csvHeader, loadCsvParser, readCsv } from '../csv.ts';
import type { DocumentFormat, ReadContext, TextFormat } from '../format.ts';
import { steampipeCsvCell, steampipeNumber, steampipeResult } from '../steampipe-row.ts';
import { asRecord } from './config-item.ts';

/**
 * The account's IAM password policy, in the dialects that show it (tests/sources/aws/SOURCES.md):
 *
 * - `aws iam get-account-password-policy`: `{"PasswordPolicy": {...}}` (older CLI versions add
 *   `ResponseMetadata`). `MaxPasswordAge`, `PasswordReusePrevention` and `HardExpiry` are absent
 *   when not set. With no policy the CLI writes no JSON, only the error
 *   `An error occurred (NoSuchEntity) when calling the GetAccountPasswordPolicy operation: The
 *   Password Policy with domain name <account> cannot be found.` (stderr; kept with `2>&1`).
 * - Steampipe `steampipe query --output json "select * from aws_iam_account_password_policy"`:
 *   rows of snake_case columns with `account_id`, a bare array before v0.23, `{"rows"}` in v0.23,
 *   `{"columns", "rows"}` since; the table answers no row when IAM says NoSuchEntity.
 *
 * The CLI names no account: it is taken from the file name, as `--save-inventory` names its
 * files (`iam/<account>_password-policy.json`, like `iam/<account>_credential-report.csv`) and
 * as the sample exports name theirs (`<account>_<region>_select-resource-config.json`).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountPasswordPolicy.html
 */
const NATIVE_ACCOUNT_TYPE = 'AWS::::Account';
const NO_SUCH_ENTITY =
  /^An error occurred \(NoSuchEntity\) when calling the GetAccountPasswordPolicy operation\b/;

type SettingFact =
  | 'passwordMinimumLength'
  | 'passwordRequireSymbols'
  | 'passwordRequireNumbers'
  | 'passwordRequireUppercase'
  | 'passwordRequireLowercase'
  | 'passwordReusePrevention';

/**
 * Each setting: its fact, its name in the API (CLI) and in Steampipe (which is also the
 * attribute of Terraform's `aws_iam_account_password_policy`), and what it holds.
 */
export const PASSWORD_POLICY_SETTINGS: readonly {
  readonly fact: SettingFact;
  readonly api: string;
  readonly column: string;
  readonly kind: 'number' | 'boolean';
  /** The value when the field is absent (not set), and what that means; without it, absent is unknown. */
  readonly notSet?: { readonly value: number; readonly note: Localized };
}[] = [
  {
    fact: 'passwordMinimumLength',
    api: 'MinimumPasswordLength',
    column: 'minimum_password_length',
    kind: 'number',
  },
  { fact: 'passwordRequireSymbols', api: 'RequireSymbols', column: 'require_symbols', kind: 'boolean' },
  { fact: 'passwordRequireNumbers', api: 'RequireNumbers', column: 'require_numbers', kind: 'boolean' },
  {
    fact: 'passwordRequireUppercase',
    api: 'RequireUppercaseCharacters',
    column: 'require_uppercase_characters',
    kind: 'boolean',
  },
  {
    fact: 'passwordRequireLowercase',
    api: 'RequireLowercaseCharacters',
    column: 'require_lowercase_characters',
    kind: 'boolean',
  },
  {
    fact: 'passwordReusePrevention',
    api: 'PasswordReusePrevention',
    column: 'password_reuse_prevention',
    kind: 'number',
    notSet: {
      value: 0,
      note: {
        ja: 'PasswordReusePrevention は設定されていません（過去のパスワードを再利用できます）',
        en: 'PasswordReusePrevention is not set (any previous password may be reused)',
      },
    },
  },
];

/** `aws iam get-account-password-policy` output (also what `--save-inventory` writes). */
export const awsPasswordPolicyFormat: DocumentFormat = {
  kind: 'document',
  id: 'aws-iam-password-policy',
  provider: 'aws',
  description:
    'aws iam get-account-password-policy output ({"PasswordPolicy": …}; the account from the file name <account>_…)',
  matches(document) {
    const policy = asRecord(asRecord(document)?.['PasswordPolicy']);
    return policy !== undefined && PASSWORD_POLICY_SETTINGS.some(({ api }) => api in policy);
  },
  read(document, ctx) {
    const policy = asRecord(asRecord(document)?.['PasswordPolicy'])!;
    const account = accountOfFile(ctx.file);
    return [
      accountResource(account, readPasswordPolicySettings(policy, 'api', 'PasswordPolicy.'), {
        file: ctx.file,
      }),
    ];
  },
};

/** The CLI's NoSuchEntity error, saved in place of the JSON: no password policy is set. */
export const awsNoPasswordPolicyFormat: TextFormat = {
  kind: 'text',
  id: 'aws-iam-password-policy-none',
  provider: 'aws',
  description:
    'aws iam get-account-password-policy error output "An error occurred (NoSuchEntity) …" (no policy set)',
  matches(firstLine) {
    return NO_SUCH_ENTITY.test(firstLine.trim());
  },
  read(text, ctx) {
    const lines = text.split(/\r?\n/);
    const index = lines.findIndex((line) => line.trim() !== '');
    // IAM's message names the account ("… with domain name 123456789012 cannot be found").
    const named = /domain name (\d{12})\b/.exec(lines[index] ?? '')?.[1];
    const account = named ?? accountOfFile(ctx.file);
    return [accountResource(account, noPolicy(), { file: ctx.file, line: index + 1 })];
  },
};

/** Steampipe's `aws_iam_account_password_policy` rows (`--output json`). */
export const awsPasswordPolicySteampipeFormat: DocumentFormat = {
  kind: 'document',
  id: 'aws-iam-password-policy-steampipe',
  provider: 'aws',
  description:
    'steampipe query --output json "select * from aws_iam_account_password_policy" (rows, or {columns, rows})',
  matches(document) {
    const result = steampipeResult(document);
    if (!result) return false;
    const first = asRecord(result.rows[0]);
    if (first) return 'minimum_password_length' in first;
    return result.columns.includes('minimum_password_length');
  },
  read(document, ctx) {
    const { rows } = steampipeResult(document)!;
    return steampipePolicies(
      rows.map((row, index) => ({ row, where: { index } })),
      ctx,
    );
  },
};

/**
 * The same rows as `--output csv` writes them: a header of the column names (the table has no
 * `akas` and `title`, so `steampipe-csv` does not take it), every cell text, null an empty cell
 * (`<null>` before Steampipe v0.18.2, `<nil>` in its exporter's); a header alone is the table's no row.
 */
export const awsPasswordPolicySteampipeCsv: TextFormat = {
  kind: 'text',
  id: 'aws-iam-password-policy-steampipe-csv',
  provider: 'aws',
  description:
    'steampipe query --output csv "select * from aws_iam_account_password_policy" (a header of its columns)',
  load: loadCsvParser,
  matches(firstLine) {
    const columns = csvHeader(firstLine) ?? [];
    return columns.includes('minimum_password_length') && columns.includes('require_symbols');
  },
  read(text, ctx) {
    const { rows } = readCsv(text, ctx.file);
    return steampipePolicies(
      Array.from(rows, ({ line, cells }) => ({ row: typedSettings(cells), where: { line } })),
      ctx,
    );
  },
};

/** The table's rows, each an account's policy; no row: IAM answered NoSuchEntity for the queried account. */
function steampipePolicies(
  rows: readonly { row: unknown; where: { index: number } | { line: number } }[],
  ctx: ReadContext,
): Resource[] {
  if (rows.length === 0) return [accountResource(accountOfFile(ctx.file), noPolicy(), { file: ctx.file })];
  const resources: Resource[] = [];
  for (const { row: raw, where } of rows) {
    const row = asRecord(raw);
    const account = typeof row?.['account_id'] === 'string' ? row['account_id'] : undefined;
    if (!row) ctx.skip('row is not a JSON object', where);
    else if (account !== undefined && !/^\d{12}$/.test(account))
      ctx.skip(`account_id "${account}" is not an AWS account id`, where);
    else
      resources.push(
        accountResource(account ?? accountOfFile(ctx.file), readPasswordPolicySettings(row, 'column', ''), {
          file: ctx.file,
          ...where,
        }),
      );
  }
  return resources;
}

/** A CSV row as the JSON output's: null for an empty cell, the settings' booleans and integers typed. */
function typedSettings(cells: Readonly<Record<string, string>>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [column, cell] of Object.entries(cells)) row[column] = steampipeCsvCell(cell);
  for (const { column, kind } of PASSWORD_POLICY_SETTINGS) {
    const cell = row[column];
    if (kind === 'boolean' && (cell === 'true' || cell === 'false')) row[column] = cell === 'true';
    else if (kind === 'number' && typeof cell === 'string') {
      const value = steampipeNumber(cell);
      if (value !== undefined && Number.isInteger(value) && value >= 0) row[column] = value;
    }
  }
  return row;
}

/** The account a file holds when its content does not say: the file name's leading `<account>_`. */
function accountOfFile(file: string): string {
  const account = /^(\d{12})_/.exec(path.basename(file))?.[1];
  if (account) return account;
  throw new InputError(
    file,
    'the password policy does not name its account: name the file <account id>_password-policy.json (as kansa scan --save-inventory does)',
  );
}

/** An account with no password policy (IAM answers NoSuchEntity). */
export function noPolicy(): AwsAccountFacts {
  return { passwordPolicySet: explicit(false, 'PasswordPolicy') };
}

/** The settings of a policy that is set, named as the dialect names them. */
export function readPasswordPolicySettings(
  record: Record<string, unknown>,
  naming: 'api' | 'column',
  prefix: string,
): AwsAccountFacts {
  const facts: Record<string, Fact<unknown>> = { passwordPolicySet: explicit(true, 'PasswordPolicy') };
  for (const setting of PASSWORD_POLICY_SETTINGS) {
    const name = setting[naming];
    const where = `${prefix}${name}`;
    const value = record[name];
    if (value === undefined || value === null) {
      facts[setting.fact] =
        setting.notSet === undefined
          ? unknown(where, {
              ja: `パスワードポリシーに ${name} がありません`,
              en: `the password policy has no ${name}`,
            })
          : cloudDefault(setting.notSet.value, where, setting.notSet.note);
    } else if (setting.kind === 'number' ? Number.isInteger(value) : typeof value === 'boolean') {
      facts[setting.fact] = explicit(value, where);
    } else {
      facts[setting.fact] = unknown(where, {
        ja: `パスワードポリシーの ${name} が${setting.kind === 'number' ? '整数' : 'true / false'}ではありません（${JSON.stringify(value)}）`,
        en: `the password policy's ${name} is not ${setting.kind === 'number' ? 'an integer' : 'true or false'} (${JSON.stringify(value)})`,
      });
    }
  }
  return facts as AwsAccountFacts;
}

/** The account's own record with the given facts (the password policy, the account summary). */
export function accountResource(account: string, facts: AwsAccountFacts, origin: Origin): Resource {
  return {
    provider: 'aws',
    account,
    region: 'global',
    kansaType: 'account',
    nativeType: NATIVE_ACCOUNT_TYPE,
    id: accountResourceId('aws', account),
    name: account,
    tags: {},
    origin,
    facts,
  };
}
