import type { PublicPolicyMessage } from '../../../../src/checks/aws/lib/public-policy.ts';
import type { ExpectedMessage } from '../../../helpers/rule-tester.ts';

/**
 * One public statement per reason a resource policy is public (src/checks/aws/lib/public-policy.ts),
 * for the checks of S3 bucket policies and Lambda function policies, with the reason as each
 * language words it. `statement` lacks Action and Resource: each check's cases add its own.
 */
export interface PublicStatementCase {
  readonly name: string;
  readonly statement: Record<string, unknown>;
  readonly messageId: PublicPolicyMessage;
  /** The reason's part of the rendered message, in each language. */
  readonly message: Required<ExpectedMessage>;
}

const OPEN = { Effect: 'Allow', Principal: '*' } as const;

export const PUBLIC_STATEMENTS: readonly PublicStatementCase[] = [
  {
    name: 'NotPrincipal grants to everyone it does not list',
    statement: { Sid: 'Others', Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } },
    messageId: 'policyNotPrincipal',
    message: {
      ja: '文 Others は NotPrincipal {"AWS":"arn:aws:iam::111122223333:root"} で許可しており、そこに挙げたもの以外のすべて（匿名ユーザを含む）に許可します',
      en: 'statement Others allows NotPrincipal {"AWS":"arn:aws:iam::111122223333:root"}, that is every other principal, anonymous users included',
    },
  },
  {
    name: 'Principal "*" with no condition',
    statement: { Sid: 'PublicRead', ...OPEN },
    messageId: 'policyNoCondition',
    message: {
      ja: '文 PublicRead は Principal "*" に条件なしで許可しています',
      en: 'statement PublicRead allows Principal "*" with no condition',
    },
  },
  {
    name: 'a Federated principal (any user the identity provider signs in) with no condition',
    statement: { Sid: 'Web', Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' } },
    messageId: 'policyFederatedNoCondition',
    message: {
      ja: '文 Web は Principal {"Federated":"cognito-identity.amazonaws.com"}（その ID プロバイダーがサインインさせるすべてのユーザ）に条件なしで許可しています',
      en: 'statement Web allows Principal {"Federated":"cognito-identity.amazonaws.com"} (any user the identity provider signs in) with no condition',
    },
  },
  {
    name: 'a condition whose key does not identify the caller',
    statement: { Sid: 'Tls', ...OPEN, Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
    messageId: 'policyConditionKey',
    message: {
      ja: '文 Tls は Principal "*" に許可しており、条件 Bool aws:SecureTransport のキーは呼び出し元を識別するものではありません',
      en: 'statement Tls allows Principal "*", and the keys of its conditions Bool aws:SecureTransport do not identify the caller',
    },
  },
  {
    name: 'a negated operator admits every other caller',
    statement: { Sid: 'NotOffice', ...OPEN, Condition: { NotIpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } },
    messageId: 'policyConditionOperator',
    message: {
      ja: '文 NotOffice は Principal "*" に許可しており、条件 NotIpAddress aws:SourceIp の演算子（否定、IfExists、ForAllValues、Null）はほかの呼び出し元も認めます',
      en: 'statement NotOffice allows Principal "*", and the operators of its conditions NotIpAddress aws:SourceIp (negated, IfExists, ForAllValues, Null) admit other callers',
    },
  },
  {
    name: 'a wildcard value is not fixed',
    statement: { Sid: 'AnyVpc', ...OPEN, Condition: { StringLike: { 'aws:SourceVpc': 'vpc-*' } } },
    messageId: 'policyConditionValue',
    message: {
      ja: '文 AnyVpc は Principal "*" に許可しており、条件 StringLike aws:SourceVpc "vpc-*" の値は固定の値ではありません（値なし、ワイルドカード、ポリシー変数）',
      en: 'statement AnyVpc allows Principal "*", and the values of its conditions StringLike aws:SourceVpc "vpc-*" are not fixed (none, a wildcard, a policy variable)',
    },
  },
  {
    name: 'an aws:SourceIp range broader than /8',
    statement: { Sid: 'HalfTheInternet', ...OPEN, Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/1' } } },
    messageId: 'policySourceIpRange',
    message: {
      ja: '文 HalfTheInternet は Principal "*" に許可しており、条件 IpAddress aws:SourceIp "0.0.0.0/1" のアドレス範囲は /8（IPv6 は /32）より広いかアドレス範囲ではないため、S3 は公開とみなします',
      en: 'statement HalfTheInternet allows Principal "*", and the ranges of its conditions IpAddress aws:SourceIp "0.0.0.0/1" are broader than /8 (/32 for IPv6) or no address range, which S3 treats as public',
    },
  },
  {
    name: 'conditions that each fail in their own way',
    statement: {
      Sid: 'Mixed',
      ...OPEN,
      Condition: { Bool: { 'aws:SecureTransport': 'true' }, StringLike: { 'aws:SourceVpc': 'vpc-*' } },
    },
    messageId: 'policyConditions',
    message: {
      ja: '文 Mixed は Principal "*" に許可しており、条件 Bool aws:SecureTransport, StringLike aws:SourceVpc "vpc-*" のどれも呼び出し元を固定の値に絞り込みません',
      en: 'statement Mixed allows Principal "*", and none of its conditions Bool aws:SecureTransport, StringLike aws:SourceVpc "vpc-*" narrows the callers to fixed values',
    },
  },
];
