import type { Resource } from '../../model/resource.ts';
import type { CloudQueryTable } from '../cloudquery-row.ts';
import { rowUnknownTags, type TagsColumn } from '../steampipe-row.ts';
import { PROJECT_TYPE } from './adapters/index.ts';
import { invokerCheckOfRow } from './cloud-run.ts';
import { computePath, restFields } from './cloudquery-rows.ts';
import { goClientSqlSettings } from './go-client.ts';
import { isObject, type JsonObject, stringAt } from './json.ts';
import { rowAsset } from './steampipe-asset.ts';
import { CLUSTER_SELF_LINK } from './steampipe-gke.ts';

/*
 * The GCP plugin's tables (cloudquery/cloudquery plugins/source/gcp, docs/tables/<table>.md):
 * each made from a Go client library's struct (`client.TransformWithStruct(&pb.Disk{})`), one
 * snake_case column per field, nested structures as JSON columns, `project_id` added. A
 * protobuf enum at the top is its name (`"USER_MANAGED"`); inside a JSON column, its number.
 */

const LABEL_COLUMNS: ReadonlySet<string> = new Set<TagsColumn>(['labels', 'resource_labels']);

/** A table whose rows are one REST resource each, named by what `name` returns (undefined: skipped). */
function restTable(spec: {
  table: string;
  assetType: string | ((row: Readonly<Record<string, unknown>>) => string);
  requiredColumns: readonly string[];
  jsonColumns: readonly string[];
  csvColumns: NonNullable<CloudQueryTable['csvColumns']>;
  name: (row: Readonly<Record<string, unknown>>) => string | undefined;
  data?: (fields: Record<string, unknown>, row: Readonly<Record<string, unknown>>) => JsonObject;
  /** What the row tells beyond its fields (a setting its table has no column for: unknown). */
  finish?: (resource: Resource, row: Readonly<Record<string, unknown>>) => Resource;
}): CloudQueryTable {
  // A row without its table's labels column (a query's that did not select it) tells no labels.
  const labels = spec.jsonColumns.find((column): column is TagsColumn => LABEL_COLUMNS.has(column));
  return {
    table: spec.table,
    requiredColumns: spec.requiredColumns,
    jsonColumns: spec.jsonColumns,
    csvColumns: spec.csvColumns,
    read(row, origin) {
      const name = spec.name(row);
      if (!name) return { skip: `a ${spec.table} row without the columns that name it` };
      const fields = restFields(row);
      const resource = rowAsset(origin, {
        name,
        assetType: typeof spec.assetType === 'string' ? spec.assetType : spec.assetType(row),
        data: spec.data ? spec.data(fields, row) : fields,
        unknownTags: labels && rowUnknownTags(row, labels),
      });
      return [spec.finish ? spec.finish(resource, row) : resource];
    },
  };
}

/** A Compute Engine resource by its self link: `//compute.googleapis.com/projects/…`. */
function computeName(row: Readonly<Record<string, unknown>>): string | undefined {
  const path = computePath(stringAt(row, 'self_link') ?? '');
  return path && `//compute.googleapis.com/${path}`;
}

/**
 * `gcp_compute_disks` (computepb.Disk): `disk_encryption_key` `{"kms_key_name": …}` where a
 * Cloud KMS key encrypts the disk, null where Google's keys do; zonal and regional disks alike,
 * told apart by their self link.
 */
const computeDisks = restTable({
  table: 'gcp_compute_disks',
  assetType: (row) =>
    (stringAt(row, 'self_link') ?? '').includes('/regions/')
      ? 'compute.googleapis.com/RegionDisk'
      : 'compute.googleapis.com/Disk',
  requiredColumns: ['self_link', 'disk_encryption_key'],
  jsonColumns: [
    'disk_encryption_key',
    'labels',
    'source_image_encryption_key',
    'source_snapshot_encryption_key',
  ],
  csvColumns: {
    size_gb: 'number',
    replica_zones: 'json',
    users: 'json',
    licenses: 'json',
    resource_policies: 'json',
  },
  name: computeName,
});

/**
 * `gcp_compute_subnetworks` (computepb.Subnetwork): `log_config` `{"enable": true, …}` (null
 * where flow logs were never set: off), the older `enable_flow_logs`, and `purpose`.
 */
const computeSubnetworks = restTable({
  table: 'gcp_compute_subnetworks',
  assetType: 'compute.googleapis.com/Subnetwork',
  requiredColumns: ['self_link', 'log_config'],
  jsonColumns: ['log_config', 'secondary_ip_ranges'],
  csvColumns: { enable_flow_logs: 'boolean', private_ip_google_access: 'boolean' },
  name: computeName,
});

/**
 * `gcp_sql_instances` (sqladmin/v1beta4 DatabaseInstance, the REST client): `settings`,
 * `disk_encryption_configuration` and `ip_addresses` in the API's own camelCase
 * (`settings.ipConfiguration.requireSsl`, `settings.backupConfiguration.enabled`), false flags
 * left out.
 */
const sqlInstances = restTable({
  table: 'gcp_sql_instances',
  assetType: 'sqladmin.googleapis.com/Instance',
  requiredColumns: ['name', 'project', 'settings', 'disk_encryption_configuration'],
  jsonColumns: ['settings', 'disk_encryption_configuration', 'ip_addresses', 'replica_configuration'],
  csvColumns: { replica_names: 'json', satisfies_pzs: 'boolean' },
  name: (row) => {
    const [project, name] = [stringAt(row, 'project') ?? '', stringAt(row, 'name') ?? ''];
    return project && name ? `//cloudsql.googleapis.com/projects/${project}/instances/${name}` : undefined;
  },
  data: ({ settings, ...fields }) => ({
    kind: 'sql#instance',
    ...fields,
    settings: goClientSqlSettings(settings),
  }),
});

/**
 * `gcp_container_clusters` (containerpb.Cluster): `legacy_abac`, `private_cluster_config`,
 * `master_authorized_networks_config` and (since GKE 1.29) `control_plane_endpoints_config` as
 * the proto's snake_case structures; `logging_service` a column.
 */
const containerClusters = restTable({
  table: 'gcp_container_clusters',
  assetType: 'container.googleapis.com/Cluster',
  requiredColumns: [
    'self_link',
    'legacy_abac',
    'private_cluster_config',
    'master_authorized_networks_config',
  ],
  jsonColumns: [
    'legacy_abac',
    'private_cluster_config',
    'master_authorized_networks_config',
    'control_plane_endpoints_config',
    'node_config',
    'node_pools',
    'autoscaling',
    'logging_config',
    'resource_labels',
  ],
  csvColumns: { locations: 'json', instance_group_urls: 'json', enable_kubernetes_alpha: 'boolean' },
  name: (row) => {
    const cluster = CLUSTER_SELF_LINK.exec(stringAt(row, 'self_link') ?? '')?.[1];
    return cluster && `//container.googleapis.com/${cluster}`;
  },
});

/** Cloud KMS `ProtectionLevel` by its number (kmspb), as the REST resource names it. */
const PROTECTION_LEVELS = ['PROTECTION_LEVEL_UNSPECIFIED', 'SOFTWARE', 'HSM', 'EXTERNAL', 'EXTERNAL_VPC'];

/** A CryptoKeyVersion (template) structure with its protection level named, not numbered. */
function namedProtectionLevel(version: unknown): unknown {
  if (!isObject(version) || typeof version.protectionLevel !== 'number') return version;
  const level = PROTECTION_LEVELS[version.protectionLevel];
  const { protectionLevel: _number, ...rest } = version;
  return level ? { ...rest, protectionLevel: level } : rest;
}

/**
 * `gcp_kms_crypto_keys` (kmspb.CryptoKey): `rotation_period` the duration in nanoseconds, which
 * the plugin resolves from `GetRotationPeriod().AsDuration()` and so writes 0 for a key without
 * one (never a rotation period of its own: none); `purpose` the enum's name. The plugin's 2022
 * table (v1) held the REST client's CryptoKey: `rotation_period` the API's duration text
 * (`7776000s`), absent for none, and `primary` in the API's names.
 */
const kmsCryptoKeys = restTable({
  table: 'gcp_kms_crypto_keys',
  assetType: 'cloudkms.googleapis.com/CryptoKey',
  requiredColumns: ['name', 'purpose', 'rotation_period'],
  jsonColumns: ['primary', 'version_template', 'labels'],
  csvColumns: { rotation_period: 'number', import_only: 'boolean', destroy_scheduled_duration: 'number' },
  name: (row) => {
    const name = stringAt(row, 'name') ?? '';
    return name.startsWith('projects/') ? `//cloudkms.googleapis.com/${name}` : undefined;
  },
  data: ({ rotationPeriod, primary, versionTemplate, rotationSchedule: _oneof, ...fields }) => ({
    ...fields,
    ...(typeof rotationPeriod === 'number' &&
      rotationPeriod > 0 && { rotationPeriod: `${rotationPeriod / 1e9}s` }),
    ...(typeof rotationPeriod === 'string' && rotationPeriod !== '' && { rotationPeriod }),
    ...(primary !== undefined && { primary: namedProtectionLevel(primary) }),
    ...(versionTemplate !== undefined && { versionTemplate: namedProtectionLevel(versionTemplate) }),
  }),
});

/**
 * `gcp_iam_service_account_keys` (adminpb.ServiceAccountKey, a child of
 * `gcp_iam_service_accounts`): `key_type` the enum's name, `valid_after_time` a timestamp,
 * `disabled`.
 */
const serviceAccountKeys = restTable({
  table: 'gcp_iam_service_account_keys',
  assetType: 'iam.googleapis.com/ServiceAccountKey',
  requiredColumns: ['name', 'key_type', 'valid_after_time', 'disabled'],
  jsonColumns: [],
  csvColumns: { disabled: 'boolean' },
  name: (row) => {
    const name = stringAt(row, 'name') ?? '';
    return name.startsWith('projects/') ? `//iam.googleapis.com/${name}` : undefined;
  },
  data: ({ publicKeyData: _key, ...fields }) => fields,
});

/**
 * `gcp_resourcemanager_project_policies` (cloudresourcemanager/v3 Policy, the REST client): the
 * project's GetIamPolicy answer, `bindings` and `audit_configs` in the API's names. The answer
 * leaves out audit configs where the project has none: a null column is none, not unknown.
 */
const projectPolicies: CloudQueryTable = {
  table: 'gcp_resourcemanager_project_policies',
  requiredColumns: ['project_id', 'bindings', 'audit_configs'],
  jsonColumns: ['bindings', 'audit_configs'],
  csvColumns: { version: 'number' },
  read(row, origin) {
    const project = stringAt(row, 'project_id') ?? '';
    if (!project) return { skip: 'a gcp_resourcemanager_project_policies row without its project_id' };
    const policy = {
      bindings: Array.isArray(row.bindings) ? row.bindings : [],
      auditConfigs: Array.isArray(row.audit_configs) ? row.audit_configs : [],
    };
    return [
      rowAsset(origin, {
        name: `//cloudresourcemanager.googleapis.com/projects/${project}`,
        assetType: PROJECT_TYPE,
        iamPolicy: { policy, path: 'row' },
      }),
    ];
  },
};

/**
 * `gcp_bigquery_datasets` (bigquery/v2 Dataset from datasets.get, the REST client): `access`
 * entries and `default_encryption_configuration` in the API's names.
 */
const bigqueryDatasets = restTable({
  table: 'gcp_bigquery_datasets',
  assetType: 'bigquery.googleapis.com/Dataset',
  requiredColumns: ['dataset_reference', 'access'],
  jsonColumns: ['dataset_reference', 'access', 'default_encryption_configuration', 'labels'],
  csvColumns: { creation_time: 'number', last_modified_time: 'number', is_case_insensitive: 'boolean' },
  name: (row) => {
    const reference = row.dataset_reference;
    const [project, dataset] = isObject(reference)
      ? [reference.projectId, reference.datasetId]
      : (stringAt(row, 'id') ?? '').split(':');
    return typeof project === 'string' && typeof dataset === 'string' && project && dataset
      ? `//bigquery.googleapis.com/projects/${project}/datasets/${dataset}`
      : undefined;
  },
  data: (fields) => ({ kind: 'bigquery#dataset', ...fields }),
});

/** Cloud Run v2 `IngressTraffic` by its number (runpb), as the API names it. */
const INGRESS_TRAFFIC = [
  'INGRESS_TRAFFIC_UNSPECIFIED',
  'INGRESS_TRAFFIC_ALL',
  'INGRESS_TRAFFIC_INTERNAL_ONLY',
  'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
];

/**
 * `gcp_run_services` (runpb v2 Service): `ingress` the enum's name (a number in the plugin's 2022
 * table, v1, named here; unspecified is left out, the API's default). The plugin has no table of
 * a service's IAM policy: who may invoke it is unknown. Its tables up to April 2024 (when the
 * plugin left the open repository) predate the v2 service's `invokerIamDisabled`: without an
 * `invoker_iam_disabled` column, the Invoker IAM check is unknown.
 */
const runServices = restTable({
  table: 'gcp_run_services',
  assetType: 'run.googleapis.com/Service',
  requiredColumns: ['name', 'ingress'],
  jsonColumns: ['template', 'traffic', 'labels', 'annotations'],
  csvColumns: {
    custom_audiences: 'json',
    reconciling: 'boolean',
    satisfies_pzs: 'boolean',
    generation: 'number',
    invoker_iam_disabled: 'boolean',
    // A number in the 2022 table; text that is not one (the enum's name) stays text.
    ingress: 'number',
  },
  name: (row) => {
    const name = stringAt(row, 'name') ?? '';
    return name.startsWith('projects/') ? `//run.googleapis.com/${name}` : undefined;
  },
  data: ({ ingress, ...fields }) => {
    const named = typeof ingress === 'number' ? INGRESS_TRAFFIC[ingress] : ingress;
    return named === undefined || named === INGRESS_TRAFFIC[0] ? fields : { ...fields, ingress: named };
  },
  finish: (resource, row) =>
    invokerCheckOfRow(resource, row, {
      ja: 'CloudQuery の gcp_run_services のこの行には起動元の IAM チェック（invoker_iam_disabled）の列がありません',
      en: 'This CloudQuery gcp_run_services row has no column for the Invoker IAM check (invoker_iam_disabled)',
    }),
});

export const GCP_CLOUDQUERY_SERVICE_TABLES: readonly CloudQueryTable[] = [
  computeDisks,
  computeSubnetworks,
  sqlInstances,
  containerClusters,
  kmsCryptoKeys,
  serviceAccountKeys,
  projectPolicies,
  bigqueryDatasets,
  runServices,
];
