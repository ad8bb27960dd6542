import type { AwsConditionFlaw, AwsPublicGrant, AwsUnnarrowingCondition } from '../../../model/aws.ts';
import type { Localized } from '../../../model/localized.ts';

/**
 * The messages of a resource policy that grants to the public (S3 bucket, Lambda function), one
 * per reason the first public statement is public: the reasons are a finite vocabulary worded
 * in each language here, so every placeholder holds a name or a value of the policy (the
 * statement's Sid, the principal as JSON, its conditions' operators, keys and values).
 */
export type PublicPolicyMessage =
  | 'policyNotPrincipal'
  | 'policyNoCondition'
  | 'policyFederatedNoCondition'
  | 'policyConditionKey'
  | 'policyConditionOperator'
  | 'policyConditionValue'
  | 'policySourceIpRange'
  | 'policyConditions';

/** What each message says of the statement, after the check's opening (see publicPolicyMessages). */
const REASONS: Readonly<Record<PublicPolicyMessage, Localized>> = {
  policyNotPrincipal: {
    ja: '文 {{statement}} は NotPrincipal {{principal}} で許可しており、そこに挙げたもの以外のすべて（匿名ユーザを含む）に許可します',
    en: 'statement {{statement}} allows NotPrincipal {{principal}}, that is every other principal, anonymous users included',
  },
  policyNoCondition: {
    ja: '文 {{statement}} は Principal {{principal}} に条件なしで許可しています',
    en: 'statement {{statement}} allows Principal {{principal}} with no condition',
  },
  policyFederatedNoCondition: {
    ja: '文 {{statement}} は Principal {{principal}}（その ID プロバイダーがサインインさせるすべてのユーザ）に条件なしで許可しています',
    en: 'statement {{statement}} allows Principal {{principal}} (any user the identity provider signs in) with no condition',
  },
  policyConditionKey: {
    ja: '文 {{statement}} は Principal {{principal}} に許可しており、条件 {{conditions}} のキーは呼び出し元を識別するものではありません',
    en: 'statement {{statement}} allows Principal {{principal}}, and the keys of its conditions {{conditions}} do not identify the caller',
  },
  policyConditionOperator: {
    ja: '文 {{statement}} は Principal {{principal}} に許可しており、条件 {{conditions}} の演算子（否定、IfExists、ForAllValues、Null）はほかの呼び出し元も認めます',
    en: 'statement {{statement}} allows Principal {{principal}}, and the operators of its conditions {{conditions}} (negated, IfExists, ForAllValues, Null) admit other callers',
  },
  policyConditionValue: {
    ja: '文 {{statement}} は Principal {{principal}} に許可しており、条件 {{conditions}} の値は固定の値ではありません（値なし、ワイルドカード、ポリシー変数）',
    en: 'statement {{statement}} allows Principal {{principal}}, and the values of its conditions {{conditions}} are not fixed (none, a wildcard, a policy variable)',
  },
  policySourceIpRange: {
    ja: '文 {{statement}} は Principal {{principal}} に許可しており、条件 {{conditions}} のアドレス範囲は /8（IPv6 は /32）より広いかアドレス範囲ではないため、S3 は公開とみなします',
    en: 'statement {{statement}} allows Principal {{principal}}, and the ranges of its conditions {{conditions}} are broader than /8 (/32 for IPv6) or no address range, which S3 treats as public',
  },
  policyConditions: {
    ja: '文 {{statement}} は Principal {{principal}} に許可しており、条件 {{conditions}} のどれも呼び出し元を固定の値に絞り込みません',
    en: 'statement {{statement}} allows Principal {{principal}}, and none of its conditions {{conditions}} narrows the callers to fixed values',
  },
};

const BY_FLAW: Readonly<Record<AwsConditionFlaw, PublicPolicyMessage>> = {
  key: 'policyConditionKey',
  operator: 'policyConditionOperator',
  value: 'policyConditionValue',
  sourceIpRange: 'policySourceIpRange',
};

/**
 * A check's public-policy messages: `opening` says whose policy grants what to anyone, with
 * `{{statements}}` (every public statement); the reason of the first follows.
 */
export function publicPolicyMessages(opening: Localized): Record<PublicPolicyMessage, Localized> {
  const entries = Object.entries(REASONS).map(([id, reason]) => [
    id,
    { ja: `${opening.ja}。${reason.ja}`, en: `${opening.en}: ${reason.en}` },
  ]);
  return Object.fromEntries(entries) as Record<PublicPolicyMessage, Localized>;
}

/**
 * The public statements still in force at `now`: a statement whose `aws:CurrentTime` bound has
 * passed allows nothing.
 */
export function grantsInForce(grants: readonly AwsPublicGrant[], now: Date): AwsPublicGrant[] {
  return grants.filter((grant) => grant.until === undefined || Date.parse(grant.until) > now.getTime());
}

/** The message and its data for a policy's public statements (at least one). */
export function publicPolicyMessage(grants: readonly AwsPublicGrant[]): {
  message: PublicPolicyMessage;
  data: Record<string, unknown>;
} {
  const first = grants[0]!;
  const data = {
    statements: grants.map((grant) => grant.statement),
    statement: first.statement,
    principal: first.principal,
    conditions: first.conditions.map(conditionText),
  };
  return { message: reasonOf(first), data };
}

function reasonOf(grant: AwsPublicGrant): PublicPolicyMessage {
  if (grant.field === 'NotPrincipal') return 'policyNotPrincipal';
  const [first, ...others] = grant.conditions;
  if (first === undefined) return grant.federated ? 'policyFederatedNoCondition' : 'policyNoCondition';
  // Each condition fails in its own way: the message names the way when they share it.
  return others.every((condition) => condition.flaw === first.flaw)
    ? BY_FLAW[first.flaw]
    : 'policyConditions';
}

/** `Operator key`, with the value at fault: `IpAddress aws:SourceIp "0.0.0.0/1"`. */
function conditionText(condition: AwsUnnarrowingCondition): string {
  const named = `${condition.operator} ${condition.key}`;
  return condition.value === undefined ? named : `${named} ${JSON.stringify(condition.value)}`;
}
