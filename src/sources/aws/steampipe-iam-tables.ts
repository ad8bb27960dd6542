import { explicit } from '../../model/fact.ts';
import type { SteampipeTable } from '../steampipe-row.ts';
import { asRecord } from './config-item.ts';
import { rowAsConfigItem } from './steampipe-tables.ts';

/** `arn:aws:iam::<account or aws>:role/…` / `:user/…`, as the tables' `akas` give them. */
const iamArn = (kind: 'role' | 'user') => new RegExp(`^arn:aws[a-z-]*:iam::\\d{12}:${kind}/.+$`);

/**
 * The IAM principal's policies as the Steampipe tables (turbot/steampipe-plugin-aws
 * `table_aws_iam_role.go`, `table_aws_iam_user.go`) list them, put back as AWS Config records
 * them: `attached_policy_arns` (ARNs) as `attachedManagedPolicies`, `inline_policies`
 * (`[{PolicyName, PolicyDocument}]`, the document already decoded) as the inline list.
 */
function principalPolicies(
  row: Readonly<Record<string, unknown>>,
  inlineList: string,
): Record<string, unknown> {
  const attached = Array.isArray(row.attached_policy_arns) ? row.attached_policy_arns : [];
  const inline = Array.isArray(row.inline_policies) ? row.inline_policies : [];
  return {
    ...row,
    attachedManagedPolicies: attached.map((arn) => ({
      policyArn: arn,
      policyName: typeof arn === 'string' ? arn.slice(arn.lastIndexOf('/') + 1) : arn,
    })),
    [inlineList]: inline.map((policy) => ({
      policyName: asRecord(policy)?.['PolicyName'],
      policyDocument: asRecord(policy)?.['PolicyDocument'],
    })),
  };
}

/**
 * `aws_iam_role`: the trust policy in `assume_role_policy` (decoded; `assume_role_policy_document`
 * keeps IAM's URL-encoded text), the attached and inline policies. Read as the role's Config item.
 */
export const awsIamRoleTable: SteampipeTable = {
  table: 'aws_iam_role',
  matches: (row) =>
    (row.akas as unknown[]).some((aka) => typeof aka === 'string' && iamArn('role').test(aka)),
  requiredColumns: [
    'name',
    'arn',
    'account_id',
    'assume_role_policy',
    'attached_policy_arns',
    'inline_policies',
  ],
  columnTypes: {
    assume_role_policy: 'json',
    assume_role_policy_std: 'json',
    attached_policy_arns: 'json',
    inline_policies: 'json',
    inline_policies_std: 'json',
    instance_profile_arns: 'json',
    max_session_duration: 'number',
    tags_src: 'json',
  },
  read(row, origin) {
    const role = rowAsConfigItem(
      principalPolicies(row, 'rolePolicyList'),
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
          ['attachedManagedPolicies', 'attachedManagedPolicies'],
          ['rolePolicyList', 'rolePolicyList'],
        ],
        resourceIdColumn: 'role_id',
      },
    );
    return 'skip' in role ? role : [role];
  },
};

/**
 * `aws_iam_user`: the attached and inline policies and `groups` (ListGroupsForUser's
 * `[{GroupName, Arn, …}]`), read as the user's Config item; beside them what Config does not
 * record and the credential report does: `mfa_enabled` (an MFA device listed) and
 * `login_profile` (null: no console password).
 */
export const awsIamUserTable: SteampipeTable = {
  table: 'aws_iam_user',
  matches: (row) =>
    (row.akas as unknown[]).some((aka) => typeof aka === 'string' && iamArn('user').test(aka)),
  requiredColumns: ['name', 'arn', 'account_id', 'attached_policy_arns', 'inline_policies', 'groups'],
  columnTypes: {
    mfa_enabled: 'boolean',
    login_profile: 'json',
    mfa_devices: 'json',
    groups: 'json',
    inline_policies: 'json',
    inline_policies_std: 'json',
    attached_policy_arns: 'json',
    tags_src: 'json',
  },
  read(row, origin) {
    const groups = Array.isArray(row.groups) ? row.groups : [];
    const user = rowAsConfigItem(
      {
        ...principalPolicies(row, 'userPolicyList'),
        groupList: groups.map((group) => asRecord(group)?.['GroupName']),
      },
      origin,
      'AWS::IAM::User',
      typeof row.name === 'string' ? row.name : '',
      {
        configuration: [
          ['name', 'userName'],
          ['arn', 'arn'],
          ['user_id', 'userId'],
          ['path', 'path'],
          ['attachedManagedPolicies', 'attachedManagedPolicies'],
          ['userPolicyList', 'userPolicyList'],
          ['groupList', 'groupList'],
        ],
        resourceIdColumn: 'user_id',
      },
    );
    if ('skip' in user) return user;
    const facts: Record<string, unknown> = { ...user.facts };
    if (typeof row.mfa_enabled === 'boolean') facts.mfaActive = explicit(row.mfa_enabled, 'mfa_enabled');
    // The plugin answers null where IAM has no login profile (NoSuchEntity): no console password.
    if ('login_profile' in row) facts.passwordEnabled = explicit(row.login_profile !== null, 'login_profile');
    return [{ ...user, facts }];
  },
};
