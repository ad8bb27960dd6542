import { expect } from 'vitest';
import { credentialReportFile } from '../../../helpers/exports.ts';
import type { AnyCase } from '../../../helpers/rule-tester.ts';
import {
  ACCOUNT,
  ADMINISTRATOR_ACCESS,
  iamGroupItem,
  iamPolicyItem,
  iamUserItem,
  inlinePolicy,
  rootRow,
} from '../../../sources/aws/builders.ts';
import { roleItem } from './role.ts';

type Json = Record<string, unknown>;

/**
 * aws.iam.privileged-principal-count: principals that can grant themselves administrator rights
 * through IAM alone count as administrators (Rhino Security Labs' IAM-only escalation methods),
 * and those whose IAM rights stop short of it do not. Config items, policies URL-encoded.
 */

const ROOT = credentialReportFile([rootRow('true')]);
const admin = (name: string) => iamUserItem(name, { attachedManagedPolicies: [ADMINISTRATOR_ACCESS] });
const awsManaged = (name: string) => ({ policyName: name, policyArn: `arn:aws:iam::aws:policy/${name}` });
/** The service-linked role every account has: no administrator. */
const SUPPORT_ROLE = roleItem('AWSServiceRoleForSupport', undefined, {
  attachedManagedPolicies: [awsManaged('aws-service-role/AWSSupportServiceRolePolicy')],
});
const userWith = (name: string, statement: Json, policyName = 'iam-admin') =>
  iamUserItem(name, { userPolicyList: [inlinePolicy(policyName, statement)] });

/** Evidence of the escalating principal names the statement that grants it. */
const namesStatement = (label: string) => (result: { evidence: readonly { value?: unknown }[] }) =>
  expect(result.evidence.some((piece) => JSON.stringify(piece.value ?? null).includes(label))).toBe(true);

const over = (name: string, items: Json[], escalating: string[], assert?: AnyCase['assert']): AnyCase => ({
  name,
  records: [admin('a'), SUPPORT_ROLE, ...items, ROOT],
  params: { maxPrivilegedPrincipals: 1 },
  status: 'FAIL',
  messageId: 'tooManyEscalating',
  data: { count: 2, escalating },
  ...(assert ? { assert } : {}),
});

const within = (name: string, items: Json[]): AnyCase => ({
  name,
  records: [admin('a'), SUPPORT_ROLE, ...items, ROOT],
  params: { maxPrivilegedPrincipals: 1 },
  status: 'PASS',
  messageId: 'withinLimit',
  data: { count: 1, principals: ['a'], escalating: [] },
});

export const escalationCases: AnyCase[] = [
  over(
    'a user with the AWS managed IAMFullAccess',
    [iamUserItem('iam-ops', { attachedManagedPolicies: [awsManaged('IAMFullAccess')] })],
    ['iam-ops'],
  ),
  over(
    'a user allowed iam:Attach* on every resource (inline)',
    [userWith('deployer', { Sid: 'AttachAnything', Effect: 'Allow', Action: 'iam:Attach*', Resource: '*' })],
    ['deployer'],
    namesStatement('iam-admin: AttachAnything'),
  ),
  over(
    'a user allowed iam:PutUserPolicy on its own user (the aws:username policy variable)',
    [
      userWith('self-service', {
        Effect: 'Allow',
        Action: ['iam:GetUser', 'iam:PutUserPolicy'],
        Resource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`,
      }),
    ],
    ['self-service'],
    namesStatement('iam-admin: Statement[0]'),
  ),
  over(
    'a role allowed iam:PutRolePolicy on its own ARN',
    [
      roleItem('builder', undefined, {
        rolePolicyList: [
          inlinePolicy('self', {
            Effect: 'Allow',
            Action: 'iam:PutRolePolicy',
            Resource: `arn:aws:iam::${ACCOUNT}:role/builder`,
          }),
        ],
      }),
    ],
    ['builder'],
  ),
  over(
    'a role whose customer managed policy allows iam:*Policy on the account (arn:aws:iam::<account>:*)',
    [
      roleItem('pipeline', undefined, {
        attachedManagedPolicies: [
          { policyName: 'PolicyOps', policyArn: `arn:aws:iam::${ACCOUNT}:policy/PolicyOps` },
        ],
      }),
      iamPolicyItem('PolicyOps', [
        {
          statement: {
            Sid: 'Policies',
            Effect: 'Allow',
            Action: 'iam:*Policy',
            Resource: `arn:aws:iam::${ACCOUNT}:*`,
          },
          isDefault: true,
        },
      ]),
    ],
    ['pipeline'],
    namesStatement('Policies'),
  ),
  over(
    'a user in a group allowed iam:AddUserToGroup on every group',
    [
      iamGroupItem('Onboarding', {
        groupPolicyList: [
          inlinePolicy('membership', { Effect: 'Allow', Action: 'iam:AddUserToGroup', Resource: '*' }),
        ],
      }),
      iamUserItem('hr', { groupList: ['Onboarding'] }),
    ],
    ['hr'],
  ),
  over(
    // The policy writes are left out, and setting an older default version and rewriting trust
    // policies are not: still a way to administrator rights.
    'a user allowed everything but attaching and writing policies (NotAction)',
    [
      userWith('almost', {
        Effect: 'Allow',
        NotAction: ['iam:Attach*', 'iam:Put*', 'iam:CreatePolicyVersion', 'organizations:*'],
        Resource: '*',
      }),
    ],
    ['almost'],
  ),
  {
    name: 'an administrator and a user who can escalate, within the limit',
    records: [
      admin('a'),
      SUPPORT_ROLE,
      userWith('deployer', { Effect: 'Allow', Action: 'iam:*', Resource: '*' }),
      ROOT,
    ],
    status: 'PASS',
    messageId: 'withinLimitEscalating',
    data: { count: 2, principals: ['a', 'deployer'], escalating: ['deployer'] },
  },
  within('a user with the AWS managed PowerUserAccess', [
    iamUserItem('power', { attachedManagedPolicies: [awsManaged('PowerUserAccess')] }),
  ]),
  within('a user allowed to read IAM and pass roles (iam:Get*, iam:List*, iam:PassRole)', [
    userWith('ci', { Effect: 'Allow', Action: ['iam:Get*', 'iam:List*', 'iam:PassRole'], Resource: '*' }),
  ]),
  within('a user allowed iam:PutUserPolicy on other users only (user/ci-*)', [
    userWith('lead', {
      Effect: 'Allow',
      Action: 'iam:PutUserPolicy',
      Resource: `arn:aws:iam::${ACCOUNT}:user/ci-*`,
    }),
  ]),
  within('a user allowed iam:AttachRolePolicy except on every role (NotResource role/*)', [
    userWith('narrow', {
      Effect: 'Allow',
      Action: 'iam:AttachRolePolicy',
      NotResource: `arn:aws:iam::${ACCOUNT}:role/*`,
    }),
  ]),
  within('a user denied (not allowed) iam:*', [
    userWith('blocked', { Effect: 'Deny', Action: 'iam:*', Resource: '*' }),
  ]),
];
