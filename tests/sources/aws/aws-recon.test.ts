import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { awsReconFormat } from '../../../src/sources/aws/aws-recon.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { readInputFile } from '../../../src/sources/read-inputs.ts';
import { ACCOUNT } from './builders.ts';

// darkbitio/aws-recon's default (`aws`) output: lib/aws_recon/lib/formatter.rb wraps each
// collector's `struct.to_h` (the Ruby SDK's snake_case members, with `type` and `arn`).
const entry = (service: string, region: string, resource: object) => ({
  account: ACCOUNT,
  service,
  region,
  resource,
  timestamp: '2026-12-02 09:00:00 UTC',
});
const group = {
  group_id: 'sg-0a1b2c3d',
  group_name: 'ssh',
  owner_id: ACCOUNT,
  vpc_id: 'vpc-01',
  ip_permissions: [
    { ip_protocol: 'tcp', from_port: 22, to_port: 22, ip_ranges: [], ipv_6_ranges: [{ cidr_ipv_6: '::/0' }] },
  ],
  type: 'security_group',
  arn: 'sg-0a1b2c3d',
};

function read(document: unknown) {
  const skipped: { reason: string; index: number | undefined }[] = [];
  const ctx = {
    file: 'output.json',
    skip: (reason: string, at?: { index?: number }) => skipped.push({ reason, index: at?.index }),
  };
  return {
    resources: [...awsReconFormat.read(document, ctx)] as Resource<Record<string, unknown>>[],
    skipped,
  };
}

describe('aws-recon', () => {
  it('is chosen for aws_recon output, in both its formats', () => {
    const custom = {
      account: ACCOUNT,
      name: 'sg-0a1b2c3d',
      service: 'EC2',
      region: 'us-east-1',
      asset_type: 'security_group',
      resource: { data: group, version: 'v1' },
      timestamp: '2026-12-02 09:00:00 UTC',
    };
    for (const document of [[entry('EC2', 'us-east-1', group)], [custom]]) {
      expect(INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(document))?.id).toBe('aws-recon');
      expect(read(document).resources.map((resource) => resource.id)).toEqual([
        `arn:aws:ec2:us-east-1:${ACCOUNT}:security-group/sg-0a1b2c3d`,
      ]);
    }
  });

  it('reads the snake_case members as the API fields Config records (ipv_6_ranges → ipv6Ranges)', () => {
    const { resources } = read([entry('EC2', 'us-east-1', group)]);
    expect(resources[0]).toMatchObject({
      nativeType: 'AWS::EC2::SecurityGroup',
      account: ACCOUNT,
      region: 'us-east-1',
    });
    expect(JSON.stringify(resources[0]?.facts)).toContain('::/0');
  });

  it("places a bucket by its own location, not the collector's global region, its answers as its settings and its tag set as its tags", () => {
    const { resources } = read([
      entry('S3', 'global', {
        name: 'b1',
        type: 'bucket',
        arn: 'arn:aws:s3:::b1',
        location: 'eu-west-1',
        public_access_block: {
          block_public_acls: true,
          ignore_public_acls: true,
          block_public_policy: true,
          restrict_public_buckets: true,
        },
        logging: {},
        tagging: { tag_set: [{ key: 'confidentiality', value: '3' }] },
      }),
    ]);
    expect(resources[0]).toMatchObject({
      id: 'arn:aws:s3:::b1',
      region: 'eu-west-1',
      tags: { confidentiality: '3' },
      facts: { blockPublicAcls: { value: true } },
    });
  });

  it("reads the credential report's parsed rows as the report's", () => {
    const { resources, skipped } = read([
      entry('IAM', 'global', {
        type: 'credential_report',
        arn: `arn:aws:iam::${ACCOUNT}:credential_report/global`,
        content: [
          {
            user: 'ops',
            arn: `arn:aws:iam::${ACCOUNT}:user/ops`,
            user_creation_time: '2024-02-01T09:00:00+00:00',
            password_enabled: 'true',
            password_last_used: 'N/A',
            mfa_active: 'false',
            access_key_1_active: 'false',
            access_key_2_active: 'false',
            cert_1_active: null,
          },
          { user: 'broken', arn: null },
        ],
        report_format: 'text/csv',
      }),
    ]);
    expect(resources).toMatchObject([
      {
        id: `arn:aws:iam::${ACCOUNT}:user/ops`,
        kansaType: 'iam.user',
        facts: { mfaActive: { value: false } },
      },
    ]);
    expect(skipped).toEqual([
      { reason: 'aws-recon IAM.credential_report: row for "broken" has no IAM ARN', index: 0 },
    ]);
  });

  it("reads an RDS replica as one, its members whose acronyms the Ruby SDK lowers under Config's names", () => {
    const { resources } = read([
      entry('RDS', 'us-east-1', {
        db_instance_identifier: 'orders-replica',
        db_instance_arn: `arn:aws:rds:us-east-1:${ACCOUNT}:db:orders-replica`,
        read_replica_source_db_instance_identifier: 'orders',
        publicly_accessible: false,
        storage_encrypted: false,
        type: 'db_instance',
        arn: `arn:aws:rds:us-east-1:${ACCOUNT}:db:orders-replica`,
      }),
    ]);
    expect(resources[0]).toMatchObject({
      id: `arn:aws:rds:us-east-1:${ACCOUNT}:db:orders-replica`,
      facts: { replicaOf: { value: `arn:aws:rds:us-east-1:${ACCOUNT}:db:orders` } },
    });
  });

  const admin = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

  it("reads IAM's authorization details with the documents the collector parsed, a null one as unreadable", () => {
    const { resources } = read([
      entry('IAM', 'global', {
        user_name: 'ops',
        arn: `arn:aws:iam::${ACCOUNT}:user/ops`,
        user_policy_list: [{ policy_name: 'broken', policy_document: null }],
        group_list: ['admins'],
        attached_managed_policies: [],
        mfa_devices: [],
        type: 'user',
      }),
      entry('IAM', 'global', {
        group_name: 'admins',
        arn: `arn:aws:iam::${ACCOUNT}:group/admins`,
        group_policy_list: [{ policy_name: 'everything', policy_document: admin }],
        attached_managed_policies: [],
        type: 'group',
      }),
      entry('IAM', 'global', {
        role_name: 'vendor',
        arn: `arn:aws:iam::${ACCOUNT}:role/vendor`,
        assume_role_policy_document: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: 'arn:aws:iam::999988887777:root' },
              Action: 'sts:AssumeRole',
              Condition: { StringEquals: { 'sts:ExternalId': 'vendor_id_1' } },
            },
          ],
        },
        role_policy_list: [],
        attached_managed_policies: [{ policy_name: 'all', policy_arn: `arn:aws:iam::${ACCOUNT}:policy/all` }],
        type: 'role',
      }),
      entry('IAM', 'global', {
        policy_name: 'all',
        arn: `arn:aws:iam::${ACCOUNT}:policy/all`,
        default_version_id: 'v2',
        policy_version_list: [
          { version_id: 'v1', document: null, is_default_version: false },
          { version_id: 'v2', document: admin, is_default_version: true },
        ],
        type: 'policy',
      }),
    ]);
    const root = `arn:aws:iam::${ACCOUNT}:root`;
    expect(resources.map(({ id, region, kansaType }) => ({ id, region, kansaType }))).toEqual([
      { id: `arn:aws:iam::${ACCOUNT}:user/ops`, region: 'global', kansaType: 'iam.user' },
      { id: root, region: 'global', kansaType: 'account' },
      { id: `arn:aws:iam::${ACCOUNT}:group/admins`, region: 'global', kansaType: 'iam.group' },
      { id: `arn:aws:iam::${ACCOUNT}:role/vendor`, region: 'global', kansaType: 'iam.role' },
      { id: root, region: 'global', kansaType: 'account' },
      { id: `arn:aws:iam::${ACCOUNT}:policy/all`, region: 'global', kansaType: 'iam.policy' },
    ]);
    // The collector lists the account's users and roles whole.
    expect(resources.filter((r) => r.kansaType === 'account').map((r) => r.facts)).toEqual([
      { iamUsersListed: { value: true, source: 'explicit', path: 'IAM.user' } },
      { iamRolesListed: { value: true, source: 'explicit', path: 'IAM.role' } },
    ]);
    const [user, group, role, policy] = resources.filter((r) => r.kansaType !== 'account');
    expect(user?.facts).toMatchObject({
      groups: { value: ['admins'] },
      fullAdminInlinePolicies: { source: 'unknown' },
    });
    expect(group?.facts).toMatchObject({
      name: { value: 'admins' },
      fullAdminInlinePolicies: { value: ['everything'] },
    });
    // The condition key's underscore is the document's, not a member to camel-case.
    expect(role?.facts).toMatchObject({ trustedAccounts: { value: ['999988887777'] } });
    expect(JSON.stringify(role?.facts)).not.toContain('vendorId1');
    expect(policy?.facts).toMatchObject({ fullAdminStatements: { value: [expect.anything()] } });
  });

  it("reads the password policy as the account's, and no entry as no answer", () => {
    const { resources } = read([
      entry('IAM', 'global', {
        minimum_password_length: 14,
        require_symbols: true,
        require_numbers: true,
        require_uppercase_characters: true,
        require_lowercase_characters: true,
        allow_users_to_change_password: true,
        expire_passwords: false,
        type: 'password_policy',
        arn: `arn:aws:iam::${ACCOUNT}:account_password_policy/global`,
      }),
    ]);
    expect(resources).toMatchObject([
      {
        id: `arn:aws:iam::${ACCOUNT}:root`,
        kansaType: 'account',
        facts: {
          passwordPolicySet: { value: true },
          passwordMinimumLength: { value: 14 },
          passwordRequireSymbols: { value: true },
          passwordReusePrevention: { value: 0 },
        },
      },
    ]);
  });

  it("reads VPCs, their flow logs and GuardDuty's detectors, named by EC2's ARNs and the collector's", () => {
    const { resources } = read([
      entry('EC2', 'eu-west-1', {
        vpc_id: 'vpc-01',
        is_default: false,
        type: 'vpc',
        arn: 'vpc-01',
        flow_logs: { flow_log_id: 'fl-01', resource_id: 'vpc-01', flow_log_status: 'ACTIVE' },
      }),
      entry('EC2', 'eu-west-1', {
        flow_log_id: 'fl-01',
        resource_id: 'vpc-01',
        flow_log_status: 'ACTIVE',
        type: 'flow_log',
        arn: 'fl-01',
      }),
      entry('GuardDuty', 'eu-west-1', {
        status: 'DISABLED',
        finding_publishing_frequency: 'SIX_HOURS',
        type: 'detector',
        arn: `arn:aws:guardduty:eu-west-1:${ACCOUNT}:detector/12ab`,
        // GetDetector answers its tags as a map, whose keys are the user's.
        tags: { cost_center: 'sec-01' },
        master_account: {},
      }),
    ]);
    expect(resources.map(({ id, kansaType, tags, facts }) => ({ id, kansaType, tags, facts }))).toMatchObject(
      [
        {
          id: `arn:aws:ec2:eu-west-1:${ACCOUNT}:vpc/vpc-01`,
          kansaType: 'network.vpc',
          facts: { vpcId: { value: 'vpc-01' } },
        },
        {
          id: `arn:aws:ec2:eu-west-1:${ACCOUNT}:vpc-flow-log/fl-01`,
          kansaType: 'network.flow-log',
          facts: { resourceId: { value: 'vpc-01' }, flowLogStatus: { value: 'ACTIVE' } },
        },
        {
          id: `arn:aws:guardduty:eu-west-1:${ACCOUNT}:detector/12ab`,
          kansaType: 'security.service',
          tags: { cost_center: 'sec-01' },
          facts: { enabled: { value: false } },
        },
      ],
    );
  });

  it('skips the types it does not map and malformed entries, naming them', () => {
    const { resources, skipped } = read([
      entry('IAM', 'global', {
        Users: 1,
        type: 'account_summary',
        arn: `arn:aws:iam::${ACCOUNT}:account_summary/global`,
      }),
      { service: 'EC2', region: 'us-east-1', resource: group },
      entry('EC2', 'global', group),
    ]);
    expect(resources).toEqual([]);
    expect(skipped).toEqual([
      { reason: 'aws-recon IAM.account_summary: a resource type kansa does not read', index: 0 },
      {
        reason:
          'an aws-recon entry without its account or resource (expected {account, service, region, resource})',
        index: 1,
      },
      { reason: 'aws-recon EC2.security_group: without its groupId or region', index: 2 },
    ]);
  });

  // `aws_recon -j`: `puts item.to_json` per entry, as collected (lib/aws_recon/aws_recon.rb).
  it('reads --stream-output line by line, a malformed line skipped with its line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kansa-recon-stream-'));
    const file = path.join(dir, 'recon.jsonl');
    const lines = [
      JSON.stringify(entry('EC2', 'us-east-1', group)),
      JSON.stringify(entry('IAM', 'global', { type: 'account_summary', arn: `arn:aws:iam::${ACCOUNT}:x` })),
      '{"account": "truncated',
      JSON.stringify(entry('EC2', 'ap-northeast-1', { ...group, group_id: 'sg-0e0e0e0e' })),
    ];
    await writeFile(file, `${lines.join('\n')}\n`);
    const resources: Resource[] = [];
    const coverage = await readInputFile(file, (resource) => resources.push(resource));
    expect(coverage.format).toBe('aws-recon-stream');
    expect(resources.map((r) => [r.id, r.origin.line])).toEqual([
      [`arn:aws:ec2:us-east-1:${ACCOUNT}:security-group/sg-0a1b2c3d`, 1],
      [`arn:aws:ec2:ap-northeast-1:${ACCOUNT}:security-group/sg-0e0e0e0e`, 4],
    ]);
    expect(coverage.skipped.map((s) => s.line)).toEqual([2, 3]);
    expect(coverage.error).toMatch(/recon\.jsonl:3:/);
  });

  it('reads a stream of one line as its entry', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kansa-recon-stream-'));
    const file = path.join(dir, 'recon.jsonl');
    await writeFile(file, `${JSON.stringify(entry('EC2', 'us-east-1', group))}\n`);
    const resources: Resource[] = [];
    const coverage = await readInputFile(file, (resource) => resources.push(resource));
    expect(coverage.format).toBe('aws-recon-stream');
    expect(resources.map((r) => r.nativeType)).toEqual(['AWS::EC2::SecurityGroup']);
  });

  it("reads a member's collector entry of its organization's trail: the trail where its ARN is, the member's account listing it", () => {
    const member = '444455556666';
    const arn = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/org-audit`;
    const trail = {
      name: 'org-audit',
      s3_bucket_name: 'org-audit-logs',
      include_global_service_events: true,
      is_multi_region_trail: true,
      home_region: 'us-east-1',
      trail_arn: arn,
      log_file_validation_enabled: true,
      is_organization_trail: true,
      type: 'cloud_trail',
      arn,
    };
    const { resources, skipped } = read([{ ...entry('CloudTrail', 'us-east-1', trail), account: member }]);
    expect(skipped).toEqual([]);
    expect(resources.map((resource) => [resource.kansaType, resource.account])).toEqual([
      ['audit.trail', ACCOUNT],
      ['account', member],
    ]);
    expect(resources[1]?.facts['organizationTrails']).toMatchObject({ value: [arn] });
  });

  it("reads get_event_selectors' answer the collector keeps whole under event_selectors as the trail's selectors", () => {
    const arn = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/writes`;
    const trail = (selectors: object) => ({
      name: 'writes',
      is_multi_region_trail: true,
      home_region: 'us-east-1',
      trail_arn: arn,
      has_custom_event_selectors: true,
      type: 'cloud_trail',
      event_selectors: { trail_arn: arn, ...selectors },
      arn,
    });
    const basic = read([
      entry(
        'CloudTrail',
        'us-east-1',
        trail({ event_selectors: [{ read_write_type: 'WriteOnly', include_management_events: true }] }),
      ),
    ]);
    expect(basic.resources[0]?.facts['recordsManagementEvents']).toMatchObject({
      source: 'explicit',
      value: false,
      path: 'configuration.EventSelectors',
    });
    const advanced = read([
      entry(
        'CloudTrail',
        'us-east-1',
        trail({
          advanced_event_selectors: [
            { name: 'Management', field_selectors: [{ field: 'eventCategory', equals: ['Management'] }] },
          ],
        }),
      ),
    ]);
    expect(advanced.resources[0]?.facts['recordsManagementEvents']).toMatchObject({
      source: 'explicit',
      value: true,
      path: 'configuration.AdvancedEventSelectors',
    });
  });
});
