import { describe, expect, it } from 'vitest';
import adminUserMfa from '../../../src/checks/aws/iam/admin-user-mfa.ts';
import consoleUserMfa from '../../../src/checks/aws/iam/console-user-mfa.ts';
import rootAccessKeys from '../../../src/checks/aws/iam/root-access-keys.ts';
import rootMfa from '../../../src/checks/aws/iam/root-mfa.ts';
import { accountResourceId } from '../../../src/model/resource.ts';
import { evaluate } from '../../helpers/checks.ts';
import {
  ACCOUNT,
  ADMINISTRATOR_ACCESS,
  credentialRow,
  iamGroupItem,
  iamUserItem,
  inlinePolicy,
  rootRow,
  userArn,
} from '../../sources/aws/builders.ts';
import { tenancy } from './harness.ts';

const ACCOUNT_ID = accountResourceId('aws', ACCOUNT);
const bareAccount = () =>
  tenancy({ items: [iamUserItem('someone')] }).concat({
    provider: 'aws',
    account: ACCOUNT,
    region: 'global',
    kansaType: 'account',
    nativeType: 'AWS::::Account',
    id: ACCOUNT_ID,
    name: ACCOUNT,
    tags: {},
    facts: {},
    origin: { file: '(scan)' },
  });

describe('aws.iam.root-mfa', () => {
  it.each([
    ['root with MFA', 'true', 'PASS', 'mfa'],
    ['root without MFA', 'false', 'FAIL', 'noMfa'],
    ['mfa_active not_supported', 'not_supported', 'UNKNOWN', 'noReport'],
  ])('%s → %s', (_, mfa, status, message) => {
    const result = evaluate(rootMfa, tenancy({ reportRows: [rootRow(mfa)] }), ACCOUNT_ID);
    expect(result).toMatchObject({ status, message, evidence: [{ path: 'mfa_active' }] });
  });

  it('is UNKNOWN, naming the credential report, when the export has none', () => {
    const result = evaluate(rootMfa, bareAccount(), ACCOUNT_ID);
    expect(result).toMatchObject({
      status: 'UNKNOWN',
      message: 'noReport',
      evidence: [{ source: 'unknown' }],
    });
    expect(rootMfa.meta.messages.noReport.en).toMatch(/credential report/);
  });
});

describe('aws.iam.root-access-keys', () => {
  it.each([
    ['no active key', 'false', 'PASS', 'noKeys'],
    ['access key 1 active', 'true', 'FAIL', 'activeKey'],
  ])('%s → %s', (_, key1, status, message) => {
    const result = evaluate(rootAccessKeys, tenancy({ reportRows: [rootRow('true', key1)] }), ACCOUNT_ID);
    expect(result).toMatchObject({ status, message });
  });

  it('finds an active second key', () => {
    const row = credentialRow(
      '<root_account>',
      `arn:aws:iam::${ACCOUNT}:root`,
      'not_supported',
      'true',
      'false',
      'true',
    );
    const result = evaluate(rootAccessKeys, tenancy({ reportRows: [row] }), ACCOUNT_ID);
    expect(result).toMatchObject({
      status: 'FAIL',
      evidence: [{ path: 'access_key_2_active', value: true }],
    });
  });

  it('is UNKNOWN without a credential report', () => {
    expect(evaluate(rootAccessKeys, bareAccount(), ACCOUNT_ID)).toMatchObject({
      status: 'UNKNOWN',
      message: 'noReport',
    });
  });
});

describe('aws.iam.console-user-mfa', () => {
  it.each([
    ['console user with MFA', 'true', 'true', 'PASS', 'mfa'],
    ['console user without MFA', 'true', 'false', 'FAIL', 'noMfa'],
    ['no console password', 'false', 'false', 'NOT_APPLICABLE', 'noConsole'],
    ['password_enabled N/A', 'N/A', 'false', 'UNKNOWN', 'noReport'],
  ])('%s → %s', (_, password, mfa, status, message) => {
    const resources = tenancy({ reportRows: [credentialRow('sato', userArn('sato'), password, mfa)] });
    const result = evaluate(consoleUserMfa, resources, userArn('sato'));
    expect(result).toMatchObject({ status, message, data: { user: 'sato' } });
    expect(result.evidence[0]).toMatchObject({ path: 'password_enabled' });
  });

  it('is UNKNOWN for a Config IAM user without a credential report row', () => {
    const result = evaluate(consoleUserMfa, tenancy({ items: [iamUserItem('sato')] }), userArn('sato'));
    expect(result).toMatchObject({ status: 'UNKNOWN', message: 'noReport' });
  });
});

describe('aws.iam.admin-user-mfa', () => {
  const adminGroup = iamGroupItem('Administrators', { attachedManagedPolicies: [ADMINISTRATOR_ACCESS] });
  const readers = iamGroupItem('Readers', {
    attachedManagedPolicies: [
      { policyName: 'ReadOnlyAccess', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
    ],
  });
  const cases: {
    name: string;
    user: Record<string, unknown>;
    groups?: object[];
    mfa: string;
    password?: string;
    status: string;
    message: string;
    evidence: string[];
  }[] = [
    {
      name: 'AdministratorAccess attached, no MFA',
      user: { attachedManagedPolicies: [ADMINISTRATOR_ACCESS] },
      mfa: 'false',
      status: 'FAIL',
      message: 'noMfa',
      evidence: ['password_enabled', 'mfa_active', 'configuration.attachedManagedPolicies[].policyArn'],
    },
    {
      name: 'AdministratorAccess attached, MFA',
      user: { attachedManagedPolicies: [ADMINISTRATOR_ACCESS] },
      mfa: 'true',
      status: 'PASS',
      message: 'mfa',
      evidence: ['password_enabled', 'mfa_active', 'configuration.attachedManagedPolicies[].policyArn'],
    },
    {
      name: 'inline allow-everything policy, no MFA',
      user: {
        userPolicyList: [inlinePolicy('root-like', { Effect: 'Allow', Action: ['*'], Resource: '*' })],
      },
      mfa: 'false',
      status: 'FAIL',
      message: 'noMfa',
      evidence: ['password_enabled', 'mfa_active', 'configuration.userPolicyList[].policyDocument'],
    },
    {
      name: 'admin through a group, no MFA',
      user: { groupList: ['Administrators'] },
      groups: [adminGroup],
      mfa: 'false',
      status: 'FAIL',
      message: 'noMfa',
      evidence: [
        'password_enabled',
        'mfa_active',
        'configuration.groupList',
        'configuration.attachedManagedPolicies[].policyArn',
      ],
    },
    {
      name: 'read-only group member',
      user: { groupList: ['Readers'] },
      groups: [readers],
      mfa: 'false',
      status: 'NOT_APPLICABLE',
      message: 'notAdmin',
      evidence: [
        'configuration.attachedManagedPolicies[].policyArn',
        'configuration.userPolicyList[].policyDocument',
        'configuration.groupList',
        'configuration.attachedManagedPolicies[].policyArn',
        'configuration.groupPolicyList[].policyDocument',
      ],
    },
    {
      name: 'group not in the export, no MFA',
      user: { groupList: ['Administrators'] },
      mfa: 'false',
      status: 'UNKNOWN',
      message: 'adminUnknown',
      evidence: [
        'password_enabled',
        'mfa_active',
        'configuration.attachedManagedPolicies[].policyArn',
        'configuration.userPolicyList[].policyDocument',
        'configuration.groupList',
        'configuration.groupList[Administrators]',
      ],
    },
    {
      name: 'admin without console password',
      user: { attachedManagedPolicies: [ADMINISTRATOR_ACCESS] },
      mfa: 'false',
      password: 'false',
      status: 'NOT_APPLICABLE',
      message: 'noConsole',
      evidence: ['password_enabled'],
    },
  ];
  it.each(cases)(
    '$name → $status',
    ({ user, groups = [], mfa, password = 'true', status, message, evidence }) => {
      const resources = tenancy({
        items: [iamUserItem('tanaka', user), ...groups],
        reportRows: [credentialRow('tanaka', userArn('tanaka'), password, mfa)],
      });
      const result = evaluate(adminUserMfa, resources, userArn('tanaka'));
      expect(result).toMatchObject({ status, message });
      expect(result.evidence.map((e) => e.path)).toEqual(evidence);
    },
  );

  it('names the group whose policy makes the user an administrator', () => {
    const resources = tenancy({
      items: [iamUserItem('tanaka', { groupList: ['Administrators'] }), adminGroup],
      reportRows: [credentialRow('tanaka', userArn('tanaka'), 'true', 'false')],
    });
    const result = evaluate(adminUserMfa, resources, userArn('tanaka'));
    expect(result.evidence.at(-1)).toMatchObject({
      resourceId: `arn:aws:iam::${ACCOUNT}:group/Administrators`,
      value: [ADMINISTRATOR_ACCESS.policyArn],
    });
  });

  it('is UNKNOWN without the credential report row, and UNKNOWN when rights are unknown and MFA is off', () => {
    const configOnly = tenancy({
      items: [iamUserItem('tanaka', { attachedManagedPolicies: [ADMINISTRATOR_ACCESS] })],
    });
    expect(evaluate(adminUserMfa, configOnly, userArn('tanaka'))).toMatchObject({
      status: 'UNKNOWN',
      message: 'noReport',
    });
    const reportOnly = tenancy({ reportRows: [credentialRow('tanaka', userArn('tanaka'), 'true', 'false')] });
    expect(evaluate(adminUserMfa, reportOnly, userArn('tanaka'))).toMatchObject({
      status: 'UNKNOWN',
      message: 'adminUnknown',
    });
  });
});
