import type { Origin, Resource } from '../model/resource.ts';

/**
 * A row of a CloudQuery table as its `file` destination writes it (plugins/destination/file,
 * `format: json`: one JSON object a line): the table's columns in snake_case, and the columns
 * CloudQuery adds to every table, `_cq_id` (a UUID), `_cq_parent_id` (the parent row's, in a
 * child table) and, since the v2 SDK, `_cq_source_name` and `_cq_sync_time`. The row does not
 * name its table: the file does (`path: {{TABLE}}/{{UUID}}.{{FORMAT}}`, the default, or
 * `{{TABLE}}.{{FORMAT}}`).
 */
export function isCloudQueryRow(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const row = value as Record<string, unknown>;
  return (
    typeof row._cq_id === 'string' &&
    ('_cq_sync_time' in row || '_cq_source_name' in row || '_cq_parent_id' in row)
  );
}

/** A CloudQuery table kansa reads: its rows put back into the API records their columns flatten. */
export interface CloudQueryTable {
  readonly table: string;
  /**
   * The columns a row must carry, present even when null: a file of a table whose columns were
   * cut (`skip_columns`, an older plugin) says nothing about them, where null is the API's absent field.
   */
  readonly requiredColumns: readonly string[];
  /** The JSON columns `read` takes: objects in the JSON output, JSON text in CSV or a string-typed copy. */
  readonly jsonColumns: readonly string[];
  /**
   * The other columns that are not text, by type (`json`: a list or a structure; none when
   * absent), for the CSV output, which writes every cell as text (`true`, `7`, a list as JSON).
   */
  readonly csvColumns?: Readonly<Record<string, 'boolean' | 'number' | 'json'>>;
  read(
    row: Readonly<Record<string, unknown>>,
    origin: Origin,
  ): readonly Resource[] | { readonly skip: string };
}

/**
 * The table a file holds, from its path: the first name, from the file's own back to its
 * folders, that is a table's (`aws_s3_buckets/0a1b….json`, `aws_s3_buckets.json`,
 * `aws_s3_buckets.0a1b….json.gz`); a name is cut at its first dot. The object-store
 * destinations (s3, gcs, azblob) also name it with hyphens (`{{TABLE_HYPHEN}}`,
 * `aws-s3-buckets/0a1b….json`): table names have none, so each hyphen is an underscore.
 */
export function cloudQueryTableName(file: string): string | undefined {
  const segments = file.split(/[\\/!]/).reverse();
  for (const segment of segments) {
    const name = (segment.split('.')[0] ?? '').replaceAll('-', '_');
    if (/^(aws|azure|gcp|k8s|github)_[a-z0-9_]+$/.test(name)) return name;
  }
  return undefined;
}

/** A JSON column's value: the object, or the object its JSON text holds (null stays null). */
export function jsonColumn(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/**
 * A timestamp column → ISO 8601 with its zone. CloudQuery's timestamps are UTC: the JSON output
 * writes them `2024-03-11 09:14:05.123456`, and a PostgreSQL destination's table dumped with
 * `row_to_json` / `json_agg` (a `timestamp without time zone` column) `2024-03-11T09:14:05.123456`,
 * both without the zone, which would otherwise be read as the reader's local time.
 */
export function cloudQueryTime(value: string): string {
  return /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(value)
    ? `${value.replace(' ', 'T')}Z`
    : value;
}

/**
 * A snake_case column or key as the API spells the field: `disk_encryption_key` →
 * `diskEncryptionKey`, `supports_https_traffic_only` → `supportsHttpsTrafficOnly`, and the
 * protobuf Go structs' `I_p_protocol` → `IPProtocol`. A camelCase name is left as it is.
 */
export function restName(name: string): string {
  return name.replace(/_([a-zA-Z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
