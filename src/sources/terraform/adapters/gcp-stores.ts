import { JAPAN_REGIONS } from '../../../model/japan-regions.ts';
import { type Resource, UNKNOWN_REGION } from '../../../model/resource.ts';
import { isCreated, type TfInstance } from '../document.ts';
import { isObject, type JsonObject } from '../kind.ts';
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
 * KMS key `kms_key_self_link`, a regional disk (`google_compute_region_disk`) `kms_key_name`; a
 * customer-supplied key is `raw_key` or `rsa_encrypted_key` (sensitive: only that it is set), or
 * the `sha256` Google computes from it (known only after apply for a new disk).
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_disk
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_region_disk
 */
function computeDisk(assetType: string, kmsKeyAttribute: string): Build {
  return (unit, tr, ctx) => {
    const disk = unit.primary;
    const block = 'disk_encryption_key.0';
    const supplied = suppliedKey(
      tr,
      ctx,
      disk,
      [`${block}.raw_key`, `${block}.rsa_encrypted_key`, `${block}.sha256`],
      'diskEncryptionKey',
    );
    const data: JsonObject = {};
    const written = tr.valuesOf(disk).read(block);
    if (supplied) set(data, 'diskEncryptionKey.sha256', supplied);
    else if (
      !isCreated(disk) &&
      written.state === 'known' &&
      isObject(written.value) &&
      !(kmsKeyAttribute in written.value)
    )
      // google 3.x GA's regional disk has no `kms_key_name`: the provider writes the block when the
      // API returns a key, so a disk with the block and no customer-supplied key has a Cloud KMS
      // key the values do not record.
      tr.mark(
        `${DATA}.diskEncryptionKey.kmsKeyName`,
        `${disk.address}.${block}.${kmsKeyAttribute}`,
        'unknown',
        {
          ja: 'このプロバイダーのスキーマにこの属性がなく（google 3.x の GA 版）、ディスクの Cloud KMS 鍵は記録されていません',
          en: "not in this provider's schema (google 3.x GA): the disk's Cloud KMS key is not recorded",
        },
      );
    else
      set(
        data,
        'diskEncryptionKey.kmsKeyName',
        keyName(tr, ctx, disk, `${block}.${kmsKeyAttribute}`, 'diskEncryptionKey.kmsKeyName'),
      );
    return fromAsset(assetType, data, tr);
  };
}

/**
 * A customer-supplied key (CSEK): the first of `attributes` the disk holds, a value the plan
 * shows or one its configuration sets (a sensitive raw key is never read, nor is the hash of a
 * new disk's key known before apply). Its address stands for the key, as the REST `sha256` does.
 * The provider writes `""` for the ones a disk does not use.
 */
function suppliedKey(
  tr: Translation,
  ctx: BuildContext,
  instance: TfInstance,
  attributes: readonly string[],
  keyPath: string,
): string | undefined {
  const values = tr.valuesOf(instance);
  const attribute = attributes.find((candidate) => {
    const read = values.read(candidate);
    return (read.state === 'known' && read.value !== '') || ctx.config.sets(instance, candidate);
  });
  if (attribute === undefined) return undefined;
  const key = `${instance.address}.${attribute}`;
  tr.mark(`${DATA}.${keyPath}.sha256`, key, 'known');
  return key;
}

/**
 * google_compute_instance with the boot disk it makes from `boot_disk.initialize_params`, which
 * is no other resource of the plan, as the REST instance lists it (`disks[0]`, `boot: true`): a
 * Cloud KMS key (`boot_disk.kms_key_self_link`, a key of the plan by its address, a key the
 * configuration sets but the plan cannot show still a key) or a customer-supplied one
 * (`disk_encryption_key_raw` or 6.x `disk_encryption_key_rsa`, sensitive: only that it is set; or
 * its `disk_encryption_key_sha256`).
 * `kms_key_self_link` is Optional+Computed: left out of a new instance's own disk, Google's key;
 * of a disk attached by `source`, that disk's, which the plan may not show.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#boot_disk
 */
function computeInstance(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const instance = unit.primary;
  const values = tr.valuesOf(instance);
  if (!values.present('boot_disk.0')) return fromAsset('compute.googleapis.com/Instance', {}, tr);
  const keyPath = 'disks[0].diskEncryptionKey';
  const kms = 'boot_disk.0.kms_key_self_link';
  const supplied = suppliedKey(
    tr,
    ctx,
    instance,
    // google 6.x adds the RSA-wrapped form beside the raw key.
    [
      'boot_disk.0.disk_encryption_key_raw',
      'boot_disk.0.disk_encryption_key_rsa',
      'boot_disk.0.disk_encryption_key_sha256',
    ],
    keyPath,
  );
  const key: JsonObject = {};
  if (supplied) key.sha256 = supplied;
  else if (values.read(kms).state === 'unknown' && ctx.config.sets(instance, kms))
    set(key, 'kmsKeyName', keyName(tr, ctx, instance, kms, `${keyPath}.kmsKeyName`));
  else {
    // `source` is Optional+Computed too: known after apply for a disk the instance makes.
    const source = 'boot_disk.0.source';
    const attached = values.read(source).state === 'known' || ctx.config.sets(instance, source);
    set(key, 'kmsKeyName', tr.readComputed(instance, kms, `${DATA}.${keyPath}.kmsKeyName`, attached));
  }
  return fromAsset(
    'compute.googleapis.com/Instance',
    { disks: [{ boot: true, diskEncryptionKey: key }] },
    tr,
  );
}

/**
 * A data store whose only setting the checks read is its Cloud KMS key (a key of the plan counts by
 * its address; none, Google's own key): Artifact Registry repositories, Memorystore for Redis,
 * Filestore, AlloyDB clusters, Pub/Sub topics, and the analytics services that keep data (Cloud
 * Composer environments, Vertex AI datasets, Data Fusion instances, Dataflow jobs), regional secrets.
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

/**
 * Types the export adapters read for no setting but where they are (the location checks): a
 * Compute Engine instance and a Memorystore for Memcached instance by their zone or region, a
 * Spanner instance by its `config` (`regional-asia-northeast1`), a Firestore database by its
 * `location_id`, which the record carries to the export adapter.
 */
function locatedOnly(assetType: string, locationAttribute?: string, locationField?: string): Build {
  return (unit, tr) => {
    const data: JsonObject = {};
    const location =
      locationAttribute && locationField
        ? tr.read(unit.primary, locationAttribute, `${DATA}.${locationField}`)
        : undefined;
    // The provider names a Spanner configuration (`regional-asia-northeast1`), the API its path.
    if (locationField && typeof location === 'string')
      set(data, locationField, locationField === 'config' ? `instanceConfigs/${location}` : location);
    return fromAsset(assetType, data, tr);
  };
}

/**
 * A Secret Manager secret is kept where its replication says: user-managed replicas at their
 * `location`s (each copy under its own key, Google's when it names none), automatic replication
 * wherever Google chooses (unknown, as in an export), under one key for all copies. google 5.x
 * spells automatic replication `auto { customer_managed_encryption { kms_key_name } }`, 3.x–4.x
 * `automatic = true`.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/secret_manager_secret
 */
function secretManagerSecret(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const secret = unit.primary;
  const values = tr.valuesOf(secret);
  const data: JsonObject = {};
  const replicasAt = 'replication.0.user_managed.0.replicas';
  if (values.present(`${replicasAt}.0`)) {
    const nativePath = 'replication.userManaged.replicas';
    const replicas: JsonObject[] = [];
    for (let i = 0; values.present(`${replicasAt}.${i}`); i++) {
      const replica: JsonObject = {};
      set(replica, 'location', tr.read(secret, `${replicasAt}.${i}.location`, `${DATA}.${nativePath}`));
      set(
        replica,
        'customerManagedEncryption.kmsKeyName',
        keyName(tr, ctx, secret, `${replicasAt}.${i}.customer_managed_encryption.0.kms_key_name`, nativePath),
      );
      replicas.push(replica);
    }
    data.replication = { userManaged: { replicas } };
  } else if (
    values.present('replication.0.auto.0') ||
    values.read('replication.0.automatic').state === 'known'
  ) {
    const automatic: JsonObject = {};
    set(
      automatic,
      'customerManagedEncryption.kmsKeyName',
      keyName(
        tr,
        ctx,
        secret,
        'replication.0.auto.0.customer_managed_encryption.0.kms_key_name',
        'replication.automatic.customerManagedEncryption.kmsKeyName',
      ),
    );
    data.replication = { automatic };
  } else {
    // `replication` is required: a plan that does not show it (a dynamic block over a value known
    // only after apply) leaves where the copies are unknown, not in the provider's region.
    tr.read(secret, 'replication', `${DATA}.replication`);
    return { ...fromAsset('secretmanager.googleapis.com/Secret', data, tr), region: UNKNOWN_REGION };
  }
  return fromAsset('secretmanager.googleapis.com/Secret', data, tr);
}

/**
 * A Bigtable instance keeps its data in its `cluster` blocks, each in its `zone` under its own
 * `kms_key_name` (none: Google's key); the export reads each cluster (`bigtableadmin` Cluster).
 * The instance is judged as its weakest cluster: placed by the first cluster outside Japan, keyed
 * by the first cluster with no key.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigtable_instance
 */
function bigtableInstance(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const instance = unit.primary;
  const values = tr.valuesOf(instance);
  const clusters: number[] = [];
  for (let i = 0; values.present(`cluster.${i}`); i++) clusters.push(i);
  const zoneOf = (i: number) => values.read(`cluster.${i}.zone`);
  const abroad = clusters.find((i) => {
    const zone = zoneOf(i);
    return (
      zone.state !== 'known' || ![...JAPAN_REGIONS.gcp].some((r) => String(zone.value).startsWith(`${r}-`))
    );
  });
  const keyless = clusters.find((i) => values.read(`cluster.${i}.kms_key_name`).state === 'absent');
  const data: JsonObject = {};
  if (clusters.length === 0) {
    // No cluster the plan knows (the blocks known only after apply): neither where nor which key.
    tr.read(instance, 'cluster', `${DATA}.location`);
    tr.read(instance, 'cluster', `${DATA}.encryptionConfig.kmsKeyName`);
  }
  const placedBy = abroad ?? clusters[0];
  if (placedBy !== undefined)
    set(data, 'location', tr.read(instance, `cluster.${placedBy}.zone`, `${DATA}.location`));
  const keyedBy = keyless ?? clusters[0];
  if (keyedBy !== undefined)
    set(
      data,
      'encryptionConfig.kmsKeyName',
      keyName(tr, ctx, instance, `cluster.${keyedBy}.kms_key_name`, 'encryptionConfig.kmsKeyName'),
    );
  return fromAsset('bigtableadmin.googleapis.com/Cluster', data, tr);
}

export const gcpStoreAdapters: Readonly<Record<string, TerraformAdapter>> = {
  google_secret_manager_secret: { provider: 'gcp', build: secretManagerSecret, dataRegion: true },
  // google 6.x: a regional secret keeps its payload in its `location` only, under its own key.
  // https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/secret_manager_regional_secret
  google_secret_manager_regional_secret: {
    provider: 'gcp',
    build: keyedStore(
      'secretmanager.googleapis.com/Secret',
      'customer_managed_encryption.0.kms_key_name',
      'customerManagedEncryption.kmsKeyName',
    ),
  },
  google_compute_disk: {
    provider: 'gcp',
    build: computeDisk('compute.googleapis.com/Disk', 'kms_key_self_link'),
  },
  google_compute_instance: { provider: 'gcp', build: computeInstance },
  // terraform-google-modules/vm's `compute_instance` makes its VMs from a template.
  google_compute_instance_from_template: {
    provider: 'gcp',
    build: locatedOnly('compute.googleapis.com/Instance'),
  },
  google_memcache_instance: { provider: 'gcp', build: locatedOnly('memcache.googleapis.com/Instance') },
  google_spanner_instance: {
    provider: 'gcp',
    build: locatedOnly('spanner.googleapis.com/Instance', 'config', 'config'),
    dataRegion: true,
  },
  google_firestore_database: {
    provider: 'gcp',
    build: locatedOnly('firestore.googleapis.com/Database', 'location_id', 'locationId'),
    dataRegion: true,
  },
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
  google_bigtable_instance: { provider: 'gcp', build: bigtableInstance, dataRegion: true },
  // A key ring is where its keys are (`location`, a region, a multi-region or `global`).
  google_kms_key_ring: { provider: 'gcp', build: locatedOnly('cloudkms.googleapis.com/KeyRing') },
  google_composer_environment: {
    provider: 'gcp',
    build: keyedStore(
      'composer.googleapis.com/Environment',
      'config.0.encryption_config.0.kms_key_name',
      'config.encryptionConfig.kmsKeyName',
    ),
  },
  google_vertex_ai_dataset: {
    provider: 'gcp',
    build: keyedStore(
      'aiplatform.googleapis.com/Dataset',
      'encryption_spec.0.kms_key_name',
      'encryptionSpec.kmsKeyName',
    ),
  },
  google_data_fusion_instance: {
    provider: 'gcp',
    build: keyedStore(
      'datafusion.googleapis.com/Instance',
      'crypto_key_config.0.key_reference',
      'cryptoKeyConfig.keyReference',
    ),
  },
  google_dataflow_job: {
    provider: 'gcp',
    build: keyedStore('dataflow.googleapis.com/Job', 'kms_key_name', 'environment.serviceKmsKeyName'),
  },
};
