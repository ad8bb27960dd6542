import { hasAka, type SteampipeTable } from '../steampipe-row.ts';
import { FIREWALL_LIST_COLUMNS } from './api-columns.ts';
import { rowAsset } from './steampipe-asset.ts';

/** Columns holding the API's lists, as JSON (the API's own names inside: `IPProtocol`, `ports`). */
const LIST_COLUMNS = { allowed: 'allowed', denied: 'denied', ...FIREWALL_LIST_COLUMNS } as const;

/**
 * Steampipe's `gcp_compute_firewall` (turbot/steampipe-plugin-gcp `table_gcp_compute_firewall.go`):
 * the Compute Engine `Firewall` with one column per field, snake_case (`source_ranges`,
 * `target_tags`), lists as JSON with the API's names inside (`allowed: [{"IPProtocol", "ports"}]`);
 * `project` from the self link, `location` always `global`. Read as the REST resource it comes from.
 */
export const gcpFirewallTable: SteampipeTable = {
  table: 'gcp_compute_firewall',
  matches: (row) => hasAka(row, /^gcp:\/\/compute\.googleapis\.com\/projects\/[^/]+\/global\/firewalls\//),
  requiredColumns: ['name', 'project', 'direction', 'disabled', 'allowed', 'source_ranges'],
  columnTypes: {
    disabled: 'boolean',
    priority: 'number',
    log_config_enable: 'boolean',
    ...Object.fromEntries(Object.keys(LIST_COLUMNS).map((column) => [column, 'json'])),
  },
  read(row, origin) {
    const name = typeof row.name === 'string' ? row.name : '';
    const project = typeof row.project === 'string' ? row.project : '';
    if (name === '' || project === '')
      return { skip: 'a gcp_compute_firewall row without its name or project' };
    const data: Record<string, unknown> = {
      kind: 'compute#firewall',
      name,
      selfLink:
        typeof row.self_link === 'string'
          ? row.self_link
          : `https://www.googleapis.com/compute/v1/projects/${project}/global/firewalls/${name}`,
      ...(typeof row.direction === 'string' && { direction: row.direction }),
      ...(typeof row.disabled === 'boolean' && { disabled: row.disabled }),
      ...(typeof row.priority === 'number' && { priority: row.priority }),
      ...(typeof row.network === 'string' && { network: row.network }),
      ...(typeof row.log_config_enable === 'boolean' && { logConfig: { enable: row.log_config_enable } }),
    };
    for (const [column, field] of Object.entries(LIST_COLUMNS))
      if (Array.isArray(row[column])) data[field] = row[column];
    return [
      rowAsset(origin, {
        name: `//compute.googleapis.com/projects/${project}/global/firewalls/${name}`,
        assetType: 'compute.googleapis.com/Firewall',
        data,
      }),
    ];
  },
};
