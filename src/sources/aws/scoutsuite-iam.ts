import type { AwsAccessKey, AwsAccountFacts, AwsIamUserFacts } from '../../model/aws.ts';
import { explicit, unknown } from '../../model/fact.ts';
import type { Resource } from '../../model/resource.ts';
import { membersOf } from '../scoutsuite-scopes.ts';
import { asRecord } from './config-item.ts';
import { credentialReportRowToResource } from './credential-report.ts';
import { type IamListedFact, iamListingRecord } from './iam-listing.ts';
import { accountResource, readPasswordPolicySettings } from './password-policy.ts';
import { type ScoutRun, scoutResource } from './scoutsuite-item.ts';

/*
 * ScoutSuite's IAM (ScoutSuite/providers/aws/resources/iam, facade/iam.py): users, groups and
 * roles with their inline policies, the managed policies attached to any of them with the
 * principals they are attached to, the credential report's rows and the password policy.
 */

export function* iamResources(iam: Record<string, unknown> | undefined, run: ScoutRun): Generator<Resource> {
  if (!iam) return;
  // First: a user's credential-report row tells more of its keys than its own record does.
  for (const [, row] of membersOf(iam.credential_reports)) {
    const resource = credentialReportRowToResource(reportRow(row), { file: run.ctx.file });
    if (typeof resource === 'string') run.ctx.skip(`ScoutSuite IAM credential report: ${resource}`);
    else yield resource;
  }
  const policy = asRecord(iam.password_policy);
  if (policy) yield accountResource(run.account, passwordPolicyFacts(policy), { file: run.ctx.file });
  const attached = attachedPolicies(iam.policies);
  for (const [id, user] of membersOf(iam.users)) {
    const resource = principal('AWS::IAM::User', id, user, run, {
      ...(Array.isArray(user.groups) && { groupList: user.groups }),
      ...inlinePolicies(user, 'userPolicyList'),
      ...attached('users', user.name),
    });
    if (resource) yield { ...resource, facts: { ...resource.facts, ...userCredentials(user) } };
  }
  for (const [id, group] of membersOf(iam.groups)) {
    const resource = principal('AWS::IAM::Group', id, group, run, {
      ...inlinePolicies(group, 'groupPolicyList'),
      ...attached('groups', group.name),
    });
    if (resource) yield resource;
  }
  for (const [id, role] of membersOf(iam.roles)) {
    const trust = asRecord(asRecord(role.assume_role_policy)?.PolicyDocument);
    const resource = principal('AWS::IAM::Role', id, role, run, {
      ...(trust && { assumeRolePolicyDocument: trust }),
      ...inlinePolicies(role, 'rolePolicyList'),
      ...attached('roles', role.name),
    });
    if (resource) yield resource;
  }
  // ScoutSuite lists the account's users and roles (ListUsers, ListRoles) into these maps, empty
  // where it has none.
  const members = SCOUT_PRINCIPAL_MAPS.filter(({ member }) => asRecord(iam[member]));
  if (members.length > 0) {
    const path = members.map(({ member }) => `services.iam.${member}`).join(', ');
    const listed = members.map(({ fact }) => fact);
    yield iamListingRecord(run.account, listed, path, { file: run.ctx.file });
  }
  for (const [id, managed] of membersOf(iam.policies)) {
    const document = asRecord(managed.PolicyDocument);
    const resource = principal('AWS::IAM::Policy', id, managed, run, {
      // get_policy_version's document of the default version.
      ...(document && { policyVersionList: [{ isDefaultVersion: true, document }] }),
    });
    if (resource) yield resource;
  }
}

const SCOUT_PRINCIPAL_MAPS: readonly { member: string; fact: IamListedFact }[] = [
  { member: 'users', fact: 'iamUsersListed' },
  { member: 'roles', fact: 'iamRolesListed' },
];

const NAME_MEMBER: Readonly<Record<string, string>> = {
  'AWS::IAM::User': 'userName',
  'AWS::IAM::Group': 'groupName',
  'AWS::IAM::Role': 'roleName',
  'AWS::IAM::Policy': 'policyName',
};

/** A user, group, role or managed policy (`id`, `name`, `arn`) as its Config item. */
function principal(
  resourceType: string,
  id: string,
  record: Record<string, unknown>,
  run: ScoutRun,
  configuration: Record<string, unknown>,
): Resource | undefined {
  const { name, arn } = record;
  if (typeof name !== 'string' || typeof arn !== 'string' || !arn.startsWith('arn:')) {
    run.ctx.skip(`a ScoutSuite ${resourceType} without its name or ARN (${id})`);
    return undefined;
  }
  return scoutResource(
    {
      resourceType,
      id: name,
      region: 'global',
      arn,
      configuration: { [NAME_MEMBER[resourceType]!]: name, arn, ...configuration },
      tags: record.Tags,
    },
    run,
  );
}

/**
 * `inline_policies`: `{<hash>: {name, PolicyDocument}}`. ScoutSuite sets `inline_policies_count`
 * once ListUserPolicies (…Group…, …Role…) answered; without it the list is `{}` because the call
 * failed, and the inline policies are unknown.
 */
function inlinePolicies(record: Record<string, unknown>, listName: string): Record<string, unknown> {
  if (typeof record.inline_policies_count !== 'number') return {};
  const policies = membersOf(record.inline_policies).map(([, policy]) => ({
    policyName: policy.name,
    policyDocument: policy.PolicyDocument ?? null,
  }));
  return { [listName]: policies };
}

/**
 * The managed policies attached to each principal, from the policies' side: ScoutSuite lists the
 * account's attached policies (ListPolicies OnlyAttached, AWS managed ones too) with the users,
 * groups and roles each is attached to (`attached_to.{users,groups,roles}[].name`). Without the
 * list, what is attached is unknown; so with an empty one, which is what ScoutSuite keeps when
 * the listing failed (its children's errors are swallowed, their collection left empty), since
 * every account has policies attached (the service-linked roles AWS creates in each, such as
 * AWSServiceRoleForSupport, hold theirs).
 */
function attachedPolicies(policies: unknown) {
  const listed = membersOf(policies).length > 0;
  const byPrincipal = new Map<string, { policyArn: string; policyName: unknown }[]>();
  for (const [, policy] of membersOf(policies)) {
    if (typeof policy.arn !== 'string') continue;
    for (const [kind, entities] of Object.entries(asRecord(policy.attached_to) ?? {}))
      for (const entity of Array.isArray(entities) ? entities : []) {
        const key = `${kind}/${String(asRecord(entity)?.name)}`;
        byPrincipal.set(key, [
          ...(byPrincipal.get(key) ?? []),
          { policyArn: policy.arn, policyName: policy.name },
        ]);
      }
  }
  return (kind: string, name: unknown): Record<string, unknown> =>
    listed ? { attachedManagedPolicies: byPrincipal.get(`${kind}/${String(name)}`) ?? [] } : {};
}

/**
 * A credential-report row as ScoutSuite keeps it: the CSV's cells, with the time columns' `N/A`
 * and `no_information` made null (credentialreports.py `_sanitize_date`), which the report's
 * reader takes back as `N/A`; ScoutSuite's own additions (`mfa_active_hardware`, …) are not cells.
 */
function reportRow(row: Record<string, unknown>): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [column, value] of Object.entries(row)) {
    if (typeof value === 'string') cells[column] = value;
    else if (value === null) cells[column] = 'N/A';
  }
  return cells;
}

/**
 * What the user's own record tells of its credentials, where the credential report does not
 * (ScoutSuite could not generate it): `LoginProfile` (set when the user has a console password,
 * its `CreateDate` when the password was made; absent both when it has none and when the call
 * failed), `MFADevices` (null when the call
 * failed), `AccessKeys` (absent when it failed; CreateDate is when a key was made, which is its
 * last rotation; ListAccessKeys does not tell when a key was last used) and ListUsers'
 * `CreateDate` and `PasswordLastUsed`, which is absent when the password was never used (since
 * IAM began tracking, October 2014), as the report's `password_last_used` N/A or no_information.
 */
function userCredentials(user: Record<string, unknown>): AwsIamUserFacts {
  const facts: { -readonly [K in keyof AwsIamUserFacts]: AwsIamUserFacts[K] } = {};
  if (typeof user.CreateDate === 'string') facts.createdAt = explicit(isoTime(user.CreateDate), 'CreateDate');
  const profile = asRecord(user.LoginProfile);
  if (profile) {
    facts.passwordEnabled = explicit(true, 'LoginProfile');
    if (typeof profile.CreateDate === 'string')
      facts.passwordSetAt = explicit(isoTime(profile.CreateDate), 'LoginProfile.CreateDate');
    facts.passwordLastUsed = explicit(
      typeof user.PasswordLastUsed === 'string' ? isoTime(user.PasswordLastUsed) : null,
      'PasswordLastUsed',
    );
  }
  if (Array.isArray(user.MFADevices)) facts.mfaActive = explicit(user.MFADevices.length > 0, 'MFADevices');
  if (Array.isArray(user.AccessKeys)) {
    const keys = user.AccessKeys.map(asRecord);
    const active = keys.filter((key) => key?.Status === 'Active');
    if (keys.every((key) => key !== undefined) && active.every((key) => typeof key?.CreateDate === 'string'))
      facts.activeAccessKeys = explicit(
        active.slice(0, 2).map(
          (key, index): AwsAccessKey => ({
            slot: index === 0 ? 1 : 2,
            lastRotated: isoTime(String(key?.CreateDate)),
          }),
        ),
        'AccessKeys',
      );
  }
  return facts;
}

/** A time as ScoutSuite writes boto3's datetimes (Python's str: `2024-02-01 08:00:00+00:00`), in ISO 8601. */
function isoTime(value: string): string {
  return value.replace(/^(\d{4}-\d{2}-\d{2}) (?=\d{2}:)/, '$1T');
}

/**
 * `password_policy`: GetAccountPasswordPolicy's PasswordPolicy, `PasswordReusePrevention` made a
 * boolean and its count moved to `PreviousPasswordPrevented` (passwordpolicy.py). Where IAM
 * answered nothing ScoutSuite writes a stand-in (`MinimumPasswordLength` "1", a string, every
 * rule false), alike for NoSuchEntity and for a call that failed: whether a policy is set is
 * unknown then.
 */
function passwordPolicyFacts(policy: Record<string, unknown>): AwsAccountFacts {
  if (policy.MinimumPasswordLength === '1')
    return {
      passwordPolicySet: unknown('services.iam.password_policy', {
        ja: 'ScoutSuite はパスワードポリシーが未設定の場合も取得に失敗した場合も同じ代替値（MinimumPasswordLength "1"）を書きます',
        en: 'ScoutSuite writes the same stand-in (MinimumPasswordLength "1") when no password policy is set and when reading it failed',
      }),
    };
  const { PasswordReusePrevention: reuse, PreviousPasswordPrevented: count, ...settings } = policy;
  return readPasswordPolicySettings(
    {
      ...settings,
      // false: not set (IAM's default, 0); true without its count cannot be told.
      ...(reuse !== false && { PasswordReusePrevention: typeof count === 'number' ? count : reuse }),
    },
    'api',
    'services.iam.password_policy.',
  );
}
