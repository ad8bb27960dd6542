import { hasAka, rowUnknownTags, type SteampipeTable } from '../steampipe-row.ts';
import { isObject } from './json.ts';
import { rowAsset } from './steampipe-asset.ts';

/** JSON columns that are the `Cluster`'s own structures, by the REST field they hold. */
const JSON_COLUMNS = {
  private_cluster_config: 'privateClusterConfig',
  master_authorized_networks_config: 'masterAuthorizedNetworksConfig',
  node_config: 'nodeConfig',
  node_pools: 'nodePools',
  autoscaling: 'autoscaling',
  resource_labels: 'resourceLabels',
} as const;

/** The self link `…/v1/projects/<p>/(zones|locations)/<l>/clusters/<c>`, as the Cloud Asset names it. */
export const CLUSTER_SELF_LINK = /\/(projects\/[^/]+\/(?:zones|locations)\/[^/]+\/clusters\/[^/]+)$/;

/**
 * Steampipe's `gcp_kubernetes_cluster` (turbot/steampipe-plugin-gcp `table_gcp_kubernetes_cluster.go`):
 * the GKE `Cluster` with scalar fields as snake_case columns (`logging_service`,
 * `legacy_abac_enabled` for `legacyAbac.enabled`) and its structures as JSON columns written by the
 * Go client, whose camelCase names are the API's and which leave out false and empty fields
 * (`private_cluster_config` without `enablePrivateEndpoint` is the API's false). The table has no
 * column for `controlPlaneEndpointsConfig`: the endpoint is read from `privateClusterConfig`.
 * The plugin's 2021 revision had the `legacy_abac` JSON column (`{"enabled": true}`, `{}`) in
 * place of `legacy_abac_enabled`, and `akas` without the API version
 * (`gcp://container.googleapis.com/projects/<p>/zones/<location>/clusters/<name>`).
 */
export const gcpKubernetesClusterTable: SteampipeTable = {
  table: 'gcp_kubernetes_cluster',
  matches: (row) =>
    hasAka(row, /^gcp:\/\/container\.googleapis\.com\/v1[^/]*\/projects\/[^/]+\//) ||
    hasAka(row, /^gcp:\/\/container\.googleapis\.com\/projects\/[^/]+\/zones\/[^/]+\/clusters\/[^/]+$/),
  // And legacy_abac_enabled, or the 2021 revision's legacy_abac (read).
  requiredColumns: [
    'name',
    'project',
    'location',
    'private_cluster_config',
    'master_authorized_networks_config',
    'logging_service',
    'node_pools',
  ],
  columnTypes: {
    legacy_abac_enabled: 'boolean',
    legacy_abac: 'json',
    ...Object.fromEntries(Object.keys(JSON_COLUMNS).map((column) => [column, 'json'])),
  },
  read(row, origin) {
    const name = typeof row.name === 'string' ? row.name : '';
    const project = typeof row.project === 'string' ? row.project : '';
    const location = typeof row.location === 'string' ? row.location : '';
    if (name === '' || project === '' || location === '')
      return { skip: 'a gcp_kubernetes_cluster row without its name, project or location' };
    if (!('legacy_abac_enabled' in row) && !('legacy_abac' in row))
      return {
        skip: 'a gcp_kubernetes_cluster row without the columns legacy_abac_enabled (or legacy_abac): the query did not select them, so their settings are unknown; query select * from gcp_kubernetes_cluster',
      };
    const selfLink = typeof row.self_link === 'string' ? row.self_link : undefined;
    const data: Record<string, unknown> = {
      name,
      location,
      ...(selfLink && { selfLink }),
      ...(typeof row.legacy_abac_enabled === 'boolean' && {
        legacyAbac: { enabled: row.legacy_abac_enabled },
      }),
      ...(isObject(row.legacy_abac) && { legacyAbac: row.legacy_abac }),
      ...(typeof row.logging_service === 'string' &&
        row.logging_service !== '' && { loggingService: row.logging_service }),
    };
    for (const [column, field] of Object.entries(JSON_COLUMNS))
      if (isObject(row[column]) || Array.isArray(row[column])) data[field] = row[column];
    const cluster =
      CLUSTER_SELF_LINK.exec(selfLink ?? '')?.[1] ??
      `projects/${project}/locations/${location}/clusters/${name}`;
    return [
      rowAsset(origin, {
        name: `//container.googleapis.com/${cluster}`,
        assetType: 'container.googleapis.com/Cluster',
        unknownTags: rowUnknownTags(row, 'resource_labels'),
        data,
      }),
    ];
  },
};
