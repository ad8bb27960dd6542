import type { CloudQueryTable } from '../cloudquery-row.ts';
import { FIREWALL_LIST_COLUMNS } from './api-columns.ts';
import { assetToResource } from './to-resource.ts';

/**
 * An `allowed` / `denied` entry as the Go client's protobuf struct marshals it
 * (`computepb.Allowed`: `{"I_p_protocol": "tcp", "ports": ["22"]}`, the proto field's name) →
 * the REST resource's `{IPProtocol, ports}`.
 */
function ruleEntries(column: unknown): unknown {
  if (!Array.isArray(column)) return column;
  return column.map((entry) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return entry;
    const { I_p_protocol: protocol, ...rest } = entry as Record<string, unknown>;
    return protocol === undefined ? rest : { IPProtocol: protocol, ...rest };
  });
}

/**
 * `gcp_compute_firewalls` (cloudquery/cloudquery plugins/source/gcp, docs/tables): the Go
 * client's `computepb.Firewall`, one snake_case column per field, `project_id` for the project
 * (no self link), read as the REST resource it comes from. The plugin's other tables hold other
 * client libraries' structs (`gcp_storage_buckets`: cloud.google.com/go/storage's BucketAttrs,
 * `public_access_prevention` an enum number), not the REST resources: not read.
 */
const computeFirewalls: CloudQueryTable = {
  table: 'gcp_compute_firewalls',
  requiredColumns: ['project_id', 'name', 'direction', 'disabled', 'allowed', 'source_ranges'],
  jsonColumns: ['allowed', 'denied', 'log_config'],
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
      ...(row.allowed !== null && { allowed: ruleEntries(row.allowed) }),
      ...(row.denied !== undefined && row.denied !== null && { denied: ruleEntries(row.denied) }),
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

export const GCP_CLOUDQUERY_TABLES: readonly CloudQueryTable[] = [computeFirewalls];
