import { beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import type { DocumentFormat, TextFormat } from '../../../src/sources/format.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { fact } from '../../helpers/checks.ts';
import { writeCsv } from '../csv/write-csv.ts';
import { readRows } from './read-rows.ts';

// Rows as `steampipe query --output json|csv "select * from <table>"` writes them, with the
// columns of turbot/steampipe-plugin-aws table_aws_iam_user.go, table_aws_iam_role.go,
// table_aws_iam_group.go, table_aws_iam_policy.go, table_aws_iam_credential_report.go and
// table_aws_iam_account_summary.go (see tests/corpus/SOURCES.md).
const ACCOUNT = '111122223333';
const iamRow = (kind: string, name: string, columns: Record<string, unknown>) => {
  const arn = `arn:aws:iam::${ACCOUNT}:${kind}/${name}`;
  return {
    name,
    arn,
    path: '/',
    create_date: '2023-04-01T09:00:00Z',
    ...columns,
    tags: null,
    title: name,
    akas: [arn],
    partition: 'aws',
    region: 'global',
    account_id: ACCOUNT,
  };
};
const ADMIN_INLINE = {
  PolicyName: 'everything',
  PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
};

/** A document or CSV text read by the format kansa recognises it as. */
function readAs(input: unknown[] | string) {
  const skipped: string[] = [];
  const ctx = { file: 'rows', skip: (reason: string) => skipped.push(reason) };
  if (typeof input === 'string') {
    const format = INPUT_FORMATS.find(
      (f): f is TextFormat => f.kind === 'text' && f.matches(input.slice(0, input.indexOf('\n'))),
    );
    return { format: format?.id, resources: [...(format?.read(input, ctx) ?? [])], skipped };
  }
  const format = INPUT_FORMATS.find((f): f is DocumentFormat => f.kind === 'document' && f.matches(input));
  return { format: format?.id, resources: [...(format?.read(input, ctx) ?? [])], skipped };
}

beforeAll(loadCsvParser);

describe('steampipe-rows: AWS IAM tables', () => {
  it('reads an aws_iam_user row as the user’s Config item, with its MFA and console password', () => {
    const { resources } = readRows([
      iamRow('user', 'alice', {
        user_id: 'AIDAEXAMPLEALICE',
        password_last_used: null,
        mfa_enabled: false,
        login_profile: {
          UserName: 'alice',
          CreateDate: '2023-04-01T09:05:00Z',
          PasswordResetRequired: false,
        },
        mfa_devices: [],
        groups: [{ GroupName: 'ops', Arn: `arn:aws:iam::${ACCOUNT}:group/ops`, Path: '/' }],
        inline_policies: [ADMIN_INLINE],
        attached_policy_arns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      }),
      iamRow('user', 'ci', {
        user_id: 'AIDAEXAMPLECI',
        password_last_used: null,
        mfa_enabled: false,
        login_profile: null,
        mfa_devices: null,
        groups: null,
        inline_policies: null,
        attached_policy_arns: null,
      }),
    ]);
    // Each row says its account's users were listed (the table is ListUsers').
    const [alice, , ci] = resources;
    expect(resources[1]?.facts).toEqual({
      iamUsersListed: { value: true, source: 'explicit', path: 'aws_iam_user' },
    });
    expect(alice).toMatchObject({
      id: `arn:aws:iam::${ACCOUNT}:user/alice`,
      kansaType: 'iam.user',
      region: 'global',
    });
    expect(fact(alice, 'passwordEnabled')).toMatchObject({
      source: 'explicit',
      value: true,
      path: 'login_profile',
    });
    expect(fact(alice, 'mfaActive')).toMatchObject({ source: 'explicit', value: false, path: 'mfa_enabled' });
    expect(fact(alice, 'groups')).toMatchObject({ value: ['ops'] });
    expect(fact(alice, 'fullAdminInlinePolicies')).toMatchObject({ value: ['everything'] });
    expect(fact(alice, 'attachedPolicyArns')).toMatchObject({
      value: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
    });
    expect(fact(alice, 'passwordLastUsed')).toMatchObject({ source: 'explicit', value: null });
    // The plugin writes a user's empty lists as null (nil Go slices), and no login profile as null.
    expect(fact(ci, 'passwordEnabled')).toMatchObject({ value: false });
    expect(fact(ci, 'groups')).toMatchObject({ source: 'explicit', value: [] });
    expect(fact(ci, 'attachedPolicyArns')).toMatchObject({ source: 'explicit', value: [] });
    // Access keys are the credential report's.
    expect(fact(ci, 'activeAccessKeys')).toBeUndefined();
  });

  it('reads aws_iam_role, aws_iam_group and aws_iam_policy rows; AWS managed policies are skipped', () => {
    const { resources, skipped } = readRows([
      iamRow('role', 'partner-audit', {
        role_id: 'AROAEXAMPLE',
        assume_role_policy: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: 'arn:aws:iam::444455556666:root' },
              Action: 'sts:AssumeRole',
            },
          ],
        },
        attached_policy_arns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
        inline_policies: null,
      }),
    ]);
    expect(skipped).toEqual([]);
    expect(fact(resources[0], 'trustedAccounts')).toMatchObject({ value: ['444455556666'] });
    expect(fact(resources[0], 'attachedPolicyArns')).toMatchObject({
      value: ['arn:aws:iam::aws:policy/AdministratorAccess'],
    });

    const groups = readRows([
      iamRow('group', 'ops', {
        group_id: 'AGPAEXAMPLE',
        attached_policy_arns: null,
        inline_policies: [ADMIN_INLINE],
      }),
    ]).resources;
    expect(groups[0]).toMatchObject({ kansaType: 'iam.group' });
    expect(fact(groups[0], 'fullAdminInlinePolicies')).toMatchObject({ value: ['everything'] });

    const policy = (name: string, arn: string, document: unknown) => ({
      ...iamRow('policy', name, {
        policy_id: 'ANPAEXAMPLE',
        default_version_id: 'v2',
        is_aws_managed: false,
        policy: document,
      }),
      arn,
      akas: [arn],
    });
    const policies = readRows([
      policy('all', `arn:aws:iam::${ACCOUNT}:policy/all`, ADMIN_INLINE.PolicyDocument),
      policy('ReadOnlyAccess', 'arn:aws:iam::aws:policy/ReadOnlyAccess', { Statement: [] }),
    ]);
    expect(policies.resources).toHaveLength(1);
    expect(fact(policies.resources[0], 'fullAdminStatements')).toMatchObject({
      source: 'explicit',
      value: ['Statement[0]'],
    });
    expect(policies.skipped[0]).toMatch(/an AWS managed policy \(arn:aws:iam::aws:policy\/ReadOnlyAccess\)/);
  });

  it('skips a user row of a query that left out the MFA and login columns', () => {
    const narrow = iamRow('user', 'bob', { groups: null, inline_policies: null, attached_policy_arns: null });
    const { resources, skipped } = readRows([narrow]);
    expect(resources).toHaveLength(0);
    expect(skipped[0]).toMatch(/aws_iam_user row without the columns mfa_enabled, login_profile/);
  });
});

const reportRow = (user: string, arn: string, columns: Record<string, unknown>) => ({
  user_name: user,
  user_arn: arn,
  user_creation_time: '2023-04-01T09:00:00Z',
  generated_time: '2024-06-01T00:00:00Z',
  access_key_1_active: false,
  access_key_1_last_rotated: null,
  access_key_1_last_used_date: null,
  access_key_1_last_used_region: null,
  access_key_1_last_used_service: null,
  access_key_2_active: false,
  access_key_2_last_rotated: null,
  access_key_2_last_used_date: null,
  access_key_2_last_used_region: null,
  access_key_2_last_used_service: null,
  cert_1_active: false,
  cert_1_last_rotated: null,
  cert_2_active: false,
  cert_2_last_rotated: null,
  mfa_active: false,
  password_enabled: false,
  password_last_changed: null,
  password_last_used: null,
  password_status: 'not_set',
  password_next_rotation: null,
  ...columns,
  partition: 'aws',
  region: 'global',
  account_id: ACCOUNT,
});

describe('Steampipe aws_iam_credential_report and aws_iam_account_summary', () => {
  const rows = [
    reportRow('<root_account>', `arn:aws:iam::${ACCOUNT}:root`, {
      mfa_active: true,
      password_enabled: true,
      password_last_used: '2024-05-02T01:02:03Z',
      password_status: 'used',
    }),
    reportRow('deploy', `arn:aws:iam::${ACCOUNT}:user/deploy`, {
      access_key_1_active: true,
      access_key_1_last_rotated: '2023-04-01T09:10:00Z',
      access_key_1_last_used_date: '2024-05-30T12:00:00Z',
      access_key_1_last_used_region: 'ap-northeast-1',
      access_key_1_last_used_service: 's3',
    }),
  ];

  it('reads the report’s rows as the report is read: the root row on the account, a user per row', () => {
    const { format, resources } = readAs(rows);
    expect(format).toBe('aws-iam-credential-report-steampipe');
    const [account, deploy] = resources;
    expect(account).toMatchObject({ kansaType: 'account', account: ACCOUNT });
    expect(fact(account, 'rootMfaActive')).toMatchObject({ source: 'explicit', value: true });
    expect(fact(account, 'rootAccessKeyActive')).toMatchObject({ value: false });
    expect(fact(deploy, 'activeAccessKeys')).toMatchObject({
      value: [{ slot: 1, lastRotated: '2023-04-01T09:10:00Z', lastUsed: '2024-05-30T12:00:00Z' }],
    });
    // Null times: N/A (no password), as the report's own column says.
    expect(fact(deploy, 'passwordLastUsed')).toMatchObject({ source: 'explicit', value: null });
    expect(fact(deploy, 'passwordEnabled')).toMatchObject({ value: false });
  });

  it('reads the same rows from the CSV output, and a row of a narrower query with what it left out unknown', () => {
    const columns = Object.keys(rows[0]!);
    const csv = readAs(writeCsv(columns, rows));
    expect(csv.format).toBe('aws-iam-credential-report-steampipe-csv');
    const strip = (resources: readonly Resource[]) => resources.map(({ origin: _, ...rest }) => rest);
    expect(strip(csv.resources)).toEqual(strip(readAs(rows).resources));

    const { mfa_active: _, ...narrow } = rows[1]!;
    const { user_name, user_arn, password_enabled } = narrow;
    const [user] = readAs([{ user_name, user_arn, password_enabled, mfa_active: true }]).resources;
    expect(fact(user, 'mfaActive')).toMatchObject({ source: 'explicit', value: true });
    // Not selected is not the report's N/A (never used).
    expect(fact(user, 'passwordLastUsed')).toMatchObject({ source: 'unknown' });
  });

  it('reads aws_iam_account_summary rows: root MFA, and no root key when none is present', () => {
    const summary = (mfa: boolean, keys: number) => ({
      account_mfa_enabled: mfa,
      account_access_keys_present: keys,
      account_password_present: true,
      users: 4,
      mfa_devices_in_use: 2,
      partition: 'aws',
      region: 'global',
      account_id: ACCOUNT,
    });
    const { format, resources } = readAs([summary(false, 0)]);
    expect(format).toBe('aws-iam-account-summary-steampipe');
    expect(fact(resources[0], 'rootMfaActive')).toMatchObject({ value: false, path: 'account_mfa_enabled' });
    expect(fact(resources[0], 'rootAccessKeyActive')).toMatchObject({ source: 'explicit', value: false });
    const withKey = readAs(writeCsv(Object.keys(summary(true, 1)), [summary(true, 1)]));
    expect(withKey.format).toBe('aws-iam-account-summary-steampipe-csv');
    expect(fact(withKey.resources[0], 'rootMfaActive')).toMatchObject({ value: true });
    expect(fact(withKey.resources[0], 'rootAccessKeyActive')).toMatchObject({ source: 'unknown' });
  });
});
