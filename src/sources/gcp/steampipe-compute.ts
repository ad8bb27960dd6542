import type { Localized } from '../../model/localized.ts';
import { hasAka, rowUnknownTags, type SteampipeTable } from '../steampipe-row.ts';
import { isObject } from './json.ts';
import { rowAsset } from './steampipe-asset.ts';

/**
 * Steampipe's `gcp_compute_subnetwork`, `gcp_compute_disk` and `gcp_compute_instance`
 * (turbot/steampipe-plugin-gcp `table_gcp_compute_subnetwork.go`, `table_gcp_compute_disk.go`,
 * `table_gcp_compute_instance.go`): Compute Engine resources with
 * one snake_case column per field (`enable_flow_logs`, `log_config_enable` for
 * `logConfig.enable`, `purpose`; `disk_encryption_key` as JSON with the API's names), named by
 * their self link. Each row is put back into the REST resource it comes from.
 */
export const gcpSubnetworkTable: SteampipeTable = {
  table: 'gcp_compute_subnetwork',
  matches: (row) =>
    hasAka(row, /^gcp:\/\/compute\.googleapis\.com\/projects\/[^/]+\/regions\/[^/]+\/subnetworks\//),
  requiredColumns: ['name', 'self_link', 'enable_flow_logs', 'log_config_enable', 'purpose'],
  columnTypes: {
    enable_flow_logs: 'boolean',
    log_config_enable: 'boolean',
    private_ip_google_access: 'boolean',
  },
  read(row, origin) {
    const selfLink = typeof row.self_link === 'string' ? row.self_link : '';
    if (!COMPUTE_SELF_LINK.test(selfLink))
      return { skip: 'a gcp_compute_subnetwork row without a self_link' };
    return computeResource('compute.googleapis.com/Subnetwork', selfLink, origin, {
      kind: 'compute#subnetwork',
      ...(typeof row.name === 'string' && { name: row.name }),
      ...(typeof row.region === 'string' && { region: row.region }),
      ...(typeof row.purpose === 'string' && row.purpose !== '' && { purpose: row.purpose }),
      ...(typeof row.enable_flow_logs === 'boolean' && { enableFlowLogs: row.enable_flow_logs }),
      ...(typeof row.log_config_enable === 'boolean' && { logConfig: { enable: row.log_config_enable } }),
    });
  },
};

export const gcpDiskTable: SteampipeTable = {
  table: 'gcp_compute_disk',
  matches: (row) =>
    hasAka(row, /^gcp:\/\/compute\.googleapis\.com\/projects\/[^/]+\/(?:zones|regions)\/[^/]+\/disks\//),
  requiredColumns: ['name', 'self_link', 'disk_encryption_key'],
  columnTypes: { disk_encryption_key: 'json', labels: 'json', size_gb: 'number' },
  read(row, origin) {
    const selfLink = typeof row.self_link === 'string' ? row.self_link : '';
    if (!COMPUTE_SELF_LINK.test(selfLink)) return { skip: 'a gcp_compute_disk row without a self_link' };
    const regional = selfLink.includes('/regions/');
    return computeResource(
      regional ? 'compute.googleapis.com/RegionDisk' : 'compute.googleapis.com/Disk',
      selfLink,
      origin,
      {
        kind: 'compute#disk',
        ...(typeof row.name === 'string' && { name: row.name }),
        ...(typeof row.zone === 'string' && row.zone !== '' && { zone: row.zone }),
        ...(typeof row.region === 'string' && row.region !== '' && { region: row.region }),
        ...(isObject(row.disk_encryption_key) && { diskEncryptionKey: row.disk_encryption_key }),
        ...(isObject(row.labels) && { labels: row.labels }),
      },
      rowUnknownTags(row, 'labels'),
    );
  },
};

/**
 * Steampipe's `gcp_compute_instance` (`table_gcp_compute_instance.go`): the VM, where it runs
 * (`zone`, the zone's URL) and its `status`; its disks are the disk table's rows.
 */
export const gcpComputeInstanceTable: SteampipeTable = {
  table: 'gcp_compute_instance',
  matches: (row) =>
    hasAka(row, /^gcp:\/\/compute\.googleapis\.com\/projects\/[^/]+\/zones\/[^/]+\/instances\//),
  requiredColumns: ['name', 'self_link', 'zone'],
  columnTypes: { labels: 'json' },
  read(row, origin) {
    const selfLink = typeof row.self_link === 'string' ? row.self_link : '';
    if (!COMPUTE_SELF_LINK.test(selfLink)) return { skip: 'a gcp_compute_instance row without a self_link' };
    return computeResource(
      'compute.googleapis.com/Instance',
      selfLink,
      origin,
      {
        kind: 'compute#instance',
        ...(typeof row.name === 'string' && { name: row.name }),
        ...(typeof row.zone === 'string' && row.zone !== '' && { zone: row.zone }),
        ...(typeof row.status === 'string' && { status: row.status }),
        ...(isObject(row.labels) && { labels: row.labels }),
      },
      rowUnknownTags(row, 'labels'),
    );
  },
};

const COMPUTE_SELF_LINK = /^https:\/\/(?:www|compute)\.googleapis\.com\/compute\/v1\/(projects\/.+)$/;

function computeResource(
  assetType: string,
  selfLink: string,
  origin: Parameters<SteampipeTable['read']>[1],
  data: Record<string, unknown>,
  unknownTags?: Localized,
) {
  const path = COMPUTE_SELF_LINK.exec(selfLink)![1];
  return [
    rowAsset(origin, {
      name: `//compute.googleapis.com/${path}`,
      assetType,
      data: { ...data, selfLink },
      unknownTags,
    }),
  ];
}
