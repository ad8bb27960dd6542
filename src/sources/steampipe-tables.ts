import { type Origin, picked, type Resource } from '../model/resource.ts';
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
import { withoutVaultKeysListed } from './azure/vault-keys-listing.ts';
import type { DocumentFormat } from './format.ts';
import { gcpBigQueryDatasetTable } from './gcp/steampipe-bigquery.ts';
import { gcpStorageBucketTable } from './gcp/steampipe-bucket.ts';
import { gcpComputeInstanceTable, gcpDiskTable, gcpSubnetworkTable } from './gcp/steampipe-compute.ts';
import { gcpFirewallTable } from './gcp/steampipe-firewall.ts';
import { gcpKubernetesClusterTable } from './gcp/steampipe-gke.ts';
import {
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
 * and account summary tables, which have no `akas`, have their own formats, tried first.
 */
export const steampipeRows: DocumentFormat = {
  id: 'steampipe-rows',
  provider: 'any',
  kind: 'document',
  description: `steampipe query --output json "select * from <table>" (rows, or {columns, rows}): ${TABLES.map(({ table }) => table).join(', ')} read; other tables skipped with the reason`,
  matches(document) {
    const rows = steampipeResult(document)?.rows;
    return rows !== undefined && rows.length > 0 && isSteampipeRow(rows[0]);
  },
  *read(document, ctx) {
    const selection = steampipeSelection(document);
    if (selection)
      ctx.note?.(
        `the answer's scans were asked by ${selection} (its timing metadata): its rows are a selection of their table, not the listing of their account or Region`,
      );
    for (const [index, row] of (steampipeResult(document)?.rows ?? []).entries()) {
      const result = readSteampipeRow(row, { file: ctx.file, index });
      if ('skip' in result) ctx.skip(result.skip, { index });
      else if (selection) yield* result.flatMap(selected);
      else yield* result;
    }
  },
};

/**
 * A resource of a selection's rows (Resource.picked); what says a scope was listed whole, which a
 * table's rows make (the record that the account's principals were, a key's `vaultKeysListed`),
 * is left out.
 */
function selected(resource: Resource): Resource[] {
  return isIamListingRecord(resource) ? [] : picked([withoutVaultKeysListed(resource)]);
}

/** The table kansa reads a Steampipe row as (told by its `akas` and its own columns), if any. */
export function steampipeTableOf(row: Readonly<Record<string, unknown>>): SteampipeTable | undefined {
  return TABLES.find((candidate) => candidate.matches(row));
}

/** A row of any table: its resources, or why it is skipped (another table, columns not selected). */
export function readSteampipeRow(
  row: unknown,
  origin: Origin,
): readonly Resource[] | { readonly skip: string } {
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
  return table.read(row, origin);
}

/** What to export a table kansa does not read with instead: the row's cloud's own tools. */
function ownExport(row: Readonly<Record<string, unknown>>): string {
  const aka = (row.akas as unknown[]).find((value): value is string => typeof value === 'string') ?? '';
  if (aka.startsWith('arn:'))
    return '`aws configservice select-resource-config` or `aws … describe-… --output json`';
  if (aka.startsWith('gcp://')) return '`gcloud asset export` or `gcloud … --format=json`';
  return '`az graph query` or `az … list -o json`';
}
