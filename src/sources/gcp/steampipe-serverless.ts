import { hasAka, rowUnknownTags, type SteampipeTable } from '../steampipe-row.ts';
import { invokerCheckOfRow } from './cloud-run.ts';
import { isObject, type JsonObject } from './json.ts';
import { rowAsset } from './steampipe-asset.ts';

/** The row's IAM policy (`iam_policy`: the API's `{bindings, etag, version}`), when the column holds one. */
function iamPolicyOf(row: Readonly<Record<string, unknown>>) {
  return isObject(row.iam_policy)
    ? { iamPolicy: { policy: row.iam_policy as JsonObject, path: 'iam_policy' } }
    : {};
}

/**
 * Steampipe's `gcp_cloud_run_service` (turbot/steampipe-plugin-gcp `table_gcp_cloud_run_service.go`):
 * the Cloud Run Admin API v2 service, `name` cut to its last segment (the full name is rebuilt from
 * `project`, `location` and `name`), `ingress` as the API's enum (`INGRESS_TRAFFIC_ALL`), the
 * service's IAM policy in `iam_policy`. Read as the service's Cloud Asset. The table has no
 * column of the v2 service's `invokerIamDisabled` (plugin v1.x, 2026): the Invoker IAM check is
 * unknown unless a row carries `invoker_iam_disabled`.
 */
export const gcpCloudRunServiceTable: SteampipeTable = {
  table: 'gcp_cloud_run_service',
  matches: (row) => hasAka(row, /^gcp:\/\/run\.googleapis\.com\/projects\/[^/]+\/services\/[^/]+$/),
  requiredColumns: ['name', 'location', 'project', 'ingress', 'iam_policy'],
  columnTypes: {
    iam_policy: 'json',
    template: 'json',
    traffic: 'json',
    traffic_statuses: 'json',
    annotations: 'json',
    labels: 'json',
    conditions: 'json',
    terminal_condition: 'json',
    binary_authorization: 'json',
    custom_audiences: 'json',
    reconciling: 'boolean',
    satisfies_pzs: 'boolean',
    invoker_iam_disabled: 'boolean',
  },
  read(row, origin) {
    const { name, location, project } = row;
    if (typeof name !== 'string' || typeof location !== 'string' || typeof project !== 'string')
      return { skip: 'a gcp_cloud_run_service row without its name, location or project' };
    const full = `projects/${project}/locations/${location}/services/${name}`;
    const data = {
      name: full,
      ...(typeof row.ingress === 'string' && { ingress: row.ingress }),
      ...(typeof row.uri === 'string' && { uri: row.uri }),
      ...(typeof row.invoker_iam_disabled === 'boolean' && { invokerIamDisabled: row.invoker_iam_disabled }),
      ...(Array.isArray(row.traffic) && { traffic: row.traffic }),
      ...(isObject(row.labels) && { labels: row.labels }),
    };
    const service = rowAsset(origin, {
      name: `//run.googleapis.com/${full}`,
      assetType: 'run.googleapis.com/Service',
      unknownTags: rowUnknownTags(row, 'labels'),
      data,
      location,
      ...iamPolicyOf(row),
    });
    return [invokerCheckOfRow(service, row, NO_INVOKER_COLUMN)];
  },
};

const NO_INVOKER_COLUMN = {
  ja: 'Steampipe の gcp_cloud_run_service には起動元の IAM チェック（invokerIamDisabled）の列がありません',
  en: 'Steampipe’s gcp_cloud_run_service has no column for the Invoker IAM check (invokerIamDisabled)',
};

/**
 * Steampipe's `gcp_cloudfunctions_function` (`table_gcp_cloudfunctions_function.go`): the Cloud
 * Functions v2 API's function, 1st and 2nd gen alike, `name` its full name, `ingress_settings`
 * from its `serviceConfig` (also in the `service_config` column), the function's IAM policy in
 * `iam_policy`. Read as the function's Cloud Asset.
 */
export const gcpCloudFunctionTable: SteampipeTable = {
  table: 'gcp_cloudfunctions_function',
  matches: (row) =>
    typeof row.name === 'string' &&
    FUNCTION_NAME.test(row.name) &&
    (row.akas as unknown[]).includes(`gcp://cloudfunctions.googleapis.com/${row.name}`),
  requiredColumns: ['name', 'ingress_settings', 'iam_policy'],
  columnTypes: {
    iam_policy: 'json',
    build_config: 'json',
    service_config: 'json',
    event_trigger: 'json',
    https_trigger: 'json',
    labels: 'json',
    build_environment_variables: 'json',
    service_environment_variables: 'json',
    build_source: 'json',
    service_secret_environment_variables: 'json',
    service_secret_volumes: 'json',
    state_messages: 'json',
    max_instances: 'number',
    min_instances: 'number',
    max_instance_request_concurrency: 'number',
    service_all_traffic_on_latest_revision: 'boolean',
    satisfies_pzs: 'boolean',
  },
  read(row, origin) {
    const name = String(row.name);
    const service = isObject(row.service_config) ? row.service_config : {};
    const data = {
      name,
      serviceConfig: {
        ...service,
        ...(typeof row.ingress_settings === 'string' && { ingressSettings: row.ingress_settings }),
      },
      ...(typeof row.url === 'string' && { url: row.url }),
      ...(isObject(row.labels) && { labels: row.labels }),
    };
    return [
      rowAsset(origin, {
        name: `//cloudfunctions.googleapis.com/${name}`,
        assetType: 'cloudfunctions.googleapis.com/Function',
        unknownTags: rowUnknownTags(row, 'labels'),
        data,
        ...iamPolicyOf(row),
      }),
    ];
  },
};

const FUNCTION_NAME = /^projects\/[^/]+\/locations\/[^/]+\/functions\/[^/]+$/;
