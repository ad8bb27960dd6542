import type { AwsAccessKey, AwsIamUserFacts } from '../../model/aws.ts';
import { explicitList, type ListUnion } from '../../model/fact.ts';
import type { Origin, Resource } from '../../model/resource.ts';
import { type CloudQueryTable, cloudQueryTime } from '../cloudquery-row.ts';
import { configItemToResource } from './adapters/index.ts';
import { iamParentOf } from './cloudquery-iam-principals.ts';
import { credentialReportRowToResource, reportCell } from './credential-report.ts';
import { iamListingRecord } from './iam-listing.ts';
import { accountResource, noPolicy, readPasswordPolicySettings } from './password-policy.ts';
import { rowAsConfigItem } from './steampipe-tables.ts';

/**
 * The credential report's columns CloudQuery names after its Go struct's fields
 * (`AccessKey1Active` → `access_key1_active`) rather than the report's (`access_key_1_active`).
 */
const REPORT_NAMES: Readonly<Record<string, string>> = {
  access_key1_active: 'access_key_1_active',
  access_key2_active: 'access_key_2_active',
  cert1_active: 'cert_1_active',
  cert2_active: 'cert_2_active',
  access_key1_last_used_region: 'access_key_1_last_used_region',
  access_key1_last_used_service: 'access_key_1_last_used_service',
  access_key2_last_used_region: 'access_key_2_last_used_region',
  access_key2_last_used_service: 'access_key_2_last_used_service',
};

/**
 * `aws_iam_credential_reports` (resources/services/iam/credential_reports.go): GetCredentialReport's
 * CSV parsed into a struct, one row per user and the root user's, `mfa_active` and the
 * `access_keyN_active` flags booleans, times timestamps, and `N/A`, `not_supported` and
 * `no_information` all null (models.DateTime). Each row is put back as the report's row, null as
 * `N/A` (what the report reader takes for "never used" as it does `no_information`), and read as
 * the report is: the account's root row, an iam.user per user.
 */
export const credentialReports: CloudQueryTable = {
  table: 'aws_iam_credential_reports',
  requiredColumns: [
    'user',
    'arn',
    'mfa_active',
    'password_enabled',
    'access_key1_active',
    'access_key2_active',
  ],
  jsonColumns: [],
  read(row, origin) {
    const cells: Record<string, string> = {};
    for (const [column, value] of Object.entries(row)) {
      if (column.startsWith('_cq_')) continue;
      const cell = reportCell(typeof value === 'string' ? cloudQueryTime(value) : value);
      if (cell !== undefined) cells[REPORT_NAMES[column] ?? column] = cell;
    }
    const resource = credentialReportRowToResource(cells, origin);
    return typeof resource === 'string' ? { skip: resource } : [resource];
  },
};

/** The active keys of one user, a row each: they add up, in the order they were made. */
const KEYS_OF_ONE_USER: ListUnion<AwsAccessKey> = {
  key: (key) => key.lastRotated,
  order: (a, b) => Date.parse(a.lastRotated) - Date.parse(b.lastRotated),
};

const KEY_COLUMNS = {
  lastRotated: 'aws_iam_user_access_keys.create_date',
  lastUsed: 'aws_iam_user_access_keys.last_used',
};

/**
 * `aws_iam_user_access_keys` (resources/services/iam/user_access_keys.go): one row per access
 * key of each user, ListAccessKeys' AccessKeyMetadata (`create_date`, `status`) with
 * GetAccessKeyLastUsed's `last_used` (null when never used), keyed by `user_arn`. Each row is a
 * partial record of its user holding the key when Active, none when Inactive: a user's rows add
 * up to its active keys, which the sync lists whole. A user without rows has its keys unknown
 * (CloudQuery writes none both where a user has no key and where the table was not synced).
 */
export const userAccessKeys: CloudQueryTable = {
  table: 'aws_iam_user_access_keys',
  requiredColumns: ['user_arn', 'account_id', 'status', 'create_date'],
  jsonColumns: [],
  read(row, origin) {
    const user = iamParentOf(row, 'user', 'aws_iam_user_access_keys');
    if ('skip' in user) return user;
    const created = typeof row.create_date === 'string' ? cloudQueryTime(row.create_date) : '';
    if (Number.isNaN(Date.parse(created)) || (row.status !== 'Active' && row.status !== 'Inactive'))
      return {
        skip: 'an aws_iam_user_access_keys row whose create_date is no time or status neither Active nor Inactive',
      };
    const used = row.last_used;
    // A version without the column does not tell when the key was last used.
    const lastUsed =
      used === undefined ? {} : { lastUsed: typeof used === 'string' ? cloudQueryTime(used) : null };
    const key: AwsAccessKey = { columns: KEY_COLUMNS, lastRotated: created, ...lastUsed };
    return [keyOwner(user.arn, user.account, user.name, row.status === 'Active' ? [key] : [], origin)];
  },
};

/** The user a key row names, holding that key among its active ones (or none). */
function keyOwner(
  arn: string,
  account: string,
  name: string,
  keys: AwsAccessKey[],
  origin: Origin,
): Resource {
  const facts: AwsIamUserFacts = {
    activeAccessKeys: explicitList(keys, 'aws_iam_user_access_keys.status', KEYS_OF_ONE_USER),
  };
  return {
    provider: 'aws',
    account,
    region: 'global',
    tags: {},
    origin,
    kansaType: 'iam.user',
    nativeType: 'AWS::IAM::User',
    id: arn,
    name,
    facts,
  };
}

/**
 * `aws_iam_password_policies` (resources/services/iam/password_policies.go): one row per account,
 * GetAccountPasswordPolicy's PasswordPolicy in Steampipe's column names
 * (`minimum_password_length`, `require_symbols`, …) and `policy_exists`, false where IAM
 * answered NoSuchEntity: that row's other columns are the empty struct's (false, null), not a
 * policy's settings.
 */
export const passwordPolicies: CloudQueryTable = {
  table: 'aws_iam_password_policies',
  requiredColumns: ['account_id', 'policy_exists'],
  jsonColumns: [],
  read(row, origin) {
    const account = row.account_id;
    if (typeof account !== 'string' || !/^\d{12}$/.test(account))
      return { skip: `account_id "${String(account ?? '')}" is not an AWS account id` };
    if (typeof row.policy_exists !== 'boolean')
      return { skip: 'an aws_iam_password_policies row whose policy_exists is not true or false' };
    const facts = row.policy_exists ? readPasswordPolicySettings({ ...row }, 'column', '') : noPolicy();
    return [accountResource(account, facts, origin)];
  },
};

/**
 * `aws_iam_roles` (resources/services/iam/roles.go): ListRoles' Role with its trust policy
 * URL-decoded into the JSON column `assume_role_policy_document`. The role's policies are rows of
 * other tables (`aws_iam_role_attached_policies`, `aws_iam_role_policies`, one row per policy,
 * cloudquery-iam-principals.ts), merged into the role by its ARN. IAM is global: the table has
 * no region column.
 */
export const iamRoles: CloudQueryTable = {
  table: 'aws_iam_roles',
  requiredColumns: ['arn', 'account_id', 'role_name', 'role_id', 'assume_role_policy_document'],
  jsonColumns: ['assume_role_policy_document', 'tags'],
  read(row, origin) {
    const role = rowAsConfigItem(
      { ...row, region: 'global' },
      origin,
      'AWS::IAM::Role',
      typeof row.role_name === 'string' ? row.role_name : '',
      {
        configuration: [
          ['role_name', 'roleName'],
          ['arn', 'arn'],
          ['role_id', 'roleId'],
          ['path', 'path'],
          ['assume_role_policy_document', 'assumeRolePolicyDocument'],
        ],
        // Config's resourceId of a role is its unique id (AROA…), not its name.
        resourceIdColumn: 'role_id',
      },
    );
    if ('skip' in role) return role;
    // The table lists the account's roles (ListRoles): a row says they were listed.
    return [role, iamListingRecord(role.account, ['iamRolesListed'], 'aws_iam_roles', origin)];
  },
};

/**
 * `aws_iam_policies` (resources/services/iam/policies.go): GetAccountAuthorizationDetails'
 * ManagedPolicyDetail. Until 2023 its versions were the JSON column `policy_version_list`
 * (`[{Document, IsDefaultVersion, VersionId}]`, the document URL-encoded as IAM returns it);
 * since, they are rows of the child table `aws_iam_policy_versions`, and the column is gone:
 * then the statements come from that table's row of the default version, or stay unknown.
 */
export const iamPolicies: CloudQueryTable = {
  table: 'aws_iam_policies',
  requiredColumns: ['arn', 'account_id', 'policy_name'],
  jsonColumns: ['policy_version_list', 'tags'],
  read(row, origin) {
    const policy = rowAsConfigItem(
      { ...row, region: 'global' },
      origin,
      'AWS::IAM::Policy',
      typeof row.policy_name === 'string' ? row.policy_name : '',
      {
        configuration: [
          ['policy_name', 'policyName'],
          ['arn', 'arn'],
          ['policy_id', 'policyId'],
          ['default_version_id', 'defaultVersionId'],
          ['policy_version_list', 'policyVersionList'],
        ],
        resourceIdColumn: 'policy_id',
      },
    );
    return 'skip' in policy ? policy : [policy];
  },
};

/**
 * `aws_iam_policy_versions`: one row per version of a managed policy, keyed by `policy_arn`,
 * the document as IAM returns it (`document`, URL-encoded) and decoded (`document_json`). The
 * default version's row is read as a partial item of the policy holding that version; the
 * others grant nothing and add nothing.
 */
export const iamPolicyVersions: CloudQueryTable = {
  table: 'aws_iam_policy_versions',
  requiredColumns: ['policy_arn', 'account_id', 'is_default_version'],
  jsonColumns: ['document_json'],
  read(row, origin) {
    const policy = iamParentOf(row, 'policy', 'aws_iam_policy_versions');
    if ('skip' in policy) return policy;
    if (row.is_default_version !== true) return [];
    const document = row.document_json ?? row.document;
    return [
      configItemToResource(
        {
          accountId: policy.account,
          region: 'global',
          resourceType: 'AWS::IAM::Policy',
          resourceId: policy.name,
          resourceName: policy.name,
          arn: policy.arn,
          tags: {},
          configuration: {
            policyVersionList: [{ versionId: row.version_id, isDefaultVersion: true, document }],
          },
          supplementary: {},
          partial: true,
          captureTime: undefined,
          deleted: false,
        },
        origin,
      ),
    ];
  },
};
