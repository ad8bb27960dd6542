import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileCoverage } from '../../../src/model/coverage.ts';
import { accountResourceId, type Resource } from '../../../src/model/resource.ts';
import { readInputFile } from '../../../src/sources/read-inputs.ts';
import { ACCOUNT, noPasswordPolicyError, passwordPolicy, steampipePasswordPolicyRow } from './builders.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kansa-password-policy-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes `content` at `relative` under the temporary folder and reads it as a scan does. */
async function read(
  relative: string,
  content: unknown,
): Promise<{ coverage: FileCoverage; resources: Resource[] }> {
  const file = path.join(dir, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  const resources: Resource[] = [];
  const coverage = await readInputFile(file, (resource) => resources.push(resource));
  return { coverage, resources };
}

describe('aws iam get-account-password-policy (CLI output)', () => {
  it('reads the policy onto the account resource named by the file name', async () => {
    const { coverage, resources } = await read(`iam/${ACCOUNT}_password-policy.json`, {
      PasswordPolicy: passwordPolicy({ MinimumPasswordLength: 12, RequireSymbols: false }),
    });
    expect(coverage).toMatchObject({ format: 'aws-iam-password-policy', resources: 1, skipped: [] });
    expect(coverage.error).toBeUndefined();
    expect(resources).toEqual([
      expect.objectContaining({
        provider: 'aws',
        account: ACCOUNT,
        region: 'global',
        kansaType: 'account',
        nativeType: 'AWS::::Account',
        id: accountResourceId('aws', ACCOUNT),
      }),
    ]);
    expect(resources[0]!.facts).toMatchObject({
      passwordPolicySet: { source: 'explicit', value: true, path: 'PasswordPolicy' },
      passwordMinimumLength: { source: 'explicit', value: 12, path: 'PasswordPolicy.MinimumPasswordLength' },
      passwordRequireSymbols: { source: 'explicit', value: false },
      passwordRequireNumbers: { source: 'explicit', value: true },
      passwordRequireUppercase: { source: 'explicit', value: true },
      passwordRequireLowercase: { source: 'explicit', value: true },
      passwordReusePrevention: { source: 'explicit', value: 24 },
    });
  });

  it('takes fields not set as not set, fields IAM always writes as unknown when missing', async () => {
    const { resources } = await read(`${ACCOUNT}_policy.json`, {
      ResponseMetadata: { RequestId: 'b9cd3e32-4a54-11e2-8110-65075b2814da' },
      PasswordPolicy: passwordPolicy({ PasswordReusePrevention: undefined, RequireNumbers: undefined }),
    });
    expect(resources[0]!.facts).toMatchObject({
      passwordReusePrevention: { source: 'default', value: 0 },
      passwordRequireNumbers: { source: 'unknown', path: 'PasswordPolicy.RequireNumbers' },
    });
  });

  it('is an error naming the file and the fix when nothing names the account', async () => {
    const { coverage, resources } = await read('password-policy.json', { PasswordPolicy: passwordPolicy() });
    expect(resources).toEqual([]);
    expect(coverage.error).toMatch(
      /password-policy\.json: .*does not name its account.*<account id>_password-policy\.json/,
    );
  });

  it('does not take {"PasswordPolicy": null} (no AWS tool writes it) for a policy', async () => {
    const { coverage } = await read(`${ACCOUNT}_null.json`, { PasswordPolicy: null });
    expect(coverage.format).toBeUndefined();
    expect(coverage.error).toMatch(/unknown export format/);
  });
});

describe('the CLI NoSuchEntity error output: no policy', () => {
  it('reads "no policy" for the account IAM names in the message, past the leading blank line', async () => {
    const { coverage, resources } = await read(
      'password-policy-error.txt',
      noPasswordPolicyError('444455556666'),
    );
    expect(coverage).toMatchObject({ format: 'aws-iam-password-policy-none', resources: 1 });
    expect(resources[0]).toMatchObject({
      account: '444455556666',
      id: accountResourceId('aws', '444455556666'),
      origin: { line: 2 },
      facts: { passwordPolicySet: { source: 'explicit', value: false } },
    });
    expect(Object.keys(resources[0]!.facts)).toEqual(['passwordPolicySet']);
  });

  it('takes the account from the file name when the message does not name it', async () => {
    const { resources } = await read(
      `${ACCOUNT}_password-policy.txt`,
      'An error occurred (NoSuchEntity) when calling the GetAccountPasswordPolicy operation: cannot be found.\r\n',
    );
    expect(resources[0]?.account).toBe(ACCOUNT);
  });
});

describe('Steampipe aws_iam_account_password_policy (steampipe query --output json)', () => {
  const columns = Object.keys(steampipePasswordPolicyRow()).map((name) => ({ name, data_type: 'text' }));

  it('reads each row for its account_id (bare array, before v0.24)', async () => {
    const { coverage, resources } = await read('steampipe.json', [
      steampipePasswordPolicyRow({ minimum_password_length: 8, password_reuse_prevention: null }),
      steampipePasswordPolicyRow({}, '444455556666'),
    ]);
    expect(coverage).toMatchObject({ format: 'aws-iam-password-policy-steampipe', resources: 2 });
    expect(resources.map((r) => r.account)).toEqual([ACCOUNT, '444455556666']);
    expect(resources[0]!.facts).toMatchObject({
      passwordPolicySet: { source: 'explicit', value: true },
      passwordMinimumLength: { source: 'explicit', value: 8, path: 'minimum_password_length' },
      passwordReusePrevention: { source: 'default', value: 0, path: 'password_reuse_prevention' },
      passwordRequireUppercase: { source: 'explicit', value: true, path: 'require_uppercase_characters' },
    });
  });

  it('reads {columns, rows} (v0.24+); no row is "no policy" for the account the file name gives', async () => {
    const rows = await read('sp/steampipe.json', { columns, rows: [steampipePasswordPolicyRow()] });
    expect(rows.resources[0]?.account).toBe(ACCOUNT);
    const none = await read(`sp/${ACCOUNT}_steampipe.json`, { columns, rows: [] });
    expect(none.coverage.format).toBe('aws-iam-password-policy-steampipe');
    expect(none.resources[0]?.facts).toEqual({
      passwordPolicySet: expect.objectContaining({ source: 'explicit', value: false }),
    });
    const nameless = await read('sp/empty.json', { columns, rows: [] });
    expect(nameless.coverage.error).toMatch(/does not name its account/);
  });

  it('skips a row whose account_id is no AWS account id, with the reason', async () => {
    const { coverage, resources } = await read('sp/bad.json', [
      steampipePasswordPolicyRow({}, 'not-an-account'),
      steampipePasswordPolicyRow({ require_symbols: 'yes' }),
    ]);
    expect(coverage.skipped).toEqual([
      { index: 0, reason: 'account_id "not-an-account" is not an AWS account id' },
    ]);
    expect(resources[0]!.facts).toMatchObject({
      passwordRequireSymbols: { source: 'unknown', note: { en: expect.stringMatching(/not true or false/) } },
    });
  });
});

describe('Steampipe aws_iam_account_password_policy (steampipe query --output csv)', () => {
  const header = Object.keys(steampipePasswordPolicyRow()).join(',');
  /** A row as Go's encoding/csv writes it: every cell text, null an empty cell. */
  const line = (row: Record<string, unknown>) =>
    Object.values(row)
      .map((cell) => (cell === null ? '' : String(cell)))
      .join(',');

  it('reads each row with its settings typed back, an empty or <null> cell as not set', async () => {
    const { coverage, resources } = await read(
      'sp-csv/policy.csv',
      [
        header,
        line(steampipePasswordPolicyRow({ minimum_password_length: 8, password_reuse_prevention: null })),
        line(steampipePasswordPolicyRow({ require_symbols: false }, '444455556666')).replace(
          /,,/,
          ',<null>,',
        ),
      ].join('\n'),
    );
    expect(coverage).toMatchObject({ format: 'aws-iam-password-policy-steampipe-csv', resources: 2 });
    expect(resources.map((r) => [r.account, r.origin.line])).toEqual([
      [ACCOUNT, 2],
      ['444455556666', 3],
    ]);
    expect(resources[0]!.facts).toMatchObject({
      passwordMinimumLength: { source: 'explicit', value: 8 },
      passwordReusePrevention: { source: 'default', value: 0 },
      passwordRequireSymbols: { source: 'explicit', value: true },
    });
    expect(resources[1]!.facts).toMatchObject({
      passwordMinimumLength: { source: 'explicit', value: 14 },
      passwordRequireSymbols: { source: 'explicit', value: false },
    });
  });

  it('reads a header alone as "no policy" for the account the file name gives', async () => {
    const { coverage, resources } = await read(`sp-csv/${ACCOUNT}_policy.csv`, `${header}\n`);
    expect(coverage.format).toBe('aws-iam-password-policy-steampipe-csv');
    expect(resources[0]?.facts).toEqual({
      passwordPolicySet: expect.objectContaining({ source: 'explicit', value: false }),
    });
  });
});
