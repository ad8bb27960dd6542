import { describe, expect, it } from 'vitest';
import accessKeyAge from '../../../src/checks/aws/iam/access-key-age.ts';
import privilegedPrincipalCount from '../../../src/checks/aws/iam/privileged-principal-count.ts';
import roleTrust from '../../../src/checks/aws/iam/role-trust.ts';
import { accountResourceId } from '../../../src/model/resource.ts';
import { evaluate } from '../../helpers/checks.ts';
import {
  ACCOUNT,
  ADMINISTRATOR_ACCESS,
  CREDENTIAL_REPORT_HEADER,
  iamGroupItem,
  iamUserItem,
  inlinePolicy,
  snapshotItem,
  userArn,
} from '../../sources/aws/builders.ts';
import { tenancy, withRootRow } from './harness.ts';

const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
/** An IAM role item: its trust policy URL-encoded, as Config writes it. */
const roleItem = (name: string, trust: object | undefined, configuration: Record<string, unknown> = {}) =>
  snapshotItem(
    'AWS::IAM::Role',
    `AROA${name.toUpperCase().replace(/[^A-Z]/g, '')}`,
    {
      path: '/',
      roleName: name,
      arn: roleArn(name),
      ...(trust
        ? {
            assumeRolePolicyDocument: encodeURIComponent(
              JSON.stringify({ Version: '2012-10-17', Statement: [trust] }),
            ),
          }
        : {}),
      instanceProfileList: [],
      rolePolicyList: [],
      attachedManagedPolicies: [],
      ...configuration,
    },
    { arn: roleArn(name), region: 'global', name },
  );
const trustAws = (AWS: unknown, Condition?: object) => ({
  Effect: 'Allow',
  Principal: { AWS },
  Action: 'sts:AssumeRole',
  ...(Condition ? { Condition } : {}),
});

describe('aws.iam.role-trust', () => {
  it.each([
    [
      'a service',
      { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
      {},
      'PASS',
      'trusted',
    ],
    ['its own account', trustAws(`arn:aws:iam::${ACCOUNT}:root`), {}, 'PASS', 'trusted'],
    [
      'an account on the allow list',
      trustAws('999988887777'),
      { trustedAccountIds: ['999988887777'] },
      'PASS',
      'trusted',
    ],
    ['an unknown account', trustAws('arn:aws:iam::999988887777:role/vendor'), {}, 'FAIL', 'external'],
    ['anyone', trustAws('*'), {}, 'FAIL', 'anyone'],
    [
      'anyone in the organization',
      trustAws('*', { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }),
      {},
      'PASS',
      'trusted',
    ],
    ['no trust policy in the item', undefined, {}, 'UNKNOWN', 'unknown'],
  ])('%s → %s', (_, trust, params, status, message) => {
    const result = evaluate(roleTrust, tenancy({ items: [roleItem('r', trust)] }), roleArn('r'), params);
    expect(result).toMatchObject({
      status,
      message,
      evidence: [{ path: 'configuration.assumeRolePolicyDocument' }],
    });
  });

  it('trusts accounts that are part of the same scan, and raises the public case to critical', () => {
    const otherAccountItem = {
      ...iamUserItem('someone'),
      awsAccountId: '999988887777',
      ARN: 'arn:aws:iam::999988887777:user/someone',
    };
    const resources = tenancy({ items: [roleItem('r', trustAws('999988887777')), otherAccountItem] });
    expect(evaluate(roleTrust, resources, roleArn('r'))).toMatchObject({ status: 'PASS' });
    const open = evaluate(roleTrust, tenancy({ items: [roleItem('r', trustAws('*'))] }), roleArn('r'));
    expect(open.severity).toBe('critical');
  });
});

describe('aws.iam.privileged-principal-count', () => {
  const ACCOUNT_ID = accountResourceId('aws', ACCOUNT);
  const admin = (name: string) => iamUserItem(name, { attachedManagedPolicies: [ADMINISTRATOR_ACCESS] });
  const everything = inlinePolicy('everything', { Effect: 'Allow', Action: '*', Resource: '*' });
  const adminGroup = iamGroupItem('Administrators', { attachedManagedPolicies: [ADMINISTRATOR_ACCESS] });

  it.each([
    [
      'three administrators (the limit)',
      [admin('a'), admin('b'), roleItem('break-glass', undefined, { rolePolicyList: [everything] })],
      {},
      'PASS',
      'withinLimit',
      3,
    ],
    [
      'four: two users, one through a group, one role',
      [
        admin('a'),
        admin('b'),
        adminGroup,
        iamUserItem('c', { groupList: ['Administrators'] }),
        roleItem('r', undefined, { attachedManagedPolicies: [ADMINISTRATOR_ACCESS] }),
      ],
      {},
      'FAIL',
      'tooMany',
      4,
    ],
    [
      'two against a limit of one',
      [admin('a'), admin('b')],
      { maxPrivilegedPrincipals: 1 },
      'FAIL',
      'tooMany',
      2,
    ],
    [
      'a user whose group is not in the export',
      [admin('a'), iamUserItem('c', { groupList: ['Missing'] })],
      {},
      'UNKNOWN',
      'unknown',
      1,
    ],
  ])('%s → %s', (_, items, params, status, message, count) => {
    const result = evaluate(privilegedPrincipalCount, withRootRow(tenancy({ items })), ACCOUNT_ID, params);
    expect(result).toMatchObject({ status, message, data: { count } });
    for (const piece of result.evidence) expect(piece.resourceId).toBeDefined();
  });

  it('is UNKNOWN without IAM users and roles', () => {
    expect(evaluate(privilegedPrincipalCount, withRootRow([]), ACCOUNT_ID)).toMatchObject({
      status: 'UNKNOWN',
      message: 'noIam',
    });
  });
});

describe('aws.iam.access-key-age', () => {
  const NOW = new Date('2026-11-01T00:00:00Z');
  /** A credential-report row of a user without console access and with the given access keys. */
  const row = (key1: [string, string], key2: [string, string] = ['false', 'N/A']) =>
    [
      'ci-deploy',
      userArn('ci-deploy'),
      '2024-04-01T02:00:00+00:00',
      'false',
      'N/A',
      'N/A',
      'N/A',
      'false',
      key1[0],
      key1[1],
      key1[0] === 'true' ? '2026-10-31T23:00:00+00:00' : 'N/A',
      key1[0] === 'true' ? 'ap-northeast-1' : 'N/A',
      key1[0] === 'true' ? 's3' : 'N/A',
      key2[0],
      key2[1],
      'N/A',
      'N/A',
      'N/A',
      'false',
      'N/A',
      'false',
      'N/A',
    ].join(',');

  it.each([
    ['one key rotated 61 days ago', [row(['true', '2026-09-01T00:00:00+00:00'])], {}, 'PASS', 'fresh'],
    [
      'key 2 rotated 518 days ago',
      [row(['true', '2026-09-01T00:00:00+00:00'], ['true', '2025-06-01T00:00:00+00:00'])],
      {},
      'FAIL',
      'stale',
    ],
    [
      '61 days against a 30-day policy',
      [row(['true', '2026-09-01T00:00:00+00:00'])],
      { maxKeyAgeDays: 30 },
      'FAIL',
      'stale',
    ],
    ['an inactive old key', [row(['false', '2020-01-01T00:00:00+00:00'])], {}, 'NOT_APPLICABLE', 'noKeys'],
    ['access_key_1_active not_supported', [row(['not_supported', 'N/A'])], {}, 'UNKNOWN', 'noReport'],
  ])('%s → %s', (_, reportRows, params, status, message) => {
    const result = evaluate(accessKeyAge, tenancy({ reportRows }), userArn('ci-deploy'), {
      now: NOW,
      ...params,
    });
    expect(result).toMatchObject({ status, message });
  });

  it('names the stale key with its age', () => {
    const reportRows = [row(['true', '2026-09-01T00:00:00+00:00'], ['true', '2025-06-01T00:00:00+00:00'])];
    const result = evaluate(accessKeyAge, tenancy({ reportRows }), userArn('ci-deploy'), { now: NOW });
    expect(result.data).toMatchObject({ keys: ['#2 (518 days, 2025-06-01T00:00:00+00:00)'] });
    expect(CREDENTIAL_REPORT_HEADER.split(',')).toHaveLength(reportRows[0]!.split(',').length);
  });

  it('is UNKNOWN for a Config IAM user without a credential report row', () => {
    const result = evaluate(
      accessKeyAge,
      tenancy({ items: [iamUserItem('ci-deploy')] }),
      userArn('ci-deploy'),
    );
    expect(result).toMatchObject({ status: 'UNKNOWN', message: 'noReport' });
  });
});
