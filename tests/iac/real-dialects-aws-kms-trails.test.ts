import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

/**
 * KMS keys a store names by ARN where the plan or state shows the key by other means than a
 * reference to an `aws_kms_key` it creates (SOURCES.md, "Dialects of public plans"): a key read
 * while planning with `data.aws_kms_key` (by its alias, as configurations name keys made
 * elsewhere), and a state, which has no configuration, so the store names the state's own key by
 * its ARN only. And CloudTrail trails, which a plan or state shows only as far as its
 * configuration manages them.
 */

const ACCOUNT = '413987654321';
const CMK = 'aws.s3.bucket-cmk-encryption';
const MULTI_REGION = 'aws.cloudtrail.multi-region-trail';
const providers = { aws: { region: constant('ap-northeast-1'), allowed_account_ids: constant([ACCOUNT]) } };
const keyArn = (id: string) => `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/${id}`;

const bucket = (name: string): Change => ({
  address: `aws_s3_bucket.${name}`,
  after: { bucket: `kansa-${name}`, force_destroy: false },
  afterUnknown: { arn: true, id: true, server_side_encryption_configuration: true, policy: true },
  expressions: { bucket: constant(`kansa-${name}`) },
});
const encryption = (name: string, key: string, keyExpression: Json): Change => ({
  address: `aws_s3_bucket_server_side_encryption_configuration.${name}`,
  after: {
    bucket: `kansa-${name}`,
    expected_bucket_owner: null,
    rule: [
      {
        apply_server_side_encryption_by_default: [{ kms_master_key_id: key, sse_algorithm: 'aws:kms' }],
        bucket_key_enabled: true,
      },
    ],
  },
  afterUnknown: { id: true },
  expressions: {
    bucket: ref(`aws_s3_bucket.${name}.id`, `aws_s3_bucket.${name}`),
    rule: [{ apply_server_side_encryption_by_default: [{ kms_master_key_id: keyExpression }] }],
  },
});
/** `data.aws_kms_key` as the provider reads it (DescribeKey): `id` the key id, `arn`, `key_manager`. */
const keyRead = (name: string, id: string, keyManager: string, alias: string): Json => ({
  address: `data.aws_kms_key.${name}`,
  mode: 'data',
  type: 'aws_kms_key',
  name,
  provider_name: 'registry.terraform.io/hashicorp/aws',
  schema_version: 0,
  values: {
    arn: keyArn(id),
    aws_account_id: ACCOUNT,
    customer_master_key_spec: 'SYMMETRIC_DEFAULT',
    description:
      keyManager === 'AWS' ? 'Default key that protects my S3 objects when no other key is defined' : '',
    enabled: true,
    id,
    key_id: alias,
    key_manager: keyManager,
    key_spec: 'SYMMETRIC_DEFAULT',
    key_state: 'Enabled',
    key_usage: 'ENCRYPT_DECRYPT',
    multi_region: false,
    origin: 'AWS_KMS',
  },
});

function planReadingKeys(changes: Change[], reads: Json[]): Json {
  const document = plan(changes, { providers });
  const configuration = document.configuration as { root_module: { resources: Json[] } };
  for (const read of reads)
    configuration.root_module.resources.push({
      address: read.address,
      mode: 'data',
      type: read.type,
      name: read.name,
      provider_config_key: 'aws',
      expressions: {},
      schema_version: 0,
    });
  return {
    ...document,
    prior_state: { format_version: '1.0', values: { root_module: { resources: reads } } },
  };
}

describe('KMS keys read while planning (data.aws_kms_key)', () => {
  const customerId = '0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b';
  const awsId = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
  const document = planReadingKeys(
    [
      bucket('customer'),
      encryption('customer', keyArn(customerId), ref('data.aws_kms_key.app.arn', 'data.aws_kms_key.app')),
      bucket('managed'),
      encryption('managed', keyArn(awsId), ref('data.aws_kms_key.s3.arn', 'data.aws_kms_key.s3')),
    ],
    [keyRead('app', customerId, 'CUSTOMER', 'alias/app-data'), keyRead('s3', awsId, 'AWS', 'alias/aws/s3')],
  );

  it('passes a bucket whose key the data source shows customer managed, naming key_manager', async () => {
    const scanned = await scanDocument(document);
    const finding = findingOf(scanned, CMK, 'aws_s3_bucket.customer');
    expect(finding.status).toBe('PASS');
    expect(finding.evidence.map((e) => e.resourceId)).toContain(keyArn(customerId));
    expect(resourceOf(scanned, keyArn(customerId)).origin.iac).toEqual({
      address: 'data.aws_kms_key.app',
      action: 'read',
    });
  });

  it('fails a bucket whose key, read by alias/aws/s3, is AWS managed', async () => {
    expect(findingOf(await scanDocument(document), CMK, 'aws_s3_bucket.managed').status).toBe('FAIL');
  });

  it('judges the plan’s own key of the same ARN, not the data source that reads it', async () => {
    const key: Change = {
      address: 'aws_kms_key.app',
      actions: ['no-op'],
      before: { arn: keyArn(customerId), enable_key_rotation: true, id: customerId, is_enabled: true },
      after: { arn: keyArn(customerId), enable_key_rotation: true, id: customerId, is_enabled: true },
    };
    const scanned = await scanDocument(
      planReadingKeys([key], [keyRead('app', customerId, 'CUSTOMER', 'alias/app-data')]),
    );
    expect(scanned.resources.map((r) => r.id)).toEqual(['aws_kms_key.app']);
  });
});

describe('KMS keys named through their aliases', () => {
  const planKey: Change = {
    address: 'aws_kms_key.data',
    after: { description: 'data', enable_key_rotation: true, is_enabled: true },
    afterUnknown: { arn: true, id: true, key_id: true },
  };
  const planAlias: Change = {
    address: 'aws_kms_alias.data',
    after: { name: 'alias/kansa-data' },
    afterUnknown: { arn: true, id: true, target_key_arn: true, target_key_id: true },
    expressions: {
      name: constant('alias/kansa-data'),
      target_key_id: ref('aws_kms_key.data.key_id', 'aws_kms_key.data'),
    },
  };
  /** `data.aws_kms_alias` as the provider reads it: `name`, `target_key_arn`, `target_key_id`. */
  const aliasRead = (name: string, alias: string, id: string): Json => ({
    address: `data.aws_kms_alias.${name}`,
    mode: 'data',
    type: 'aws_kms_alias',
    name,
    provider_name: 'registry.terraform.io/hashicorp/aws',
    schema_version: 0,
    values: {
      arn: `arn:aws:kms:ap-northeast-1:${ACCOUNT}:${alias}`,
      id: `arn:aws:kms:ap-northeast-1:${ACCOUNT}:${alias}`,
      name: alias,
      target_key_arn: keyArn(id),
      target_key_id: id,
    },
  });

  it('passes a bucket whose key is the ARN of an alias the plan makes (known after apply)', async () => {
    const unknownKey = encryption('via_alias', '', ref('aws_kms_alias.data.arn', 'aws_kms_alias.data'));
    const rule = (unknownKey.after as { rule: { apply_server_side_encryption_by_default: Json[] }[] })
      .rule[0]!;
    delete rule.apply_server_side_encryption_by_default[0]!.kms_master_key_id;
    const document = plan(
      [
        planKey,
        planAlias,
        bucket('via_alias'),
        {
          ...unknownKey,
          afterUnknown: {
            id: true,
            rule: [{ apply_server_side_encryption_by_default: [{ kms_master_key_id: true }] }],
          },
        },
      ],
      { providers },
    );
    const finding = findingOf(await scanDocument(document), CMK, 'aws_s3_bucket.via_alias');
    expect(finding.status).toBe('PASS');
  });

  it('judges a key read by data.aws_kms_alias by the alias: alias/aws/s3 is AWS managed, another customer managed', async () => {
    const managedId = '5e4d3c2b-1a09-4f8e-8d7c-6b5a4f3e2d1c';
    const sharedId = '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f';
    const document = planReadingKeys(
      [
        bucket('managed'),
        encryption(
          'managed',
          keyArn(managedId),
          ref('data.aws_kms_alias.s3.target_key_arn', 'data.aws_kms_alias.s3'),
        ),
        bucket('shared'),
        encryption(
          'shared',
          keyArn(sharedId),
          ref('data.aws_kms_alias.shared.target_key_arn', 'data.aws_kms_alias.shared'),
        ),
      ],
      [aliasRead('s3', 'alias/aws/s3', managedId), aliasRead('shared', 'alias/platform/shared', sharedId)],
    );
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, CMK, 'aws_s3_bucket.managed').status).toBe('FAIL');
    expect(findingOf(scanned, CMK, 'aws_s3_bucket.shared').status).toBe('PASS');
  });

  it('reads a key that data.aws_kms_key and data.aws_kms_alias both read as one resource, as DescribeKey shows it', async () => {
    const id = '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d';
    const document = planReadingKeys(
      [
        bucket('shared'),
        encryption(
          'shared',
          keyArn(id),
          ref('data.aws_kms_alias.shared.target_key_arn', 'data.aws_kms_alias.shared'),
        ),
      ],
      [
        aliasRead('shared', 'alias/platform/shared', id),
        keyRead('shared', id, 'CUSTOMER', 'alias/platform/shared'),
      ],
    );
    const scanned = await scanDocument(document);
    const keys = scanned.resources.filter((r) => r.id === keyArn(id));
    expect(keys.map((key) => key.origin.iac?.address)).toEqual(['data.aws_kms_key.shared']);
    expect(scanned.coverage.resources).toBe(2);
    expect(findingOf(scanned, CMK, 'aws_s3_bucket.shared').status).toBe('PASS');
  });
});

/** A state of AWS provider 5.x resources, as `terraform state pull` writes it. */
function state(resources: { type: string; name: string; attributes: Json }[]): Json {
  return {
    version: 4,
    terraform_version: '1.9.8',
    serial: 3,
    lineage: '3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b',
    outputs: {},
    resources: resources.map(({ type, name, attributes }) => ({
      mode: 'managed',
      type,
      name,
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [{ schema_version: 0, attributes, sensitive_attributes: [] }],
    })),
  };
}

describe('a state’s store naming the state’s key by ARN', () => {
  it('passes a bucket encrypted with the state’s aws_kms_key (no configuration links them)', async () => {
    const id = '4b1c9e2a-6d3f-4a5b-8c7d-9e0f1a2b3c4d';
    const scanned = await scanDocument(
      state([
        {
          type: 'aws_kms_key',
          name: 'data',
          attributes: { arn: keyArn(id), enable_key_rotation: true, id, is_enabled: true, key_id: id },
        },
        {
          type: 'aws_s3_bucket',
          name: 'data',
          attributes: {
            arn: 'arn:aws:s3:::kansa-data',
            bucket: 'kansa-data',
            id: 'kansa-data',
            region: 'ap-northeast-1',
          },
        },
        {
          type: 'aws_s3_bucket_server_side_encryption_configuration',
          name: 'data',
          attributes: {
            bucket: 'kansa-data',
            expected_bucket_owner: '',
            id: 'kansa-data',
            rule: [
              {
                apply_server_side_encryption_by_default: [
                  { kms_master_key_id: keyArn(id), sse_algorithm: 'aws:kms' },
                ],
                bucket_key_enabled: true,
              },
            ],
          },
        },
      ]),
      'terraform.tfstate',
    );
    const finding = findingOf(scanned, CMK, 'aws_s3_bucket.data');
    expect(finding.status).toBe('PASS');
  });
});

describe('CloudTrail trails a plan or state shows', () => {
  const trail = (name: string, multiRegion: boolean): Change => ({
    address: `aws_cloudtrail.${name}`,
    after: {
      enable_log_file_validation: true,
      enable_logging: true,
      is_multi_region_trail: multiRegion,
      is_organization_trail: false,
      name,
      s3_bucket_name: 'kansa-trail',
    },
    afterUnknown: { arn: true, home_region: true, id: true },
    expressions: { name: constant(name), is_multi_region_trail: constant(multiRegion) },
  });
  const root = `arn:aws:iam::${ACCOUNT}:root`;

  it('leaves the account unknown when the plan’s trails are all single-Region: others may exist', async () => {
    const finding = findingOf(
      await scanDocument(plan([trail('regional', false)], { providers })),
      MULTI_REGION,
      root,
    );
    expect(finding.status).toBe('UNKNOWN');
    expect(finding.messageId).toBe('notInPlan');
  });

  it('passes the account when the plan makes a multi-Region trail that logs (enable_logging)', async () => {
    const scanned = await scanDocument(plan([trail('regional', false), trail('all', true)], { providers }));
    expect(findingOf(scanned, MULTI_REGION, root)).toMatchObject({
      status: 'PASS',
      messageId: 'multiRegionLogging',
    });
  });

  it('leaves the account unknown when the plan makes its multi-Region trail stopped (enable_logging = false)', async () => {
    const stopped = trail('all', true);
    const document = plan([{ ...stopped, after: { ...stopped.after, enable_logging: false } }], {
      providers,
    });
    const finding = findingOf(await scanDocument(document), MULTI_REGION, root);
    expect(finding).toMatchObject({ status: 'UNKNOWN', messageId: 'notInPlan' });
    expect(finding.evidence.map((e) => e.path)).toContain('aws_cloudtrail.all.enable_logging');
  });

  it('leaves the account unknown when a state’s only trail is single-Region', async () => {
    const scanned = await scanDocument(
      state([
        {
          type: 'aws_cloudtrail',
          name: 'regional',
          attributes: {
            arn: `arn:aws:cloudtrail:ap-northeast-1:${ACCOUNT}:trail/regional`,
            enable_log_file_validation: true,
            home_region: 'ap-northeast-1',
            is_multi_region_trail: false,
            is_organization_trail: false,
            name: 'regional',
          },
        },
      ]),
      'terraform.tfstate',
    );
    expect(findingOf(scanned, MULTI_REGION, root).status).toBe('UNKNOWN');
  });
});
