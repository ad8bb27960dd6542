import { azureRoleDefinitionId } from '../../model/azure.ts';
import { KEY_MODELS } from './powershell-key-models.ts';
import type { PowerShellModel } from './powershell-model.ts';
import { SERVICE_MODELS } from './powershell-service-models.ts';

const SECURITY_RULE_LISTS = [
  'SourcePortRange',
  'DestinationPortRange',
  'SourceAddressPrefix',
  'DestinationAddressPrefix',
];

const CORE_MODELS: readonly PowerShellModel[] = [
  {
    cmdlet: 'Get-AzStorageAccount (PSStorageAccount)',
    type: 'Microsoft.Storage/storageAccounts',
    keys: ['StorageAccountName', 'Id', 'NetworkRuleSet'],
    fields: [
      ['Id', 'id'],
      ['StorageAccountName', 'name'],
      ['Location', 'location'],
      ['Tags', 'tags'],
      ['Kind', 'kind'],
      ['Sku', 'sku'],
      ['MinimumTlsVersion', 'properties.minimumTlsVersion'],
      ['AllowBlobPublicAccess', 'properties.allowBlobPublicAccess'],
      ['EnableHttpsTrafficOnly', 'properties.supportsHttpsTrafficOnly'],
      ['PublicNetworkAccess', 'properties.publicNetworkAccess'],
      ['AllowSharedKeyAccess', 'properties.allowSharedKeyAccess'],
      ['NetworkRuleSet', 'properties.networkAcls'],
      ['Encryption', 'properties.encryption'],
      ['KeyCreationTime', 'properties.keyCreationTime'],
      ['PrimaryLocation', 'properties.primaryLocation'],
      ['SecondaryLocation', 'properties.secondaryLocation'],
      ['EnableHierarchicalNamespace', 'properties.isHnsEnabled'],
      ['CreationTime', 'properties.creationTime'],
    ],
    enums: {
      // PSNetWorkRuleDefaultActionEnum was `Deny = 0, Allow = 1` in older Az.Storage releases and
      // is `Allow = 0, Deny = 1` now (Storage.Management/Models/PSNetworkRuleSet.cs): the file
      // does not say which module wrote it.
      'NetworkRuleSet.DefaultAction': {
        ja: 'DefaultAction が数値で書かれています。Az.Storage の版により 0 と 1 の意味が逆のため判定できません。ConvertTo-Json -EnumsAsStrings -Depth 20 で出力し直してください',
        en: 'DefaultAction is written as a number, whose meaning Az.Storage releases swapped (Deny = 0 before, Allow = 0 now). Run the command again piped to ConvertTo-Json -EnumsAsStrings -Depth 20',
      },
    },
  },
  {
    cmdlet: 'Get-AzNetworkSecurityGroup (PSNetworkSecurityGroup)',
    type: 'Microsoft.Network/networkSecurityGroups',
    keys: ['SecurityRules', 'DefaultSecurityRules', 'Id'],
    fields: [
      ['Id', 'id'],
      ['Name', 'name'],
      ['Location', 'location'],
      ['Tag', 'tags'],
      ['SecurityRules', 'properties.securityRules'],
      ['DefaultSecurityRules', 'properties.defaultSecurityRules'],
    ],
    // PSSecurityRule keeps its prefixes and ranges as lists (IList<string>).
    lists: ['SecurityRules', 'DefaultSecurityRules'].flatMap((rules) =>
      SECURITY_RULE_LISTS.map((list) => `${rules}[].${list}`),
    ),
    texts: { SecurityRules: 'SecurityRulesText', DefaultSecurityRules: 'DefaultSecurityRulesText' },
  },
  {
    // A PSKeyVaultIdentityItem too (VaultName, ResourceId): told from a vault by its HsmUri, and
    // before it, so that the pool's type, not a vault's, reads it (its purge protection's default differs).
    cmdlet: 'Get-AzKeyVaultManagedHsm (PSManagedHsm)',
    type: 'Microsoft.KeyVault/managedHSMs',
    keys: ['HsmUri', 'VaultName', 'ResourceId'],
    fields: [
      ['ResourceId', 'id'],
      ['VaultName', 'name'],
      ['Location', 'location'],
      ['Tags', 'tags'],
      ['Sku', 'sku.name'],
      ['HsmUri', 'properties.hsmUri'],
      ['EnableSoftDelete', 'properties.enableSoftDelete'],
      ['EnablePurgeProtection', 'properties.enablePurgeProtection'],
      ['SoftDeleteRetentionInDays', 'properties.softDeleteRetentionInDays'],
      ['PublicNetworkAccess', 'properties.publicNetworkAccess'],
    ],
  },
  {
    cmdlet: 'Get-AzKeyVault (PSKeyVault)',
    type: 'Microsoft.KeyVault/vaults',
    keys: ['VaultName', 'ResourceId'],
    fields: [
      ['ResourceId', 'id'],
      ['VaultName', 'name'],
      ['Location', 'location'],
      ['Tags', 'tags'],
      ['Sku', 'properties.sku.name'],
      ['EnableSoftDelete', 'properties.enableSoftDelete'],
      ['EnablePurgeProtection', 'properties.enablePurgeProtection'],
      ['EnableRbacAuthorization', 'properties.enableRbacAuthorization'],
      ['SoftDeleteRetentionInDays', 'properties.softDeleteRetentionInDays'],
      ['PublicNetworkAccess', 'properties.publicNetworkAccess'],
      ['NetworkAcls', 'properties.networkAcls'],
      // PSKeyVaultNetworkRuleSet lists the addresses ARM keeps as `ipRules[].value`.
      ['NetworkAcls.IpAddressRanges', 'properties.networkAcls.ipRules'],
    ],
    // PSKeyVaultNetworkRuleDefaultActionEnum { Allow = 0, Deny } (KeyVault/Models/PSKeyVaultNetworkRuleSet.cs).
    enums: { 'NetworkAcls.DefaultAction': ['Allow', 'Deny'] },
    lists: ['NetworkAcls.IpAddressRanges'],
    listing: {
      key: 'EnablePurgeProtection',
      by: 'Get-AzKeyVault (PSKeyVaultIdentityItem)',
      export: 'Get-AzKeyVault -VaultName <name>',
    },
  },
  {
    cmdlet: 'Get-AzVM (PSVirtualMachine)',
    type: 'Microsoft.Compute/virtualMachines',
    keys: ['VmId', 'StorageProfile', 'Id'],
    fields: [
      ['Id', 'id'],
      ['Name', 'name'],
      ['Location', 'location'],
      ['Tags', 'tags'],
      ['SecurityProfile', 'properties.securityProfile'],
      ['StorageProfile', 'properties.storageProfile'],
    ],
  },
  {
    // PSSnapshot has the same properties: its `Type` tells it from a disk.
    cmdlet: 'Get-AzDisk, Get-AzSnapshot (PSDisk, PSSnapshot)',
    type: 'Microsoft.Compute/disks',
    keys: ['DiskSizeGB', 'DiskState', 'Id'],
    fields: [
      ['Id', 'id'],
      ['Name', 'name'],
      ['Type', 'type'],
      ['Location', 'location'],
      ['Tags', 'tags'],
      ['Encryption', 'properties.encryption'],
      ['SecurityProfile', 'properties.securityProfile'],
      ['CreationData', 'properties.creationData'],
      ['PublicNetworkAccess', 'properties.publicNetworkAccess'],
      ['NetworkAccessPolicy', 'properties.networkAccessPolicy'],
    ],
  },
  {
    cmdlet: 'Get-AzSqlServer (AzureSqlServerModel)',
    type: 'Microsoft.Sql/servers',
    keys: ['ServerName', 'ResourceId', 'SqlAdministratorLogin'],
    fields: [
      ['ResourceId', 'id'],
      ['ServerName', 'name'],
      ['Location', 'location'],
      ['Tags', 'tags'],
      ['ServerVersion', 'properties.version'],
      ['PublicNetworkAccess', 'properties.publicNetworkAccess'],
      ['MinimalTlsVersion', 'properties.minimalTlsVersion'],
      ['FullyQualifiedDomainName', 'properties.fullyQualifiedDomainName'],
    ],
  },
  {
    // Lists the subscription's own assignments and those it inherits (inherited-assignments.ts).
    cmdlet: 'Get-AzRoleAssignment (PSRoleAssignment)',
    type: 'Microsoft.Authorization/roleAssignments',
    keys: ['RoleAssignmentId', 'RoleDefinitionId', 'ObjectId', 'Scope'],
    fields: [
      ['RoleAssignmentId', 'id'],
      ['RoleAssignmentName', 'name'],
      ['Scope', 'properties.scope'],
      // The role's GUID alone (`8e3af657-…`), where ARM gives its whole id.
      ['RoleDefinitionId', 'properties.roleDefinitionId'],
      ['ObjectId', 'properties.principalId'],
      ['ObjectType', 'properties.principalType'],
      ['SignInName', 'properties.principalName'],
    ],
  },
  {
    // The class flattens ARM's `permissions` (one block) and gives the role's GUID alone as `Id`.
    cmdlet: 'Get-AzRoleDefinition (PSRoleDefinition)',
    type: 'Microsoft.Authorization/roleDefinitions',
    keys: ['Name', 'Id', 'IsCustom', 'Actions', 'AssignableScopes'],
    fields: [
      ['Id', 'id'],
      ['Name', 'properties.roleName'],
      ['IsCustom', 'properties.type'],
      ['Description', 'properties.description'],
      ['AssignableScopes', 'properties.assignableScopes'],
      ['Actions', 'properties.permissions[0].actions'],
      ['NotActions', 'properties.permissions[0].notActions'],
      ['DataActions', 'properties.permissions[0].dataActions'],
      ['NotDataActions', 'properties.permissions[0].notDataActions'],
    ],
    values: {
      // The GUID, or the last segment of a whole id should a release write one.
      Id: (id) =>
        typeof id === 'string' && id !== ''
          ? azureRoleDefinitionId(id.split('/').pop()!.toLowerCase())
          : undefined,
      IsCustom: (custom) => (custom === true ? 'CustomRole' : custom === false ? 'BuiltInRole' : undefined),
    },
    lists: ['Actions', 'NotActions', 'DataActions', 'NotDataActions', 'AssignableScopes'],
  },
];

export const MODELS: readonly PowerShellModel[] = [...CORE_MODELS, ...SERVICE_MODELS, ...KEY_MODELS];
