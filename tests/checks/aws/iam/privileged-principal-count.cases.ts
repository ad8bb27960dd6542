import { expect } from 'vitest';
import { configRuleEvents, credentialReportFile, jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { type Change, constant, plan, ref } from '../../../iac/dialect-plan.ts';
import {
  ACCOUNT,
  ADMINISTRATOR_ACCESS,
  iamGroupItem,
  iamPolicyItem,
  iamUserItem,
  inlinePolicy,
  rootRow,
} from '../../../sources/aws/builders.ts';
import { boundaryCases } from './privileged-boundaries.ts';
import { escalationCases } from './privileged-escalation.ts';
import { listingCases } from './privileged-listings.ts';
import { pathCases } from './privileged-paths.ts';
import { roleItem } from './role.ts';

const ROOT = credentialReportFile([rootRow('true')]);
const admin = (name: string) => iamUserItem(name, { attachedManagedPolicies: [ADMINISTRATOR_ACCESS] });
const everything = inlinePolicy('everything', { Effect: 'Allow', Action: '*', Resource: '*' });
const adminGroup = iamGroupItem('Administrators', { attachedManagedPolicies: [ADMINISTRATOR_ACCESS] });

/** The service-linked role every account has: no administrator. */
const SUPPORT_ROLE = roleItem(
  'AWSServiceRoleForSupport',
  { Effect: 'Allow', Principal: { Service: 'support.amazonaws.com' }, Action: 'sts:AssumeRole' },
  {
    attachedManagedPolicies: [
      {
        policyName: 'AWSSupportServiceRolePolicy',
        policyArn: 'arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy',
      },
    ],
  },
);

const table = [
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
    { maxPrivilegedPrincipals: 1 },
    'UNKNOWN',
    'unknown',
    1,
  ],
  [
    // The policy grammar's Effect is a string: a list there is read as nothing, not as no grant.
    'a user whose customer managed policy has a statement of unexpected types',
    [
      admin('a'),
      iamUserItem('c', {
        attachedManagedPolicies: [
          { policyName: 'OpsAll', policyArn: `arn:aws:iam::${ACCOUNT}:policy/OpsAll` },
        ],
      }),
      iamPolicyItem('OpsAll', [
        { statement: { Effect: ['Allow'], Action: '*', Resource: '*' }, isDefault: true },
      ]),
    ],
    { maxPrivilegedPrincipals: 1 },
    'UNKNOWN',
    'unknown',
    1,
  ],
  [
    // Config names the user but recorded no configuration: a principal whose rights are unknown,
    // not one fewer to count.
    'a user whose Config item carries no configuration (ResourceNotRecorded)',
    [
      admin('a'),
      { ...iamUserItem('b'), configurationItemStatus: 'ResourceNotRecorded', configuration: null },
    ],
    { maxPrivilegedPrincipals: 1 },
    'UNKNOWN',
    'unknown',
    1,
  ],
  [
    // A customer managed policy the export does not hold may allow everything; an AWS managed
    // one other than AdministratorAccess is known by its name.
    'a user with a customer managed policy not in the export',
    [
      admin('a'),
      iamUserItem('c', {
        attachedManagedPolicies: [
          { policyName: 'ReadOnlyAccess', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
          { policyName: 'OpsAll', policyArn: `arn:aws:iam::${ACCOUNT}:policy/OpsAll` },
        ],
      }),
    ],
    { maxPrivilegedPrincipals: 1 },
    'UNKNOWN',
    'unknown',
    1,
  ],
  [
    'a user with an AWS managed policy other than AdministratorAccess',
    [
      admin('a'),
      SUPPORT_ROLE,
      iamUserItem('c', {
        attachedManagedPolicies: [
          { policyName: 'ReadOnlyAccess', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
        ],
      }),
    ],
    {},
    'PASS',
    'withinLimit',
    1,
  ],
  [
    // The inline policy's name without its document: it may be the one that allows everything.
    'a user with an inline policy listed without its document',
    [admin('a'), iamUserItem('b', { userPolicyList: [{ policyName: 'ops-all', policyDocument: null }] })],
    { maxPrivilegedPrincipals: 1 },
    'UNKNOWN',
    'unknown',
    1,
  ],
  [
    'a user whose Config item holds a configuration that is not JSON',
    [admin('a'), { ...iamUserItem('b'), configuration: '{"userName": ' }],
    { maxPrivilegedPrincipals: 1 },
    'UNKNOWN',
    'unknown',
    1,
  ],
  [
    // Everything but deleting buckets, on every resource: attaching AdministratorAccess included.
    'a role allowed everything but one action (NotAction), against a limit of one',
    [
      admin('a'),
      roleItem('ops', undefined, {
        rolePolicyList: [
          inlinePolicy('all-but-delete', { Effect: 'Allow', NotAction: 's3:DeleteBucket', Resource: '*' }),
        ],
      }),
    ],
    { maxPrivilegedPrincipals: 1 },
    'FAIL',
    'tooMany',
    2,
  ],
  [
    'an Allow of "*:*" on every resource under an MFA condition, against a limit of one',
    [
      admin('a'),
      iamUserItem('c', {
        userPolicyList: [
          inlinePolicy('all', {
            Effect: 'Allow',
            Action: '*:*',
            Resource: '*',
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
          }),
        ],
      }),
    ],
    { maxPrivilegedPrincipals: 1 },
    'FAIL',
    'tooMany',
    2,
  ],
  [
    // An explicit Deny overrides every Allow: AWSDenyAll (a quarantined user), a group whose
    // inline policy denies everything, a role whose customer managed policy does.
    'administrators and a user with a path to one, denied everything (AWSDenyAll, a group, a managed policy), are not counted',
    [
      admin('a'),
      SUPPORT_ROLE,
      iamUserItem('quarantined', {
        attachedManagedPolicies: [
          ADMINISTRATOR_ACCESS,
          { policyName: 'AWSDenyAll', policyArn: 'arn:aws:iam::aws:policy/AWSDenyAll' },
        ],
      }),
      adminGroup,
      iamGroupItem('Disabled', {
        groupPolicyList: [inlinePolicy('deny-everything', { Effect: 'Deny', Action: '*', Resource: '*' })],
      }),
      iamUserItem('left', { groupList: ['Administrators', 'Disabled'] }),
      // Allowed to make another administrator's keys, but denied that too.
      iamUserItem('keys', {
        attachedManagedPolicies: [
          { policyName: 'AWSDenyAll', policyArn: 'arn:aws:iam::aws:policy/AWSDenyAll' },
        ],
        userPolicyList: [
          inlinePolicy('keys', { Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: '*' }),
        ],
      }),
      roleItem('retired', undefined, {
        attachedManagedPolicies: [
          ADMINISTRATOR_ACCESS,
          { policyName: 'retired', policyArn: `arn:aws:iam::${ACCOUNT}:policy/retired` },
        ],
      }),
      iamPolicyItem('retired', [
        { statement: { Effect: 'Deny', Action: '*:*', Resource: ['*'] }, isDefault: true },
      ]),
    ],
    { maxPrivilegedPrincipals: 1 },
    'PASS',
    'withinLimit',
    1,
  ],
  [
    // A Deny under a condition (off the office network, without MFA) may not apply to the caller.
    'an administrator denied everything off one network still counts, against a limit of one',
    [
      admin('a'),
      iamUserItem('office', {
        attachedManagedPolicies: [ADMINISTRATOR_ACCESS],
        userPolicyList: [
          inlinePolicy('office-only', {
            Effect: 'Deny',
            Action: '*',
            Resource: '*',
            Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
          }),
        ],
      }),
    ],
    { maxPrivilegedPrincipals: 1 },
    'FAIL',
    'tooMany',
    2,
  ],
  [
    // PowerUserAccess: everything but IAM, Organizations and Account; it cannot grant itself more.
    'a power user (NotAction iam:*) is no administrator',
    [
      admin('a'),
      SUPPORT_ROLE,
      iamUserItem('p', {
        userPolicyList: [
          inlinePolicy('power', {
            Effect: 'Allow',
            NotAction: ['iam:*', 'organizations:*', 'account:*'],
            Resource: '*',
          }),
        ],
      }),
    ],
    { maxPrivilegedPrincipals: 1 },
    'PASS',
    'withinLimit',
    1,
  ],
  [
    // Even as an administrator the undecided user leaves the count within the limit.
    'a user whose group is not in the export, the count within the limit either way',
    [admin('a'), SUPPORT_ROLE, iamUserItem('c', { groupList: ['Missing'] })],
    {},
    'PASS',
    'withinLimit',
    1,
  ],
] as const;

const cases: AnyCase[] = [
  ...table.map(([name, items, params, status, messageId, count]) => ({
    name,
    records: [...items, ROOT],
    params,
    status,
    messageId,
    data: { count },
    assert: (result: { evidence: readonly { resourceId?: string }[] }) => {
      for (const piece of result.evidence) expect(piece.resourceId).toBeDefined();
    },
  })),
  { name: 'no IAM users and roles', records: [ROOT], status: 'UNKNOWN', messageId: 'noIam' },
  {
    // Rule events and change notifications carry the principals that changed, not every one.
    name: 'rule events of one administrator and one role, within the limit',
    records: [configRuleEvents([admin('a'), SUPPORT_ROLE]), ROOT],
    status: 'UNKNOWN',
    messageId: 'onlyNotified',
    data: { count: 1, principals: ['a'] },
  },
  {
    name: 'rule events of more administrators than the limit',
    records: [configRuleEvents([admin('a'), admin('b'), SUPPORT_ROLE]), ROOT],
    params: { maxPrivilegedPrincipals: 1 },
    status: 'FAIL',
    messageId: 'tooMany',
    data: { count: 2 },
  },
  {
    // Every account has roles (its service-linked ones at least): none read, they were not recorded.
    name: 'one administrator and no role in the export',
    records: [admin('a'), iamUserItem('b'), ROOT],
    status: 'UNKNOWN',
    messageId: 'noRoles',
    data: { count: 1, principals: ['a'] },
  },
  {
    name: 'a Terraform plan within the limit (users and roles made outside the plan unseen)',
    records: [
      planFile([planUser('ops'), planAdministratorAttachment('ops'), planUser('viewer'), planRole('app')]),
    ],
    status: 'UNKNOWN',
    messageId: 'notInPlan',
    data: { count: 1, principals: ['ops'] },
  },
  {
    name: 'a Terraform plan of users only within the limit',
    records: [planFile([planUser('ops'), planAdministratorAttachment('ops')])],
    status: 'UNKNOWN',
    messageId: 'noRoles.plan',
    data: { count: 1, principals: ['ops'] },
  },
  {
    name: 'a Terraform plan over the limit',
    records: [
      planFile([
        planUser('a'),
        planAdministratorAttachment('a'),
        planUser('b'),
        planAdministratorAttachment('b'),
      ]),
    ],
    params: { maxPrivilegedPrincipals: 1 },
    status: 'FAIL',
    messageId: 'tooMany',
    data: { count: 2 },
  },
  ...escalationCases,
  ...pathCases,
  ...boundaryCases,
  ...listingCases,
];

/** A new `aws_iam_user` as a plan shows it (provider v5). */
function planUser(name: string): Change {
  return {
    address: `aws_iam_user.${name}`,
    after: { name, path: '/', force_destroy: false, permissions_boundary: null, tags: null },
    afterUnknown: { arn: true, id: true, unique_id: true, tags_all: true },
    expressions: { name: constant(name) },
  };
}

/** A new `aws_iam_role` for EC2 (provider v5): no policy of its own. */
function planRole(name: string): Change {
  return {
    address: `aws_iam_role.${name}`,
    after: {
      name,
      assume_role_policy:
        '{"Version":"2012-10-17","Statement":[{"Action":"sts:AssumeRole","Principal":{"Service":"ec2.amazonaws.com"},"Effect":"Allow"}]}',
    },
    afterUnknown: { arn: true, id: true, unique_id: true, inline_policy: true, managed_policy_arns: true },
    expressions: { name: constant(name) },
  };
}

/** `aws_iam_user_policy_attachment` of the AWS managed AdministratorAccess policy. */
function planAdministratorAttachment(user: string): Change {
  const arn = 'arn:aws:iam::aws:policy/AdministratorAccess';
  return {
    address: `aws_iam_user_policy_attachment.${user}`,
    after: { user, policy_arn: arn },
    afterUnknown: { id: true },
    expressions: {
      user: ref(`aws_iam_user.${user}.name`, `aws_iam_user.${user}`),
      policy_arn: constant(arn),
    },
  };
}

function planFile(changes: Change[]) {
  return jsonFile(plan(changes, { providers: { aws: { region: constant('ap-northeast-1') } } }), 'plan.json');
}

export default byVerdict(cases) satisfies RuleTests;
