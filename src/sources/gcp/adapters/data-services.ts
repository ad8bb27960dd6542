import { cloudDefault, derived, explicit, factPath } from '../../../model/fact.ts';
import type { CommonFacts } from '../../../model/facts.ts';
import { arrayOf, at, isObject, type JsonObject, stringAt } from '../json.ts';
import { farthestRegion } from '../location.ts';
import { customerManagedKey, keyNamed, sqlInstanceAssetName } from './encryption.ts';

/**
 * Secret Manager secrets: a secret of automatic replication (`replication.automatic`, v1beta's
 * `replication.auto`) is replicated by Google across regions worldwide, `global` (Google counts
 * it as global for the organisation's resource-location policy); one of user-managed replication
 * is kept in each replica's `location`, as far as the farthest of them; a regional secret
 * (`…/locations/<l>/secrets/…`) has no `replication` and is where its name says.
 * https://cloud.google.com/secret-manager/docs/reference/rest/v1/projects.secrets#replication
 * https://cloud.google.com/secret-manager/docs/choosing-replication
 */
export function secretRegion(data: JsonObject): string | undefined {
  if (automaticReplication(data) !== undefined) return 'global';
  const replicas = arrayOf(at(data, 'replication.userManaged.replicas'));
  if (replicas.length === 0) return undefined;
  return farthestRegion(replicas.map((replica) => (isObject(replica) ? replica['location'] : undefined)));
}

/** The path of a secret's automatic replication in the record's spelling (v1 or v1beta), if it has one. */
function automaticReplication(data: JsonObject): string | undefined {
  return ['replication.automatic', 'replication.auto'].find((path) => at(data, path) !== undefined);
}

/**
 * A secret's key: automatic replication names one for all copies
 * (`replication.automatic.customerManagedEncryption`), user-managed replication one per replica
 * (each copy without one is under Google's keys), a regional secret its own
 * `customerManagedEncryption`.
 */
export function secretFacts(data: JsonObject, dataPath: string): CommonFacts {
  const replicas = arrayOf(at(data, 'replication.userManaged.replicas'));
  if (replicas.length === 0) {
    const automatic = automaticReplication(data);
    const keyField = automatic
      ? `${automatic}.customerManagedEncryption.kmsKeyName`
      : 'customerManagedEncryption.kmsKeyName';
    return customerManagedKey(data, dataPath, keyField);
  }
  const keys = replicas.map((replica) =>
    isObject(replica) ? stringAt(replica, 'customerManagedEncryption.kmsKeyName') : undefined,
  );
  const withoutKey = keys.indexOf(undefined);
  const replicasPath = factPath(dataPath, 'replication.userManaged.replicas');
  return {
    customerManagedKey:
      withoutKey === -1
        ? keyNamed(keys as string[], `${replicasPath}[].customerManagedEncryption.kmsKeyName`)
        : keyNamed(undefined, `${replicasPath}[${withoutKey}].customerManagedEncryption.kmsKeyName`),
  };
}

/**
 * Cloud SQL backups (BackupRun): kept in their own `location` (a region or multi-region, not
 * always the instance's), encrypted with `diskEncryptionConfiguration.kmsKeyName`, and copies of
 * their `instance` (LOC-2), whose asset the self link's project names.
 * https://cloud.google.com/sql/docs/mysql/admin-api/rest/v1beta4/backupRuns
 */
export function backupRunFacts(data: JsonObject, dataPath: string): CommonFacts {
  const instance = stringAt(data, 'instance');
  const project = /\/projects\/([^/]+)\//.exec(stringAt(data, 'selfLink') ?? '')?.[1];
  return {
    ...customerManagedKey(data, dataPath, 'diskEncryptionConfiguration.kmsKeyName'),
    ...(instance && {
      replicaOf: explicit(
        sqlInstanceAssetName(project && !instance.includes(':') ? `${project}:${instance}` : instance, data),
        factPath(dataPath, 'instance'),
      ),
    }),
  };
}

/**
 * Notebook instances are Compute Engine VMs: user-managed notebooks (Notebooks v1) name their
 * disks' key in `kmsKey`, Vertex AI Workbench instances (v2, the same asset type) each disk's
 * in `gceSetup.bootDisk.kmsKey` and `gceSetup.dataDisks[].kmsKey`: the data is under customer
 * keys only when every disk names one (a data disk left to Google-managed keys holds data too).
 * https://cloud.google.com/vertex-ai/docs/workbench/reference/rest/v2/projects.locations.instances
 */
export function notebookFacts(data: JsonObject, dataPath: string): CommonFacts {
  if (at(data, 'gceSetup') === undefined) return customerManagedKey(data, dataPath, 'kmsKey');
  const disks = [
    'gceSetup.bootDisk',
    ...arrayOf(at(data, 'gceSetup.dataDisks')).map((_, i) => `gceSetup.dataDisks.${i}`),
  ];
  const keys = disks.map((disk) => stringAt(data, `${disk}.kmsKey`));
  const unkeyed = keys.indexOf(undefined);
  if (unkeyed !== -1)
    return { customerManagedKey: keyNamed(undefined, factPath(dataPath, `${disks[unkeyed]}.kmsKey`)) };
  return {
    customerManagedKey:
      keys.length === 1
        ? keyNamed(keys[0], factPath(dataPath, 'gceSetup.bootDisk.kmsKey'))
        : keyNamed(keys as string[], factPath(dataPath, 'gceSetup.{bootDisk,dataDisks[]}.kmsKey')),
  };
}

/**
 * Services that serve clients only at private addresses of a VPC network, with no public endpoint
 * to open (CLS-2): Memorystore for Redis (`authorizedNetwork`, reached by direct peering or private
 * services access: `connectMode`), Memorystore for Memcached (`authorizedNetwork`) and Filestore
 * (`networks[].network`, whose `ipAddresses` are the VPC's). The evidence is the field naming the
 * network, or, in a record without it (a search summary), the service's rule.
 * https://cloud.google.com/memorystore/docs/redis/networking
 * https://cloud.google.com/memorystore/docs/memcached/networking
 * https://cloud.google.com/filestore/docs/networking
 */
export function vpcOnlyFacts(data: JsonObject, dataPath: string, networkField: string): CommonFacts {
  const network = at(data, networkField);
  const path = factPath(dataPath, networkField);
  return {
    reachableFromInternet:
      network === undefined || network === null
        ? cloudDefault(false, path, VPC_ONLY_NOTE)
        : derived(false, explicit(network, path)),
  };
}

const VPC_ONLY_NOTE = {
  ja: '記録に接続先の VPC ネットワークがありません: このサービスは VPC 内のプライベート IP アドレスでのみ接続でき、パブリック エンドポイントを持ちません',
  en: 'the record names no VPC network: the service is reached only at private IP addresses in a VPC, with no public endpoint',
};
