import { explicitList, type Fact, type ListUnion, unreadableList } from '../../model/fact.ts';
import type { Origin, Resource } from '../../model/resource.ts';
import type { CloudQueryTable } from '../cloudquery-row.ts';
import { configItemToResource } from './adapters/index.ts';
import { iamListingRecord } from './iam-listing.ts';
import { rowAsConfigItem } from './steampipe-tables.ts';

/**
 * CloudQuery's IAM users and groups (resources/services/iam/users.go, groups.go) and the child
 * tables that hold each principal's policies and groups, one row per entry, keyed by the
 * parent's ARN (`user_arn`, `role_arn`, `group_arn`): `aws_iam_{user,role,group}_attached_policies`
 * (ListAttached…Policies' AttachedPolicy), `aws_iam_{user,role,group}_policies` (Get…Policy, the
 * document URL-decoded into the JSON column `policy_document`) and `aws_iam_user_groups`
 * (ListGroupsForUser's Group). Each child row is read as a partial Config item of its parent
 * holding that one entry of `attachedManagedPolicies`, `…PolicyList` or `groupList`, its facts
 * declared lists whose records add up (explicitList): the scan merges the rows of one principal
 * into its lists. A principal with no row in a child table has that list unknown: CloudQuery
 * writes no row both where the principal has no such entry and where the table was not synced.
 */

type Principal = 'user' | 'role' | 'group';

const RESOURCE_TYPES: Readonly<Record<Principal, string>> = {
  user: 'AWS::IAM::User',
  role: 'AWS::IAM::Role',
  group: 'AWS::IAM::Group',
};

/** The facts of a principal its child rows each hold one part of, by the entry's text. */
const LIST_FACTS = [
  'attachedPolicyArns',
  'fullAdminInlinePolicies',
  'denyAllInlinePolicies',
  'escalationInlineStatements',
  'escalationGrants',
  'groups',
] as const;

/** An entry is its text (a name, a statement label) or, for an escalation grant, its JSON. */
const ENTRIES_OF_ONE_PRINCIPAL: ListUnion<unknown> = {
  key: (entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry)),
};

/** IAM is global: its tables have no region column. */
const GLOBAL = 'global';

/** What a child row's parent is: a principal or, for `aws_iam_policy_versions`, a managed policy. */
type IamParent = Principal | 'policy';

/** The parent's name: its ARN's last part, after its kind and path (`…:role/service-role/name`). */
const NAME_IN_ARN: Readonly<Record<IamParent, RegExp>> = {
  user: /:user\/(?:.*\/)?([^/]+)$/,
  role: /:role\/(?:.*\/)?([^/]+)$/,
  group: /:group\/(?:.*\/)?([^/]+)$/,
  policy: /:policy\/(?:.*\/)?([^/]+)$/,
};

const ACCOUNT_ID = /^\d{12}$/;

/** The parent a child row is keyed by (its `<kind>_arn` and `account_id`), or why the row is skipped. */
export function iamParentOf(
  row: Readonly<Record<string, unknown>>,
  kind: IamParent,
  table: string,
): { readonly arn: string; readonly account: string; readonly name: string } | { readonly skip: string } {
  const arnColumn = `${kind}_arn`;
  const arn = row[arnColumn];
  const account = row.account_id;
  const name = typeof arn === 'string' ? NAME_IN_ARN[kind].exec(arn)?.[1] : undefined;
  if (
    name === undefined ||
    typeof arn !== 'string' ||
    typeof account !== 'string' ||
    !ACCOUNT_ID.test(account)
  )
    return { skip: `an ${table} row without its ${arnColumn} or account_id` };
  return { arn, account, name };
}

/** The row's parent as a partial Config item holding `configuration` only, its lists declared unions. */
function principalPart(
  row: Readonly<Record<string, unknown>>,
  origin: Origin,
  principal: Principal,
  configuration: Record<string, unknown>,
  table: string,
): readonly Resource[] | { readonly skip: string } {
  const parent = iamParentOf(row, principal, table);
  if ('skip' in parent) return parent;
  const { arn, account, name } = parent;
  const resource = configItemToResource(
    {
      accountId: account,
      region: GLOBAL,
      resourceType: RESOURCE_TYPES[principal],
      resourceId: name,
      resourceName: name,
      arn,
      tags: {},
      configuration,
      supplementary: {},
      partial: true,
      captureTime: undefined,
      deleted: false,
    },
    origin,
  );
  const facts: Record<string, Fact<unknown> | undefined> = { ...resource.facts };
  const held = Object.keys(configuration);
  for (const key of LIST_FACTS) {
    const fact = facts[key] as Fact<readonly unknown[]> | undefined;
    if (!fact || !held.some((field) => fact.path.startsWith(`configuration.${field}`))) continue;
    facts[key] =
      fact.source === 'unknown'
        ? unreadableList(fact.path, ENTRIES_OF_ONE_PRINCIPAL)
        : explicitList(fact.value, fact.path, ENTRIES_OF_ONE_PRINCIPAL);
  }
  return [{ ...resource, facts }];
}

/** `aws_iam_{user,role,group}_attached_policies`: one attached managed policy (`policy_arn`). */
function attachedPolicies(principal: Principal): CloudQueryTable {
  const table = `aws_iam_${principal}_attached_policies`;
  return {
    table,
    requiredColumns: [`${principal}_arn`, 'account_id', 'policy_arn'],
    jsonColumns: [],
    read: (row, origin) =>
      principalPart(
        row,
        origin,
        principal,
        { attachedManagedPolicies: [{ policyArn: row.policy_arn, policyName: row.policy_name }] },
        table,
      ),
  };
}

/** `aws_iam_{user,role,group}_policies`: one inline policy, its document URL-decoded JSON (`policy_document`). */
function inlinePolicies(principal: Principal): CloudQueryTable {
  const table = `aws_iam_${principal}_policies`;
  return {
    table,
    requiredColumns: [`${principal}_arn`, 'account_id', 'policy_name', 'policy_document'],
    jsonColumns: ['policy_document'],
    read: (row, origin) =>
      principalPart(
        row,
        origin,
        principal,
        {
          [`${principal}PolicyList`]: [{ policyName: row.policy_name, policyDocument: row.policy_document }],
        },
        table,
      ),
  };
}

/** `aws_iam_user_groups`: one group of the user (`group_name`). */
const userGroups: CloudQueryTable = {
  table: 'aws_iam_user_groups',
  requiredColumns: ['user_arn', 'account_id', 'group_name'],
  jsonColumns: [],
  read: (row, origin) =>
    typeof row.group_name === 'string' && row.group_name !== ''
      ? principalPart(row, origin, 'user', { groupList: [row.group_name] }, 'aws_iam_user_groups')
      : { skip: 'an aws_iam_user_groups row without its group_name' },
};

/** `aws_iam_users` (ListUsers' User, `id` its unique id): the user; its policies and groups are child rows. */
const iamUsers: CloudQueryTable = {
  table: 'aws_iam_users',
  requiredColumns: ['arn', 'account_id', 'user_name'],
  jsonColumns: ['tags'],
  read(row, origin) {
    const user = rowAsConfigItem(
      { ...row, region: GLOBAL },
      origin,
      'AWS::IAM::User',
      typeof row.user_name === 'string' ? row.user_name : '',
      {
        configuration: [
          ['user_name', 'userName'],
          ['arn', 'arn'],
          ['id', 'userId'],
          ['path', 'path'],
        ],
        resourceIdColumn: 'id',
      },
    );
    if ('skip' in user) return user;
    // The table lists the account's users (ListUsers): a row says they were listed.
    return [user, iamListingRecord(user.account, ['iamUsersListed'], 'aws_iam_users', origin)];
  },
};

/** `aws_iam_groups` (ListGroups' Group): the group; its policies are child rows. */
const iamGroups: CloudQueryTable = {
  table: 'aws_iam_groups',
  requiredColumns: ['arn', 'account_id', 'group_name'],
  jsonColumns: [],
  read(row, origin) {
    const group = rowAsConfigItem(
      { ...row, region: GLOBAL },
      origin,
      'AWS::IAM::Group',
      typeof row.group_name === 'string' ? row.group_name : '',
      {
        configuration: [
          ['group_name', 'groupName'],
          ['arn', 'arn'],
          ['id', 'groupId'],
          ['path', 'path'],
        ],
        resourceIdColumn: 'id',
      },
    );
    return 'skip' in group ? group : [group];
  },
};

/** The CloudQuery IAM principal tables and their child tables. */
export const AWS_CLOUDQUERY_PRINCIPAL_TABLES: readonly CloudQueryTable[] = [
  iamUsers,
  iamGroups,
  userGroups,
  attachedPolicies('user'),
  attachedPolicies('role'),
  attachedPolicies('group'),
  inlinePolicies('user'),
  inlinePolicies('role'),
  inlinePolicies('group'),
];
