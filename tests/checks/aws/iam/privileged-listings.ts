import { expect } from 'vitest';
import { credentialReportFile, jsonFile } from '../../../helpers/exports.ts';
import type { AnyCase } from '../../../helpers/rule-tester.ts';
import {
  ACCOUNT,
  ADMINISTRATOR_ACCESS,
  apiItem,
  iamUserItem,
  rootRow,
} from '../../../sources/aws/builders.ts';
import { roleArn, roleItem } from './role.ts';

type Json = Record<string, unknown>;

/**
 * aws.iam.privileged-principal-count on principals read whole or in part: the count holds for
 * the account only where a listing of its roles and of its users was read (AwsAccountFacts
 * .iamRolesListed / iamUsersListed); an answer naming some principals (a page of a listing, a
 * batch-get of some resources) leaves the others unknown.
 */

const ROOT = credentialReportFile([rootRow('true')]);
const SUPPORT_POLICY = {
  PolicyName: 'AWSSupportServiceRolePolicy',
  PolicyArn: 'arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy',
};
const ADMIN_POLICY = { PolicyName: 'AdministratorAccess', PolicyArn: ADMINISTRATOR_ACCESS.policyArn };

/** `aws iam get-account-authorization-details` (IAM API reference: UserDetail, RoleDetail). */
function authorizationDetails(users: readonly string[], more: Json = {}): Json {
  return {
    UserDetailList: users.map((name) => ({
      Path: '/',
      UserName: name,
      UserId: `AIDA${name.toUpperCase()}`,
      Arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
      CreateDate: '2025-01-01T00:00:00Z',
      GroupList: [],
      AttachedManagedPolicies: [ADMIN_POLICY],
      UserPolicyList: [],
    })),
    GroupDetailList: [],
    RoleDetailList: [
      {
        Path: '/aws-service-role/support.amazonaws.com/',
        RoleName: 'AWSServiceRoleForSupport',
        RoleId: 'AROASUPPORT',
        Arn: roleArn('aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport'),
        CreateDate: '2024-01-01T00:00:00Z',
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'support.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        },
        InstanceProfileList: [],
        RolePolicyList: [],
        AttachedManagedPolicies: [SUPPORT_POLICY],
      },
    ],
    Policies: [],
    IsTruncated: false,
    ...more,
  };
}

const SUPPORT_ROLE = roleItem(
  'AWSServiceRoleForSupport',
  { Effect: 'Allow', Principal: { Service: 'support.amazonaws.com' }, Action: 'sts:AssumeRole' },
  {
    attachedManagedPolicies: [{ policyName: SUPPORT_POLICY.PolicyName, policyArn: SUPPORT_POLICY.PolicyArn }],
  },
);
const adminRole = roleItem('break-glass', undefined, { attachedManagedPolicies: [ADMINISTRATOR_ACCESS] });
const adminUser = (name: string) => iamUserItem(name, { attachedManagedPolicies: [ADMINISTRATOR_ACCESS] });

/** `aws configservice batch-get-resource-config`: the resource keys asked for, no listing. */
const batchGet = (items: readonly Json[]) =>
  jsonFile({ baseConfigurationItems: items.map(apiItem), unprocessedResourceKeys: [] }, 'batch-get.json');

const unlisted = (...facts: string[]) => ({
  assert: (result: { evidence: readonly { path: string; source: string }[] }) => {
    const unknowns = result.evidence.filter((piece) => piece.path.endsWith('Listed'));
    expect(unknowns.map((piece) => [piece.path, piece.source])).toEqual(
      facts.map((fact) => [fact, 'unknown']),
    );
  },
});

export const listingCases: AnyCase[] = [
  {
    name: 'get-account-authorization-details on its last page: users and roles listed',
    records: [
      jsonFile(authorizationDetails(['ops']), `${ACCOUNT}/iam/get-account-authorization-details.json`),
    ],
    status: 'PASS',
    messageId: 'withinLimit',
    data: { count: 1, principals: ['ops'] },
  },
  {
    name: 'a page of get-account-authorization-details with a next one: some principals only',
    records: [
      jsonFile(authorizationDetails(['ops'], { IsTruncated: true, Marker: 'AAEAAQ' }), 'page-1.json'),
      ROOT,
    ],
    status: 'UNKNOWN',
    messageId: 'notListed',
    data: { count: 1 },
    ...unlisted('iamRolesListed'),
  },
  {
    name: 'batch-get-resource-config of some users and roles, with the credential report',
    records: [batchGet([adminUser('a'), SUPPORT_ROLE]), ROOT],
    status: 'UNKNOWN',
    messageId: 'notListed',
    data: { count: 1, principals: ['a'] },
    ...unlisted('iamRolesListed'),
  },
  {
    name: 'batch-get-resource-config of more administrators than the limit',
    records: [batchGet([adminUser('a'), adminUser('b'), adminRole, SUPPORT_ROLE]), ROOT],
    params: { maxPrivilegedPrincipals: 2 },
    status: 'FAIL',
    messageId: 'tooMany',
    data: { count: 3 },
  },
  {
    // A recorder may record roles and not users: a snapshot without a user item lists none.
    name: 'a Config snapshot of roles only, no credential report',
    records: [adminRole, SUPPORT_ROLE],
    status: 'UNKNOWN',
    messageId: 'notListed',
    data: { count: 1, principals: ['break-glass'] },
    ...unlisted('iamUsersListed'),
  },
  {
    // An account may have no user: list-users answering none in the account's folder lists them.
    name: 'a Config snapshot of roles and an empty list-users of the account',
    records: [
      adminRole,
      SUPPORT_ROLE,
      jsonFile({ Users: [], IsTruncated: false }, `${ACCOUNT}/iam/list-users.json`),
    ],
    status: 'PASS',
    messageId: 'withinLimit',
    data: { count: 1, principals: ['break-glass'] },
  },
  {
    // get-group's Users are the group's members, not the account's users.
    name: 'a Config snapshot of roles and a get-group answer with no member',
    records: [
      adminRole,
      SUPPORT_ROLE,
      jsonFile(
        {
          Group: {
            Path: '/',
            GroupName: 'empty',
            GroupId: 'AGPAEMPTY',
            Arn: `arn:aws:iam::${ACCOUNT}:group/empty`,
            CreateDate: '2025-01-01T00:00:00Z',
          },
          Users: [],
          IsTruncated: false,
        },
        `${ACCOUNT}/iam/get-group.json`,
      ),
    ],
    status: 'UNKNOWN',
    messageId: 'notListed',
    ...unlisted('iamUsersListed'),
  },
];
