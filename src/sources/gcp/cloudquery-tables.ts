import type { CloudQueryTable } from '../cloudquery-row.ts';
import { FIREWALL_LIST_COLUMNS } from './api-columns.ts';
import { restValue } from './cloudquery-rows.ts';
import { GCP_CLOUDQUERY_SERVICE_TABLES } from './cloudquery-services.ts';
import { GCP_CLOUDQUERY_STORAGE_TABLES } from './cloudquery-storage.ts';
import { assetToResource } from './to-resource.ts';

/**
 * `gcp_compute_firewalls` (cloudquery/cloudquery plugins/source/gcp, docs/tables): the Go
 * client's `computepb.Firewall`, one snake_case column per field (`allowed` entries
 * `{"I_p_protocol": "tcp", "ports": ["22"]}`, the proto field's name, read as `IPProtocol`), `project_id` for the project
 * (no self link), read as the REST resource it comes from.
 */
const computeFirewalls: CloudQueryTable = {
  table: 'gcp_compute_firewalls',
  requiredColumns: ['project_id', 'name', 'direction', 'disabled', 'allowed', 'source_ranges'],
  jsonColumns: ['allowed', 'denied', 'log_config'],
  csvColumns: {
    disabled: 'boolean',
    priority: 'number',
    ...Object.fromEntries(Object.keys(FIREWALL_LIST_COLUMNS).map((column) => [column, 'json' as const])),
  },
  read(row, origin) {
    const name = typeof row.name === 'string' ? row.name : '';
    const project = typeof row.project_id === 'string' ? row.project_id : '';
    if (name === '' || project === '')
      return { skip: 'a gcp_compute_firewalls row without its name or project_id' };
    const data: Record<string, unknown> = {
      kind: 'compute#firewall',
      name,
      selfLink: `https://www.googleapis.com/compute/v1/projects/${project}/global/firewalls/${name}`,
      ...(typeof row.direction === 'string' && { direction: row.direction }),
      ...(typeof row.disabled === 'boolean' && { disabled: row.disabled }),
      ...(typeof row.priority === 'number' && { priority: row.priority }),
      ...(typeof row.network === 'string' && { network: row.network }),
      ...(row.allowed !== null && { allowed: restValue(row.allowed) }),
      ...(row.denied !== undefined && row.denied !== null && { denied: restValue(row.denied) }),
      ...(typeof row.log_config === 'object' && row.log_config !== null && { logConfig: row.log_config }),
    };
    for (const [column, field] of Object.entries(FIREWALL_LIST_COLUMNS))
      if (row[column] !== undefined && row[column] !== null) data[field] = row[column];
    return [
      assetToResource(
        {
          name: `//compute.googleapis.com/projects/${project}/global/firewalls/${name}`,
          assetType: 'compute.googleapis.com/Firewall',
          ancestors: [],
          resource: { data, dataPath: 'row' },
        },
        origin,
      ),
    ];
  },
};

export const GCP_CLOUDQUERY_TABLES: readonly CloudQueryTable[] = [
  computeFirewalls,
  ...GCP_CLOUDQUERY_SERVICE_TABLES,
  ...GCP_CLOUDQUERY_STORAGE_TABLES,
];
