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
