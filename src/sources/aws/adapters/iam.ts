import type {
  AwsEscalationGrant,
  AwsIamPolicyFacts,
  AwsIamPrincipalFacts,
  AwsIamUserFacts,
} from '../../../model/aws.ts';
import { explicit, type Fact, factPath, unexpectedType, unknown } from '../../../model/fact.ts';
import { arnPart, asRecord, type ConfigItem } from '../config-item.ts';
import { escalationGrantsOf } from './escalation-grants.ts';
import { absent, configString, field, recordsOf, toBoolean, toStringValue } from './fields.ts';
import {
  type GrantScope,
  isAnyonePrincipal,
  isDenyAllStatement,
  isEscalationStatement,
  isFullAdminStatement,
  listOf,
  parsePolicyDocument,
  statementLabel,
  statementsOf,
} from './policy-document.ts';
import { isPublicAllowStatement, NARROWING_OPERATORS } from './public-policy.ts';

/**
 * AWS::IAM::User / Group / Role items: attached managed policies and inline policies. Config
 * carries no MFA and no access keys for users: those come from the credential report.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_UserDetail.html
 */
export function iamUserFacts(item: ConfigItem): AwsIamUserFacts {
  const groups = field(item.configuration, 'groupList');
  return {
    attachedPolicyArns: attachedPolicyArns(item),
    ...inlinePolicyFacts(item, 'userPolicyList'),
    groups: Array.isArray(groups)
      ? explicit(groups.map(String), 'configuration.groupList')
      : absent(item, 'configuration.groupList'),
    ...boundaryFacts(item),
  };
}

export function iamGroupFacts(item: ConfigItem): AwsIamPrincipalFacts {
  return {
    name: configString(item, 'groupName'),
    attachedPolicyArns: attachedPolicyArns(item),
    ...inlinePolicyFacts(item, 'groupPolicyList'),
  };
}

export function iamRoleFacts(item: ConfigItem): AwsIamPrincipalFacts {
  return {
    name: configString(item, 'roleName'),
    attachedPolicyArns: attachedPolicyArns(item),
    ...inlinePolicyFacts(item, 'rolePolicyList'),
    ...trustFacts(item),
    ...boundaryFacts(item),
  };
}

/**
 * The permissions boundary of a user or role: Config's `permissionsBoundary`
 * (`{permissionsBoundaryType, permissionsBoundaryArn}`, null for none), IAM's
 * `PermissionsBoundary` in get-account-authorization-details. A record without the member says
 * nothing of it (no fact): the principal is judged on its policies, as before boundaries existed.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 */
function boundaryFacts(item: ConfigItem): Pick<AwsIamPrincipalFacts, 'permissionsBoundaryArn'> {
  const raw = field(item.configuration, 'permissionsBoundary');
  if (raw === undefined) return {};
  const path = 'configuration.permissionsBoundary.permissionsBoundaryArn';
  if (raw === null) return { permissionsBoundaryArn: explicit(null, 'configuration.permissionsBoundary') };
  const arn = toStringValue(field(asRecord(raw), 'permissionsBoundaryArn'));
  // A boundary named by no ARN may allow anything or nothing.
  return { permissionsBoundaryArn: arn ? explicit(arn, path) : unexpectedType(path) };
}

/**
 * The AWS accounts a role's trust policy (URL-encoded JSON in Config) lets assume it: the
 * account of each `Principal.AWS` ARN or bare account id in an `Allow` statement, and `*` for
 * any principal without a condition pinning the caller (`aws:PrincipalOrgID`, …). Service
 * principals are not accounts; a federated principal is one only when it is a public identity
 * provider whose users anyone can be (GitHub Actions, GitLab, Google, Cognito, …) and no
 * condition pins which of them (`token.actions.githubusercontent.com:sub`): it is then
 * `federated:<provider>`, anyone with an identity there.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 * https://docs.github.com/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services
 */
function trustFacts(item: ConfigItem): Pick<AwsIamPrincipalFacts, 'trustedAccounts' | 'trustedServices'> {
  const path = 'configuration.assumeRolePolicyDocument';
  const raw = field(item.configuration, 'assumeRolePolicyDocument');
  if (raw === undefined || raw === null) return trustBoth(absent(item, path));
  const policy = parsePolicyDocument(raw);
  if (!policy) {
    return trustBoth(
      unknown(path, { ja: '信頼ポリシーを解析できません', en: 'the trust policy could not be parsed' }),
    );
  }
  const statements = statementsOf(policy);
  if (!statements) return trustBoth(unexpectedType(path));
  const accounts = new Set<string>();
  const services = new Set<string>();
  for (const statement of statements) {
    if (statement['Effect'] !== 'Allow') continue;
    for (const service of listOf(asRecord(statement['Principal'])?.['Service']))
      services.add(String(service).toLowerCase());
    if (isAnyonePrincipal(statement['Principal'])) {
      if (isPublicAllowStatement(statement)) accounts.add('*');
      continue;
    }
    for (const principal of listOf(asRecord(statement['Principal'])?.['AWS'])) {
      const text = String(principal);
      const account = /^\d{12}$/.test(text) ? text : arnPart(text, 4);
      if (account) accounts.add(account);
    }
    for (const provider of listOf(asRecord(statement['Principal'])?.['Federated'])) {
      const host = String(provider)
        .replace(/^arn:[^:]*:iam::[^:]*:oidc-provider\//, '')
        .toLowerCase();
      const claims = PUBLIC_IDENTITY_PROVIDERS[host];
      if (claims && !pinsCaller(statement['Condition'], host, claims)) accounts.add(`federated:${host}`);
    }
  }
  return {
    trustedAccounts: explicit([...accounts].sort(), path),
    trustedServices: explicit([...services].sort(), path),
  };
}

/** The same unknown for both facts of the trust policy. */
function trustBoth(
  fact: Fact<readonly string[]>,
): Pick<AwsIamPrincipalFacts, 'trustedAccounts' | 'trustedServices'> {
  return { trustedAccounts: fact, trustedServices: fact };
}

/**
 * Identity providers anyone can hold an identity at, with the claims that say which of their
 * users the role trusts (the repository, project or workspace; the app or identity pool).
 */
const PUBLIC_IDENTITY_PROVIDERS: Readonly<Record<string, readonly string[]>> = {
  'token.actions.githubusercontent.com': ['sub'],
  'gitlab.com': ['sub'],
  'app.terraform.io': ['sub'],
  'accounts.google.com': ['sub', 'aud'],
  'cognito-identity.amazonaws.com': ['aud'],
  'www.amazon.com': ['app_id'],
  'graph.facebook.com': ['app_id'],
};

/**
 * A condition on one of the provider's claims (`<provider>:sub`) that names fixed values: a
 * value that is only a wildcard after its kind (`repo:*`, `*`) pins no one.
 */
function pinsCaller(condition: unknown, host: string, claims: readonly string[]): boolean {
  const keys = new Set(claims.map((claim) => `${host}:${claim}`));
  return Object.entries(asRecord(condition) ?? {}).some(
    ([operator, operands]) =>
      NARROWING_OPERATORS.has(operator.toLowerCase()) &&
      Object.entries(asRecord(operands) ?? {}).some(([key, value]) => {
        const values = listOf(value);
        return (
          keys.has(key.toLowerCase()) &&
          values.length > 0 &&
          values.every((v) => typeof v === 'string' && !/^(?:[\w-]+:)?[*?]/.test(v))
        );
      }),
  );
}

function attachedPolicyArns(item: ConfigItem): Fact<readonly string[]> {
  const path = 'configuration.attachedManagedPolicies';
  const entries = entriesOf(field(item.configuration, 'attachedManagedPolicies'));
  if (!entries) return absent(item, path);
  const policies = recordsOf(entries);
  if (!policies) return unexpectedType(path);
  const arns = policies.map((policy) => toStringValue(field(policy, 'policyArn')));
  const arnPath = 'configuration.attachedManagedPolicies[].policyArn';
  // A policy named by no ARN may be the one that grants everything.
  return arns.every((arn) => arn !== undefined)
    ? explicit(arns as string[], arnPath)
    : unexpectedType(arnPath);
}

/**
 * A principal's list of policies, also where its one entry stands alone as an object, as the
 * aws-cli example of `get-account-authorization-details` writes a group's attached policy.
 */
function entriesOf(value: unknown): readonly unknown[] | undefined {
  if (Array.isArray(value)) return value;
  return asRecord(value) ? [value] : undefined;
}

/**
 * The inline policies (their `policyDocument` is URL-encoded JSON in Config) that allow `*` on
 * `*`, by name, the statements by which the principal may grant itself administrator rights
 * (isEscalationStatement), as `<policy>: <Sid or position>`, and those on the escalation paths
 * through another principal (escalationGrantsOf).
 */
function inlinePolicyFacts(item: ConfigItem, listName: string): InlinePolicyFacts {
  const path = factPath('configuration', listName);
  const entries = entriesOf(field(item.configuration, listName));
  if (!entries) return both(absent(item, path));
  const policies = recordsOf(entries);
  if (!policies) return both(unexpectedType(path));
  const documentPath = `${path}[].policyDocument`;
  const escalates = isEscalationStatement({ ...scopeOf(item), self: item.arn });
  const admin: string[] = [];
  const denied: string[] = [];
  const escalation: string[] = [];
  const grants: AwsEscalationGrant[] = [];
  for (const policy of policies) {
    const raw = field(policy, 'policyDocument');
    // A policy listed without its document may be the one that grants everything.
    if (raw === undefined || raw === null) return both(absent(item, documentPath));
    const document = parsePolicyDocument(raw);
    const statements = document && statementsOf(document);
    // A policy whose document cannot be read may be the one that grants everything.
    if (!statements) return both(unexpectedType(documentPath));
    const name = String(field(policy, 'policyName'));
    if (statements.some(isFullAdminStatement)) admin.push(name);
    if (statements.some(isDenyAllStatement)) denied.push(name);
    statements.forEach((statement, index) => {
      if (escalates(statement)) escalation.push(`${name}: ${statementLabel(statement, index)}`);
    });
    grants.push(...escalationGrantsOf(statements, `${name}: `));
  }
  return {
    fullAdminInlinePolicies: explicit(admin, documentPath),
    denyAllInlinePolicies: explicit(denied, documentPath),
    escalationInlineStatements: explicit(escalation, documentPath),
    escalationGrants: explicit(grants, documentPath),
  };
}

type InlinePolicyFacts = Pick<
  AwsIamPrincipalFacts,
  'fullAdminInlinePolicies' | 'denyAllInlinePolicies' | 'escalationInlineStatements' | 'escalationGrants'
>;

/** The same unknown for every fact of the inline policies. */
function both(fact: Fact<readonly never[]>): InlinePolicyFacts {
  return {
    fullAdminInlinePolicies: fact,
    denyAllInlinePolicies: fact,
    escalationInlineStatements: fact,
    escalationGrants: fact,
  };
}

/** The partition and account of an item's ARNs (`aws` when its own ARN does not say). */
function scopeOf(item: ConfigItem): GrantScope {
  return { partition: arnPart(item.arn, 1) || 'aws', account: item.accountId };
}

/**
 * AWS::IAM::Policy: the statements of the managed policy's default version that allow `*` on
 * `*`. Config lists every version (`policyVersionList[].{versionId, isDefaultVersion,
 * document}`, the document URL-encoded JSON); `get-account-authorization-details` spells them
 * `PolicyVersionList[].{VersionId, IsDefaultVersion, Document}` with the document as JSON.
 * The default version is the one flagged, else the one `defaultVersionId` names.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_PolicyVersion.html
 */
export function iamPolicyFacts(item: ConfigItem): AwsIamPolicyFacts {
  const path = 'configuration.policyVersionList';
  const versions = field(item.configuration, 'policyVersionList');
  if (!Array.isArray(versions)) return policyUnknown(absent(item, path));
  const records = versions.flatMap((version): Record<string, unknown>[] => {
    const record = asRecord(version);
    return record ? [record] : [];
  });
  const defaultId = toStringValue(field(item.configuration, 'defaultVersionId'));
  const chosen =
    records.find((version) => toBoolean(field(version, 'isDefaultVersion')) === true) ??
    records.find((version) => defaultId !== undefined && field(version, 'versionId') === defaultId) ??
    (records.length === 1 ? records[0] : undefined);
  const document = field(chosen, 'document');
  const documentPath = `${path}[].document`;
  if (document === undefined || document === null) return policyUnknown(absent(item, documentPath));
  const policy = parsePolicyDocument(document);
  if (!policy)
    return policyUnknown(
      unknown(documentPath, { ja: 'ポリシーを解析できません', en: 'the policy could not be parsed' }),
    );
  const statements = statementsOf(policy);
  if (!statements) return policyUnknown(unexpectedType(documentPath));
  const labels = (matches: (statement: Record<string, unknown>) => boolean) =>
    explicit(
      statements.flatMap((statement, index) =>
        matches(statement) ? [statementLabel(statement, index)] : [],
      ),
      documentPath,
    );
  return {
    fullAdminStatements: labels(isFullAdminStatement),
    denyAllStatements: labels(isDenyAllStatement),
    escalationStatements: labels(isEscalationStatement(scopeOf(item))),
    escalationGrants: explicit(escalationGrantsOf(statements), documentPath),
  };
}

/** The same unknown for every fact of a managed policy. */
function policyUnknown(fact: Fact<readonly never[]>): AwsIamPolicyFacts {
  return {
    fullAdminStatements: fact,
    denyAllStatements: fact,
    escalationStatements: fact,
    escalationGrants: fact,
  };
}
