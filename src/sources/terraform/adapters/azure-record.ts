import type { Resource } from '../../../model/resource.ts';
import { toResource } from '../../azure/adapters/index.ts';
import type { JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import { PLACED_BY_PLAN } from './adapter.ts';

/**
 * The ARM record an azurerm resource becomes, read by the Azure adapters. The record's id is a
 * placeholder: the caller gives the resource its Terraform address as id.
 */

const PLACEHOLDER_SCOPE =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/terraform/providers';

export function fromArm(
  type: string,
  properties: JsonObject,
  tr: Translation,
  extra: JsonObject = {},
): Resource {
  // Placed by the plan (the resource's own location or its provider's), as the Google records
  // (gcp-record.ts): a record without a location would be unknown.
  const resource = toResource(
    { id: `${PLACEHOLDER_SCOPE}/${type}/resource`, type, location: PLACED_BY_PLAN, properties, ...extra },
    { file: '' },
  );
  if ('skip' in resource)
    throw new Error(`azurerm translation produced an unreadable record: ${resource.skip}`);
  return { ...resource, facts: tr.rewrite(resource.facts) };
}

export function enabledDisabled(value: unknown): string | undefined {
  return typeof value === 'boolean' ? (value ? 'Enabled' : 'Disabled') : undefined;
}

export function set(target: JsonObject, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

/**
 * Types the export adapters read for no setting but where they are (the location checks; the
 * classification checks find nothing to judge): their ARM record has no properties.
 */
export const AZURE_LOCATED_ONLY: Readonly<Record<string, string>> = {
  azurerm_servicebus_namespace: 'Microsoft.ServiceBus/namespaces',
  azurerm_eventhub_namespace: 'Microsoft.EventHub/namespaces',
  azurerm_synapse_workspace: 'Microsoft.Synapse/workspaces',
  azurerm_kusto_cluster: 'Microsoft.Kusto/clusters',
  azurerm_data_lake_store: 'Microsoft.DataLakeStore/accounts',
  azurerm_recovery_services_vault: 'Microsoft.RecoveryServices/vaults',
  azurerm_data_protection_backup_vault: 'Microsoft.DataProtection/backupVaults',
  azurerm_linux_virtual_machine_scale_set: 'Microsoft.Compute/virtualMachineScaleSets',
  azurerm_windows_virtual_machine_scale_set: 'Microsoft.Compute/virtualMachineScaleSets',
  azurerm_orchestrated_virtual_machine_scale_set: 'Microsoft.Compute/virtualMachineScaleSets',
  // azurerm 1.x–3.x (removed in 4.0).
  azurerm_virtual_machine_scale_set: 'Microsoft.Compute/virtualMachineScaleSets',
  // A database is where its server is (`server_id`, placement.ts); 2.x `azurerm_sql_database` has a location.
  azurerm_mssql_database: 'Microsoft.Sql/servers/databases',
  azurerm_sql_database: 'Microsoft.Sql/servers/databases',
};
