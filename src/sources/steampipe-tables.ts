import { type Origin, picked, type Resource } from '../model/resource.ts';
import { asRecord } from './aws/config-item.ts';
import { isIamListingRecord } from './aws/iam-listing.ts';
import { awsEc2InstanceTable, awsRdsClusterTable } from './aws/steampipe-cluster-instance.ts';
import {
  awsIamGroupTable,
  awsIamPolicyTable,
  awsIamRoleTable,
  awsIamUserTable,
} from './aws/steampipe-iam.ts';
import { awsS3BucketTable } from './aws/steampipe-s3-bucket.ts';
import { awsSecretTable, awsSnsTopicTable, awsSqsQueueTable } from './aws/steampipe-store-tables.ts';
import {
  awsCloudTrailTable,
  awsDynamoDbTable,
  awsEbsVolumeTable,
  awsEfsFileSystemTable,
  awsEksClusterTable,
  awsFlowLogTable,
  awsGuardDutyDetectorTable,
  awsKmsKeyTable,
  awsLambdaFunctionTable,
  awsLogGroupTable,
  awsRdsInstanceTable,
  awsSecurityGroupTable,
  awsVpcTable,
} from './aws/steampipe-tables.ts';
import {
  azureCosmosDbAccountTable,
  azureMySqlFlexibleServerTable,
  azurePostgresFlexibleServerTable,
  azureSqlServerTable,
} from './azure/steampipe-databases.ts';
import { azureadUserTable } from './azure/steampipe-directory.ts';
import {
  azureDiskTable,
  azureFlowLogTable,
  azureKubernetesClusterTable,
  azureNetworkSecurityGroupTable,
  azureVirtualMachineTable,
  azureVirtualNetworkTable,
} from './azure/steampipe-network-compute.ts';
import {
  azureContainerRegistryTable,
  azureDiagnosticSettingTable,
  azureLogAnalyticsWorkspaceTable,
  azureRedisCacheTable,
  azureSecurityPricingTable,
} from './azure/steampipe-services.ts';
import {
  azureKeyVaultKeyTable,
  azureKeyVaultTable,
  azureManagedHsmTable,
  azureStorageAccountTable,
} from './azure/steampipe-tables.ts';
import {
  azureRoleAssignmentTable,
  azureRoleDefinitionTable,
  azureWebAppTable,
} from './azure/steampipe-web-identity.ts';
import type { DocumentFormat, ReadContext, RecordFormat } from './format.ts';
import { gcpBigQueryDatasetTable } from './gcp/steampipe-bigquery.ts';
import { gcpStorageBucketTable } from './gcp/steampipe-bucket.ts';
import { gcpComputeInstanceTable, gcpDiskTable, gcpSubnetworkTable } from './gcp/steampipe-compute.ts';
import { gcpFirewallTable } from './gcp/steampipe-firewall.ts';
import { gcpKubernetesClusterTable } from './gcp/steampipe-gke.ts';
import {
  gcpAuditPolicyTable,
  gcpIamPolicyTable,
  gcpProjectTable,
  gcpPubSubTopicTable,
  gcpServiceAccountKeyTable,
} from './gcp/steampipe-iam-data.ts';
import { gcpKmsKeyTable } from './gcp/steampipe-kms.ts';
import { gcpLoggingBucketTable } from './gcp/steampipe-logging.ts';
import { gcpCloudFunctionTable, gcpCloudRunServiceTable } from './gcp/steampipe-serverless.ts';
import { gcpSqlInstanceTable } from './gcp/steampipe-sql-instance.ts';
import {
  isDirectoryRow,
  isSteampipeRow,
  type SteampipeTable,
  steampipeResult,
  steampipeRowSkip,
  steampipeSelection,
} from './steampipe-row.ts';

/** The Steampipe tables whose columns carry what the checks read. */
const TABLES: readonly SteampipeTable[] = [
  awsS3BucketTable,
  awsRdsInstanceTable,
  awsRdsClusterTable,
  awsCloudTrailTable,
  awsKmsKeyTable,
  awsSecurityGroupTable,
  awsEbsVolumeTable,
  awsVpcTable,
  awsFlowLogTable,
  awsGuardDutyDetectorTable,
  awsLambdaFunctionTable,
  awsLogGroupTable,
  awsDynamoDbTable,
  awsEfsFileSystemTable,
  awsEksClusterTable,
  awsEc2InstanceTable,
  awsIamUserTable,
  awsIamRoleTable,
  awsIamGroupTable,
  awsIamPolicyTable,
  awsSqsQueueTable,
  awsSnsTopicTable,
  awsSecretTable,
  gcpStorageBucketTable,
  gcpSqlInstanceTable,
  gcpFirewallTable,
  gcpKubernetesClusterTable,
  gcpSubnetworkTable,
  gcpDiskTable,
  gcpComputeInstanceTable,
  gcpKmsKeyTable,
  gcpLoggingBucketTable,
  gcpAuditPolicyTable,
  gcpIamPolicyTable,
  gcpProjectTable,
  gcpBigQueryDatasetTable,
  gcpPubSubTopicTable,
  gcpServiceAccountKeyTable,
  gcpCloudRunServiceTable,
  gcpCloudFunctionTable,
  azureStorageAccountTable,
  azureKeyVaultTable,
  azureKeyVaultKeyTable,
  azureManagedHsmTable,
  azureNetworkSecurityGroupTable,
  azureVirtualNetworkTable,
  azureFlowLogTable,
  azureVirtualMachineTable,
  azureDiskTable,
  azureKubernetesClusterTable,
  azureSqlServerTable,
  azurePostgresFlexibleServerTable,
  azureMySqlFlexibleServerTable,
  azureCosmosDbAccountTable,
  azureWebAppTable,
  azureRoleAssignmentTable,
  azureRoleDefinitionTable,
  azureRedisCacheTable,
  azureContainerRegistryTable,
  azureDiagnosticSettingTable,
  azureLogAnalyticsWorkspaceTable,
  azureSecurityPricingTable,
  azureadUserTable,
];

/**
 * `steampipe query --output json "select * from <table>"`: rows of the tables kansa reads (TABLES:
 * those of aws/, gcp/ and azure/steampipe-*.ts) are turned back into the API records their
 * columns flatten and read by that cloud's adapters; rows of other tables are skipped with the
 * reason, as their columns are not the APIs' fields. The AWS password policy, credential report
 * and account summary tables, which have no `akas`, have their own formats, tried first. The same
 * rows are read from a query's snapshot (`--export sps`) and from the plugins' exporters
 * (`steampipe_export_<plugin> <table> --output json`, JSONB columns as JSON text: exportedRow).
 */
export const steampipeRows: DocumentFormat = {
  id: 'steampipe-rows',
  provider: 'any',
  kind: 'document',
  description: `steampipe query --output json "select * from <table>" (rows, or {columns, rows}, or a query's snapshot), steampipe_export_<plugin> <table> --output json|jsonl: ${TABLES.map(({ table }) => table).join(', ')} read; other tables skipped with the reason`,
  matches(document) {
    const rows = steampipeResult(document)?.rows;
    return rows !== undefined && rows.length > 0 && isSteampipeRow(exportedRow(rows[0]));
  },
  *read(document, ctx) {
    const selection = steampipeSelection(document);
    if (selection)
      ctx.note?.(
        `the answer's scans were asked by ${selection} (its timing metadata): its rows are a selection of their table, not the listing of their account or Region`,
      );
    const { rows, snapshotSelection: query } = steampipeResult(document) ?? { rows: [] };
    if (query)
      ctx.note?.(
        `the snapshot's query has a WHERE or LIMIT (${query}): its rows are a selection of their table, not the listing of their account or Region`,
      );
    for (const [index, row] of rows.entries())
      yield* readRow(row, ctx, { index }, selection !== undefined || query !== undefined);
  },
};

/**
 * A Steampipe or Powerpipe snapshot (`schema_version`, `panels`) that `steampipeRows` does not take:
 * a dashboard's or benchmark's (`--export sps` of `steampipe dashboard`, `check`, `powerpipe
 * benchmark run`: charts, cards and control verdicts, not a table's rows), or a query's whose
 * rows carry no `akas` and `title`, or none. Passed over, saying so, rather than an unknown format.
 */
export const steampipeSnapshotUnread: DocumentFormat = {
  id: 'steampipe-snapshot',
  provider: 'any',
  kind: 'document',
  description:
    'a Steampipe or Powerpipe snapshot (.sps) of a dashboard or benchmark, or of a query without a table row kansa reads: passed over',
  matches(document) {
    const snapshot = asRecord(document);
    return (
      typeof snapshot?.['schema_version'] === 'string' &&
      asRecord(snapshot['panels']) !== undefined &&
      !steampipeRows.matches(document)
    );
  },
  read(_document, ctx) {
    ctx.passOver?.(
      'a Steampipe or Powerpipe snapshot of a dashboard or benchmark, or of a query whose rows carry no akas and title (or none): no table row to read; snapshot a query of one table, steampipe query --export sps "select * from <table>"',
    );
    return [];
  },
};

/**
 * `steampipe_export_<plugin> <table> --output jsonl` (the Steampipe Unbundled exporters,
 * turbot/steampipe-export): one row a line, as the JSON output's rows.
 */
export const steampipeRecords: RecordFormat = {
  kind: 'ndjson',
  id: 'steampipe-rows',
  provider: 'any',
  description: steampipeRows.description,
  matches: (record) => isSteampipeRow(exportedRow(record)),
  read: (record, ctx, line) => readRow(record, ctx, { line }, false),
};

function* readRow(
  row: unknown,
  ctx: ReadContext,
  where: { readonly index: number } | { readonly line: number },
  isSelection: boolean,
): Generator<Resource> {
  const result = readSteampipeRow(row, { file: ctx.file, ...where });
  if ('skip' in result) ctx.skip(result.skip, where);
  else if (isSelection) yield* result.flatMap(selected);
  else yield* result;
}

/**
 * A row of a plugin's exporter (`steampipe_export_aws aws_s3_bucket --output json`, jsonl; turbot/steampipe-export
 * `displayJSONRow`): its JSONB columns (`akas`, `tags`, the table's JSON columns: withJsonColumns)
 * are the JSON text the plugin sent, where `steampipe query` parses them; `akas` and `tags` are
 * parsed back here (a text that is no JSON is left a string, which the table's reader does not
 * take: unknown). Other rows as they are.
 */
function exportedRow(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const exported = value as Record<string, unknown>;
  if (typeof exported.akas !== 'string') return value;
  const row: Record<string, unknown> = { ...exported, akas: jsonText(exported.akas) };
  if (typeof row.tags === 'string') row.tags = jsonText(row.tags);
  return row;
}

/**
 * An exporter's row with its table's JSON columns parsed back too, in place: the row is
 * exportedRow's own copy, never the record read.
 */
function withJsonColumns(
  row: Record<string, unknown>,
  table: SteampipeTable,
): Readonly<Record<string, unknown>> {
  for (const [column, type] of Object.entries(table.columnTypes)) {
    const cell = row[column];
    if (type === 'json' && typeof cell === 'string') row[column] = jsonText(cell);
  }
  return row;
}

function jsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A resource of a selection's rows (Resource.picked); the record that the account's principals
 * were listed, which a table's rows make, is left out.
 */
function selected(resource: Resource): Resource[] {
  return isIamListingRecord(resource) ? [] : picked([resource]);
}

/** The table kansa reads a Steampipe row as (told by its `akas` and its own columns), if any. */
export function steampipeTableOf(row: Readonly<Record<string, unknown>>): SteampipeTable | undefined {
  return TABLES.find((candidate) => candidate.matches(row));
}

/** A row of any table: its resources, or why it is skipped (another table, columns not selected). */
export function readSteampipeRow(
  value: unknown,
  origin: Origin,
): readonly Resource[] | { readonly skip: string } {
  const row = exportedRow(value);
  if (!isSteampipeRow(row)) return { skip: 'not a Steampipe row (no `akas` and `title` columns)' };
  const table = steampipeTableOf(row);
  if (!table && isDirectoryRow(row))
    return {
      skip: "a Steampipe azuread table row (`tenant_id`, `title`) of a table no check reads: of the directory, kansa reads azuread_user (who a role assignment's principal is)",
    };
  if (!table)
    return (
      steampipeRowSkip(row, ownExport(row)) ?? { skip: 'not a Steampipe row (no `akas` and `title` columns)' }
    );
  const missing = table.requiredColumns.filter((column) => !(column in row));
  if (missing.length > 0)
    return {
      skip: `a ${table.table} row without the columns ${missing.join(', ')}: the query did not select them, so their settings are unknown; query select * from ${table.table}`,
    };
  return table.read(row === value ? row : withJsonColumns(row, table), origin);
}

/** What to export a table kansa does not read with instead: the row's cloud's own tools. */
function ownExport(row: Readonly<Record<string, unknown>>): string {
  const aka = (row.akas as unknown[]).find((value): value is string => typeof value === 'string') ?? '';
  if (aka.startsWith('arn:'))
    return '`aws configservice select-resource-config` or `aws … describe-… --output json`';
  if (aka.startsWith('gcp://')) return '`gcloud asset export` or `gcloud … --format=json`';
  return '`az graph query` or `az … list -o json`';
}
