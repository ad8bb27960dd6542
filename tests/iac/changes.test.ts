import { describe, expect, it } from 'vitest';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

/**
 * What a plan does to a resource that exists: an update that breaks a setting, and the deletion
 * of the split resource that held it, are failures the plan brings in; a failure that was there
 * before is kept.
 */

type Json = Record<string, unknown>;
const AWS = 'registry.terraform.io/hashicorp/aws';

/** An existing bucket as the provider shows it after refresh: its computed settings are known. */
const BUCKET = {
  arn: 'arn:aws:s3:::city-records',
  bucket: 'city-records',
  id: 'city-records',
  region: 'ap-northeast-1',
  acl: null,
  grant: [{ id: 'c0ffee', permissions: ['FULL_CONTROL'], type: 'CanonicalUser', uri: '' }],
  policy: '',
  logging: [],
  server_side_encryption_configuration: [
    {
      rule: [
        {
          apply_server_side_encryption_by_default: [{ kms_master_key_id: '', sse_algorithm: 'AES256' }],
          bucket_key_enabled: false,
        },
      ],
    },
  ],
  tags: {},
  tags_all: {},
};
const BLOCKS = {
  block_public_acls: true,
  block_public_policy: true,
  ignore_public_acls: true,
  restrict_public_buckets: true,
  bucket: 'city-records',
  id: 'city-records',
};

function change(address: string, actions: string[], before: Json | null, after: Json | null): Json {
  const [type, name] = address.split('.');
  return {
    address,
    mode: 'managed',
    type,
    name,
    provider_name: AWS,
    change: {
      actions,
      before,
      after,
      after_unknown: {},
      before_sensitive: before ? {} : false,
      after_sensitive: after ? {} : false,
    },
  };
}

function plan(...changes: Json[]): Json {
  return {
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: { root_module: {} },
    resource_changes: changes,
    configuration: {
      provider_config: {
        aws: { name: 'aws', full_name: AWS, expressions: { region: { constant_value: 'ap-northeast-1' } } },
      },
      root_module: {},
    },
  };
}

describe('plan changes to resources that exist', () => {
  it('deleting a bucket’s public access block brings in a failure (its blocks go with it)', async () => {
    const scanned = await scanDocument(
      plan(
        change('aws_s3_bucket.records', ['no-op'], BUCKET, BUCKET),
        change('aws_s3_bucket_public_access_block.records', ['delete'], BLOCKS, null),
      ),
    );
    const finding = findingOf(scanned, 'aws.s3.bucket-public-access', 'aws_s3_bucket.records');
    expect(finding.status).toBe('FAIL');
    expect(finding.change).toBe('introduced');
    expect(finding.evidence.map((e) => e.path)).toContain(
      'aws_s3_bucket_public_access_block.records (deleted by the plan)',
    );
    const bucket = resourceOf(scanned, 'aws_s3_bucket.records');
    expect(bucket.origin.iac?.action).toBe('no-op');
  });

  it('a bucket left as it is keeps its failure; a block the plan adds fixes it', async () => {
    const open = {
      ...BLOCKS,
      block_public_acls: false,
      ignore_public_acls: false,
      block_public_policy: false,
      restrict_public_buckets: false,
    };
    const kept = await scanDocument(
      plan(
        change('aws_s3_bucket.records', ['no-op'], BUCKET, BUCKET),
        change('aws_s3_bucket_public_access_block.records', ['no-op'], open, open),
      ),
    );
    const finding = findingOf(kept, 'aws.s3.bucket-public-access', 'aws_s3_bucket.records');
    expect(finding.status).toBe('FAIL');
    expect(finding.change).toBe('kept');

    const fixed = await scanDocument(
      plan(
        change('aws_s3_bucket.records', ['no-op'], BUCKET, BUCKET),
        change('aws_s3_bucket_public_access_block.records', ['update'], open, BLOCKS),
      ),
    );
    expect(findingOf(fixed, 'aws.s3.bucket-public-access', 'aws_s3_bucket.records').status).toBe('PASS');
  });

  it('a replaced resource is new: its failures are brought in by the plan', async () => {
    const volume = {
      availability_zone: 'ap-northeast-1a',
      encrypted: false,
      size: 8,
      id: 'vol-0a',
      arn: 'arn:aws:ec2:ap-northeast-1:123456789012:volume/vol-0a',
    };
    const scanned = await scanDocument(
      plan(change('aws_ebs_volume.data', ['delete', 'create'], volume, { ...volume, size: 16 })),
    );
    const finding = findingOf(scanned, 'common.encryption.disk-at-rest', 'aws_ebs_volume.data');
    expect(finding.status).toBe('FAIL');
    expect(finding.change).toBe('introduced');
    expect(resourceOf(scanned, 'aws_ebs_volume.data').origin.iac?.action).toBe('replace');
  });

  it('an existing bucket without a block in the configuration is not assumed blocked', async () => {
    const scanned = await scanDocument(plan(change('aws_s3_bucket.records', ['no-op'], BUCKET, BUCKET)));
    expect(findingOf(scanned, 'aws.s3.bucket-public-access', 'aws_s3_bucket.records').status).toBe('UNKNOWN');
  });
});
