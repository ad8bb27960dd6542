import { jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { type Change, constant, plan } from '../../../iac/dialect-plan.ts';
import { ACCOUNT, iamUserItem } from '../../../sources/aws/builders.ts';
import { roleItem } from './role.ts';

const trustAws = (AWS: unknown, Condition?: object) => ({
  Effect: 'Allow',
  Principal: { AWS },
  Action: 'sts:AssumeRole',
  ...(Condition ? { Condition } : {}),
});

const GITHUB = 'token.actions.githubusercontent.com';
const trustGitHub = (Condition: object) => ({
  Effect: 'Allow',
  Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${GITHUB}` },
  Action: 'sts:AssumeRoleWithWebIdentity',
  Condition,
});

const table = [
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
  // GitHub Actions' OIDC provider: without a condition on `sub`, any repository on GitHub.
  [
    'GitHub Actions, any repository',
    trustGitHub({ StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' } }),
    {},
    'FAIL',
    'anyFederatedUser',
  ],
  [
    'GitHub Actions, sub "repo:*"',
    trustGitHub({ StringLike: { [`${GITHUB}:sub`]: 'repo:*' } }),
    {},
    'FAIL',
    'anyFederatedUser',
  ],
  [
    'GitHub Actions, one repository',
    trustGitHub({
      StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' },
      StringLike: { [`${GITHUB}:sub`]: 'repo:city-osaka/infra:ref:refs/heads/main' },
    }),
    {},
    'PASS',
    'trusted',
  ],
  [
    // An identity pool names its pool in `aud`; without it, any pool of any account.
    'Cognito identity pools, no pool named',
    {
      Effect: 'Allow',
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } },
    },
    {},
    'FAIL',
    'anyFederatedUser',
  ],
  [
    // The organization's own SAML provider: its users, not anyone's.
    'a SAML provider of the account',
    {
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::${ACCOUNT}:saml-provider/city-idp` },
      Action: 'sts:AssumeRoleWithSAML',
      Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
    },
    {},
    'PASS',
    'trusted',
  ],
] as const;

const cases: AnyCase[] = [
  ...table.map(([name, trust, params, status, messageId]) => ({
    name,
    records: [roleItem('r', trust)],
    params,
    status,
    messageId,
    evidence: [{ path: 'configuration.assumeRolePolicyDocument' }],
  })),
  {
    name: 'trusts an account that is part of the same scan',
    records: [
      roleItem('r', trustAws('999988887777')),
      {
        ...iamUserItem('someone'),
        awsAccountId: '999988887777',
        ARN: 'arn:aws:iam::999988887777:user/someone',
      },
    ],
    target: 'r',
    status: 'PASS',
    messageId: 'trusted',
  },
  {
    name: 'raises the public case to critical',
    records: [roleItem('r', trustAws('*'))],
    status: 'FAIL',
    messageId: 'anyone',
    severity: 'critical',
  },
];

/**
 * Terraform plans of roles trusting one account, made without `allowed_account_ids` (the role's
 * ARN known only after apply: the plan does not say whose account it deploys to), as most public
 * plans are; and with it.
 */
const planRole = (accounts: string[]): Change => ({
  address: 'aws_iam_role.cross',
  after: {
    name: 'cross',
    path: '/',
    assume_role_policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: accounts.map((account) => ({
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
      })),
    }),
  },
  afterUnknown: { arn: true, id: true, unique_id: true },
});
const planFile = (role: Change, accountIds?: string[]) =>
  jsonFile(
    plan([role], {
      providers: {
        aws: {
          region: constant('ap-northeast-1'),
          ...(accountIds && { allowed_account_ids: constant(accountIds) }),
        },
      },
    }),
    'plan.json',
  );
const planCases: AnyCase[] = [
  {
    name: 'a Terraform plan that does not say its account: the one trusted account may be the role’s own',
    records: [planFile(planRole(['999988887777']))],
    target: 'aws_iam_role.cross',
    status: 'UNKNOWN',
    messageId: 'ownAccountUnknown',
    data: { accounts: ['999988887777'] },
  },
  {
    name: 'a Terraform plan that does not say its account: of two trusted accounts one is another’s',
    records: [planFile(planRole(['999988887777', '888877776666']))],
    target: 'aws_iam_role.cross',
    status: 'FAIL',
    messageId: 'external',
  },
  {
    name: 'a Terraform plan for one allowed account, trusting another',
    records: [planFile(planRole(['999988887777']), [ACCOUNT])],
    target: 'aws_iam_role.cross',
    status: 'FAIL',
    messageId: 'external',
  },
  {
    name: 'a Terraform plan for one allowed account, trusting that account',
    records: [planFile(planRole([ACCOUNT]), [ACCOUNT])],
    target: 'aws_iam_role.cross',
    status: 'PASS',
    messageId: 'trusted',
  },
];

export default byVerdict([...cases, ...planCases]) satisfies RuleTests;
