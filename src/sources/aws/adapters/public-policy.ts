import { explicit, type Fact, unknown } from '../../../model/fact.ts';
import { asRecord } from '../config-item.ts';
import { parsePolicyDocument, statementLabel } from './policy-document.ts';

/**
 * Whether a resource policy grants public access, decided as the S3 User Guide's "The meaning of
 * 'public'" does: a statement is public unless it grants only to fixed principals, or is narrowed
 * by a condition on one of the documented keys with fixed values. S3 starts from "public" and
 * looks for what makes a statement non-public, so anything this module does not recognise as
 * narrowing counts as public — a tool that misses a public bucket is worse than one that shouts.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
 */

/** Why one statement of a policy is public. */
export interface PublicGrant {
  /** The statement's Sid, or `Statement[i]` when it has none. */
  readonly statement: string;
  /** What makes it public: the principal, and why no condition narrows it. */
  readonly reason: string;
}

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
const NARROWING_OPERATORS = new Set([
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
export function publicGrantsOf(policy: Record<string, unknown>): PublicGrant[] {
  const statement = policy['Statement'];
  const statements = (Array.isArray(statement) ? statement : [statement]).map(asRecord);
  return statements.flatMap((entry, index) => {
    if (!entry) return [];
    const reason = publicReason(entry);
    return reason === undefined ? [] : [{ statement: statementLabel(entry, index), reason }];
  });
}

/** Why an `Allow` statement grants to the public; undefined when it does not. */
export function publicReason(statement: Record<string, unknown>): string | undefined {
  if (statement['Effect'] !== 'Allow') return undefined;
  if (statement['NotPrincipal'] !== undefined) {
    // Allow with NotPrincipal grants to everyone not listed, anonymous users included.
    return 'Allow with NotPrincipal grants to every other principal, anonymous users included';
  }
  const principal = openPrincipal(statement['Principal']);
  if (principal === undefined) return undefined;
  const narrowing = narrowingCondition(statement['Condition']);
  if (narrowing.narrowed) return undefined;
  return `Principal ${principal} ${narrowing.why}`;
}

/**
 * The public statements of a policy as given in an export (JSON, a JSON string, or a URL-encoded
 * JSON string), each labelled with its reason: the fact checks read. No policy has none; a policy
 * that cannot be parsed is unknown, never "not public".
 */
export function publicStatementsFact(text: unknown, path: string): Fact<readonly string[]> {
  if (text === null || text === undefined || text === '') return explicit([], path);
  const policy = parsePolicyDocument(text);
  if (!policy) return unknown(path, { ja: 'ポリシーを解析できません', en: 'the policy could not be parsed' });
  return explicit(
    publicGrantsOf(policy).map((grant) => `${grant.statement}: ${grant.reason}`),
    path,
  );
}

/** True when an `Allow` statement grants to the public. */
export function isPublicAllowStatement(statement: Record<string, unknown>): boolean {
  return publicReason(statement) !== undefined;
}

/**
 * The part of a principal that is not fixed: `*`, `{"AWS": "*"}`, a value with a wildcard, or a
 * federated identity provider (any user of that provider). Undefined when every principal is a
 * fixed account, role, user, canonical user or service.
 */
function openPrincipal(principal: unknown): string | undefined {
  if (principal === undefined || principal === null) return undefined;
  if (typeof principal === 'string') return principal.includes('*') ? JSON.stringify(principal) : undefined;
  const record = asRecord(principal);
  if (!record) return JSON.stringify(principal);
  for (const [kind, values] of Object.entries(record)) {
    const list = Array.isArray(values) ? values : [values];
    if (kind.toLowerCase() === 'federated' && list.length > 0) {
      return `{"Federated": ${JSON.stringify(values)}} (any user the identity provider signs in)`;
    }
    if (list.some((value) => typeof value !== 'string' || value.includes('*') || value.includes('?'))) {
      return `{"${kind}": ${JSON.stringify(values)}}`;
    }
  }
  return undefined;
}

/** Whether one of a statement's conditions narrows it to fixed callers, and if not, why not. */
function narrowingCondition(condition: unknown): { narrowed: boolean; why: string } {
  const operators = Object.entries(asRecord(condition) ?? {});
  if (operators.length === 0) return { narrowed: false, why: 'with no condition' };
  const rejected: string[] = [];
  for (const [operator, operands] of operators) {
    for (const [key, value] of Object.entries(asRecord(operands) ?? {})) {
      const verdict = narrows(operator, key, value);
      if (verdict === true) return { narrowed: true, why: '' };
      rejected.push(verdict);
    }
  }
  return { narrowed: false, why: `with no narrowing condition (${rejected.join('; ')})` };
}

/** True when `operator` on `key` with `value` pins the caller; otherwise the reason it does not. */
function narrows(operator: string, key: string, value: unknown): true | string {
  const label = `${operator} ${key}`;
  if (!NARROWING_KEYS.has(key.toLowerCase())) return `${label}: not a key that identifies the caller`;
  if (!NARROWING_OPERATORS.has(operator.toLowerCase())) {
    return `${label}: a negated, IfExists, ForAllValues or presence operator admits other callers`;
  }
  const values = Array.isArray(value) ? value : [value];
  if (values.length === 0) return `${label}: no value`;
  for (const entry of values) {
    if (typeof entry !== 'string' && typeof entry !== 'number') return `${label}: not a fixed value`;
    const text = String(entry);
    if (!isFixed(key.toLowerCase(), text)) return `${label}: ${JSON.stringify(text)} is not a fixed value`;
    if (key.toLowerCase() === 'aws:sourceip') {
      const broad = broadCidr(text);
      if (broad) return `${label}: ${JSON.stringify(text)} ${broad}`;
    }
  }
  return true;
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

/** Why an `aws:SourceIp` value is too broad to narrow anything; undefined when it is narrow enough. */
function broadCidr(value: string): string | undefined {
  const [address = '', prefixText] = value.split('/');
  const v6 = address.includes(':');
  if (!v6 && !/^\d{1,3}(\.\d{1,3}){3}$/.test(address)) return 'is not an IP address or CIDR';
  const longest = v6 ? 128 : 32;
  const prefix = prefixText === undefined ? longest : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > longest) return 'is not a valid CIDR';
  const limit = v6 ? BROADEST_NON_PUBLIC_PREFIX.v6 : BROADEST_NON_PUBLIC_PREFIX.v4;
  return prefix < limit ? `is broader than /${limit}, which S3 treats as public` : undefined;
}
