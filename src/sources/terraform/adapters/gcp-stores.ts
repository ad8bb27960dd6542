import type { Resource } from '../../../model/resource.ts';
import type { JsonObject } from '../document.ts';
import type { Translation } from '../translation.ts';
import type { BuildContext, TerraformAdapter, Unit } from './adapter.ts';
import { DATA, fromAsset, keyName, set } from './gcp-record.ts';

/**
 * Google data stores judged for who holds their key and where their data is: persistent disks,
 * Pub/Sub topics, and stores whose only setting the checks read is their Cloud KMS key.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs
 */

type Build = (unit: Unit, tr: Translation, ctx: BuildContext) => Resource;

/**
 * A persistent disk: a customer-managed key or a customer-supplied one. A zonal disk names its
 * KMS key `kms_key_self_link`, a regional disk (`google_compute_region_disk`) `kms_key_name`.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_region_disk
 */
function computeDisk(assetType: string, kmsKeyAttribute: string): Build {
  return (unit, tr, ctx) => {
    const disk = unit.primary;
    const data: JsonObject = {};
    set(
      data,
      'diskEncryptionKey.kmsKeyName',
      keyName(tr, ctx, disk, `disk_encryption_key.0.${kmsKeyAttribute}`, 'diskEncryptionKey.kmsKeyName'),
    );
    set(
      data,
      'diskEncryptionKey.sha256',
      tr.read(disk, 'disk_encryption_key.0.sha256', `${DATA}.diskEncryptionKey.sha256`),
    );
    return fromAsset(assetType, data, tr);
  };
}

/**
 * A data store whose only setting the checks read is its Cloud KMS key (a key of the plan counts by
 * its address; none, Google's own key): Artifact Registry repositories, Memorystore for Redis,
 * Filestore, AlloyDB clusters, Pub/Sub topics.
 */
function keyedStore(assetType: string, keyAttribute: string, keyField: string): Build {
  return (unit, tr, ctx) => {
    const data: JsonObject = {};
    set(data, keyField, keyName(tr, ctx, unit.primary, keyAttribute, keyField));
    return fromAsset(assetType, data, tr);
  };
}

/**
 * A Pub/Sub topic keeps messages in the regions its `message_storage_policy` allows; without one,
 * wherever Google chooses (the location checks cannot tell).
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/pubsub_topic
 */
function pubsubTopic(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const topic = unit.primary;
  const data: JsonObject = {};
  set(data, 'kmsKeyName', keyName(tr, ctx, topic, 'kms_key_name', 'kmsKeyName'));
  set(
    data,
    'messageStoragePolicy.allowedPersistenceRegions',
    tr.read(
      topic,
      'message_storage_policy.0.allowed_persistence_regions',
      `${DATA}.messageStoragePolicy.allowedPersistenceRegions`,
    ),
  );
  return fromAsset('pubsub.googleapis.com/Topic', data, tr);
}

/** A Compute Engine instance, which the export adapter reads for no setting but where it is (its zone). */
function computeInstance(_unit: Unit, tr: Translation): Resource {
  return fromAsset('compute.googleapis.com/Instance', {}, tr);
}

export const gcpStoreAdapters: Readonly<Record<string, TerraformAdapter>> = {
  google_compute_disk: {
    provider: 'gcp',
    build: computeDisk('compute.googleapis.com/Disk', 'kms_key_self_link'),
  },
  google_compute_instance: { provider: 'gcp', build: computeInstance },
  google_compute_region_disk: {
    provider: 'gcp',
    build: computeDisk('compute.googleapis.com/RegionDisk', 'kms_key_name'),
  },
  google_artifact_registry_repository: {
    provider: 'gcp',
    build: keyedStore('artifactregistry.googleapis.com/Repository', 'kms_key_name', 'kmsKeyName'),
  },
  google_redis_instance: {
    provider: 'gcp',
    build: keyedStore('redis.googleapis.com/Instance', 'customer_managed_key', 'customerManagedKey'),
  },
  google_filestore_instance: {
    provider: 'gcp',
    build: keyedStore('file.googleapis.com/Instance', 'kms_key_name', 'kmsKeyName'),
  },
  google_alloydb_cluster: {
    provider: 'gcp',
    build: keyedStore(
      'alloydb.googleapis.com/Cluster',
      'encryption_config.0.kms_key_name',
      'encryptionConfig.kmsKeyName',
    ),
  },
  google_pubsub_topic: { provider: 'gcp', build: pubsubTopic, dataRegion: true },
};
