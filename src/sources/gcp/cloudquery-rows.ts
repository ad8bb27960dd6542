import { cloudQueryTime, restName } from '../cloudquery-row.ts';

/** Fields whose keys are the user's own (labels, annotations, metadata items), never renamed. */
const MAP_FIELDS = new Set(['labels', 'resourceLabels', 'userLabels', 'annotations', 'metadata']);

/**
 * A JSON column as the REST resource spells it. The GCP plugin's columns hold the Go client
 * libraries' structs, marshalled by encoding/json: the protobuf clients' (`computepb`,
 * `containerpb`, `kmspb`, `runpb`) by their json tags, the proto field names in snake_case
 * (`{"cidr_blocks": [{"cidr_block": …}]}`), the REST clients' (`sqladmin`, `bigquery`,
 * `cloudresourcemanager`) in the API's camelCase already; both read as the REST resource.
 */
export function restValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(restValue);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => {
      const name = restName(key);
      return [name, MAP_FIELDS.has(name) ? field : restValue(field)];
    }),
  );
}

/**
 * A row's columns as the REST resource's fields: every column but CloudQuery's own (`_cq_*`)
 * and `project_id`, which the plugin adds; null, and the empty text a string field's column
 * holds where the API leaves the field out, are left out; a
 * timestamp column (`2024-03-11 09:14:05`, UTC) is read as the API's RFC 3339 time.
 */
export function restFields(row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (
      column.startsWith('_cq_') ||
      column === 'project_id' ||
      value === null ||
      value === undefined ||
      value === ''
    )
      continue;
    const name = restName(column);
    data[name] =
      typeof value === 'string' ? cloudQueryTime(value) : MAP_FIELDS.has(name) ? value : restValue(value);
  }
  return data;
}

/** A Compute Engine self link's resource path (`https://www.googleapis.com/compute/v1/projects/…` → `projects/…`). */
export function computePath(selfLink: string): string | undefined {
  return /\/compute\/(?:v1|beta|alpha)\/(projects\/.+)$/.exec(selfLink)?.[1];
}
