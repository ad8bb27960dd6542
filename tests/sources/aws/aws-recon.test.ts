import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { awsReconFormat } from '../../../src/sources/aws/aws-recon.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
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

  it('skips the types it does not map and malformed entries, naming them', () => {
    const { resources, skipped } = read([
      entry('EC2', 'us-east-1', { vpc_id: 'vpc-01', type: 'vpc', arn: 'vpc-01' }),
      { service: 'EC2', region: 'us-east-1', resource: group },
      entry('EC2', 'global', group),
    ]);
    expect(resources).toEqual([]);
    expect(skipped).toEqual([
      { reason: 'aws-recon EC2.vpc: a resource type kansa does not read', index: 0 },
      {
        reason:
          'an aws-recon entry without its account or resource (expected {account, service, region, resource})',
        index: 1,
      },
      { reason: 'aws-recon EC2.security_group: without its groupId or region', index: 2 },
    ]);
  });
});
