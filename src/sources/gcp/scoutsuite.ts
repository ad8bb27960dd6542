import { derived, explicit, type Fact } from '../../model/fact.ts';
import type { Localized } from '../../model/localized.ts';
import type { Resource } from '../../model/resource.ts';
import type { ReadContext } from '../format.ts';
import { keptOnly } from '../scoutsuite-kept.ts';
import { membersOf, noteUnreadCollections, scopesOf } from '../scoutsuite-scopes.ts';
import type { CloudAsset } from './asset.ts';
import { isObject, type JsonObject } from './json.ts';
import { projectBindingsResource } from './scoutsuite-iam.ts';
import { assetToResource } from './to-resource.ts';

/**
 * ScoutSuite's Google Cloud results (`scout gcp`, src/sources/scoutsuite.ts reads the file):
 * `services.<service>.projects.<project id>.<collection>.<id>`, each resource as
 * ScoutSuite/providers/gcp/resources/… reshaped the API's answer. Read, as the Cloud Asset
 * records their settings come from and through the type's adapter: buckets (location, public
 * access prevention, uniform bucket-level access, the ACL, the IAM policy's bindings), firewall
 * rules (direction, state, sources, the allowed protocols and ports), Cloud KMS keys (purpose,
 * rotation period, the primary version's protection level) and Cloud SQL instances (public IP,
 * authorized networks, automated backups; no region) and service accounts' keys (type and
 * validity; not whether one is disabled), GKE clusters (legacy ABAC, whether logs are sent) and
 * BigQuery datasets (location, default key, access entries), 1st gen Cloud Functions with an
 * HTTPS trigger (ingress, the IAM policy's bindings) and the projects' IAM bindings, as grants a
 * project holds at least (scoutsuite-iam.ts). What
 * ScoutSuite does not keep (a
 * bucket's default KMS key; a rule's source service accounts, so a rule without ranges or tags
 * has an unknown source) is unknown, never the API's default.
 */
export function* gcpScoutSuiteResources(
  results: Record<string, unknown>,
  ctx: ReadContext,
): Generator<Resource> {
  const services = results.services as Record<string, unknown>;
  const origin = { file: ctx.file };
  for (const [project, scope] of scopesOf(services.cloudstorage, 'projects'))
    for (const [, bucket] of membersOf(scope.buckets)) {
      const read = bucketAsset(project, bucket);
      if (read) yield readAsset(read, origin);
      else ctx.skip(`a ScoutSuite cloudstorage buckets entry without its name or ARN (${project})`);
    }
  for (const [project, scope] of scopesOf(services.computeengine, 'projects'))
    for (const [, firewall] of membersOf(scope.firewalls)) {
      const read = firewallAsset(project, firewall);
      if (read) yield readAsset(read, origin);
      else ctx.skip(`a ScoutSuite computeengine firewalls entry without its name or ARN (${project})`);
    }
  for (const [project, scope] of scopesOf(services.kms, 'projects'))
    for (const [, keyRing] of membersOf(scope.keyrings))
      for (const [, key] of membersOf(keyRing.keys)) {
        const read = cryptoKeyAsset(project, keyRing, key);
        if (read) yield readAsset(read, origin);
        else ctx.skip(`a ScoutSuite kms keys entry without its name or ARN (${project})`);
      }
  for (const [project, scope] of scopesOf(services.cloudsql, 'projects'))
    for (const [, instance] of membersOf(scope.instances)) {
      const read = sqlInstanceAsset(project, instance);
      if (!read) {
        ctx.skip(`a ScoutSuite cloudsql instances entry without its name or ARN (${project})`);
        continue;
      }
      const resource = readAsset(read, origin);
      yield { ...resource, facts: { ...resource.facts, ...sqlReplica(instance) } };
    }
  for (const [project, scope] of scopesOf(services.iam, 'projects')) {
    const bindings = membersOf(scope.bindings).map(([, binding]) => binding);
    if (bindings.length > 0) yield projectBindingsResource(project, bindings, origin);
  }
  for (const [project, scope] of scopesOf(services.iam, 'projects'))
    for (const [, account] of membersOf(scope.service_accounts))
      for (const [, key] of membersOf(account.keys)) {
        const read = serviceAccountKeyAsset(project, account, key);
        if (read) yield readAsset(read, origin);
        else ctx.skip(`a ScoutSuite iam service account key without its id or account's email (${project})`);
      }
  for (const [project, scope] of scopesOf(services.kubernetesengine, 'projects'))
    for (const [, cluster] of clustersOf(scope)) {
      const read = clusterAsset(project, cluster);
      if (!read) {
        ctx.skip(`a ScoutSuite kubernetesengine clusters entry without its name or location (${project})`);
        continue;
      }
      const resource = readAsset(read, origin);
      yield { ...resource, facts: { ...resource.facts, ...clusterLogging(cluster) } };
    }
  for (const [project, scope] of scopesOf(services.bigquery, 'projects'))
    for (const [, dataset] of membersOf(scope.datasets)) {
      const read = datasetAsset(project, dataset);
      if (read) yield readAsset(read, origin);
      else ctx.skip(`a ScoutSuite bigquery datasets entry without its name (${project})`);
    }
  for (const [project, scope] of scopesOf(services.functions, 'projects'))
    for (const [, fn] of membersOf(scope.functions_v1)) {
      const read = functionAsset(project, fn);
      if (read) yield readAsset(read, origin);
      else ctx.skip(`a ScoutSuite functions functions_v1 entry without its name or location (${project})`);
    }
  noteUnreadCollections(services, 'projects', READ, ctx);
}

/** What is read, by service: its collections of resources. */
const READ: Readonly<Record<string, readonly string[]>> = {
  cloudstorage: ['buckets'],
  computeengine: ['firewalls'],
  kms: ['keyrings'],
  cloudsql: ['instances'],
  iam: ['service_accounts', 'bindings'],
  kubernetesengine: ['clusters', 'zones'],
  bigquery: ['datasets'],
  functions: ['functions_v1'],
};

const DATA_PATH = 'resource.data';

/**
 * The asset as its adapter reads it, the facts of settings ScoutSuite did not keep unknown: the
 * kept ones are the data's, and those ScoutSuite tells are not set (`none`, by their data path).
 */
function readAsset(
  { asset, none = [] }: { asset: CloudAsset & { resource: { data: JsonObject } }; none?: readonly string[] },
  origin: { file: string },
): Resource {
  const resource = assetToResource(asset, origin);
  const kept = { ...asset.resource.data, ...Object.fromEntries(none.map((path) => [path, null])) };
  return { ...resource, facts: keptOnly(resource.facts, kept, DATA_PATH, NOT_KEPT) };
}

const NOT_KEPT: Localized = {
  ja: 'ScoutSuite の結果はこの設定を保持しません',
  en: "ScoutSuite's results do not keep this setting",
};

/**
 * cloudstorage/buckets.py: `location`, `public_access_prevention`, `uniform_bucket_level_access`
 * (null when the bucket's `iamConfiguration` names neither field), `acls` (the bucket's ACL as
 * the API lists it; empty when uniform access is on or the call failed), `member_bindings`
 * (`{member: [roles]}` of the bucket's IAM policy, empty when it could not be read: a bucket's
 * policy always binds its legacy roles) and `project_number`.
 */
function bucketAsset(project: string, bucket: JsonObject) {
  if (typeof bucket.name !== 'string' || bucket.name === '') return undefined;
  const data: JsonObject = {
    name: bucket.name,
    ...(typeof bucket.location === 'string' && { location: bucket.location }),
    iamConfiguration: {
      ...(typeof bucket.public_access_prevention === 'string' && {
        publicAccessPrevention: bucket.public_access_prevention,
      }),
      ...(typeof bucket.uniform_bucket_level_access === 'boolean' && {
        uniformBucketLevelAccess: { enabled: bucket.uniform_bucket_level_access },
      }),
    },
  };
  const acl = Array.isArray(bucket.acls) ? bucket.acls : [];
  const bindings = Object.entries(isObject(bucket.member_bindings) ? bucket.member_bindings : {});
  const roles = new Map<string, string[]>();
  for (const [member, memberRoles] of bindings)
    for (const role of Array.isArray(memberRoles) ? memberRoles : [])
      roles.set(String(role), [...(roles.get(String(role)) ?? []), member]);
  const asset = {
    name: `//storage.googleapis.com/${bucket.name}`,
    assetType: 'storage.googleapis.com/Bucket',
    ancestors: projectAncestors(bucket.project_number),
    resource: {
      data,
      dataPath: DATA_PATH,
      parent: `//cloudresourcemanager.googleapis.com/projects/${project}`,
    },
    ...(roles.size > 0 && {
      iamPolicy: {
        policy: { bindings: [...roles].map(([role, members]) => ({ role, members })) },
        path: 'iamPolicy',
      },
    }),
    ...(acl.length > 0 && { bucketAcl: { entries: acl, path: 'acls' } }),
  };
  return { asset };
}

/** `project_number` as ScoutSuite keeps it (a number or its string): the project's ancestor. */
function projectAncestors(projectNumber: unknown): string[] {
  const number = typeof projectNumber === 'number' ? String(projectNumber) : projectNumber;
  return typeof number === 'string' && /^\d+$/.test(number) ? [`projects/${number}`] : [];
}

/**
 * gce/firewalls.py: `direction`, `disabled`, `priority`, `network_url`, `source_ranges`,
 * `source_tags`, `target_tags`, `destination_ranges`, `action` (`allowed` or `denied`) and the
 * rule's protocols as `allowed_traffic` / `denied_traffic` (`{tcp: ["22", "80-90"], udp: […],
 * icmp: ["Portless Protocol"]}`, `all` made `0-65535` on TCP and UDP, a protocol listed without
 * ports `["*"]`). Older versions write both maps for every rule, each protocol's list empty where
 * the rule does not name it: an empty list is no protocol of the rule (the API's entry without
 * ports would be every port). ScoutSuite keeps no source service accounts: a rule with neither
 * ranges nor tags has an unknown source, not the 0.0.0.0/0 of a rule with none.
 */
function firewallAsset(project: string, firewall: JsonObject) {
  if (typeof firewall.name !== 'string' || firewall.name === '') return undefined;
  const list = (value: unknown) =>
    Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')
      ? value
      : undefined;
  const sourceRanges = list(firewall.source_ranges);
  const sourceTags = list(firewall.source_tags);
  const action = firewall.action === 'denied' ? 'denied' : 'allowed';
  const entries = trafficEntries(firewall[`${action}_traffic`]);
  const targetTags = list(firewall.target_tags);
  const destinationRanges = list(firewall.destination_ranges);
  const data: JsonObject = {
    name: firewall.name,
    ...(typeof firewall.direction === 'string' && { direction: firewall.direction }),
    ...(typeof firewall.disabled === 'boolean' && { disabled: firewall.disabled }),
    ...(typeof firewall.priority === 'number' && { priority: firewall.priority }),
    ...(typeof firewall.network_url === 'string' && { network: firewall.network_url }),
    ...(sourceRanges && { sourceRanges }),
    ...(sourceTags && { sourceTags }),
    ...(targetTags && { targetTags }),
    ...(destinationRanges && { destinationRanges }),
    ...(entries && { [action]: entries }),
  };
  const id =
    typeof firewall.id === 'string' || typeof firewall.id === 'number' ? String(firewall.id) : undefined;
  // Sources are told by tags alone, or do not matter to an egress rule: no range is then kept.
  const rangesTold =
    sourceRanges !== undefined || sourceTags !== undefined || firewall.direction === 'EGRESS';
  return {
    asset: {
      name: `//compute.googleapis.com/projects/${project}/global/firewalls/${id ?? firewall.name}`,
      assetType: 'compute.googleapis.com/Firewall',
      ancestors: [],
      resource: { data, dataPath: DATA_PATH, location: 'global' },
    },
    // A rule allows or denies: the other list is none, not a setting ScoutSuite dropped.
    none: [
      action === 'denied' ? 'allowed' : 'denied',
      ...(rangesTold && !sourceRanges ? ['sourceRanges'] : []),
    ],
  };
}

/** A `…_traffic` map as the API's `allowed` / `denied` entries, its empty lists left out. */
function trafficEntries(traffic: unknown): JsonObject[] | undefined {
  if (!isObject(traffic)) return undefined;
  const entries: JsonObject[] = [];
  for (const [protocol, ports] of Object.entries(traffic)) {
    if (!Array.isArray(ports) || ports.length === 0) continue;
    const numbered = ports.filter((port) => typeof port === 'string' && /^\d/.test(port));
    // `Portless Protocol` (ICMP) and `*` (a protocol named without ports) are every port.
    entries.push({ IPProtocol: protocol, ...(numbered.length > 0 && { ports: numbered }) });
  }
  return entries;
}

/**
 * kms/keys.py: `purpose`, `rotation_period` in whole days (from `rotationPeriod`; null when the
 * key has none), `protection_level` and `state` of the primary version; the key ring gives the
 * location.
 */
function cryptoKeyAsset(project: string, keyRing: JsonObject, key: JsonObject) {
  if (typeof key.id !== 'string' || typeof keyRing.name !== 'string' || typeof keyRing.location !== 'string')
    return undefined;
  const name = `projects/${project}/locations/${keyRing.location}/keyRings/${keyRing.name}/cryptoKeys/${key.id}`;
  const data: JsonObject = {
    name,
    ...(typeof key.purpose === 'string' && { purpose: key.purpose }),
    ...(typeof key.rotation_period === 'number' && { rotationPeriod: `${key.rotation_period * 86_400}s` }),
    ...(typeof key.next_rotation_datetime === 'string' && { nextRotationTime: key.next_rotation_datetime }),
    primary: {
      ...(typeof key.state === 'string' && { state: key.state }),
      ...(typeof key.protection_level === 'string' && { protectionLevel: key.protection_level }),
    },
  };
  return {
    asset: {
      name: `//cloudkms.googleapis.com/${name}`,
      assetType: 'cloudkms.googleapis.com/CryptoKey',
      ancestors: [],
      resource: { data, dataPath: DATA_PATH, location: keyRing.location },
    },
    // ScoutSuite keeps `rotation_period` null for a key without one: not set, as the API says.
    none: 'rotation_period' in key && key.rotation_period === null ? ['rotationPeriod'] : [],
  };
}

/**
 * cloudsql/database_instances.py: `public_ip` (the PRIMARY address, null without one),
 * `authorized_networks` (`settings.ipConfiguration.authorizedNetworks` as the API gives them),
 * `automatic_backup_enabled` and `ssl_required` (`requireSsl`, false where absent: since `sslMode`
 * replaced it, false says nothing, and is not read). It keeps no region and no CMEK key.
 */
function sqlInstanceAsset(project: string, instance: JsonObject) {
  if (typeof instance.name !== 'string' || instance.name === '') return undefined;
  const networks = Array.isArray(instance.authorized_networks) ? instance.authorized_networks : undefined;
  const data: JsonObject = {
    name: instance.name,
    ...(typeof instance.database_version === 'string' && { databaseVersion: instance.database_version }),
    settings: {
      ipConfiguration: {
        ...(instance.public_ip !== undefined && { ipv4Enabled: typeof instance.public_ip === 'string' }),
        ...(networks && { authorizedNetworks: networks }),
        ...(instance.ssl_required === true && { requireSsl: true }),
      },
      ...(typeof instance.automatic_backup_enabled === 'boolean' && {
        backupConfiguration: { enabled: instance.automatic_backup_enabled },
      }),
    },
  };
  return {
    asset: {
      name: `//cloudsql.googleapis.com/projects/${project}/instances/${instance.name}`,
      assetType: 'sqladmin.googleapis.com/Instance',
      ancestors: [],
      resource: { data, dataPath: DATA_PATH },
    },
  };
}

/**
 * cloudsql/database_instances.py's `is_failover_replica` is `masterInstanceName != ''`: the
 * instance replicates from a primary (a read replica, or a legacy failover replica), which
 * ScoutSuite does not name.
 */
function sqlReplica(instance: JsonObject): { readReplica?: Fact<boolean> } {
  const replica = instance.is_failover_replica;
  return typeof replica === 'boolean' ? { readReplica: explicit(replica, 'is_failover_replica') } : {};
}

/**
 * iam/keys.py, under each of iam/service_accounts.py's accounts (by `email`): the key's `id` (the
 * last part of its name), `valid_after`, `valid_before`, `key_algorithm` and, since ScoutSuite lists
 * system-managed and user-managed keys apart, `key_type` (absent before: the adapter tells a
 * user-managed key by its validity then). It keeps no `disabled`: unknown.
 */
function serviceAccountKeyAsset(project: string, account: JsonObject, key: JsonObject) {
  const email = typeof account.email === 'string' ? account.email : account.name;
  if (typeof key.id !== 'string' || key.id === '' || typeof email !== 'string' || email === '')
    return undefined;
  const name = `projects/${project}/serviceAccounts/${email}/keys/${key.id}`;
  const data: JsonObject = {
    name,
    ...(typeof key.key_type === 'string' && { keyType: key.key_type }),
    ...(typeof key.key_algorithm === 'string' && { keyAlgorithm: key.key_algorithm }),
    ...(typeof key.valid_after === 'string' && { validAfterTime: key.valid_after }),
    ...(typeof key.valid_before === 'string' && { validBeforeTime: key.valid_before }),
  };
  return {
    asset: {
      name: `//iam.googleapis.com/${name}`,
      assetType: 'iam.googleapis.com/ServiceAccountKey',
      ancestors: [],
      resource: {
        data,
        dataPath: DATA_PATH,
        parent: `//cloudresourcemanager.googleapis.com/projects/${project}`,
      },
    },
  };
}

/** A project's GKE clusters: `clusters`, or by zone (`zones.<zone>.clusters`) in older versions. */
function* clustersOf(scope: JsonObject): Generator<[string, JsonObject]> {
  yield* membersOf(scope.clusters);
  for (const [, zone] of membersOf(scope.zones)) yield* membersOf(zone.clusters);
}

/**
 * gke/clusters.py: `name`, `location` (a region or a zone) and `legacy_abac_enabled`
 * (`legacyAbac.enabled`, false where absent, as the API means it). Its `private_endpoint_enabled`
 * is read from a misspelt `privateClusterconfig`, false for every cluster, so whether the control
 * plane has a public endpoint is not read (unknown), nor its authorized networks.
 */
function clusterAsset(project: string, cluster: JsonObject) {
  if (typeof cluster.name !== 'string' || cluster.name === '' || typeof cluster.location !== 'string')
    return undefined;
  const name = `projects/${project}/locations/${cluster.location}/clusters/${cluster.name}`;
  const data: JsonObject = {
    name: cluster.name,
    location: cluster.location,
    ...(typeof cluster.legacy_abac_enabled === 'boolean' && {
      legacyAbac: { enabled: cluster.legacy_abac_enabled },
    }),
  };
  return {
    asset: {
      name: `//container.googleapis.com/${name}`,
      assetType: 'container.googleapis.com/Cluster',
      ancestors: [],
      resource: { data, dataPath: DATA_PATH, location: cluster.location },
    },
  };
}

/**
 * gke/clusters.py's `logging_enabled` is `loggingService != 'none'`: the service itself is not kept.
 * False is `none`; true is a service of Cloud Logging (`logging.googleapis.com/kubernetes`, or the
 * legacy `logging.googleapis.com`), the only other values the API takes. The evidence shows
 * ScoutSuite's field.
 */
function clusterLogging(cluster: JsonObject): { loggingService?: Fact<string> } {
  const enabled = cluster.logging_enabled;
  if (typeof enabled !== 'boolean') return {};
  return {
    loggingService: derived(enabled ? 'Cloud Logging' : 'none', explicit(enabled, 'logging_enabled')),
  };
}

/**
 * bigquery/datasets.py: `name` (the dataset id), `location`, `default_encryption_configuration`
 * (the default key's name, null for none) and `bindings`, the dataset's `access` entries regrouped
 * by role as `{role: [{type, member}]}` (an entry without a role, an authorized view, under
 * Python's None written "null"), read back into `access`. Every dataset has entries (its owners):
 * none kept is an access list not read, unknown.
 */
function datasetAsset(project: string, dataset: JsonObject) {
  if (typeof dataset.name !== 'string' || dataset.name === '') return undefined;
  const bindings = isObject(dataset.bindings) ? Object.entries(dataset.bindings) : [];
  const access = bindings.flatMap(([role, members]) =>
    (Array.isArray(members) ? members : []).flatMap((entry) =>
      isObject(entry) && typeof entry.type === 'string'
        ? [{ ...(role !== 'null' && { role }), [entry.type]: entry.member }]
        : [],
    ),
  );
  const key = dataset.default_encryption_configuration;
  const data: JsonObject = {
    datasetReference: { datasetId: dataset.name, projectId: project },
    ...(typeof dataset.location === 'string' && { location: dataset.location }),
    ...(typeof key === 'string' && { defaultEncryptionConfiguration: { kmsKeyName: key } }),
    ...(access.length > 0 && { access }),
  };
  return {
    asset: {
      name: `//bigquery.googleapis.com/projects/${project}/datasets/${dataset.name}`,
      assetType: 'bigquery.googleapis.com/Dataset',
      ancestors: [],
      resource: {
        data,
        dataPath: DATA_PATH,
        parent: `//cloudresourcemanager.googleapis.com/projects/${project}`,
      },
    },
    // ScoutSuite keeps the default key's name, null for none: no key is not set.
    none: key === null ? ['defaultEncryptionConfiguration.kmsKeyName'] : [],
  };
}

/** A 1st gen function's HTTPS trigger URL: `https://<region>-<project>.cloudfunctions.net/<name>`. */
const FUNCTION_URL = /^https:\/\/([a-z]+-[a-z]+\d+)-[^/]+\.cloudfunctions\.net\//;

/**
 * functions/functions_v1.py: `name` (the last part of the function's full name, so no region),
 * `url` (the HTTPS trigger's, null for an event-driven function), `ingress_settings` and
 * `bindings`, the function's IAM policy bindings as the API gives them (`[{role, members}]`),
 * `[]` when getIamPolicy failed as when the policy binds no one: none is then a policy not read
 * (unknown). The region is read from the URL; a function without one cannot be named. A 2nd gen
 * function (functions_v2) is invoked through its Cloud Run service, which ScoutSuite neither names
 * nor lists, and its URL is the service's: not read (noted).
 */
function functionAsset(project: string, fn: JsonObject) {
  const region = typeof fn.url === 'string' ? FUNCTION_URL.exec(fn.url)?.[1] : undefined;
  if (typeof fn.name !== 'string' || fn.name === '' || !region) return undefined;
  const name = `projects/${project}/locations/${region}/functions/${fn.name}`;
  const bindings = Array.isArray(fn.bindings) ? fn.bindings : [];
  const data: JsonObject = {
    name,
    httpsTrigger: { url: fn.url },
    ...(typeof fn.ingress_settings === 'string' && { ingressSettings: fn.ingress_settings }),
  };
  return {
    asset: {
      name: `//cloudfunctions.googleapis.com/${name}`,
      assetType: 'cloudfunctions.googleapis.com/CloudFunction',
      ancestors: [],
      resource: {
        data,
        dataPath: DATA_PATH,
        location: region,
        parent: `//cloudresourcemanager.googleapis.com/projects/${project}`,
      },
      ...(bindings.length > 0 && { iamPolicy: { policy: { bindings }, path: 'bindings' } }),
    },
  };
}
