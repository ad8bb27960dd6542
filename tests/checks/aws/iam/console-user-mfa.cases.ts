import { expect } from 'vitest';
import { credentialReportFile, jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { type Change, constant, plan, ref } from '../../../iac/dialect-plan.ts';
import { ACCOUNT, credentialRow, iamUserItem, userArn } from '../../../sources/aws/builders.ts';

const table = [
  ['console user with MFA', 'true', 'true', 'PASS', 'mfa'],
  ['console user without MFA', 'true', 'false', 'FAIL', 'noMfa'],
  ['no console password', 'false', 'false', 'NOT_APPLICABLE', 'noConsole'],
  ['password_enabled N/A', 'N/A', 'false', 'UNKNOWN', 'noReport'],
] as const;

const cases: AnyCase[] = [
  ...table.map(([name, password, mfa, status, messageId]) => ({
    name,
    records: [
      credentialReportFile([credentialRow('sato', 'arn:aws:iam::111122223333:user/sato', password, mfa)]),
    ],
    status,
    messageId,
    data: { user: 'sato' },
    assert: (result: { evidence: readonly object[] }) =>
      expect(result.evidence[0]).toMatchObject({ path: 'password_enabled' }),
  })),
  {
    name: 'a Config IAM user without a credential report row',
    records: [iamUserItem('sato')],
    status: 'UNKNOWN',
    messageId: 'noReport',
  },
];

/**
 * Terraform plans and states of a user, its `aws_iam_user_login_profile` and its
 * `aws_iam_virtual_mfa_device`, as provider 5.x writes them: a device the provider read as enabled
 * names its user in `user_name` with its `enable_date`; one not enabled has both empty; a new
 * one has both known only after apply.
 */
const sato = (actions: string[]): Change => ({
  address: 'aws_iam_user.sato',
  actions,
  ...(actions[0] === 'create' ? {} : { before: { name: 'sato', arn: userArn('sato') } }),
  after: { name: 'sato', path: '/', ...(actions[0] === 'create' ? {} : { arn: userArn('sato') }) },
  afterUnknown: actions[0] === 'create' ? { arn: true, id: true, unique_id: true } : {},
  expressions: { name: constant('sato') },
});
const profileValues = { user: 'sato', password_reset_required: false, pgp_key: null, id: 'sato' };
const loginProfile = (actions: string[]): Change => ({
  address: 'aws_iam_user_login_profile.sato',
  actions,
  ...(actions[0] === 'create' ? {} : { before: profileValues }),
  after: actions[0] === 'delete' ? null : profileValues,
  expressions: { user: ref('aws_iam_user.sato.name', 'aws_iam_user.sato') },
});
const deviceArn = `arn:aws:iam::${ACCOUNT}:mfa/sato`;
const device = (userName: string, enableDate: string): Change => {
  const values = {
    arn: deviceArn,
    id: deviceArn,
    path: '/',
    virtual_mfa_device_name: 'sato',
    user_name: userName,
    enable_date: enableDate,
  };
  return {
    address: 'aws_iam_virtual_mfa_device.sato',
    actions: ['no-op'],
    before: values,
    after: values,
    expressions: { virtual_mfa_device_name: constant('sato') },
  };
};
const newDevice: Change = {
  address: 'aws_iam_virtual_mfa_device.sato',
  after: { path: '/', virtual_mfa_device_name: 'sato' },
  afterUnknown: { arn: true, id: true, user_name: true, enable_date: true, base_32_string_seed: true },
  expressions: { virtual_mfa_device_name: ref('aws_iam_user.sato.name', 'aws_iam_user.sato') },
};
const planFile = (changes: Change[]) =>
  jsonFile(
    plan(changes, {
      providers: { aws: { region: constant('ap-northeast-1'), allowed_account_ids: constant([ACCOUNT]) } },
    }),
    'plan.json',
  );
const planCases: AnyCase[] = [
  {
    name: 'a Terraform plan: an existing user with its login profile and a virtual MFA device enabled for it',
    records: [planFile([sato(['no-op']), loginProfile(['no-op']), device('sato', '2025-06-02T01:22:10Z')])],
    target: 'aws_iam_user.sato',
    status: 'PASS',
    messageId: 'mfa',
    assert: (result) =>
      expect(result.evidence.map((e) => e.path)).toEqual([
        'aws_iam_user_login_profile.sato',
        'aws_iam_virtual_mfa_device.sato.enable_date',
      ]),
  },
  {
    name: 'a Terraform plan: an existing user whose virtual MFA device is not enabled (another may be)',
    records: [planFile([sato(['no-op']), loginProfile(['no-op']), device('', '')])],
    target: 'aws_iam_user.sato',
    status: 'UNKNOWN',
    messageId: 'noReport.plan',
  },
  {
    name: 'a Terraform plan: an existing user whose login profile the plan destroys',
    records: [planFile([sato(['no-op']), loginProfile(['delete'])])],
    target: 'aws_iam_user.sato',
    status: 'NOT_APPLICABLE',
    messageId: 'noConsole',
  },
  {
    name: 'a Terraform plan: a new user with a login profile and a new virtual MFA device, which Terraform cannot enable',
    records: [planFile([sato(['create']), loginProfile(['create']), newDevice])],
    target: 'aws_iam_user.sato',
    status: 'FAIL',
    messageId: 'noMfa',
  },
];

export default byVerdict([...cases, ...planCases]) satisfies RuleTests;
