import { explicit, type Fact, unexpectedType, unknown } from '../../../model/fact.ts';
import { anyVariable, matchesPattern } from '../../../model/iam-patterns.ts';
import { KNOWN_AFTER_APPLY_ELEMENT } from '../../../model/known-after-apply.ts';
import { asRecord, decodeJsonValue } from '../config-item.ts';
import { recordsOf } from './fields.ts';

/**
 * Reading IAM policy documents (bucket policies, IAM inline policies) as Config exports them:
 * JSON, a JSON string, or (IAM inline policies) a URL-encoded JSON string.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
 */
export function parsePolicyDocument(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'string' || !value.trimStart().startsWith('%'))
    return asRecord(decodeJsonValue(value));
  // IAM encodes per RFC 3986 (a space is %20); form encoders (Java's URLEncoder, Python's
  // quote_plus) write a space as `+`, which JSON does not take between tokens.
  return urlDecodedPolicy(value) ?? urlDecodedPolicy(value.replaceAll('+', ' '));
}

function urlDecodedPolicy(text: string): Record<string, unknown> | undefined {
  try {
    return asRecord(decodeJsonValue(decodeURIComponent(text)));
  } catch {
    return undefined;
  }
}

/**
 * The policy's statements (`Statement` is one object or a list of them); undefined when one of
 * them cannot be read (see isReadableStatement): the policy cannot be read whole, and the
 * statement misread may be the one that grants.
 */
export function statementsOf(policy: Record<string, unknown>): Record<string, unknown>[] | undefined {
  const statement = policy['Statement'];
  if (statement === undefined || statement === null) return [];
  const statements = recordsOf(Array.isArray(statement) ? statement : [statement]);
  return statements?.every(isReadableStatement) ? statements : undefined;
}

/**
 * A statement whose elements have the types the policy grammar gives them: `Effect` a string,
 * actions and resources a string or a list of strings, a principal `*` or an object of such
 * lists (account ids may be written as numbers).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
function isReadableStatement(statement: Record<string, unknown>): boolean {
  const names = (value: unknown) =>
    value === undefined ||
    listOf(value).every((entry) => typeof entry === 'string' || typeof entry === 'number');
  const principal = (value: unknown) => {
    if (value === undefined || value === '*') return true;
    const record = asRecord(value);
    return record !== undefined && Object.values(record).every(names);
  };
  return (
    typeof statement['Effect'] === 'string' &&
    ['Action', 'NotAction', 'Resource', 'NotResource'].every((key) => names(statement[key])) &&
    principal(statement['Principal']) &&
    principal(statement['NotPrincipal'])
  );
}

/** The statement's Sid, or its position when it has none. */
export function statementLabel(statement: Record<string, unknown>, index: number): string {
  return typeof statement['Sid'] === 'string' && statement['Sid'] !== ''
    ? statement['Sid']
    : `Statement[${index}]`;
}

/**
 * The labels of a policy's statements that match: the fact checks read for "which statements
 * of this bucket / function policy do X". No policy (null, empty) has none; a policy that
 * cannot be parsed is unknown.
 */
export function matchingStatements(
  text: unknown,
  path: string,
  matches: (statement: Record<string, unknown>) => boolean,
): Fact<readonly string[]> {
  if (text === null || text === undefined || text === '') return explicit([], path);
  const policy = parsePolicyDocument(text);
  if (!policy) {
    return unknown(path, { ja: 'ポリシーを解析できません', en: 'the policy could not be parsed' });
  }
  const statements = statementsOf(policy);
  if (!statements) return unexpectedType(path);
  const labels = statements.flatMap((statement, index) =>
    matches(statement) ? [statementLabel(statement, index)] : [],
  );
  return explicit(labels, path);
}

export function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/**
 * A `Deny` of every action on every resource with no condition, as AWS's AWSDenyAll: the
 * principal holding it may do nothing, whatever else it is allowed. A conditional one may not
 * apply to the caller (MFA, a source address) and is not read so.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export function isDenyAllStatement(statement: Record<string, unknown>): boolean {
  return (
    statement['Effect'] === 'Deny' &&
    statement['Condition'] === undefined &&
    statement['NotAction'] === undefined &&
    statement['NotResource'] === undefined &&
    listOf(statement['Action']).some((action) => action === '*' || action === '*:*') &&
    listOf(statement['Resource']).includes('*')
  );
}

/**
 * An `Allow` that grants what AdministratorAccess does (`*` on `*`), or enough to grant itself
 * that: every action or, with `NotAction`, every action but some that leave a way to attach or
 * write a policy; on every resource or, with `NotResource`, on every resource but some outside
 * IAM. `*:*` is read as `*` (actions are matched as `service:action` patterns). A condition
 * (MFA, a source address) does not make a statement less than administrator rights: whoever
 * meets it holds them. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
 */
export function isFullAdminStatement(statement: Record<string, unknown>): boolean {
  if (statement['Effect'] !== 'Allow') return false;
  const notAction = statement['NotAction'];
  const everyAction =
    notAction === undefined
      ? listOf(statement['Action']).some((action) => action === '*' || action === '*:*')
      : POLICY_WRITES.some((action) => !listOf(notAction).some((pattern) => matchesPattern(pattern, action)));
  if (!everyAction) return false;
  const notResource = statement['NotResource'];
  return notResource === undefined
    ? listOf(statement['Resource']).includes('*')
    : listOf(notResource).every((arn) => typeof arn === 'string' && !mayNameIam(arn));
}

/** Actions by which a principal gives itself any right: attaching or writing a policy. */
const POLICY_WRITES = [
  'iam:AttachUserPolicy',
  'iam:PutUserPolicy',
  'iam:AttachRolePolicy',
  'iam:PutRolePolicy',
  'iam:AttachGroupPolicy',
  'iam:PutGroupPolicy',
  'iam:CreatePolicyVersion',
];

/** Where a statement's grant lands: the account's IAM resources, and the principal's own ARN. */
export interface GrantScope {
  /** `aws`, `aws-cn`, `aws-us-gov`, …: the partition of the account's ARNs. */
  readonly partition: string;
  readonly account: string;
  /** The ARN of the user, group or role whose inline policy this is; none for a managed policy. */
  readonly self?: string | undefined;
}

/**
 * An `Allow` by which a principal may grant itself administrator rights through IAM alone, on
 * every IAM resource of the account the action acts on (or, in an inline policy, on the
 * principal itself): attaching or writing a policy to a user, group or role, writing a new
 * default version of a managed policy or choosing an older one, adding a user to a group,
 * rewriting a role's trust policy. These are the IAM-only methods of Rhino Security Labs'
 * privilege escalation list, which Prowler's `iam_policy_allows_privilege_escalation` and
 * Cloudsplaining's privilege escalation findings also hold; the methods that go through another
 * principal (iam:PassRole with ec2:RunInstances, lambda:CreateFunction, …; another user's
 * credentials, iam:CreateAccessKey, iam:UpdateLoginProfile) depend on roles and users the
 * statement does not show, and are kept as grants (escalation-grants.ts) for the check to
 * follow. Actions are
 * matched as patterns (`iam:*`, `iam:Attach*`, NotAction); a policy variable in a resource
 * (`${aws:username}`) is read as any name: it stands for the caller's own. A condition is
 * ignored, as for administrator rights.
 * https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
 */
export function isEscalationStatement(scope: GrantScope): (statement: Record<string, unknown>) => boolean {
  const arn = (type: string, name: string) => `arn:${scope.partition}:iam::${scope.account}:${type}/${name}`;
  // Every resource of a type: a pattern matching two unrelated names, one under a path.
  const every = (type: string) => [arn(type, 'KansaProbe-1'), arn(type, 'a/b/z_9')];
  const selfType = scope.self?.split(':')[5]?.split('/')[0];
  return (statement) => {
    if (statement['Effect'] !== 'Allow') return false;
    const allows = (action: string) =>
      statement['NotAction'] === undefined
        ? listOf(statement['Action']).some((pattern) => matchesPattern(pattern, action))
        : !listOf(statement['NotAction']).some((pattern) => matchesPattern(pattern, action));
    const covers = (resource: string) =>
      statement['NotResource'] === undefined
        ? listOf(statement['Resource']).some((pattern) => matchesPattern(anyVariable(pattern), resource))
        : !listOf(statement['NotResource']).some((pattern) => matchesPattern(anyVariable(pattern), resource));
    return Object.entries(ESCALATION_ACTIONS).some(
      ([action, type]) =>
        allows(action) &&
        (every(type).every(covers) || (scope.self !== undefined && selfType === type && covers(scope.self))),
    );
  };
}

/** The IAM actions by which a principal grants itself more rights, by the resource type each acts on. */
const ESCALATION_ACTIONS: Readonly<Record<string, 'user' | 'group' | 'role' | 'policy'>> = {
  'iam:AttachUserPolicy': 'user',
  'iam:PutUserPolicy': 'user',
  'iam:AttachGroupPolicy': 'group',
  'iam:PutGroupPolicy': 'group',
  'iam:AddUserToGroup': 'group',
  'iam:AttachRolePolicy': 'role',
  'iam:PutRolePolicy': 'role',
  'iam:UpdateAssumeRolePolicy': 'role',
  'iam:CreatePolicyVersion': 'policy',
  'iam:SetDefaultPolicyVersion': 'policy',
};

/** A resource ARN pattern that may name an IAM resource (`*`, `arn:aws:iam::…`, a wildcard service). */
function mayNameIam(arn: string): boolean {
  const service = arn.split(':')[2];
  return !arn.startsWith('arn:') || service === undefined || service === 'iam' || /[*?]/.test(service);
}

/** `Principal: "*"` or `{"AWS": "*"}`: any AWS principal, in any account, or anonymous. */
export function isAnyonePrincipal(principal: unknown): boolean {
  return principal === '*' || listOf(asRecord(principal)?.['AWS']).includes('*');
}

/**
 * `Deny` to anyone, for every S3 action (`s3:*` or `*`), on every object of the bucket, when
 * `aws:SecureTransport` is false and on no other condition: the statement that makes a bucket
 * refuse plain HTTP. Another condition beside it (a source VPC endpoint, an address) narrows the
 * denial to the requests that meet it too, and a resource narrower than the bucket's objects
 * (a prefix) leaves the others to plain HTTP. `bucketArn`: `arn:aws:s3:::<bucket>`.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit
 */
export function deniesInsecureTransport(bucketArn: string): (statement: Record<string, unknown>) => boolean {
  // Every object: a pattern that matches a key at the top and one deep down (`<bucket>/*`, `*`).
  const objects = [`${bucketArn}/`, `${bucketArn}/a/b.c`];
  return (statement) => {
    if (statement['Effect'] !== 'Deny' || !isAnyonePrincipal(statement['Principal'])) return false;
    if (statement['NotResource'] !== undefined) return false;
    const actions = listOf(statement['Action']).map((action) => String(action).toLowerCase());
    if (!actions.includes('s3:*') && !actions.includes('*')) return false;
    // A resource of a Terraform plan known only after apply may be the bucket's objects.
    const resources = listOf(statement['Resource']);
    const covers = (arn: string) =>
      resources.some(
        (pattern) =>
          typeof pattern === 'string' &&
          (pattern === KNOWN_AFTER_APPLY_ELEMENT || matchesPattern(pattern, arn)),
      );
    if (!objects.every(covers)) return false;
    const conditions = Object.entries(asRecord(statement['Condition']) ?? {}).flatMap(
      ([operator, operands]) =>
        Object.entries(asRecord(operands) ?? { '': operands }).map(([key, value]) => ({
          operator,
          key,
          value,
        })),
    );
    return (
      conditions.length > 0 &&
      conditions.every(
        ({ operator, key, value }) =>
          /^bool(ifexists)?$/i.test(operator) &&
          key.toLowerCase() === 'aws:securetransport' &&
          listOf(value).length > 0 &&
          listOf(value).every((v) => String(v).toLowerCase() === 'false'),
      )
    );
  };
}
