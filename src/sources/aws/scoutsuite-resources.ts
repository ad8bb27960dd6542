import { derived, explicit, unknown } from '../../model/fact.ts';
import type { Resource } from '../../model/resource.ts';
import { membersOf, scopesOf } from '../scoutsuite-scopes.ts';
import { organizationTrailListing } from './adapters/cloudtrail.ts';
import { asRecord } from './config-item.ts';
import { type ScoutRun, scoutResource } from './scoutsuite-item.ts';

/*
 * ScoutSuite's S3, EBS, RDS, KMS and CloudTrail resources as Config items
 * (ScoutSuite/providers/aws/resources/{s3,ec2,rds,kms,cloudtrail}, facade/*.py).
 */

/** The data stores, keys and trails of `services`. */
export function* storageResources(services: Record<string, unknown>, run: ScoutRun): Generator<Resource> {
  const s3 = asRecord(services.s3);
  if (s3) yield* s3Resources(s3, run);
  for (const [region, scope] of scopesOf(services.ec2, 'regions')) {
    for (const [id, volume] of membersOf(scope.volumes)) yield volumeResource(id, volume, region, run);
    for (const [id, snapshot] of membersOf(scope.snapshots))
      yield snapshotResource(id, snapshot, region, run);
  }
  for (const [region, scope] of scopesOf(services.rds, 'regions'))
    for (const [, vpc] of membersOf(scope.vpcs)) {
      for (const [, instance] of membersOf(vpc.instances)) {
        const resource = rdsInstanceResource(instance, region, run);
        if (resource) yield resource;
      }
      for (const [id, snapshot] of membersOf(vpc.snapshots))
        yield rdsSnapshotResource(id, snapshot, region, run);
    }
  for (const [region, scope] of scopesOf(services.kms, 'regions'))
    for (const [id, key] of membersOf(scope.keys)) yield kmsKeyResource(id, key, region, run);
  for (const [region, scope] of scopesOf(services.cloudtrail, 'regions'))
    for (const [, trail] of membersOf(scope.trails)) {
      // A multi-region trail is listed whole in its home region; the others hold a link to it.
      if ('scout_link' in trail) continue;
      const resource = trailResource(trail, region, run);
      if (!resource) continue;
      yield resource;
      // The scanned account lists its organization's trail (the ARN the management account's).
      yield* organizationTrailListing(resource, resource.origin);
    }
}

/**
 * `services.s3`: the account's block (`public_access_block_configuration`, s3control's answer)
 * and `buckets`, keyed by a hash of the name, each with the answers of its Get* calls as
 * facade/s3.py reshapes them. Each bucket's `public_access_block_configuration` is the stricter
 * of its own and the account's (s3/base.py finalize), which is the block in effect.
 */
function* s3Resources(s3: Record<string, unknown>, run: ScoutRun): Generator<Resource> {
  const accountBlock = asRecord(s3.public_access_block_configuration);
  if (accountBlock)
    yield scoutResource(
      {
        resourceType: 'AWS::S3::AccountPublicAccessBlock',
        id: run.account,
        region: 'global',
        arn: `arn:${run.partition}:s3::${run.account}:account-public-access-block`,
        configuration: accountBlock,
      },
      run,
    );
  for (const [, bucket] of membersOf(s3.buckets)) {
    const name = bucket.name;
    if (typeof name !== 'string' || name === '') {
      run.ctx.skip('a ScoutSuite S3 bucket without its name');
      continue;
    }
    // GetBucketLocation failed: ScoutSuite read nothing else of the bucket either.
    if (typeof bucket.region !== 'string' || bucket.region === '') {
      run.ctx.skip(`ScoutSuite S3 bucket ${name}: no region (GetBucketLocation failed in its run)`);
      continue;
    }
    yield scoutResource(
      {
        resourceType: 'AWS::S3::Bucket',
        id: name,
        region: bucket.region,
        arn: `arn:${run.partition}:s3:::${name}`,
        configuration: { name },
        supplementary: bucketSettings(bucket),
        tags: bucket.tags,
      },
      run,
    );
  }
}

/**
 * A bucket's answers as Config's supplementary configuration. ScoutSuite writes no `policy` both
 * when the bucket has none and when GetBucketPolicy failed, and no ACL (`grantees` empty) when
 * GetBucketAcl failed: both are then unknown. `logging` is "Disabled", "Unknown" (the call
 * failed) or "<target bucket>/<prefix>"; `default_encryption_enabled` false is S3's
 * ServerSideEncryptionConfigurationNotFoundError, null a failed call.
 */
function bucketSettings(bucket: Record<string, unknown>): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  const block = asRecord(bucket.public_access_block_configuration);
  if (block) settings.PublicAccessBlockConfiguration = block;
  const policy = asRecord(bucket.policy);
  if (policy) settings.BucketPolicy = { policyText: JSON.stringify(policy) };
  if (bucket.logging === 'Disabled') settings.BucketLoggingConfiguration = { destinationBucketName: null };
  else if (typeof bucket.logging === 'string' && bucket.logging !== 'Unknown') {
    // Bucket names hold no slash: the target bucket is what comes before the first one.
    const target = bucket.logging.split('/')[0];
    if (target) settings.BucketLoggingConfiguration = { destinationBucketName: target };
  }
  const grantList = aclGrants(bucket.grantees);
  if (grantList) settings.AccessControlList = { grantList };
  if (bucket.default_encryption_enabled === false) settings.ServerSideEncryptionConfiguration = null;
  else if (
    bucket.default_encryption_enabled === true &&
    typeof bucket.default_encryption_algorithm === 'string'
  )
    settings.ServerSideEncryptionConfiguration = {
      rules: [
        {
          applyServerSideEncryptionByDefault: {
            sseAlgorithm: bucket.default_encryption_algorithm,
            kmsMasterKeyID: bucket.default_encryption_key ?? null,
          },
        },
      ],
    };
  return settings;
}

/** GetBucketAcl's permissions, each of which FULL_CONTROL sets (facade/s3.py `_set_s3_permissions`). */
const ACL_PERMISSIONS = [
  ['read', 'READ'],
  ['write', 'WRITE'],
  ['read_acp', 'READ_ACP'],
  ['write_acp', 'WRITE_ACP'],
] as const;

/**
 * `grantees`: `{<canonical id or group name>: {DisplayName, URI (groups), permissions: {read,
 * write, read_acp, write_acp}}}`, GetBucketAcl's grants gathered by grantee. Every ACL grants its
 * owner: an empty one is a call that failed (undefined, unknown).
 */
function aclGrants(grantees: unknown): Record<string, unknown>[] | undefined {
  const entries = membersOf(grantees);
  if (entries.length === 0) return undefined;
  return entries.flatMap(([id, grantee]) => {
    const permissions = asRecord(grantee.permissions);
    const granted = ACL_PERMISSIONS.filter(([flag]) => permissions?.[flag] === true).map(([, name]) => name);
    const who = typeof grantee.URI === 'string' ? { uri: grantee.URI } : { id };
    const listed = granted.length === ACL_PERMISSIONS.length ? ['FULL_CONTROL'] : granted;
    return listed.map((permission) => ({ grantee: who, permission }));
  });
}

/** `regions.<r>.volumes`: DescribeVolumes' Volume with `VolumeId` renamed `id`. */
function volumeResource(
  id: string,
  volume: Record<string, unknown>,
  region: string,
  run: ScoutRun,
): Resource {
  const volumeId = typeof volume.id === 'string' ? volume.id : id;
  return scoutResource(
    {
      resourceType: 'AWS::EC2::Volume',
      id: volumeId,
      name: typeof volume.name === 'string' ? volume.name : undefined,
      region,
      arn: `arn:${run.partition}:ec2:${region}:${run.account}:volume/${volumeId}`,
      // The API's members (`Encrypted`, `KmsKeyId`), which the adapter reads in either casing.
      configuration: { ...volume, volumeId },
      tags: volume.Tags,
    },
    run,
  );
}

/** `regions.<r>.snapshots`: ScoutSuite's own snapshot (`encrypted`, `kms_key_id`, `public`, …). */
function snapshotResource(
  id: string,
  snapshot: Record<string, unknown>,
  region: string,
  run: ScoutRun,
): Resource {
  return scoutResource(
    {
      resourceType: 'AWS::EC2::Snapshot',
      id,
      name: typeof snapshot.name === 'string' ? snapshot.name : undefined,
      region,
      arn: `arn:${run.partition}:ec2:${region}:${run.account}:snapshot/${id}`,
      configuration: {
        snapshotId: id,
        ...(typeof snapshot.encrypted === 'boolean' && { encrypted: snapshot.encrypted }),
        ...(typeof snapshot.kms_key_id === 'string' && { kmsKeyId: snapshot.kms_key_id }),
        ...(typeof snapshot.volume_id === 'string' && { volumeId: snapshot.volume_id }),
      },
    },
    run,
  );
}

/**
 * `regions.<r>.vpcs.<vpc>.instances`: some fields of DescribeDBInstances' DBInstance (rds/instances.py:
 * `StorageEncrypted`, `PubliclyAccessible`, `BackupRetentionPeriod`, …, a missing one as null)
 * and `Tags` as a map. It keeps no `KmsKeyId`, no `EnabledCloudwatchLogsExports` and no
 * `DBClusterIdentifier`: the key and the log exports are unknown.
 */
function rdsInstanceResource(
  instance: Record<string, unknown>,
  region: string,
  run: ScoutRun,
): Resource | undefined {
  const name = instance.name;
  if (typeof name !== 'string' || name === '') {
    run.ctx.skip('a ScoutSuite RDS instance without its name');
    return undefined;
  }
  const configuration: Record<string, unknown> = { dBInstanceIdentifier: name };
  for (const [field, member] of RDS_FIELDS)
    if (instance[field] != null) configuration[member] = instance[field];
  return scoutResource(
    {
      resourceType: 'AWS::RDS::DBInstance',
      id: name,
      region,
      arn:
        typeof instance.arn === 'string'
          ? instance.arn
          : `arn:${run.partition}:rds:${region}:${run.account}:db:${name}`,
      configuration,
      tags: instance.Tags,
    },
    run,
  );
}

const RDS_FIELDS = [
  ['StorageEncrypted', 'storageEncrypted'],
  ['PubliclyAccessible', 'publiclyAccessible'],
  ['BackupRetentionPeriod', 'backupRetentionPeriod'],
  ['Engine', 'engine'],
  ['DBInstanceClass', 'dBInstanceClass'],
  ['MultiAZ', 'multiAZ'],
] as const;

/**
 * `regions.<r>.vpcs.<vpc>.snapshots`, keyed by the snapshot's identifier (rds/snapshots.py):
 * `arn`, `is_cluster`, `Encrypted` (a cluster snapshot's `StorageEncrypted`), the instance or
 * cluster it was taken from; no KMS key.
 */
function rdsSnapshotResource(
  id: string,
  snapshot: Record<string, unknown>,
  region: string,
  run: ScoutRun,
): Resource {
  const cluster = snapshot.is_cluster === true;
  const source = cluster ? snapshot.DBClusterIdentifier : snapshot.DBInstanceIdentifier;
  return scoutResource(
    {
      resourceType: cluster ? 'AWS::RDS::DBClusterSnapshot' : 'AWS::RDS::DBSnapshot',
      id,
      region,
      arn:
        typeof snapshot.arn === 'string'
          ? snapshot.arn
          : `arn:${run.partition}:rds:${region}:${run.account}:${cluster ? 'cluster-snapshot' : 'snapshot'}:${id}`,
      configuration: {
        ...(typeof snapshot.Encrypted === 'boolean' && {
          [cluster ? 'storageEncrypted' : 'encrypted']: snapshot.Encrypted,
        }),
        ...(typeof source === 'string' && {
          [cluster ? 'dBClusterIdentifier' : 'dBInstanceIdentifier']: source,
        }),
      },
    },
    run,
  );
}

/**
 * `regions.<r>.keys`: kms/keys.py keeps `key_manager` and `origin` of DescribeKey, `key_enabled`
 * (false for Disabled and PendingDeletion alike, so the state itself is unknown then) and
 * `rotation_enabled`, which is GetKeyRotationStatus's answer only for customer managed keys of
 * origin AWS_KMS: ScoutSuite writes true for the others without asking. It keeps no key spec, so
 * an asymmetric key, on which GetKeyRotationStatus fails (null), has its rotation unknown.
 */
function kmsKeyResource(id: string, key: Record<string, unknown>, region: string, run: ScoutRun): Resource {
  const keyId = typeof key.id === 'string' ? key.id : id;
  const configuration: Record<string, unknown> = { keyId };
  if (typeof key.key_manager === 'string') configuration.keyManager = key.key_manager;
  if (typeof key.origin === 'string') configuration.origin = key.origin;
  // A key not enabled may be pending deletion or disabled, where rotation does not apply: which,
  // ScoutSuite does not keep, so its rotation is not read as a setting to judge.
  const asked = key.key_manager === 'CUSTOMER' && key.origin === 'AWS_KMS' && key.key_enabled === true;
  const resource = scoutResource(
    {
      resourceType: 'AWS::KMS::Key',
      id: keyId,
      region,
      arn:
        typeof key.arn === 'string'
          ? key.arn
          : `arn:${run.partition}:kms:${region}:${run.account}:key/${keyId}`,
      configuration,
      supplementary:
        asked && typeof key.rotation_enabled === 'boolean' ? { KeyRotationStatus: key.rotation_enabled } : {},
    },
    run,
  );
  return { ...resource, facts: { ...resource.facts, keyState: keyState(key.key_enabled) } };
}

/**
 * `key_enabled` true: the key is in none of the states ScoutSuite calls not enabled (Disabled,
 * PendingDeletion), which is KMS's Enabled for a key kansa judges; false tells neither of the two.
 */
function keyState(enabled: unknown) {
  const path = 'configuration.key_enabled';
  if (enabled === true) return derived('Enabled', explicit(true, path));
  return unknown<string>(path, {
    ja: 'ScoutSuite はキーの状態を key_enabled（無効化と削除待ちのどちらも false）としてのみ記録します',
    en: 'ScoutSuite keeps the key state only as key_enabled, false for Disabled and PendingDeletion alike',
  });
}

/**
 * `regions.<home region>.trails`: DescribeTrails' Trail (`Name` renamed `name`) with
 * GetTrailStatus's answer merged in (`IsLogging`, null where the call failed), as Config's
 * configuration under the API's names.
 */
function trailResource(trail: Record<string, unknown>, region: string, run: ScoutRun): Resource | undefined {
  const name = trail.name;
  if (typeof name !== 'string' || name === '') {
    run.ctx.skip('a ScoutSuite CloudTrail trail without its name');
    return undefined;
  }
  const arn = typeof trail.TrailARN === 'string' ? trail.TrailARN : trail.arn;
  return scoutResource(
    {
      resourceType: 'AWS::CloudTrail::Trail',
      id: name,
      region,
      arn:
        typeof arn === 'string'
          ? arn
          : `arn:${run.partition}:cloudtrail:${region}:${run.account}:trail/${name}`,
      configuration: { ...trail, name },
    },
    run,
  );
}
