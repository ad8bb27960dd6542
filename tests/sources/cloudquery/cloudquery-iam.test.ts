import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { Inventory } from '../../../src/scan/inventory.ts';
import { cloudQueryRecords } from '../../../src/sources/cloudquery.ts';
import { fact } from './rows.ts';

// Rows of CloudQuery's IAM principal tables and their child tables as the file destination
// writes them (`format: json`), with the columns of cloudquery/cloudquery
// plugins/source/aws/docs/tables/aws_iam_*.md (see tests/corpus/SOURCES.md).
const ACCOUNT = '111122223333';
const USER = `arn:aws:iam::${ACCOUNT}:user/ops/alice`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/deployer`;
const cq = (columns: Record<string, unknown>): Record<string, unknown> => ({
  _cq_id: '4f0c2b7e-2d1a-4c55-9a61-0c7d4e2b9f10',
  _cq_parent_id: '7a1d0e55-6b2f-4c3e-8d9a-1b2c3d4e5f60',
  _cq_source_name: 'aws',
  _cq_sync_time: '2024-03-11 09:14:05.123456',
  account_id: ACCOUNT,
  ...columns,
});

/** Each file's rows read as the scan reads them, merged by the inventory in that order. */
function scan(files: Record<string, readonly unknown[]>) {
  const skipped: string[] = [];
  const inventory = new Inventory();
  for (const [file, rows] of Object.entries(files)) {
    const ctx = { file, skip: (reason: string) => skipped.push(reason) };
    rows.forEach((row, index) => {
      for (const resource of cloudQueryRecords.read(row, ctx, index + 1)) inventory.add(resource);
    });
  }
  return { resources: [...inventory.all()], skipped };
}
const byId = (resources: readonly Resource[], id: string) => resources.find((resource) => resource.id === id);
const userRow = cq({
  _cq_parent_id: null,
  arn: USER,
  id: 'AIDAEXAMPLEALICE0001',
  user_name: 'alice',
  path: '/ops/',
  create_date: '2023-05-02 01:02:03',
  tags: null,
});
const attached = (arn: string, name: string) =>
  cq({ user_arn: USER, user_id: 'AIDAEXAMPLEALICE0001', policy_arn: arn, policy_name: name });
const inline = (principal: 'user' | 'role', arn: string, name: string, document: unknown) =>
  cq({ [`${principal}_arn`]: arn, [`${principal}_name`]: 'x', policy_name: name, policy_document: document });
const ALLOW_ALL = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const READ_ONLY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }],
};

describe('CloudQuery IAM principals and their child tables (cloudquery)', () => {
  it("adds up one user's attached policies over its rows, whatever file comes first", () => {
    for (const files of [
      {
        'aws_iam_users/a.json': [userRow],
        'aws_iam_user_attached_policies/b.json': [
          attached('arn:aws:iam::aws:policy/ReadOnlyAccess', 'ReadOnlyAccess'),
          attached('arn:aws:iam::aws:policy/AdministratorAccess', 'AdministratorAccess'),
        ],
      },
      {
        'aws_iam_user_attached_policies/b.json': [
          attached('arn:aws:iam::aws:policy/ReadOnlyAccess', 'ReadOnlyAccess'),
          attached('arn:aws:iam::aws:policy/AdministratorAccess', 'AdministratorAccess'),
        ],
        'aws_iam_users/a.json': [userRow],
      },
    ]) {
      const { resources, skipped } = scan(files);
      expect(skipped).toEqual([]);
      // The user, and its account, which aws_iam_users says had its users listed.
      expect(resources.map((r) => r.kansaType).sort()).toEqual(['account', 'iam.user']);
      expect(resources.find((r) => r.kansaType === 'account')?.facts).toEqual({
        iamUsersListed: { value: true, source: 'explicit', path: 'aws_iam_users' },
      });
      const user = byId(resources, USER);
      expect(user).toMatchObject({
        kansaType: 'iam.user',
        name: 'alice',
        region: 'global',
        account: ACCOUNT,
      });
      expect(fact(user, 'attachedPolicyArns')).toMatchObject({
        source: 'explicit',
        value: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/AdministratorAccess'],
        path: 'configuration.attachedManagedPolicies[].policyArn',
      });
      // No aws_iam_user_policies or aws_iam_user_groups rows: not none, unknown.
      expect(fact(user, 'fullAdminInlinePolicies')?.source).toBe('unknown');
      expect(fact(user, 'groups')?.source).toBe('unknown');
    }
  });

  it('reads inline policies (policy_document as JSON or JSON text) and keeps the ones allowing * on *', () => {
    const { resources } = scan({
      'aws_iam_roles.json': [
        cq({
          _cq_parent_id: null,
          arn: ROLE,
          role_id: 'AROAEXAMPLEDEPLOYER1',
          role_name: 'deployer',
          assume_role_policy_document: { Version: '2012-10-17', Statement: [] },
        }),
      ],
      'aws_iam_role_policies.json': [
        inline('role', ROLE, 'read', READ_ONLY),
        inline('role', ROLE, 'everything', JSON.stringify(ALLOW_ALL)),
      ],
    });
    expect(fact(byId(resources, ROLE), 'fullAdminInlinePolicies')).toMatchObject({
      source: 'explicit',
      value: ['everything'],
    });
  });

  it("adds up the escalation grants of a role's inline policies over their rows, and reads the services its trust policy names", () => {
    const statement = (Sid: string, Action: string) => ({
      Version: '2012-10-17',
      Statement: [{ Sid, Effect: 'Allow', Action, Resource: '*' }],
    });
    const { resources } = scan({
      'aws_iam_roles.json': [
        cq({
          _cq_parent_id: null,
          arn: ROLE,
          role_id: 'AROAEXAMPLEDEPLOYER1',
          role_name: 'deployer',
          assume_role_policy_document: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Principal: { Service: 'EC2.amazonaws.com' }, Action: 'sts:AssumeRole' },
            ],
          },
        }),
      ],
      'aws_iam_role_policies.json': [
        inline('role', ROLE, 'pass', statement('Pass', 'iam:PassRole')),
        inline('role', ROLE, 'launch', JSON.stringify(statement('Launch', 'ec2:Run*'))),
      ],
    });
    const role = byId(resources, ROLE);
    expect(fact(role, 'escalationGrants')).toMatchObject({
      source: 'explicit',
      value: [
        { statement: 'pass: Pass', effect: 'Allow', actions: ['iam:PassRole'], resources: ['*'] },
        { statement: 'launch: Launch', effect: 'Allow', actions: ['ec2:RunInstances'], resources: ['*'] },
      ],
    });
    expect(fact(role, 'trustedServices')).toMatchObject({ source: 'explicit', value: ['ec2.amazonaws.com'] });
  });

  it('leaves the list unknown when one of its rows cannot be read, whatever the others hold', () => {
    const { resources } = scan({
      'aws_iam_user_policies.json': [
        inline('user', USER, 'everything', ALLOW_ALL),
        inline('user', USER, 'broken', 'not a policy'),
      ],
    });
    expect(fact(byId(resources, USER), 'fullAdminInlinePolicies')?.source).toBe('unknown');
  });

  it('gives a user its groups and a group its policies, keyed by the parent ARN', () => {
    const group = `arn:aws:iam::${ACCOUNT}:group/admins`;
    const { resources } = scan({
      'aws_iam_user_groups.json': [
        cq({ user_arn: USER, arn: group, group_id: 'AGPAEXAMPLEADMINS001', group_name: 'admins', path: '/' }),
      ],
      'aws_iam_groups.json': [
        cq({ _cq_parent_id: null, arn: group, id: 'AGPAEXAMPLEADMINS001', group_name: 'admins', path: '/' }),
      ],
      'aws_iam_group_attached_policies.json': [
        cq({ group_arn: group, policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess', policy_name: 'x' }),
      ],
    });
    expect(fact(byId(resources, USER), 'groups')).toMatchObject({ source: 'explicit', value: ['admins'] });
    expect(byId(resources, group)).toMatchObject({ kansaType: 'iam.group', name: 'admins' });
    expect(fact(byId(resources, group), 'attachedPolicyArns')?.value).toEqual([
      'arn:aws:iam::aws:policy/AdministratorAccess',
    ]);
  });

  it('skips a child row without its parent ARN', () => {
    const { resources, skipped } = scan({
      'aws_iam_user_attached_policies.json': [
        cq({ user_arn: null, policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess', policy_name: 'x' }),
      ],
    });
    expect(resources).toEqual([]);
    expect(skipped).toEqual(['an aws_iam_user_attached_policies row without its user_arn or account_id']);
  });
  it("reads a customer managed policy's default version, from policy_version_list or aws_iam_policy_versions", () => {
    const policy = `arn:aws:iam::${ACCOUNT}:policy/ops/everything`;
    const policyRow = (columns: Record<string, unknown>) =>
      cq({
        _cq_parent_id: null,
        arn: policy,
        id: 'ANPAEXAMPLEPOLICY001',
        policy_id: 'ANPAEXAMPLEPOLICY001',
        policy_name: 'everything',
        default_version_id: 'v2',
        ...columns,
      });
    const encoded = (document: unknown) => encodeURIComponent(JSON.stringify(document));
    // Before 2023: the versions in the JSON column, documents URL-encoded, the default one flagged.
    const older = scan({
      'aws_iam_policies.json': [
        policyRow({
          policy_version_list: [
            { Document: encoded(READ_ONLY), IsDefaultVersion: false, VersionId: 'v1' },
            { Document: encoded(ALLOW_ALL), IsDefaultVersion: true, VersionId: 'v2' },
          ],
        }),
      ],
    });
    expect(fact(byId(older.resources, policy), 'fullAdminStatements')).toMatchObject({
      source: 'explicit',
      value: [expect.anything()],
    });
    // Since: a row per version in the child table; only the default version's is read.
    for (const versions of [
      [
        cq({ policy_arn: policy, version_id: 'v1', is_default_version: false, document_json: ALLOW_ALL }),
        cq({ policy_arn: policy, version_id: 'v2', is_default_version: true, document_json: READ_ONLY }),
      ],
      [
        cq({ policy_arn: policy, version_id: 'v2', is_default_version: true, document: encoded(READ_ONLY) }),
        cq({ policy_arn: policy, version_id: 'v1', is_default_version: false, document_json: ALLOW_ALL }),
      ],
    ]) {
      const newer = scan({
        'aws_iam_policies.json': [policyRow({})],
        'aws_iam_policy_versions.json': versions,
      });
      expect(newer.resources).toHaveLength(1);
      expect(byId(newer.resources, policy)).toMatchObject({ kansaType: 'iam.policy', name: 'everything' });
      expect(fact(byId(newer.resources, policy), 'fullAdminStatements')).toMatchObject({
        source: 'explicit',
        value: [],
      });
    }
    // The policy row without its versions: what it allows is unknown.
    const alone = scan({ 'aws_iam_policies.json': [policyRow({})] });
    expect(fact(byId(alone.resources, policy), 'fullAdminStatements')?.source).toBe('unknown');
  });
});

describe('CloudQuery aws_iam_user_access_keys (one row per access key of each user)', () => {
  const key = (status: string, created: string, lastUsed: unknown) =>
    cq({
      user_arn: USER,
      user_id: 'AIDAEXAMPLEALICE0001',
      user_name: 'alice',
      access_key_id: `AKIAEXAMPLE${created.slice(0, 4)}`,
      create_date: created,
      status,
      last_used: lastUsed,
      last_used_service_name: lastUsed === null ? null : 's3',
      last_rotated: created,
    });

  it("adds up a user's active keys over its rows, in the order they were made, an Inactive one holding none", () => {
    const { resources, skipped } = scan({
      'aws_iam_users/a.json': [userRow],
      'aws_iam_user_access_keys/b.json': [
        key('Active', '2026-10-15 00:00:00', '2026-11-29 00:00:00'),
        key('Inactive', '2023-01-01 00:00:00', '2023-06-01 00:00:00'),
        key('Active', '2025-02-01 03:00:00', null),
      ],
    });
    expect(skipped).toEqual([]);
    const columns = {
      lastRotated: 'aws_iam_user_access_keys.create_date',
      lastUsed: 'aws_iam_user_access_keys.last_used',
    };
    expect(fact(byId(resources, USER), 'activeAccessKeys')).toMatchObject({
      source: 'explicit',
      value: [
        { columns, lastRotated: '2025-02-01T03:00:00Z', lastUsed: null },
        { columns, lastRotated: '2026-10-15T00:00:00Z', lastUsed: '2026-11-29T00:00:00Z' },
      ],
    });
  });

  it('reads a user whose only key is Inactive as having no active key, and one without rows as unknown', () => {
    const { resources } = scan({
      'aws_iam_user_access_keys/b.json': [key('Inactive', '2022-02-02 00:10:00', null)],
    });
    expect(fact(byId(resources, USER), 'activeAccessKeys')).toMatchObject({ source: 'explicit', value: [] });
    const alone = scan({ 'aws_iam_users/a.json': [userRow] });
    expect(fact(byId(alone.resources, USER), 'activeAccessKeys')?.source ?? 'unknown').toBe('unknown');
  });

  it('leaves the last use out where the row has no last_used column, and skips a row that is no key', () => {
    const { last_used: _dropped, ...withoutLastUse } = key('Active', '2024-05-01 00:00:00', null);
    const { resources, skipped } = scan({
      'aws_iam_user_access_keys/b.json': [withoutLastUse, key('Unknown', '2024-05-01 00:00:00', null)],
    });
    expect(fact(byId(resources, USER), 'activeAccessKeys')?.value).toEqual([
      {
        columns: {
          lastRotated: 'aws_iam_user_access_keys.create_date',
          lastUsed: 'aws_iam_user_access_keys.last_used',
        },
        lastRotated: '2024-05-01T00:00:00Z',
      },
    ]);
    expect(skipped).toEqual([
      'an aws_iam_user_access_keys row whose create_date is no time or status neither Active nor Inactive',
    ]);
  });
});
