import { explicit, type Fact, unknown } from '../../model/fact.ts';
import type { Localized } from '../../model/localized.ts';
import type { Resource } from '../../model/resource.ts';
import { columnsAt, rowUnknownTags, type SteampipeTable } from '../steampipe-row.ts';
import { toResource } from './adapters/index.ts';

/** A Steampipe Azure table whose rows are ARM resources with their `properties` flattened into columns. */
export interface ArmTable {
  readonly table: string;
  /** ARM's type of the rows (the `type` column is not always selected). */
  readonly type: string;
  /** The resource id's provider segment: `/providers/microsoft.storage/storageaccounts/<name>`. */
  readonly idPattern: RegExp;
  readonly requiredColumns: readonly string[];
  readonly columnTypes: SteampipeTable['columnTypes'];
  /** Column → where ARM keeps it under `properties`. */
  readonly columns: readonly (readonly [string, string])[];
  /**
   * The resource's diagnostic settings: `column`, the table's `diagnostic_settings` lists the
   * resource's own settings; `none`, the table has no such column, so whether the resource has
   * one is unknown (other resources' settings in the export say nothing of it). Not for storage
   * accounts, whose logs are set on their blob, file, queue and table services, which the
   * column does not list.
   */
  readonly diagnosticSettings?: 'column' | 'none';
  /**
   * Columns that hold the ARM records of the resource's children, as the plugin lists them
   * (`firewall_rules`, `server_audit_policy`, `configuration`): each read by its type's adapter
   * (a settings child completes its parent's facts). A null column: the children were not
   * listed, and what they would tell stays unknown.
   */
  readonly children?: readonly ChildColumn[];
  /**
   * Facts the adapter reads from a field the table has no column for: made unknown, since the
   * adapter's default for the API's absent field would stand for a field never exported.
   */
  readonly notCarried?: readonly { readonly fact: string; readonly path: string }[];
  /**
   * The table has no `tags` column, as its ARM type has no tags (role assignments, diagnostic
   * settings): a row without one is no query's selection.
   */
  readonly untagged?: true;
}

interface ChildColumn {
  readonly column: string;
  /**
   * The ARM record of one listed child, when the plugin reshaped it (PascalCase map keys, or the
   * Go SDK's JSON without its read-only id), given the row it is listed in; undefined: a child
   * the checks do not read, left out.
   */
  readonly record?: (child: Record<string, unknown>, row: Readonly<Record<string, unknown>>) => unknown;
}

const NOT_A_COLUMN: Localized = {
  ja: 'Steampipe のテーブルにこの設定の列がありません（Azure CLI や Resource Graph で確認してください）',
  en: 'the Steampipe table has no column for this setting (confirm it with the Azure CLI or Resource Graph)',
};

/**
 * Rows of Steampipe's Azure tables (turbot/steampipe-plugin-azure `table_azure_*.go`) are ARM
 * resources whose `properties` the plugin flattens into snake_case columns, with `region` for
 * `location`. Each column is put back where ARM keeps it, so that the type's adapter reads the
 * row as it reads `az … list -o json`. A null column is the API's absent field (the adapter's
 * documented default applies). JSON columns (`network_acls`, `security_rules`,
 * `api_server_access_profile`) are the Go SDK's structures, in the API's names.
 */
export function armTable(spec: ArmTable): SteampipeTable {
  return {
    table: spec.table,
    matches: (row) => typeof row.id === 'string' && spec.idPattern.test(row.id),
    requiredColumns: spec.requiredColumns,
    columnTypes: {
      ...spec.columnTypes,
      ...Object.fromEntries((spec.children ?? []).map(({ column }) => [column, 'json'] as const)),
    },
    read(row, origin) {
      const properties = columnsAt(row, spec.columns);
      const record = {
        id: row.id,
        name: row.name,
        type: spec.type,
        location: row.region,
        ...(typeof row.kind === 'string' && { kind: row.kind }),
        ...((typeof row.sku_name === 'string' || typeof row.sku_tier === 'string') && {
          sku: { name: row.sku_name, tier: row.sku_tier },
        }),
        ...(typeof row.subscription_id === 'string' && { subscriptionId: row.subscription_id }),
        tags: row.tags ?? {},
        properties,
      };
      const read = toResource(record, origin);
      if ('skip' in read) return read;
      // A query that did not select the tags column says nothing of the tags (null is none).
      const unknownTags = spec.untagged ? undefined : rowUnknownTags(row);
      let resource: Resource = unknownTags ? { ...read, unknownTags } : read;
      for (const { fact, path } of spec.notCarried ?? [])
        resource = withFact(resource, fact, unknown(path, NOT_A_COLUMN));
      const settings = spec.diagnosticSettings === 'column' ? row.diagnostic_settings : undefined;
      // Listed, even empty: the resource has no other setting. The plugin gathers the settings
      // into a Go slice, nil when there are none, which Steampipe writes as null.
      if (Array.isArray(settings) || settings === null)
        resource = withFact(resource, 'diagnosticSettingsListed', explicit(true, 'diagnostic_settings'));
      if (spec.diagnosticSettings === 'none')
        resource = withFact(
          resource,
          'diagnosticSettingsListed',
          unknown('microsoft.insights/diagnosticSettings', NOT_A_COLUMN),
        );
      const children = [
        ...(Array.isArray(settings) ? settings : []),
        ...(spec.children ?? []).flatMap(({ column, record: reshape }) =>
          listed(row[column]).flatMap((child) => {
            const record = reshape ? reshape(child, row) : child;
            return record === undefined ? [] : [record];
          }),
        ),
      ];
      const childResources = children.map((child) => toResource(child, origin));
      return [resource, ...childResources.filter((child): child is Resource => !('skip' in child))];
    },
  };
}

function withFact(resource: Resource, name: string, fact: Fact<unknown>): Resource {
  return { ...resource, facts: { ...resource.facts, [name]: fact } };
}

/** A children column: a list of records, one record (`configuration`), or null (not listed). */
function listed(value: unknown): Record<string, unknown>[] {
  const items = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return items.filter(
    (item): item is Record<string, unknown> =>
      typeof item === 'object' && item !== null && !Array.isArray(item),
  );
}
