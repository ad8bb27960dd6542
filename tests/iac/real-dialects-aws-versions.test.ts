import { describe, expect, it } from 'vitest';
import { type Change, constant, plan, ref } from './dialect-plan.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

/**
 * Settings the AWS provider writes differently from one major version to the next (SOURCES.md,
 * "AWS provider versions"): what a plan of each version says, and what it leaves unknown.
 */

const ROTATION = 'aws.kms.key-rotation';
const DISK = 'common.encryption.disk-at-rest';
const providers = { aws: { region: constant('ap-northeast-1') } };
const scan = (changes: Change[]) => scanDocument(plan(changes, { providers }));

describe('aws_kms_key rotation_period_in_days (provider 5.41 on)', () => {
  // Optional+Computed, 90 to 2560: left out, the plan shows it known only after apply, and KMS
  // rotates every 365 days (EnableKeyRotation without RotationPeriodInDays).
  const key = (period: number | undefined, expressions: Record<string, unknown> = {}): Change => ({
    address: 'aws_kms_key.app',
    after: {
      customer_master_key_spec: 'SYMMETRIC_DEFAULT',
      enable_key_rotation: true,
      is_enabled: true,
      key_usage: 'ENCRYPT_DECRYPT',
      ...(period !== undefined && { rotation_period_in_days: period }),
    },
    afterUnknown: {
      arn: true,
      id: true,
      key_id: true,
      ...(period === undefined && { rotation_period_in_days: true }),
    },
    expressions: { enable_key_rotation: constant(true), ...expressions },
  });
  const evidence = async (change: Change) => {
    const finding = findingOf(await scan([change]), ROTATION, 'aws_kms_key.app');
    return { status: finding.status, evidence: JSON.stringify(finding.evidence) };
  };

  it('fails a period longer than the maximum, naming the attribute', async () => {
    const { status, evidence: named } = await evidence(key(730, { rotation_period_in_days: constant(730) }));
    expect(status).toBe('FAIL');
    expect(named).toContain('aws_kms_key.app.rotation_period_in_days');
    expect((await evidence(key(90, { rotation_period_in_days: constant(90) }))).status).toBe('PASS');
  });

  it('takes KMS’s 365 days for a new key that leaves the period out', async () => {
    const scanned = await scan([key(undefined)]);
    expect(findingOf(scanned, ROTATION, 'aws_kms_key.app').status).toBe('PASS');
    const facts = resourceOf(scanned, 'aws_kms_key.app').facts as { rotationPeriodDays?: unknown };
    expect(facts.rotationPeriodDays).toMatchObject({
      source: 'default',
      value: 365,
      path: 'aws_kms_key.app.rotation_period_in_days',
    });
  });

  it('leaves a period the configuration sets from what is known only after apply unknown', async () => {
    const change = key(undefined, {
      rotation_period_in_days: ref('random_integer.days.result', 'random_integer.days'),
    });
    expect((await evidence(change)).status).toBe('UNKNOWN');
  });

  it('passes a rotating key of a provider before 5.41, which has no such attribute', async () => {
    const older: Change = { ...key(undefined), afterUnknown: { arn: true, id: true, key_id: true } };
    expect((await evidence(older)).status).toBe('PASS');
  });
});

describe('a new aws_ebs_volume made from a snapshot', () => {
  // A volume inherits its snapshot's encryption, and EBS encryption by default encrypts it even
  // from an unencrypted snapshot: only a Region whose plan turns it on decides it.
  const volume: Change = {
    address: 'aws_ebs_volume.restored',
    after: { availability_zone: 'ap-northeast-1a', size: 30, snapshot_id: 'snap-0123456789abcdef0' },
    afterUnknown: { arn: true, encrypted: true, id: true, kms_key_id: true },
    expressions: {
      availability_zone: constant('ap-northeast-1a'),
      snapshot_id: constant('snap-0123456789abcdef0'),
    },
  };
  const byDefault = (enabled: boolean): Change => ({
    address: 'aws_ebs_encryption_by_default.this',
    after: { enabled },
    afterUnknown: { id: true },
    expressions: { enabled: constant(enabled) },
  });
  const status = async (changes: Change[]) =>
    findingOf(await scan(changes), DISK, 'aws_ebs_volume.restored').status;

  it('is encrypted where the plan turns encryption by default on', async () => {
    expect(await status([volume, byDefault(true)])).toBe('PASS');
  });

  it('is encrypted under encryption by default even where it says encrypted = false', async () => {
    // EnableEbsEncryptionByDefault: "the EBS volumes that you create are always encrypted".
    const unencrypted: Change = {
      ...volume,
      after: { ...volume.after, encrypted: false },
      afterUnknown: { arn: true, id: true, kms_key_id: true },
      expressions: { ...volume.expressions, encrypted: constant(false) },
    };
    expect(await status([unencrypted, byDefault(true)])).toBe('PASS');
    expect(await status([unencrypted, byDefault(false)])).toBe('FAIL');
  });

  it('is as its snapshot is where encryption by default is off or not managed', async () => {
    expect(await status([volume, byDefault(false)])).toBe('UNKNOWN');
    expect(await status([volume])).toBe('UNKNOWN');
  });
});

describe('a resource deleted with skip_destroy (aws_s3_bucket_public_access_block, provider 6.x)', () => {
  // "If set to true, the resource is simply removed from state instead": the plan writes a
  // delete, and the blocks stay on the bucket, as an object Terraform forgets stays in the cloud.
  const bucket: Change = {
    address: 'aws_s3_bucket.kept',
    before: { bucket: 'kansa-kept', acl: null, policy: '', grant: [], region: 'ap-northeast-1' },
    after: { bucket: 'kansa-kept', acl: null, policy: '', grant: [], region: 'ap-northeast-1' },
    actions: ['no-op'],
    expressions: { bucket: constant('kansa-kept') },
  };
  const block = (skipDestroy: boolean | null): Change => ({
    address: 'aws_s3_bucket_public_access_block.kept',
    before: {
      bucket: 'kansa-kept',
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
      skip_destroy: skipDestroy,
    },
    after: null,
    actions: ['delete'],
  });
  const status = async (skipDestroy: boolean | null) =>
    findingOf(await scan([bucket, block(skipDestroy)]), 'aws.s3.bucket-public-access', 'aws_s3_bucket.kept')
      .status;

  it('leaves the blocks on where the state says skip_destroy', async () => {
    expect(await status(true)).toBe('PASS');
  });

  it('removes them where it does not', async () => {
    expect(await status(null)).toBe('FAIL');
  });
});

describe('multi-Region replica keys and keys of imported material', () => {
  // aws_kms_replica_key (provider 3.64 on) and aws_kms_external_key, as their documentation gives
  // them: customer managed keys a store names by ARN, known only after apply.
  const CMK = 'aws.s3.bucket-cmk-encryption';
  const primary: Change = {
    address: 'aws_kms_key.primary',
    after: { enable_key_rotation: true, is_enabled: true, multi_region: true, rotation_period_in_days: 180 },
    afterUnknown: { arn: true, id: true },
    expressions: { multi_region: constant(true), enable_key_rotation: constant(true) },
  };
  const replica: Change = {
    address: 'aws_kms_replica_key.osaka',
    after: { deletion_window_in_days: 30, enabled: true },
    afterUnknown: { arn: true, id: true, key_rotation_enabled: true, primary_key_arn: true },
    expressions: { primary_key_arn: ref('aws_kms_key.primary.arn', 'aws_kms_key.primary') },
  };
  const imported: Change = {
    address: 'aws_kms_external_key.byok',
    after: { deletion_window_in_days: 30, enabled: true, multi_region: false },
    afterUnknown: { arn: true, id: true, key_state: true },
    expressions: { enabled: constant(true) },
  };
  const bucketWith = (key: string): Change[] => [
    {
      address: 'aws_s3_bucket.data',
      after: { bucket: 'kansa-data', force_destroy: false },
      afterUnknown: { arn: true, id: true, server_side_encryption_configuration: true },
      expressions: { bucket: constant('kansa-data') },
    },
    {
      address: 'aws_s3_bucket_server_side_encryption_configuration.data',
      after: { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] }] },
      afterUnknown: {
        id: true,
        bucket: true,
        rule: [{ apply_server_side_encryption_by_default: [{ kms_master_key_id: true }] }],
      },
      expressions: {
        bucket: ref('aws_s3_bucket.data.id', 'aws_s3_bucket.data'),
        rule: [{ apply_server_side_encryption_by_default: [{ kms_master_key_id: ref(`${key}.arn`, key) }] }],
      },
    },
  ];

  it('judges a store encrypted with either as encrypted with a customer managed key', async () => {
    const withReplica = await scan([primary, replica, ...bucketWith('aws_kms_replica_key.osaka')]);
    expect(findingOf(withReplica, CMK, 'aws_s3_bucket.data').status).toBe('PASS');
    const withImported = await scan([imported, ...bucketWith('aws_kms_external_key.byok')]);
    expect(findingOf(withImported, CMK, 'aws_s3_bucket.data').status).toBe('PASS');
  });

  it('rotates a replica as its primary does, and never a key of imported material', async () => {
    const scanned = await scan([primary, replica, imported]);
    expect(findingOf(scanned, ROTATION, 'aws_kms_replica_key.osaka').status).toBe('PASS');
    const stopped = await scan([
      { ...primary, after: { ...primary.after, enable_key_rotation: false } },
      replica,
    ]);
    expect(findingOf(stopped, ROTATION, 'aws_kms_replica_key.osaka').status).toBe('FAIL');
    expect(findingOf(scanned, ROTATION, 'aws_kms_external_key.byok').status).toBe('NOT_APPLICABLE');
  });

  it('reads a replica’s rotation back from a state, and leaves it unknown where the plan shows neither', async () => {
    const readBack: Change = {
      ...replica,
      actions: ['no-op'],
      before: { enabled: true, key_rotation_enabled: true },
      after: { enabled: true, key_rotation_enabled: true },
      afterUnknown: {},
    };
    expect(findingOf(await scan([readBack]), ROTATION, 'aws_kms_replica_key.osaka').status).toBe('PASS');
    const alone = await scan([replica]);
    expect(findingOf(alone, ROTATION, 'aws_kms_replica_key.osaka').status).toBe('UNKNOWN');
  });
});

describe('aws_kms_key in an external key store (xks_key_id, provider 5.x)', () => {
  it('is of origin EXTERNAL_KEY_STORE, not a CloudHSM key store’s', async () => {
    const scanned = await scan([
      {
        address: 'aws_kms_key.xks',
        after: {
          custom_key_store_id: 'cks-0123456789abcdef0',
          enable_key_rotation: false,
          xks_key_id: 'ext-1',
        },
        afterUnknown: { arn: true, id: true },
      },
    ]);
    const facts = resourceOf(scanned, 'aws_kms_key.xks').facts as { origin?: { value?: unknown } };
    expect(facts.origin?.value).toBe('EXTERNAL_KEY_STORE');
    expect(findingOf(scanned, ROTATION, 'aws_kms_key.xks').status).toBe('NOT_APPLICABLE');
  });
});

describe('aws_lambda_function_url with authorization_type NONE (provider 4.9 on)', () => {
  // resourceFunctionURLCreate adds the FunctionURLAllowPublicAccess statement (Principal *) when
  // it creates a NONE URL; Update adds none.
  const PUBLIC = 'aws.lambda.function-public-access';
  const fn: Change = {
    address: 'aws_lambda_function.hook',
    after: { function_name: 'kansa-hook', runtime: 'nodejs20.x' },
    afterUnknown: { arn: true, id: true },
    expressions: { function_name: constant('kansa-hook') },
  };
  const url = (authorization: string, actions = ['create']): Change => ({
    address: 'aws_lambda_function_url.hook',
    actions,
    before: actions[0] === 'create' ? null : { authorization_type: 'AWS_IAM', function_name: 'kansa-hook' },
    after: { authorization_type: authorization, function_name: 'kansa-hook', qualifier: null },
    afterUnknown: { function_url: true, id: true, url_id: true },
    expressions: {
      authorization_type: constant(authorization),
      function_name: ref('aws_lambda_function.hook.function_name', 'aws_lambda_function.hook'),
    },
  });
  const status = async (changes: Change[]) =>
    findingOf(await scan(changes), PUBLIC, 'aws_lambda_function.hook').status;

  it('makes a new function public through the statement the provider adds', async () => {
    expect(await status([fn, url('NONE')])).toBe('FAIL');
    expect(await status([fn, url('AWS_IAM')])).toBe('PASS');
  });

  it('adds nothing where an existing URL is switched to NONE', async () => {
    const existing: Change = { ...fn, actions: ['no-op'], before: fn.after };
    expect(await status([existing, url('NONE', ['update'])])).toBe('UNKNOWN');
  });
});

describe('aws_rds_cluster of engine_mode serverless (Aurora Serverless v1)', () => {
  // storage_encrypted Optional+Computed: "false for provisioned engine_mode and true for
  // serverless engine_mode"; left out, the key is RDS's AWS managed aws/rds.
  it('is encrypted with the AWS managed key where the configuration leaves both out', async () => {
    const scanned = await scan([
      {
        address: 'aws_rds_cluster.serverless',
        after: { cluster_identifier: 'kansa-sls', engine: 'aurora-mysql', engine_mode: 'serverless' },
        afterUnknown: { arn: true, id: true, kms_key_id: true, storage_encrypted: true },
        expressions: { engine_mode: constant('serverless') },
      },
    ]);
    const facts = resourceOf(scanned, 'aws_rds_cluster.serverless').facts as {
      encrypted?: { value?: unknown };
      customerManagedKey?: { value?: unknown };
    };
    expect(facts.encrypted?.value).toBe(true);
    expect(facts.customerManagedKey?.value).toBe(false);
  });
});
