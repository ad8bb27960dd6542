import { FIREWALL_POLICY_TYPE } from '../../../model/gcp.ts';
import { type KansaType, UNKNOWN_REGION } from '../../../model/resource.ts';
import { at, type JsonObject, stringAt } from '../json.ts';
import { bucketDataLocation, farthestRegion, spannerRegion, storageLocation } from '../location.ts';
import { datasetFacts, tableFacts } from './bigquery.ts';
import { backupRunFacts, notebookFacts, secretFacts, secretRegion, vpcOnlyFacts } from './data-services.ts';
import { bootDiskKey, computeEncryptionKey, customerManagedKey, replicaOf } from './encryption.ts';
import { firewallPolicyFacts } from './firewall-policy.ts';
import { clusterFacts } from './gke.ts';
import { customRoleFacts, organizationFacts, serviceAccountFacts, serviceAccountKeyFacts } from './iam.ts';
import { cryptoKeyFacts } from './kms.ts';
import { logBucketFacts } from './logging.ts';
import { firewallFacts, subnetworkFacts } from './network.ts';
import { cloudFunctionFacts, cloudRunServiceFacts } from './serverless.ts';
import { sqlInstanceFacts } from './sql.ts';
import { bucketFacts } from './storage.ts';

/** How one Cloud Asset type becomes a kansa resource. */
export interface NativeType {
  readonly kansaType: KansaType;
  /** Facts read from `resource.data` (the service's REST JSON), typed per type in src/model/gcp.ts. */
  readonly facts?: (data: JsonObject, dataPath: string) => object;
  /** Where the data lives when the type says it better than `resource.location`. */
  readonly region?: (data: JsonObject) => string | undefined;
  /** Where the type keeps its labels when not in `labels`. */
  readonly labels?: (data: JsonObject) => unknown;
  /**
   * All of the resource's data is under the one key its adapter reads (a bucket's default key, a
   * disk's key): a search result's `kmsKeys` naming a key then says it is customer-managed. Not
   * set where listed keys may cover part of the data only (a VM's disks, a secret's replicas, a
   * GKE cluster's etcd beside its nodes).
   */
  readonly oneKey?: true;
}

export const PROJECT_TYPE = 'cloudresourcemanager.googleapis.com/Project';
/** Projects, folders and the organization: their IAM policies carry the audit configs. */
export const HIERARCHY_TYPES: ReadonlySet<string> = new Set([
  PROJECT_TYPE,
  'cloudresourcemanager.googleapis.com/Folder',
  'cloudresourcemanager.googleapis.com/Organization',
]);

/**
 * The Cloud Asset types kansa recognises (https://cloud.google.com/asset-inventory/docs/asset-types).
 * A type's kansa type is one whose Google Cloud checks fit it, or none read: no Google Cloud
 * check reads `compute.vm`, `compute.snapshot`, `kms.vault` or `analytics.service`, so a notebook
 * instance, a Cloud SQL backup, a secret or a pipeline meets only the cross-cloud location and
 * classification checks. A secret is a `kms.vault` (a store of secrets, as Key Vault is), not a
 * `kms.key`, whose rotation check would misread it.
 */
export const NATIVE_TYPES: Readonly<Record<string, NativeType>> = {
  [PROJECT_TYPE]: { kansaType: 'account' },
  'cloudresourcemanager.googleapis.com/Folder': { kansaType: 'other' },
  'cloudresourcemanager.googleapis.com/Organization': { kansaType: 'other', facts: organizationFacts },

  'storage.googleapis.com/Bucket': {
    kansaType: 'storage.bucket',
    oneKey: true,
    facts: bucketFacts,
    region: bucketDataLocation,
  },
  'cloudkms.googleapis.com/KeyRing': { kansaType: 'kms.vault' },
  'cloudkms.googleapis.com/CryptoKey': { kansaType: 'kms.key', facts: cryptoKeyFacts },
  'secretmanager.googleapis.com/Secret': { kansaType: 'kms.vault', facts: secretFacts, region: secretRegion },

  'compute.googleapis.com/Instance': { kansaType: 'compute.vm', facts: bootDiskKey },
  // Notebook and Workbench instances are Compute Engine VMs, in a zone.
  'notebooks.googleapis.com/Instance': { kansaType: 'compute.vm', facts: notebookFacts },
  'compute.googleapis.com/Disk': {
    kansaType: 'compute.disk',
    oneKey: true,
    facts: (data, path) => ({
      ...computeEncryptionKey(data, path, 'diskEncryptionKey'),
      // Asynchronous replication: the secondary disk names its primary.
      ...replicaOf(data, path, 'asyncPrimaryDisk.disk'),
    }),
  },
  'compute.googleapis.com/RegionDisk': {
    kansaType: 'compute.disk',
    oneKey: true,
    facts: (data, path) => computeEncryptionKey(data, path, 'diskEncryptionKey'),
  },
  'compute.googleapis.com/Snapshot': {
    kansaType: 'compute.snapshot',
    oneKey: true,
    facts: (data, path) => ({
      ...computeEncryptionKey(data, path, 'snapshotEncryptionKey'),
      ...replicaOf(data, path, 'sourceDisk'),
    }),
    // Snapshots are global resources; their data sits in `storageLocations` (a region or multi-region).
    region: storageLocation,
  },
  // Disk images and machine images hold disk contents; their data sits in `storageLocations`.
  'compute.googleapis.com/Image': {
    kansaType: 'compute.snapshot',
    oneKey: true,
    facts: (data, path) => computeEncryptionKey(data, path, 'imageEncryptionKey'),
    region: storageLocation,
  },
  'compute.googleapis.com/MachineImage': {
    kansaType: 'compute.snapshot',
    oneKey: true,
    facts: (data, path) => computeEncryptionKey(data, path, 'machineImageEncryptionKey'),
    region: storageLocation,
  },
  'compute.googleapis.com/Firewall': { kansaType: 'network.firewall', facts: firewallFacts },
  // Hierarchical and network firewall policies.
  [FIREWALL_POLICY_TYPE]: { kansaType: 'network.firewall', facts: firewallPolicyFacts },
  'compute.googleapis.com/Network': { kansaType: 'network.vpc' },
  'compute.googleapis.com/Subnetwork': { kansaType: 'network.vpc', facts: subnetworkFacts },

  // A backup's data sits in its own `location` (a multi-region by default), before the asset's.
  'sqladmin.googleapis.com/BackupRun': {
    kansaType: 'compute.snapshot',
    oneKey: true,
    facts: backupRunFacts,
    region: (data) => stringAt(data, 'location'),
  },
  'sqladmin.googleapis.com/Instance': {
    kansaType: 'database.instance',
    oneKey: true,
    facts: sqlInstanceFacts,
    labels: (data) => at(data, 'settings.userLabels'),
  },
  'bigquery.googleapis.com/Dataset': { kansaType: 'database.instance', facts: datasetFacts, oneKey: true },
  // Where its instance configuration (`config`) keeps the data.
  'spanner.googleapis.com/Instance': { kansaType: 'database.instance', region: spannerRegion },
  // Bigtable keeps data in its clusters: `location` is `projects/p/locations/<zone>`.
  'bigtableadmin.googleapis.com/Cluster': {
    kansaType: 'database.server',
    oneKey: true,
    facts: (data, path) => customerManagedKey(data, path, 'encryptionConfig.kmsKeyName'),
  },
  'alloydb.googleapis.com/Cluster': {
    kansaType: 'database.server',
    oneKey: true,
    facts: (data, path) => customerManagedKey(data, path, 'encryptionConfig.kmsKeyName'),
  },
  // `cmekConfig` (CMEK databases, 2024 on); absent, Google-managed keys.
  'firestore.googleapis.com/Database': {
    kansaType: 'database.instance',
    oneKey: true,
    facts: (data, path) => customerManagedKey(data, path, 'cmekConfig.kmsKeyName'),
    region: (data) => stringAt(data, 'locationId'),
  },
  'memcache.googleapis.com/Instance': {
    kansaType: 'cache.cluster',
    facts: (data, path) => vpcOnlyFacts(data, path, 'authorizedNetwork'),
  },
  'bigquery.googleapis.com/Table': {
    kansaType: 'database.table',
    oneKey: true,
    facts: tableFacts,
  },
  'container.googleapis.com/Cluster': {
    kansaType: 'container.cluster',
    facts: clusterFacts,
    labels: (data) => data.resourceLabels,
  },
  'artifactregistry.googleapis.com/Repository': {
    kansaType: 'container.registry',
    oneKey: true,
    facts: (data, path) => customerManagedKey(data, path, 'kmsKeyName'),
  },
  'redis.googleapis.com/Instance': {
    kansaType: 'cache.cluster',
    oneKey: true,
    facts: (data, path) => ({
      ...customerManagedKey(data, path, 'customerManagedKey'),
      ...vpcOnlyFacts(data, path, 'authorizedNetwork'),
    }),
  },
  // Messages are kept where `messageStoragePolicy.allowedPersistenceRegions` allows. Several
  // regions: a message may be in any of them, so the topic is as far out as the farthest one (the
  // first outside Japan's, else the first). No policy: Pub/Sub keeps messages near their
  // publishers, within the organisation's location policy, which the record does not show
  // (https://cloud.google.com/pubsub/docs/resource-location-restriction): unknown, not global.
  'pubsub.googleapis.com/Topic': {
    kansaType: 'storage.queue',
    oneKey: true,
    facts: (data, path) => customerManagedKey(data, path, 'kmsKeyName'),
    region: (data) =>
      farthestRegion(at(data, 'messageStoragePolicy.allowedPersistenceRegions')) ?? UNKNOWN_REGION,
  },
  'file.googleapis.com/Instance': {
    kansaType: 'storage.file-system',
    oneKey: true,
    facts: (data, path) => ({
      ...customerManagedKey(data, path, 'kmsKeyName'),
      ...vpcOnlyFacts(data, path, 'networks'),
    }),
  },
  // Analytics and ML services, where their name's `locations/<l>` or their `location` says.
  'composer.googleapis.com/Environment': {
    kansaType: 'analytics.service',
    oneKey: true,
    facts: (data, path) => customerManagedKey(data, path, 'config.encryptionConfig.kmsKeyName'),
  },
  'aiplatform.googleapis.com/Dataset': {
    kansaType: 'analytics.service',
    oneKey: true,
    facts: (data, path) => customerManagedKey(data, path, 'encryptionSpec.kmsKeyName'),
  },
  'datafusion.googleapis.com/Instance': {
    kansaType: 'analytics.service',
    oneKey: true,
    facts: (data, path) => customerManagedKey(data, path, 'cryptoKeyConfig.keyReference'),
  },
  'dataflow.googleapis.com/Job': {
    kansaType: 'analytics.service',
    oneKey: true,
    facts: (data, path) => customerManagedKey(data, path, 'environment.serviceKmsKeyName'),
  },
  'logging.googleapis.com/LogBucket': { kansaType: 'audit.log-bucket', facts: logBucketFacts },
  'logging.googleapis.com/LogSink': { kansaType: 'audit.log-sink' },
  // Service accounts: their own IAM policy says who may act as them (gcp.iam.owner-count).
  'iam.googleapis.com/ServiceAccount': { kansaType: 'iam.service-account', facts: serviceAccountFacts },
  // Custom roles: whether those they are bound to may rewrite IAM policies (gcp.iam.owner-count).
  'iam.googleapis.com/Role': { kansaType: 'iam.role', facts: customRoleFacts },
  'iam.googleapis.com/ServiceAccountKey': {
    kansaType: 'iam.service-account-key',
    facts: serviceAccountKeyFacts,
  },
  // Their IAM-policy lines carry `publicBindings` (invokers such as allUsers); their resource
  // lines the ingress.
  'run.googleapis.com/Service': { kansaType: 'compute.serverless', facts: cloudRunServiceFacts },
  'cloudfunctions.googleapis.com/Function': { kansaType: 'compute.serverless', facts: cloudFunctionFacts },
  'cloudfunctions.googleapis.com/CloudFunction': {
    kansaType: 'compute.serverless',
    facts: cloudFunctionFacts,
  },
};
