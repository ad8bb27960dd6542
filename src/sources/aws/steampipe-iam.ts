import { asBoolean } from '../../base/boolean.ts';
import type { AwsIamUserFacts } from '../../model/aws.ts';
import { explicit, type Fact, unknown } from '../../model/fact.ts';
import type { Resource } from '../../model/resource.ts';
import { hasAka, type SteampipeTable } from '../steampipe-row.ts';
import { asRecord } from './config-item.ts';
import { iamListingRecord } from './iam-listing.ts';
import { rowAsConfigItem } from './steampipe-tables.ts';

/** The IAM ARN of a principal or policy of one account: `arn:aws:iam::<account>:<kind>/…`. */
const IAM_ARN = (kind: string) => new RegExp(`^arn:aws[a-z-]*:iam::\\d{12}:${kind}/`);

/** The JSON columns of the principals' policies, as every IAM table writes them. */
const POLICY_COLUMN_TYPES: SteampipeTable['columnTypes'] = {
  attached_policy_arns: 'json',
  inline_policies: 'json',
};

/**
 * A principal's policies as AWS Config lists them: `attached_policy_arns` (ARNs) as
 * `attachedManagedPolicies[].{policyArn, policyName}` (the name the ARN ends with), and `inline_policies` (the plugin's
 * `[{PolicyName, PolicyDocument}]`, the document decoded) as `<listName>[].{policyName,
 * policyDocument}`. The plugin gathers both into Go slices, null when the principal has none.
 */
function withPolicies(row: Readonly<Record<string, unknown>>, listName: string): Record<string, unknown> {
  const arns = Array.isArray(row.attached_policy_arns) ? row.attached_policy_arns : [];
  const inline = Array.isArray(row.inline_policies) ? row.inline_policies : [];
  return {
    ...row,
    attached_policy_arns: arns.map((arn) => ({
      policyArn: arn,
      policyName: typeof arn === 'string' ? arn.slice(arn.lastIndexOf('/') + 1) : arn,
    })),
    [listName]: inline.map((policy) => ({
      policyName: asRecord(policy)?.PolicyName,
      policyDocument: asRecord(policy)?.PolicyDocument,
    })),
  };
}

/**
 * Steampipe's `aws_iam_user` (`table_aws_iam_user.go`): ListUsers' User with the user's
 * policies and `groups` (ListGroupsForUser's `[{GroupName, Arn, …}]`), read as the
 * AWS::IAM::User item, and what the credential report tells of the user: `mfa_enabled` (an MFA
 * device assigned), `login_profile` (GetLoginProfile's answer, null on NoSuchEntity: no console
 * password; its `CreateDate` when the password was made), `password_last_used` (null: never used) and `create_date`.
 */
export const awsIamUserTable: SteampipeTable = {
  table: 'aws_iam_user',
  matches: (row) => hasAka(row, IAM_ARN('user')),
  requiredColumns: [
    'name',
    'arn',
    'region',
    'account_id',
    'mfa_enabled',
    'login_profile',
    'groups',
    'attached_policy_arns',
    'inline_policies',
  ],
  columnTypes: { ...POLICY_COLUMN_TYPES, mfa_enabled: 'boolean', login_profile: 'json', groups: 'json' },
  read(row, origin) {
    const groups = Array.isArray(row.groups) ? row.groups : [];
    const user = rowAsConfigItem(
      { ...withPolicies(row, 'user_policies'), groups: groups.map((group) => asRecord(group)?.GroupName) },
      origin,
      'AWS::IAM::User',
      typeof row.name === 'string' ? row.name : '',
      {
        configuration: [
          ['name', 'userName'],
          ['arn', 'arn'],
          ['user_id', 'userId'],
          ['path', 'path'],
          ['groups', 'groupList'],
          ['attached_policy_arns', 'attachedManagedPolicies'],
          ['user_policies', 'userPolicyList'],
        ],
        // Config's resourceId of a user is its unique id (AIDA…), not its name.
        resourceIdColumn: 'user_id',
      },
    );
    if ('skip' in user) return user;
    const facts: AwsIamUserFacts = {
      ...(user.facts as AwsIamUserFacts),
      mfaActive: booleanColumn(row, 'mfa_enabled'),
      passwordEnabled: explicit(row.login_profile !== null, 'login_profile'),
      passwordLastUsed: timeColumn(row, 'password_last_used', null),
      ...passwordSet(row.login_profile),
      createdAt: timeColumn(row, 'create_date'),
    };
    // The table lists the account's users (ListUsers): a row says they were listed.
    return [
      { ...user, facts } as Resource,
      iamListingRecord(user.account, ['iamUsersListed'], 'aws_iam_user', origin),
    ];
  },
};

/** When the password was made: the `login_profile` column's `CreateDate`, where it holds one. */
function passwordSet(profile: unknown): Pick<AwsIamUserFacts, 'passwordSetAt'> {
  const made = asRecord(profile)?.CreateDate;
  return typeof made === 'string' && !Number.isNaN(Date.parse(made))
    ? { passwordSetAt: explicit(made, 'login_profile.CreateDate') }
    : {};
}

/** A boolean column: JSON's boolean, or CSV's `true` / `false` text; unknown where null or unreadable. */
export function booleanColumn(row: Readonly<Record<string, unknown>>, column: string): Fact<boolean> {
  const value = asBoolean(row[column]);
  return value === undefined ? unknown(column, NOT_READ) : explicit(value, column);
}

/** A timestamp column; `never` where it is null (`password_last_used`: the password never used). */
function timeColumn(row: Readonly<Record<string, unknown>>, column: string): Fact<string>;
function timeColumn(row: Readonly<Record<string, unknown>>, column: string, never: null): Fact<string | null>;
function timeColumn(
  row: Readonly<Record<string, unknown>>,
  column: string,
  never?: null,
): Fact<string | null> {
  const value = row[column];
  if (value === null && never === null) return explicit(null, column);
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return explicit(value, column);
  return unknown(column, NOT_READ);
}

/** A column whose cell is null or cannot be read. */
export const NOT_READ = {
  ja: 'Steampipe の行のこの列は空か、読み取れない値です',
  en: 'the Steampipe row’s column is empty or holds a value that cannot be read',
};

/**
 * Steampipe's `aws_iam_role` (`table_aws_iam_role.go`): the role's `assume_role_policy` (its
 * trust policy, decoded) as Config's `assumeRolePolicyDocument`, and its policies.
 */
export const awsIamRoleTable: SteampipeTable = {
  table: 'aws_iam_role',
  matches: (row) => hasAka(row, IAM_ARN('role')),
  requiredColumns: [
    'name',
    'arn',
    'region',
    'account_id',
    'assume_role_policy',
    'attached_policy_arns',
    'inline_policies',
  ],
  columnTypes: { ...POLICY_COLUMN_TYPES, assume_role_policy: 'json' },
  read(row, origin) {
    const role = rowAsConfigItem(
      withPolicies(row, 'role_policies'),
      origin,
      'AWS::IAM::Role',
      typeof row.name === 'string' ? row.name : '',
      {
        configuration: [
          ['name', 'roleName'],
          ['arn', 'arn'],
          ['role_id', 'roleId'],
          ['path', 'path'],
          ['assume_role_policy', 'assumeRolePolicyDocument'],
          ['attached_policy_arns', 'attachedManagedPolicies'],
          ['role_policies', 'rolePolicyList'],
        ],
        // Config's resourceId of a role is its unique id (AROA…), not its name.
        resourceIdColumn: 'role_id',
      },
    );
    if ('skip' in role) return role;
    // The table lists the account's roles (ListRoles): a row says they were listed.
    return [role, iamListingRecord(role.account, ['iamRolesListed'], 'aws_iam_role', origin)];
  },
};

/** Steampipe's `aws_iam_group` (`table_aws_iam_group.go`): the group's policies, which its users hold. */
export const awsIamGroupTable: SteampipeTable = {
  table: 'aws_iam_group',
  matches: (row) => hasAka(row, IAM_ARN('group')),
  requiredColumns: ['name', 'arn', 'region', 'account_id', 'attached_policy_arns', 'inline_policies'],
  columnTypes: POLICY_COLUMN_TYPES,
  read(row, origin) {
    const group = rowAsConfigItem(
      withPolicies(row, 'group_policies'),
      origin,
      'AWS::IAM::Group',
      typeof row.name === 'string' ? row.name : '',
      {
        configuration: [
          ['name', 'groupName'],
          ['arn', 'arn'],
          ['group_id', 'groupId'],
          ['path', 'path'],
          ['attached_policy_arns', 'attachedManagedPolicies'],
          ['group_policies', 'groupPolicyList'],
        ],
        // Config's resourceId of a group is its unique id (AGPA…), not its name.
        resourceIdColumn: 'group_id',
      },
    );
    return 'skip' in group ? group : [group];
  },
};

/**
 * Steampipe's `aws_iam_policy` (`table_aws_iam_policy.go`): a managed policy with `policy`, its
 * default version's document (decoded), put back as Config's one `policyVersionList` entry. The
 * table lists AWS managed policies too (`arn:aws:iam::aws:policy/…`), which Config does not
 * record and the checks know by their ARN: skipped with the reason.
 */
export const awsIamPolicyTable: SteampipeTable = {
  table: 'aws_iam_policy',
  matches: (row) => hasAka(row, /^arn:aws[a-z-]*:iam::(?:\d{12}|aws):policy\//),
  requiredColumns: ['name', 'arn', 'region', 'account_id', 'default_version_id', 'policy'],
  columnTypes: { policy: 'json', is_aws_managed: 'boolean', attachment_count: 'number' },
  read(row, origin) {
    if (typeof row.arn === 'string' && /^arn:aws[a-z-]*:iam::aws:policy\//.test(row.arn))
      return {
        skip: `an AWS managed policy (${row.arn}): the checks know the ones that grant everything by their ARN`,
      };
    const version =
      row.policy === null || row.policy === undefined
        ? undefined
        : [{ versionId: row.default_version_id, isDefaultVersion: true, document: row.policy }];
    const policy = rowAsConfigItem(
      { ...row, policy_versions: version },
      origin,
      'AWS::IAM::Policy',
      typeof row.name === 'string' ? row.name : '',
      {
        configuration: [
          ['name', 'policyName'],
          ['arn', 'arn'],
          ['policy_id', 'policyId'],
          ['path', 'path'],
          ['default_version_id', 'defaultVersionId'],
          ['attachment_count', 'attachmentCount'],
          ['policy_versions', 'policyVersionList'],
        ],
        // Config's resourceId of a managed policy is its unique id (ANPA…), not its name.
        resourceIdColumn: 'policy_id',
      },
    );
    return 'skip' in policy ? policy : [policy];
  },
};
