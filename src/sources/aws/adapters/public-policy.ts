import type { AwsPublicGrant, AwsUnnarrowingCondition } from '../../../model/aws.ts';
import { explicit, type Fact, unexpectedType, unknown } from '../../../model/fact.ts';
import { asRecord, timeOf } from '../config-item.ts';
import { parsePolicyDocument, statementLabel, statementsOf } from './policy-document.ts';

/**
 * Whether a resource policy grants public access, decided as the S3 User Guide's "The meaning of
 * 'public'" does: a statement is public unless it grants only to fixed principals, or is narrowed
 * by a condition on one of the documented keys with fixed values. S3 starts from "public" and
 * looks for what makes a statement non-public, so anything this module does not recognise as
 * narrowing counts as public — a tool that misses a public bucket is worse than one that shouts.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
 */

/**
 * Condition keys that narrow a wildcard principal to known callers or networks, when their values
 * are fixed. Lower-case: IAM condition keys are case-insensitive.
 */
const NARROWING_KEYS = new Set([
  'aws:sourceip',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:userid',
  's3:x-amz-server-side-encryption-aws-kms-key-id',
  's3:dataaccesspointarn',
  's3:dataaccesspointaccount',
]);

/**
 * Operators under which a fixed value pins the caller. Negated operators (`StringNotEquals`,
 * `NotIpAddress`, …) admit everyone else; `…IfExists` and `ForAllValues:` are true when the key
 * is absent (an anonymous request from the internet has no `aws:SourceVpc`); `Null` tests
 * presence, not a value. None of those narrows anything.
 */
export const NARROWING_OPERATORS: ReadonlySet<string> = new Set([
  'stringequals',
  'stringequalsignorecase',
  'stringlike',
  'arnequals',
  'arnlike',
  'ipaddress',
  'foranyvalue:stringequals',
  'foranyvalue:stringequalsignorecase',
  'foranyvalue:stringlike',
]);

/** IPv4 ranges broader than /8 and IPv6 ranges broader than /32 are public, as S3 rules. */
const BROADEST_NON_PUBLIC_PREFIX = { v4: 8, v6: 32 } as const;

/** Public grants of every `Allow` statement of a parsed policy document. */
export function publicGrantsOf(policy: Record<string, unknown>): AwsPublicGrant[] | undefined {
  return statementsOf(policy)?.flatMap((entry, index) => {
    const grant = publicGrant(entry, index);
    return grant === undefined ? [] : [grant];
  });
}

/**
 * What makes an `Allow` statement public, as data (the checks word it in each language);
 * undefined when it is not public. `index`: the statement's place in the policy, which names a
 * statement without a Sid.
 */
function publicGrant(statement: Record<string, unknown>, index: number): AwsPublicGrant | undefined {
  if (statement['Effect'] !== 'Allow') return undefined;
  const notPrincipal = statement['NotPrincipal'];
  if (notPrincipal !== undefined) {
    // Allow with NotPrincipal grants to everyone not listed, anonymous users included.
    const until = allowedUntil(statement['Condition']);
    return {
      statement: statementLabel(statement, index),
      field: 'NotPrincipal',
      principal: JSON.stringify(notPrincipal),
      federated: false,
      conditions: [],
      ...(until !== undefined && { until }),
    };
  }
  const open = openPrincipal(statement['Principal']);
  if (open === undefined) return undefined;
  const conditions = unnarrowingConditions(statement['Condition']);
  if (conditions === undefined) return undefined;
  const until = allowedUntil(statement['Condition']);
  return {
    statement: statementLabel(statement, index),
    field: 'Principal',
    ...open,
    conditions,
    ...(until !== undefined && { until }),
  };
}

/**
 * The time a statement's conditions allow until: the earliest `DateLessThan` /
 * `DateLessThanEquals` bound on the request time (`aws:CurrentTime` as a date-time,
 * `aws:EpochTime` as seconds), the latest of a bound's values (they are ORed); undefined when
 * none bounds it or a bound is not a time. The scan's clock decides whether it has passed.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
 */
function allowedUntil(condition: unknown): string | undefined {
  let until = Number.POSITIVE_INFINITY;
  for (const [operator, operands] of Object.entries(asRecord(condition) ?? {})) {
    if (!DATE_BEFORE.has(operator.toLowerCase())) continue;
    for (const [key, value] of Object.entries(asRecord(operands) ?? {})) {
      const lowerKey = key.toLowerCase();
      if (lowerKey !== 'aws:currenttime' && lowerKey !== 'aws:epochtime') continue;
      const times = (Array.isArray(value) ? value : [value]).map(conditionTimeOf);
      if (times.length === 0 || times.some((time) => time === undefined)) return undefined;
      until = Math.min(until, Math.max(...(times as number[])));
    }
  }
  return Number.isFinite(until) ? new Date(until).toISOString() : undefined;
}

const DATE_BEFORE: ReadonlySet<string> = new Set(['datelessthan', 'datelessthanequals']);

/** A date condition's value in milliseconds: ISO 8601, or epoch seconds (a number or digits). */
function conditionTimeOf(value: unknown): number | undefined {
  return timeOf(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
}

/**
 * The public statements of a policy as given in an export (JSON, a JSON string, or a URL-encoded
 * JSON string), each with what makes it public: the fact checks read. No policy has none; a
 * policy that cannot be parsed is unknown, never "not public".
 */
export function publicStatementsFact(text: unknown, path: string): Fact<readonly AwsPublicGrant[]> {
  if (text === null || text === undefined || text === '') return explicit([], path);
  const policy = parsePolicyDocument(text);
  if (!policy) return unknown(path, { ja: 'ポリシーを解析できません', en: 'the policy could not be parsed' });
  const grants = publicGrantsOf(policy);
  return grants ? explicit(grants, path) : unexpectedType(path);
}

/** True when an `Allow` statement grants to the public. */
export function isPublicAllowStatement(statement: Record<string, unknown>): boolean {
  return publicGrant(statement, 0) !== undefined;
}

/**
 * The part of a principal that is not fixed, as JSON: `"*"`, `{"AWS":"*"}`, a value with a
 * wildcard, or a federated identity provider (any user of that provider). Undefined when every
 * principal is a fixed account, role, user, canonical user or service.
 */
function openPrincipal(principal: unknown): { principal: string; federated: boolean } | undefined {
  if (principal === undefined || principal === null) return undefined;
  if (typeof principal === 'string') {
    return principal.includes('*') ? { principal: JSON.stringify(principal), federated: false } : undefined;
  }
  const record = asRecord(principal);
  if (!record) return { principal: JSON.stringify(principal), federated: false };
  for (const [kind, values] of Object.entries(record)) {
    const list = Array.isArray(values) ? values : [values];
    const federated = kind.toLowerCase() === 'federated' && list.length > 0;
    if (
      federated ||
      list.some((value) => typeof value !== 'string' || value.includes('*') || value.includes('?'))
    ) {
      return { principal: JSON.stringify({ [kind]: values }), federated };
    }
  }
  return undefined;
}

/**
 * A statement's conditions when none narrows it to fixed callers (empty: it has none); undefined
 * when one does (conditions are ANDed: one is enough).
 */
function unnarrowingConditions(condition: unknown): AwsUnnarrowingCondition[] | undefined {
  const rejected: AwsUnnarrowingCondition[] = [];
  for (const [operator, operands] of Object.entries(asRecord(condition) ?? {})) {
    for (const [key, value] of Object.entries(asRecord(operands) ?? {})) {
      const unnarrowing = unnarrowingCondition(operator, key, value);
      if (unnarrowing === undefined) return undefined;
      rejected.push(unnarrowing);
    }
  }
  return rejected;
}

/** The condition `operator` on `key` with `value`, with why it does not pin the caller; undefined when it does. */
function unnarrowingCondition(
  operator: string,
  key: string,
  value: unknown,
): AwsUnnarrowingCondition | undefined {
  if (!NARROWING_KEYS.has(key.toLowerCase())) return { operator, key, flaw: 'key' };
  if (!NARROWING_OPERATORS.has(operator.toLowerCase())) return { operator, key, flaw: 'operator' };
  const values = Array.isArray(value) ? value : [value];
  if (values.length === 0) return { operator, key, value, flaw: 'value' };
  for (const entry of values) {
    if (typeof entry !== 'string' && typeof entry !== 'number') {
      return { operator, key, value: entry, flaw: 'value' };
    }
    const text = String(entry);
    if (!isFixed(key.toLowerCase(), text)) return { operator, key, value: entry, flaw: 'value' };
    if (key.toLowerCase() === 'aws:sourceip' && !isNarrowRange(text)) {
      return { operator, key, value: entry, flaw: 'sourceIpRange' };
    }
  }
  return undefined;
}

/** A value without wildcards or policy variables; two documented exceptions keep a wildcard. */
function isFixed(key: string, value: string): boolean {
  if (value.includes('${')) return false;
  if (!value.includes('*') && !value.includes('?')) return true;
  // aws:userid of a role's sessions: `AROLEID:*` names one role.
  if (key === 'aws:userid') return /^[A-Z0-9]+:\*$/.test(value);
  // An access point ARN may wildcard the access point's name as long as the account is fixed.
  if (key === 's3:dataaccesspointarn') return /^arn:[\w-]+:s3:[\w-]+:\d{12}:accesspoint\/\*$/.test(value);
  return false;
}

/**
 * Whether an `aws:SourceIp` value is an address or a CIDR range no broader than S3 allows a
 * non-public statement (/8 for IPv4, /32 for IPv6).
 */
function isNarrowRange(value: string): boolean {
  const [address = '', prefixText] = value.split('/');
  const v6 = address.includes(':');
  if (!v6 && !/^\d{1,3}(\.\d{1,3}){3}$/.test(address)) return false;
  const longest = v6 ? 128 : 32;
  const prefix = prefixText === undefined ? longest : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > longest) return false;
  return prefix >= (v6 ? BROADEST_NON_PUBLIC_PREFIX.v6 : BROADEST_NON_PUBLIC_PREFIX.v4);
}
