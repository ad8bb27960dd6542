import type { Resource } from '../../../model/resource.ts';
import type { TfInstance } from '../document.ts';
import { isObject, type JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import type { BuildContext, Unit } from './adapter.ts';
import { DATA, fromAsset, set } from './gcp-record.ts';

/**
 * A GKE cluster as the REST `Cluster`: legacy ABAC, logging, its control plane's endpoints and
 * authorized networks.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster
 */
export function containerCluster(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const cluster = unit.primary;
  const data: JsonObject = {};
  set(data, 'legacyAbac.enabled', tr.read(cluster, 'enable_legacy_abac', `${DATA}.legacyAbac.enabled`));
  set(data, 'loggingService', loggingServiceOf(cluster, tr, ctx));
  set(
    data,
    'privateClusterConfig.enablePrivateEndpoint',
    tr.readComputed(
      cluster,
      'private_cluster_config.0.enable_private_endpoint',
      `${DATA}.privateClusterConfig.enablePrivateEndpoint`,
      ctx.config.sets(cluster, 'private_cluster_config'),
    ),
  );
  // google 6.x `control_plane_endpoints_config.ip_endpoints_config.enabled` (default true): false
  // leaves the control plane no IP endpoint, public or private (DNS endpoint only).
  const ipEndpoints = 'control_plane_endpoints_config.0.ip_endpoints_config.0.enabled';
  if (tr.valuesOf(cluster).read(ipEndpoints).state === 'known')
    set(
      data,
      'controlPlaneEndpointsConfig.ipEndpointsConfig.enabled',
      tr.read(cluster, ipEndpoints, `${DATA}.controlPlaneEndpointsConfig.ipEndpointsConfig.enabled`),
    );
  const authorizedPath = `${DATA}.masterAuthorizedNetworksConfig`;
  // A block whose computed `gcp_public_cidrs_access_enabled` is known only after apply: its
  // CIDR blocks are what it allows.
  const block = 'master_authorized_networks_config.0';
  const cidrs = `${block}.cidr_blocks`;
  if (tr.valuesOf(cluster).present(block) && tr.valuesOf(cluster).read(block).state === 'unknown') {
    const ranges =
      tr.valuesOf(cluster).read(cidrs).state === 'absent' ? [] : tr.read(cluster, cidrs, authorizedPath);
    if (Array.isArray(ranges)) {
      tr.mark(authorizedPath, `${cluster.address}.${cidrs}`, 'known');
      data.masterAuthorizedNetworksConfig = {
        enabled: true,
        cidrBlocks: ranges.filter(isObject).map((c) => ({ cidrBlock: c.cidr_block })),
      };
    }
    return fromAsset('container.googleapis.com/Cluster', data, tr);
  }
  // Optional+Computed from google 4.4x: a new cluster that leaves it out has authorized networks off.
  const authorized = tr.readComputed(
    cluster,
    'master_authorized_networks_config',
    authorizedPath,
    ctx.config.sets(cluster, 'master_authorized_networks_config'),
  );
  if (Array.isArray(authorized)) {
    const block = authorized.find(isObject);
    data.masterAuthorizedNetworksConfig = block
      ? {
          enabled: true,
          cidrBlocks: (Array.isArray(block.cidr_blocks) ? block.cidr_blocks : [])
            .filter(isObject)
            .map((c) => ({ cidrBlock: c.cidr_block })),
          ...(block.gcp_public_cidrs_access_enabled === true && { gcpPublicCidrsAccessEnabled: true }),
        }
      : { enabled: false };
  }
  return fromAsset('container.googleapis.com/Cluster', data, tr);
}

/**
 * `logging_service`, Optional+Computed: a new cluster that leaves it out logs to Cloud Logging,
 * the API's default. google 4.x on spell the same setting `logging_config.enable_components`
 * too, the provider then computing `logging_service`: an empty set disables all logging (the
 * API's LoggingComponentConfig), any component keeps Cloud Logging on. The components decide
 * where `logging_service` is known only after apply, and where the configuration sets them but not
 * `logging_service`: an update shows `logging_service` at its prior value until apply, so
 * components so set that the plan cannot show leave logging unknown.
 */
function loggingServiceOf(cluster: TfInstance, tr: Translation, ctx: BuildContext): unknown {
  const path = `${DATA}.loggingService`;
  const components = 'logging_config.0.enable_components';
  const configured = ctx.config.sets(cluster, 'logging_service');
  const read = tr.valuesOf(cluster).read(components);
  const componentsConfigured = !configured && ctx.config.sets(cluster, 'logging_config');
  const serviceUnknown = tr.valuesOf(cluster).read('logging_service').state === 'unknown';
  if (
    (componentsConfigured || (!configured && serviceUnknown)) &&
    read.state === 'known' &&
    Array.isArray(read.value)
  ) {
    tr.mark(path, `${cluster.address}.${components}`, 'known');
    return read.value.length === 0 ? 'none' : 'logging.googleapis.com/kubernetes';
  }
  if (componentsConfigured && (read.state === 'unknown' || read.state === 'sensitive'))
    return tr.read(cluster, components, path);
  // google-beta's `cluster_telemetry` (ENABLED, SYSTEM_ONLY: system components logged, DISABLED):
  // with the integration DISABLED, or a type the plan cannot show, what logging a new cluster keeps
  // is not documented.
  const telemetry = 'cluster_telemetry.0.type';
  const telemetryType = tr.valuesOf(cluster).read(telemetry);
  if (
    !configured &&
    !componentsConfigured &&
    ctx.config.sets(cluster, 'cluster_telemetry') &&
    serviceUnknown &&
    !(telemetryType.state === 'known' && ['ENABLED', 'SYSTEM_ONLY'].includes(String(telemetryType.value)))
  ) {
    tr.mark(path, `${cluster.address}.${telemetry}`, 'unknown', {
      ja: 'cluster_telemetry の連携が無効（DISABLED）またはプランで値が不明で、新しいクラスタに残るロギングは文書化されていません',
      en: 'the cluster_telemetry integration is DISABLED, or its type is not shown: what logging a new cluster keeps is not documented',
    });
    return undefined;
  }
  return tr.readComputed(cluster, 'logging_service', path, configured);
}
