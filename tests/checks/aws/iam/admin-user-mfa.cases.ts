import { expect } from 'vitest';
import type { CheckStatus } from '../../../../src/checks/check.ts';
import { credentialReportFile, jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { type Change, constant, plan, ref } from '../../../iac/dialect-plan.ts';
import {
  ACCOUNT,
  ADMINISTRATOR_ACCESS,
  credentialRow,
  iamGroupItem,
  iamPolicyItem,
  iamUserItem,
  inlinePolicy,
  userArn,
} from '../../../sources/aws/builders.ts';

const adminGroup = iamGroupItem('Administrators', { attachedManagedPolicies: [ADMINISTRATOR_ACCESS] });
const readers = iamGroupItem('Readers', {
  attachedManagedPolicies: [
    { policyName: 'ReadOnlyAccess', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
  ],
});
const report = (password: string, mfa: string) =>
  credentialReportFile([credentialRow('tanaka', userArn('tanaka'), password, mfa)]);

const table: {
  name: string;
  user: Record<string, unknown>;
  groups?: object[];
  mfa: string;
  password?: string;
  status: CheckStatus;
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
    name: 'AdministratorAccess under a ReadOnlyAccess permissions boundary, no MFA',
    user: {
      attachedManagedPolicies: [ADMINISTRATOR_ACCESS],
      permissionsBoundary: {
        permissionsBoundaryType: 'PermissionsBoundaryPolicy',
        permissionsBoundaryArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      },
    },
    mfa: 'false',
    status: 'NOT_APPLICABLE',
    message: 'notAdmin',
    evidence: ['configuration.permissionsBoundary.permissionsBoundaryArn'],
  },
  {
    // An explicit Deny of everything overrides AdministratorAccess: a quarantined user.
    name: 'AdministratorAccess with AWSDenyAll attached, no MFA',
    user: {
      attachedManagedPolicies: [
        ADMINISTRATOR_ACCESS,
        { policyName: 'AWSDenyAll', policyArn: 'arn:aws:iam::aws:policy/AWSDenyAll' },
      ],
    },
    mfa: 'false',
    status: 'NOT_APPLICABLE',
    message: 'notAdmin',
    evidence: ['configuration.attachedManagedPolicies[].policyArn'],
  },
  {
    name: 'AdministratorAccess and an inline Deny of everything without MFA (still an administrator), no MFA',
    user: {
      attachedManagedPolicies: [ADMINISTRATOR_ACCESS],
      userPolicyList: [
        inlinePolicy('require-mfa', {
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
        }),
      ],
    },
    mfa: 'false',
    status: 'FAIL',
    message: 'noMfa',
    evidence: ['password_enabled', 'mfa_active', 'configuration.attachedManagedPolicies[].policyArn'],
  },
  {
    name: 'AdministratorAccess under a permissions boundary the export does not hold, no MFA',
    user: {
      attachedManagedPolicies: [ADMINISTRATOR_ACCESS],
      permissionsBoundary: {
        permissionsBoundaryType: 'PermissionsBoundaryPolicy',
        permissionsBoundaryArn: `arn:aws:iam::${ACCOUNT}:policy/Boundary`,
      },
    },
    mfa: 'false',
    status: 'UNKNOWN',
    message: 'adminUnknown',
    evidence: [
      'password_enabled',
      'mfa_active',
      'configuration.attachedManagedPolicies[].policyArn',
      'configuration.permissionsBoundary.permissionsBoundaryArn',
      `configuration.attachedManagedPolicies[arn:aws:iam::${ACCOUNT}:policy/Boundary]`,
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

const cases: AnyCase[] = [
  ...table.map(({ name, user, groups = [], mfa, password = 'true', status, message, evidence }) => ({
    name,
    records: [iamUserItem('tanaka', user), ...groups, report(password, mfa)],
    status,
    messageId: message,
    assert: (result: { evidence: readonly { path: string }[] }) =>
      expect(result.evidence.map((e) => e.path)).toEqual(evidence),
  })),
  {
    name: 'names the group whose policy makes the user an administrator',
    records: [iamUserItem('tanaka', { groupList: ['Administrators'] }), adminGroup, report('true', 'false')],
    status: 'FAIL',
    messageId: 'noMfa',
    assert: (result) =>
      expect(result.evidence.at(-1)).toMatchObject({
        resourceId: `arn:aws:iam::${ACCOUNT}:group/Administrators`,
        value: [ADMINISTRATOR_ACCESS.policyArn],
      }),
  },
  {
    // Config records a customer managed policy as AWS::IAM::Policy: its default version (v2
    // here, not the read-only v1) allows everything, so the user holding it is an administrator.
    name: 'customer managed policy whose default version allows * on *, no MFA',
    records: [
      iamUserItem('tanaka', {
        attachedManagedPolicies: [
          { policyName: 'OpsAll', policyArn: `arn:aws:iam::${ACCOUNT}:policy/OpsAll` },
        ],
      }),
      iamPolicyItem('OpsAll', [
        { statement: { Effect: 'Allow', Action: 's3:Get*', Resource: '*' }, isDefault: false },
        { statement: { Effect: 'Allow', Action: '*', Resource: '*' }, isDefault: true },
      ]),
      report('true', 'false'),
    ],
    status: 'FAIL',
    messageId: 'noMfa',
    assert: (result) =>
      expect(result.evidence.at(-1)).toMatchObject({
        resourceId: `arn:aws:iam::${ACCOUNT}:policy/OpsAll`,
        path: 'configuration.policyVersionList[].document',
        value: ['Statement[0]'],
      }),
  },
  {
    name: 'customer managed policy allowing everything only in an old version',
    records: [
      iamUserItem('tanaka', {
        attachedManagedPolicies: [
          { policyName: 'OpsAll', policyArn: `arn:aws:iam::${ACCOUNT}:policy/OpsAll` },
        ],
      }),
      iamPolicyItem('OpsAll', [
        { statement: { Effect: 'Allow', Action: '*', Resource: '*' }, isDefault: false },
        { statement: { Effect: 'Allow', Action: 's3:Get*', Resource: '*' }, isDefault: true },
      ]),
      report('true', 'false'),
    ],
    status: 'NOT_APPLICABLE',
    messageId: 'notAdmin',
  },
  {
    name: 'no credential report row',
    records: [iamUserItem('tanaka', { attachedManagedPolicies: [ADMINISTRATOR_ACCESS] })],
    status: 'UNKNOWN',
    messageId: 'noReport',
  },
  {
    // Config's IAM items show the rights without the credential report: a user known to hold
    // none of an administrator's is outside the check, whatever its password and MFA.
    name: 'no credential report row, a read-only group member',
    records: [iamUserItem('tanaka', { groupList: ['Readers'] }), readers],
    status: 'NOT_APPLICABLE',
    messageId: 'notAdmin',
  },
  {
    name: 'rights unknown (no Config item) and MFA off',
    records: [report('true', 'false')],
    status: 'UNKNOWN',
    messageId: 'adminUnknown',
  },
];

/**
 * Terraform plans of IAM users with AdministratorAccess, one given a console password by an
 * `aws_iam_user_login_profile` (the shapes of checkov's `plan_with_iam_policies` plan and the
 * provider's documentation: `password` and `encrypted_password` known after apply).
 */
const planUser = (actions: string[] = ['create']): Change[] => [
  {
    address: 'aws_iam_user.tanaka',
    actions,
    ...(actions[0] === 'create' ? {} : { before: { name: 'tanaka', arn: userArn('tanaka') } }),
    after: { name: 'tanaka', path: '/', ...(actions[0] === 'create' ? {} : { arn: userArn('tanaka') }) },
    afterUnknown: actions[0] === 'create' ? { arn: true, id: true, unique_id: true } : {},
    expressions: { name: constant('tanaka') },
  },
  {
    address: 'aws_iam_user_policy_attachment.tanaka_admin',
    after: { user: 'tanaka', policy_arn: ADMINISTRATOR_ACCESS.policyArn },
    afterUnknown: { id: true },
    expressions: {
      user: ref('aws_iam_user.tanaka.name', 'aws_iam_user.tanaka'),
      policy_arn: constant(ADMINISTRATOR_ACCESS.policyArn),
    },
  },
];
const loginProfile: Change = {
  address: 'aws_iam_user_login_profile.tanaka',
  after: { user: 'tanaka', password_reset_required: true, pgp_key: null },
  afterUnknown: { id: true, password: true, encrypted_password: true, key_fingerprint: true },
  expressions: { user: ref('aws_iam_user.tanaka.name', 'aws_iam_user.tanaka') },
};
/** A virtual MFA device the provider read as enabled for the user (`user_name`, `enable_date`). */
const enabledDevice: Change = {
  address: 'aws_iam_virtual_mfa_device.tanaka',
  actions: ['no-op'],
  before: { virtual_mfa_device_name: 'tanaka', user_name: 'tanaka', enable_date: '2025-06-02T01:22:10Z' },
  after: { virtual_mfa_device_name: 'tanaka', user_name: 'tanaka', enable_date: '2025-06-02T01:22:10Z' },
  expressions: { virtual_mfa_device_name: constant('tanaka') },
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
    name: 'a Terraform plan: a new administrator with a login profile (no MFA device until the user enables one)',
    records: [planFile([...planUser(), loginProfile])],
    target: 'aws_iam_user.tanaka',
    status: 'FAIL',
    messageId: 'noMfa',
    assert: (result) =>
      expect(result.evidence.map((e) => e.path).slice(0, 2)).toEqual([
        'aws_iam_user_login_profile.tanaka',
        'aws_iam_user.tanaka',
      ]),
  },
  {
    name: 'a Terraform plan: a new administrator without a login profile',
    records: [planFile(planUser())],
    target: 'aws_iam_user.tanaka',
    status: 'NOT_APPLICABLE',
    messageId: 'noConsole',
  },
  {
    name: 'a Terraform plan: a login profile for an existing administrator, whose MFA only the credential report shows',
    records: [planFile([...planUser(['no-op']), loginProfile])],
    target: 'aws_iam_user.tanaka',
    status: 'UNKNOWN',
    messageId: 'noReport.plan',
  },
  {
    name: 'a Terraform plan: an existing administrator with a login profile and a virtual MFA device enabled for it',
    records: [planFile([...planUser(['no-op']), loginProfile, enabledDevice])],
    target: 'aws_iam_user.tanaka',
    status: 'PASS',
    messageId: 'mfa',
  },
];

export default byVerdict([...cases, ...planCases]) satisfies RuleTests;
