import { expect } from 'vitest';
import { credentialReportFile } from '../../../helpers/exports.ts';
import type { AnyCase } from '../../../helpers/rule-tester.ts';
import {
  ACCOUNT,
  ADMINISTRATOR_ACCESS,
  iamGroupItem,
  iamPolicyItem,
  iamUserItem,
  REGION,
  rootRow,
  snapshotItem,
  userArn,
} from '../../../sources/aws/builders.ts';
import { roleArn, roleItem } from './role.ts';

type Json = Record<string, unknown>;

/**
 * aws.iam.privileged-principal-count: the escalation paths of Rhino Security Labs' list that go
 * through another principal (iam:PassRole with a service, another user's credentials, a
 * function's code). A path counts when the principal it leads to counts, does not when that
 * principal is known to hold no more, and is unknown when the export cannot tell. Config items,
 * policies URL-encoded.
 */

const ROOT = credentialReportFile([rootRow('true')]);
const admin = (name: string) => iamUserItem(name, { attachedManagedPolicies: [ADMINISTRATOR_ACCESS] });
/** The service-linked role every account has: no administrator, trusting support only. */
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

/** An inline policy of several statements, URL-encoded as Config writes it. */
const policy = (policyName: string, ...statements: Json[]) => ({
  policyName,
  policyDocument: encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: statements })),
});
const userWith = (name: string, ...statements: Json[]) =>
  iamUserItem(name, { userPolicyList: [policy('ops', ...statements)] });
const trusting = (service: string) => ({
  Effect: 'Allow',
  Principal: { Service: service },
  Action: 'sts:AssumeRole',
});
/** A role the service may assume, holding AdministratorAccess (or, `admin` false, read-only rights). */
const serviceRole = (name: string, service: string, admin = true) =>
  roleItem(name, trusting(service), {
    attachedManagedPolicies: [
      admin
        ? ADMINISTRATOR_ACCESS
        : { policyName: 'ReadOnlyAccess', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
    ],
  });
const lambdaFunction = (name: string, role: string) => {
  const arn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
  return snapshotItem(
    'AWS::Lambda::Function',
    name,
    { functionName: name, functionArn: arn, runtime: 'python3.12', role, handler: 'app.handler' },
    { arn, name },
  );
};

const awsManaged = (name: string) => ({ policyName: name, policyArn: `arn:aws:iam::aws:policy/${name}` });
const PASS_ANY = { Sid: 'PassAnyRole', Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' };

/** Evidence of the escalating principal names the statement that decided it. */
const namesStatement = (label: string) => (result: { evidence: readonly { value?: unknown }[] }) =>
  expect(result.evidence.some((piece) => JSON.stringify(piece.value ?? null).includes(label))).toBe(true);

interface Count {
  readonly max: number;
  readonly count: number;
}

const baseRecords = (items: Json[]) => [admin('a'), SUPPORT_ROLE, ...items, ROOT];

const counted = (
  name: string,
  items: Json[],
  { max, count }: Count,
  escalating: string[],
  assert?: AnyCase['assert'],
): AnyCase => ({
  name,
  records: baseRecords(items),
  params: { maxPrivilegedPrincipals: max },
  status: 'FAIL',
  messageId: 'tooManyEscalating',
  data: { count, escalating },
  ...(assert ? { assert } : {}),
});

const notCounted = (name: string, items: Json[], principals: string[] = ['a']): AnyCase => ({
  name,
  records: baseRecords(items),
  params: { maxPrivilegedPrincipals: principals.length },
  status: 'PASS',
  messageId: 'withinLimit',
  data: { count: principals.length, principals, escalating: [] },
});

const undecided = (name: string, items: Json[], { max, count }: Count, names: string[]): AnyCase => ({
  name,
  records: baseRecords(items),
  params: { maxPrivilegedPrincipals: max },
  status: 'UNKNOWN',
  messageId: 'unknown',
  data: { count, undecided: names },
});

const EC2_ADMIN = serviceRole('ec2-admin', 'ec2.amazonaws.com');
const RUN_INSTANCES = { Sid: 'Launch', Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' };
/** The user's statements and an administrator role: the count is 3 with both, 2 with the role alone. */
const THREE = { max: 2, count: 3 };
const TWO = { max: 1, count: 2 };

export const pathCases: AnyCase[] = [
  counted(
    'a user allowed iam:PassRole on every role and ec2:RunInstances, an administrator role EC2 may assume',
    [EC2_ADMIN, userWith('launcher', PASS_ANY, RUN_INSTANCES)],
    THREE,
    ['launcher'],
    (result) => {
      namesStatement('ops: PassAnyRole: iam:PassRole → ec2-admin')(result);
      namesStatement('ops: Launch: ec2:RunInstances')(result);
    },
  ),
  counted(
    'a user allowed iam:PassRole (to Lambda only, on fn-*), lambda:CreateFunction and lambda:InvokeFunction',
    [
      serviceRole('fn-admin', 'lambda.amazonaws.com'),
      userWith(
        'dev',
        {
          Sid: 'PassToLambda',
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: roleArn('fn-*'),
          Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
        },
        { Effect: 'Allow', Action: ['lambda:CreateFunction', 'lambda:InvokeFunction'], Resource: '*' },
      ),
    ],
    THREE,
    ['dev'],
    namesStatement('ops: PassToLambda'),
  ),
  counted(
    'a user whose customer managed policy allows cloudformation:* and iam:PassRole',
    [
      serviceRole('cfn-admin', 'cloudformation.amazonaws.com'),
      iamPolicyItem('Deployer', [
        {
          statement: {
            Sid: 'Deploy',
            Effect: 'Allow',
            Action: ['cloudformation:*', 'iam:PassRole', 'iam:Get*'],
            Resource: '*',
          },
          isDefault: true,
        },
      ]),
      iamUserItem('ci', {
        attachedManagedPolicies: [
          { policyName: 'Deployer', policyArn: `arn:aws:iam::${ACCOUNT}:policy/Deployer` },
        ],
      }),
    ],
    THREE,
    ['ci'],
    namesStatement('Deploy: iam:PassRole, cloudformation:CreateStack → cfn-admin'),
  ),
  counted(
    'a user in a group allowed iam:CreateAccessKey on every user, another user an administrator',
    [
      iamGroupItem('Helpdesk', {
        groupPolicyList: [
          policy('keys', { Sid: 'Keys', Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: '*' }),
        ],
      }),
      iamUserItem('helpdesk', { groupList: ['Helpdesk'] }),
    ],
    TWO,
    ['helpdesk'],
    namesStatement('keys: Keys: iam:CreateAccessKey → a'),
  ),
  counted(
    'a user allowed iam:UpdateLoginProfile on the administrator user (user/a)',
    [userWith('reset', { Effect: 'Allow', Action: 'iam:UpdateLoginProfile', Resource: userArn('a') })],
    TWO,
    ['reset'],
  ),
  counted(
    // PowerUserAccess's own statement, inline: every function's code, one running as an administrator.
    'a power user (NotAction iam:*) and a Lambda function whose execution role allows * on *',
    [
      roleItem('fn-role', trusting('lambda.amazonaws.com'), {
        rolePolicyList: [policy('all', { Effect: 'Allow', Action: '*', Resource: '*' })],
      }),
      lambdaFunction('nightly', roleArn('fn-role')),
      userWith('power', {
        Sid: 'Power',
        Effect: 'Allow',
        NotAction: ['iam:*', 'organizations:*', 'account:*'],
        Resource: '*',
      }),
    ],
    THREE,
    ['power'],
    namesStatement('ops: Power: lambda:UpdateFunctionCode'),
  ),
  counted(
    // launcher → ec2 with keys-role → an access key of the administrator user a.
    'a path through two principals: a role passed to EC2 that may create the administrator an access key',
    [
      roleItem('keys-role', trusting('ec2.amazonaws.com'), {
        rolePolicyList: [
          policy('keys', { Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: userArn('a') }),
        ],
      }),
      userWith('launcher', PASS_ANY, RUN_INSTANCES),
    ],
    THREE,
    ['launcher', 'keys-role'],
  ),
  counted(
    // AWS's document: lambda:* and iam:PassRole to Lambda on every role.
    'a user with the AWS managed AWSLambda_FullAccess, an administrator role Lambda may assume',
    [
      serviceRole('fn-admin', 'lambda.amazonaws.com'),
      iamUserItem('lambda-dev', { attachedManagedPolicies: [awsManaged('AWSLambda_FullAccess')] }),
    ],
    THREE,
    ['lambda-dev'],
    namesStatement('AWSLambda_FullAccess: Statement[1]: iam:PassRole → fn-admin'),
  ),
  counted(
    'a user with the AWS managed PowerUserAccess and a Lambda function running as an administrator role',
    [
      serviceRole('fn-admin', 'lambda.amazonaws.com'),
      lambdaFunction('nightly', roleArn('fn-admin')),
      iamUserItem('power', { attachedManagedPolicies: [awsManaged('PowerUserAccess')] }),
    ],
    THREE,
    ['power'],
    namesStatement('PowerUserAccess: AllowAllExceptIam: lambda:UpdateFunctionCode → nightly (fn-admin)'),
  ),
  notCounted(
    // PowerUserAccess passes no role: the EC2 administrator role is out of its reach.
    'a user with the AWS managed PowerUserAccess, an administrator role EC2 may assume',
    [EC2_ADMIN, iamUserItem('power', { attachedManagedPolicies: [awsManaged('PowerUserAccess')] })],
    ['a', 'ec2-admin'],
  ),
  counted(
    // The China Regions name the service principal with .cn.
    'a user allowed iam:PassRole and ec2:RunInstances, an administrator role trusting ec2.amazonaws.com.cn',
    [serviceRole('ec2-admin-cn', 'ec2.amazonaws.com.cn'), userWith('launcher', PASS_ANY, RUN_INSTANCES)],
    THREE,
    ['launcher'],
  ),
  notCounted('a user allowed iam:PassRole and ec2:RunInstances, every role EC2 may assume read-only', [
    serviceRole('ec2-reader', 'ec2.amazonaws.com', false),
    userWith('launcher', PASS_ANY, RUN_INSTANCES),
  ]),
  notCounted(
    'a user allowed iam:PassRole and ec2:RunInstances, the administrator role trusting Lambda only',
    [serviceRole('fn-admin', 'lambda.amazonaws.com'), userWith('launcher', PASS_ANY, RUN_INSTANCES)],
    ['a', 'fn-admin'],
  ),
  notCounted(
    'a user allowed iam:PassRole on one read-only role only, beside an administrator role EC2 may assume',
    [
      EC2_ADMIN,
      serviceRole('ec2-reader', 'ec2.amazonaws.com', false),
      userWith(
        'launcher',
        { Effect: 'Allow', Action: 'iam:PassRole', Resource: roleArn('ec2-reader') },
        RUN_INSTANCES,
      ),
    ],
    ['a', 'ec2-admin'],
  ),
  notCounted(
    'a user allowed iam:PassRole to Lambda only (iam:PassedToService) and ec2:RunInstances',
    [
      EC2_ADMIN,
      userWith(
        'launcher',
        {
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: '*',
          Condition: { StringLike: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
        },
        RUN_INSTANCES,
      ),
    ],
    ['a', 'ec2-admin'],
  ),
  notCounted(
    'a user allowed iam:PassRole and ec2:RunInstances, and denied iam:PassRole by another policy',
    [
      EC2_ADMIN,
      iamUserItem('launcher', {
        userPolicyList: [
          policy('ops', PASS_ANY, RUN_INSTANCES),
          policy('guard', { Effect: 'Deny', Action: 'iam:Pass*', Resource: '*' }),
        ],
      }),
    ],
    ['a', 'ec2-admin'],
  ),
  notCounted(
    'a user allowed lambda:CreateFunction and iam:PassRole, with no way to run the function',
    [
      serviceRole('fn-admin', 'lambda.amazonaws.com'),
      userWith('dev', PASS_ANY, { Effect: 'Allow', Action: 'lambda:CreateFunction', Resource: '*' }),
    ],
    ['a', 'fn-admin'],
  ),
  notCounted('a user allowed iam:CreateAccessKey on its own user only (the aws:username policy variable)', [
    userWith('self-keys', {
      Effect: 'Allow',
      Action: ['iam:CreateAccessKey', 'iam:UpdateLoginProfile'],
      Resource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`,
    }),
  ]),
  notCounted('a power user (NotAction iam:*) and a Lambda function whose execution role reads only', [
    serviceRole('fn-reader', 'lambda.amazonaws.com', false),
    lambdaFunction('report', roleArn('fn-reader')),
    userWith('power', {
      Effect: 'Allow',
      NotAction: ['iam:*', 'organizations:*', 'account:*'],
      Resource: '*',
    }),
  ]),
  undecided(
    // The role's trust policy is not in the item: EC2 may or may not assume it.
    'a user allowed iam:PassRole and ec2:RunInstances, an administrator role whose trust policy is not exported',
    [
      roleItem('admin-role', undefined, { attachedManagedPolicies: [ADMINISTRATOR_ACCESS] }),
      userWith('launcher', PASS_ANY, RUN_INSTANCES),
    ],
    { max: 2, count: 2 },
    ['launcher'],
  ),
  undecided(
    'a user allowed lambda:UpdateFunctionCode on a function whose execution role is not in the export',
    [
      lambdaFunction('legacy', roleArn('deleted-role')),
      userWith('coder', { Effect: 'Allow', Action: 'lambda:UpdateFunctionCode', Resource: '*' }),
    ],
    { max: 1, count: 1 },
    ['coder'],
  ),
  undecided(
    'a user allowed to pass a role whose customer managed policy is not in the export',
    [
      roleItem('app', trusting('ec2.amazonaws.com'), {
        attachedManagedPolicies: [
          { policyName: 'AppPolicy', policyArn: `arn:aws:iam::${ACCOUNT}:policy/AppPolicy` },
        ],
      }),
      userWith('launcher', PASS_ANY, RUN_INSTANCES),
    ],
    { max: 1, count: 1 },
    ['launcher', 'app'],
  ),
];
