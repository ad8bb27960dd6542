import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
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

export default byVerdict(cases) satisfies RuleTests;
