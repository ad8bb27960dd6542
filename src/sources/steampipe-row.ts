import type { Localized } from '../model/localized.ts';
import { type Origin, type Resource, tagsHeldElsewhere } from '../model/resource.ts';
import { asRecord } from './aws/config-item.ts';

/**
 * A row of a Steampipe table (`steampipe query --output json "select * from azure_storage_account"`):
 * every table has the `title` and `akas` columns. Its other columns are Steampipe's, not the
 * cloud API's fields (`enable_https_traffic_only`, `network_rule_default_action`, `region`,
 * `iam_configuration_uniform_bucket_level_access_enabled`), yet the rows carry an ARM `id` or a
 * `kind` and so look like API records. Read as those, every setting would fall to the API's
 * default, and a locked-down resource would fail (seen on `gcp_storage_bucket` rows with
 * `kind: storage#bucket`). Rows of the tables kansa reads are turned back into API records
 * (`steampipe-rows`, and the AWS password policy, `aws-iam-password-policy-steampipe`); other
 * tables' rows are skipped with the reason.
 */
export function steampipeRowSkip(value: unknown, export_: string): { readonly skip: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const row = value as Record<string, unknown>;
  if (!Array.isArray(row.akas) || typeof row.title !== 'string') return undefined;
  return {
    skip: `a Steampipe table row (\`akas\`, \`title\`): its columns are not the API's fields and are not read; export with ${export_}`,
  };
}

/**
 * Whether a value is a Steampipe row: every table of the cloud plugins has the `akas` and `title`
 * columns but `gcp_audit_policy`, which has `akas` and its `audit_log_configs` (UNTITLED_COLUMN);
 * the azuread plugin's (Entra ID directory objects, which have no resource name) have `title` and
 * `tenant_id` instead (isDirectoryRow).
 */
export function isSteampipeRow(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const row = value as Record<string, unknown>;
  if (Array.isArray(row.akas)) return typeof row.title === 'string' || UNTITLED_COLUMN in row;
  return isDirectoryRow(row) && typeof row.title === 'string';
}

/**
 * Whether the columns are those of a Steampipe table: `akas` and `title` (or `gcp_audit_policy`'s
 * `akas` and `audit_log_configs`), or azuread's `title` and `tenant_id`.
 */
export function isSteampipeHeader(columns: readonly string[]): boolean {
  if (columns.includes('akas') && columns.includes(UNTITLED_COLUMN)) return true;
  return columns.includes('title') && (columns.includes('akas') || columns.includes('tenant_id'));
}

/**
 * The column that tells the one table kansa reads without a `title` column: turbot/steampipe-plugin-gcp
 * `table_gcp_audit_policy.go` (one row per audit config of a project's IAM policy).
 */
const UNTITLED_COLUMN = 'audit_log_configs';

/**
 * A row of the azuread plugin (`azuread_user`, `azuread_group`, `azuread_service_principal`…):
 * `tenant_id`, the plugin's common column, and no `akas`. Those of `azuread_user` are read (who
 * a role assignment's principal is); the others are skipped, saying so.
 */
export function isDirectoryRow(row: Readonly<Record<string, unknown>>): boolean {
  return !Array.isArray(row.akas) && typeof row.tenant_id === 'string';
}

/**
 * A Steampipe table kansa reads: its rows are turned back into the API record whose fields
 * the columns flatten (`iam_configuration_public_access_prevention` →
 * `iamConfiguration.publicAccessPrevention`), then read by that cloud's adapters.
 */
export interface SteampipeTable {
  readonly table: string;
  /** The row is one of this table's (told by its `akas` and its own columns). */
  matches(row: Readonly<Record<string, unknown>>): boolean;
  /**
   * The columns a row must carry, present even when null: a query that did not select one
   * (`select name, region from …`) says nothing about it, where null is the API's absent field.
   */
  readonly requiredColumns: readonly string[];
  /**
   * The columns `read` takes that are not text, with their Steampipe type (JSONB, BOOL, INT or
   * DOUBLE): `--output csv` writes every cell as text, and the CSV reader turns these back.
   * `akas` and `tags` are JSONB in every table.
   */
  readonly columnTypes: Readonly<Record<string, SteampipeColumnType>>;
  /** The row's resource, with what its other columns describe (an Azure resource's diagnostic settings). */
  read(
    row: Readonly<Record<string, unknown>>,
    origin: Origin,
  ): readonly Resource[] | { readonly skip: string };
}

/** A Steampipe column type other than text, as a CSV reader must know it. */
export type SteampipeColumnType = 'json' | 'boolean' | 'number';

/**
 * The note of a row without its tags column (ConfigItem.unknownTags): the table has one (`tags`;
 * Google Cloud's `labels`, GKE's `resource_labels`), null when the resource has none, so a row
 * without it is a query's that did not select it (`select name, arn …`) or a table of a part
 * (CloudQuery's `aws_s3_bucket_*` children), which says nothing of the tags. Undefined where the
 * row has the column.
 */
export function rowUnknownTags(
  row: Readonly<Record<string, unknown>>,
  column: TagsColumn = 'tags',
): Localized | undefined {
  return row[column] === undefined ? UNSELECTED_TAGS[column] : undefined;
}

/** The column a table keeps its resources' tags in. */
export type TagsColumn = 'tags' | 'labels' | 'resource_labels';

const UNSELECTED_TAGS: Readonly<Record<TagsColumn, Localized>> = {
  tags: tagsHeldElsewhere('a table row without its tags column', "the table's tags column"),
  labels: tagsHeldElsewhere('a table row without its labels column', "the table's labels column"),
  resource_labels: tagsHeldElsewhere(
    'a table row without its resource_labels column',
    "the table's resource_labels column",
  ),
};

/** A `tags` column: a map of strings (null when the resource has none). */
export function steampipeTags(value: unknown): Record<string, string> {
  const tags: Record<string, string> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return tags;
  for (const [key, tag] of Object.entries(value)) if (typeof tag === 'string') tags[key] = tag;
  return tags;
}

/**
 * Steampipe's JSON output: a bare array of rows (before v0.23), `{"rows": [...], "metadata": …}`
 * (v0.23, its timing or null) or `{"columns": [{name}], "rows": [...]}` (v0.24 on: the columns'
 * names kept, as a query that found no row tells its table by them only). An empty bare array is
 * no Steampipe output: it tells no table. A query's snapshot (`steampipe query --export sps`,
 * `--snapshot`; `{"schema_version", "panels"}`, turbot/steampipe pkg/snapshot) keeps the same rows
 * and columns as its table panel's `data` (`custom.table.results`), and its query
 * (`snapshotSelection`).
 */
export function steampipeResult(document: unknown): SteampipeResult | undefined {
  if (Array.isArray(document)) return document.length > 0 ? { rows: document, columns: [] } : undefined;
  const panel = snapshotPanel(document);
  const record = asRecord(panel?.['data'] ?? document);
  if (!Array.isArray(record?.['rows'])) return undefined;
  const listed = Array.isArray(record['columns']) ? record['columns'] : [];
  const columns = listed.map((column) => String(asRecord(column)?.['name'] ?? ''));
  const snapshotSelection = panel && selectingQuery(panel);
  return { rows: record['rows'], columns, ...(snapshotSelection && { snapshotSelection }) };
}

export interface SteampipeResult {
  readonly rows: unknown[];
  readonly columns: string[];
  /**
   * A snapshot's query where it may have picked some resources of its table: its SQL (the panel's
   * `sql`), which a snapshot keeps instead of the scans' quals, with a WHERE or a LIMIT. A filter on
   * the Region or account alone cannot be told from one on a resource there, so either makes the
   * rows a selection (what they do not hold stays unknown, never none).
   */
  readonly snapshotSelection?: string;
}

/**
 * The panel of a Steampipe snapshot that holds a query's result: the one table panel with `data`
 * (a query's snapshot has that and its dashboard panel). A dashboard's snapshot, of several
 * tables, charts and cards of aggregated queries, is not one table's rows: undefined.
 */
function snapshotPanel(document: unknown): Readonly<Record<string, unknown>> | undefined {
  const snapshot = asRecord(document);
  const panels = asRecord(snapshot?.['panels']);
  if (typeof snapshot?.['schema_version'] !== 'string' || !panels) return undefined;
  const tables = Object.values(panels)
    .map((panel) => asRecord(panel))
    .filter((panel) => panel?.['panel_type'] === 'table' && asRecord(panel['data']) !== undefined);
  return tables.length === 1 ? tables[0] : undefined;
}

/** A snapshot panel's SQL where it has a WHERE or a LIMIT (SteampipeResult.snapshotSelection). */
function selectingQuery(panel: Readonly<Record<string, unknown>>): string | undefined {
  const sql = panel['sql'];
  return typeof sql === 'string' && /\b(where|limit)\b/i.test(sql)
    ? sql.replace(/\s+/g, ' ').trim()
    : undefined;
}

/**
 * A number cell of Steampipe's CSV: its decimal text, or, as Steampipe v1.1.1 wrote its numbers
 * (pipe-fittings' humanised values, turbot/steampipe#4525, undone in v1.1.2), with a comma
 * between each three digits (`"10,000"`). Undefined where the cell is no number.
 */
export function steampipeNumber(text: string): number | undefined {
  const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replaceAll(',', '') : text;
  const value = Number(plain);
  return plain.trim() !== '' && Number.isFinite(value) ? value : undefined;
}

/** A CSV cell as the JSON output's: null for Steampipe's null (an empty cell, `<null>` before v0.18.2, the exporters' `<nil>`). */
export function steampipeCsvCell(cell: string): string | null {
  return cell === '' || cell === '<null>' || cell === '<nil>' ? null : cell;
}

/**
 * Columns whose quals choose the scope a table is listed in, not resources within it (the
 * plugins' connection matrix: an AWS Region and account, a Google Cloud project and location):
 * `where region = 'ap-northeast-1'` lists that Region whole.
 */
const SCOPE_COLUMNS: ReadonlySet<string> = new Set([
  'region',
  'account_id',
  'partition',
  'project',
  'location',
]);

/**
 * What a Steampipe JSON answer says its scans were asked by, where it says (`--timing`, which
 * v0.23 and later write as `metadata`: `scans[].{table, quals: [{column, operator, value}],
 * limit}`, turbot/steampipe pkg/query/queryresult): the quals on key columns other than the
 * scope's (`aws_vpc_flow_log: resource_id = vpc-0a1b2c3d`) and a `limit`, which make its rows a
 * selection of their table (Resource.picked), not the listing of a scope. Undefined where the
 * answer does not say: a filter on another column is never pushed to the plugin and so never
 * named, and an answer without its timing is read as the table's whole listing.
 */
export function steampipeSelection(document: unknown): string | undefined {
  const scans = asRecord(asRecord(document)?.['metadata'])?.['scans'];
  if (!Array.isArray(scans)) return undefined;
  const asked = scans.flatMap((value) => {
    const scan = asRecord(value);
    const quals = (Array.isArray(scan?.['quals']) ? scan['quals'] : [])
      .map((qual) => asRecord(qual))
      .filter((qual) => typeof qual?.['column'] === 'string' && !SCOPE_COLUMNS.has(qual['column']))
      .map(
        (qual) =>
          `${String(qual?.['column'])} ${String(qual?.['operator'] ?? '=')} ${JSON.stringify(qual?.['value'])}`,
      );
    const limit = typeof scan?.['limit'] === 'number' ? [`limit ${scan['limit']}`] : [];
    return quals.length + limit.length > 0
      ? [`${String(scan?.['table'])}: ${[...quals, ...limit].join(', ')}`]
      : [];
  });
  return asked.length > 0 ? asked.join('; ') : undefined;
}

/** Whether a row's `akas` name a resource of this pattern (an ARN, a `gcp://` asset name): how a table tells its rows. */
export function hasAka(row: Readonly<Record<string, unknown>>, pattern: RegExp): boolean {
  return akaMatch(row, pattern) !== undefined;
}

/** The match of the first of a row's `akas` that follows the pattern (its groups: the parts of the name). */
export function akaMatch(
  row: Readonly<Record<string, unknown>>,
  pattern: RegExp,
): RegExpExecArray | undefined {
  if (!Array.isArray(row.akas)) return undefined;
  for (const aka of row.akas as unknown[]) {
    const match = typeof aka === 'string' ? pattern.exec(aka) : null;
    if (match) return match;
  }
  return undefined;
}

/**
 * A row's columns that are set, put where the API keeps them (`[column, path]`; a dotted path
 * makes the objects on its way). Null, absent and '' (an enum the plugin writes with ToString
 * where the API leaves it out, as CSV's empty cell) are the API's absent field, left out.
 */
export function columnsAt(
  row: Readonly<Record<string, unknown>>,
  columns: readonly (readonly [column: string, path: string])[],
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [column, path] of columns) {
    const value = row[column];
    if (value !== null && value !== undefined && value !== '') setPath(fields, path, value);
  }
  return fields;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}
