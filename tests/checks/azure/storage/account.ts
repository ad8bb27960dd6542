import { jsonFile } from '../../../helpers/exports.ts';
import { row, storageProperties } from '../arg-rows.ts';

/** Storage account fixtures for the azure.storage.* cases. */
export const without = (key: string) => {
  const { [key]: _removed, ...rest } = storageProperties();
  return rest;
};

/** `az storage account show` output: the CLI flattens `properties` into the top level. */
export const accountShow = jsonFile(
  {
    id: '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-kansa/providers/Microsoft.Storage/storageAccounts/stshow',
    name: 'stshow',
    type: 'Microsoft.Storage/storageAccounts',
    location: 'japaneast',
    allowBlobPublicAccess: true,
    enableHttpsTrafficOnly: true,
    minimumTlsVersion: 'TLS1_0',
    encryption: { keySource: 'Microsoft.Storage', keyVaultProperties: null },
    networkRuleSet: { defaultAction: 'Allow' },
  },
  'storage-account-show.json',
);

/**
 * A classic (Service Management) storage account's Resource Graph row: none of the settings the
 * azure.storage.* checks read, which therefore do not run on it.
 */
export const classicStorageAccount = row(
  'Microsoft.ClassicStorage',
  'storageAccounts',
  'storageAccounts/stclassic',
  {
    properties: { provisioningState: 'Succeeded', status: 'Created', accountType: 'Standard-GRS' },
  },
);
