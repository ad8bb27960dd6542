import { azureRoleDefinitionId } from '../../model/azure.ts';
import type { Localized } from '../../model/localized.ts';
import type { JsonObject } from './arm-record.ts';
import { KEY_MODELS } from './powershell-key-models.ts';
import { SERVICE_MODELS } from './powershell-service-models.ts';

/**
 * An Az PowerShell cmdlet's own object model (`Get-AzStorageAccount`'s PSStorageAccount, …), as
 * `ConvertTo-Json` writes it: the module's classes, not ARM's shape. Each is put into the ARM
 * record its properties come from and read by the type's adapter; the facts then name the
 * properties as the file spells them (`MinimumTlsVersion`, `NetworkRuleSet.DefaultAction`).
 */
export interface PowerShellModel {
  /** The cmdlet and the class (Azure/azure-powershell `src/…/Models/<class>.cs`). */
  readonly cmdlet: string;
  /** ARM's type of the resource. */
  readonly type: string;
  /**
   * Properties that tell the class apart, spelled as PowerShell writes them: ConvertTo-Json writes
   * every property, null ones too, and the CLI's and ARM's records spell theirs in camelCase.
   */
  readonly keys: readonly string[];
  /**
   * Property → where the ARM record keeps it (`[0]`: the first item of a list the class
   * flattens). A parent comes before a child of it.
   */
  readonly fields: readonly (readonly [string, string])[];
  /** Properties whose value ARM writes otherwise: the value as the ARM record keeps it. */
  readonly values?: Readonly<Record<string, (value: unknown) => unknown>>;
  /**
   * Enum properties (`NetworkAcls.DefaultAction`; `[]` for each item of a list), which
   * ConvertTo-Json writes as numbers unless given `-EnumsAsStrings`: their names by number, or
   * why a number cannot be read.
   */
  readonly enums?: Readonly<Record<string, readonly string[] | Localized>>;
  /**
   * Properties that are lists of strings: a string there is the list ConvertTo-Json cut at its
   * depth limit (its items joined by spaces). `*` stands for any one key of a dictionary
   * (`Notification.*.ContactEmails`).
   */
  readonly lists?: readonly string[];
  /**
   * ARM properties the checks read that the class does not carry at all (PSKubernetesCluster has
   * no `disableLocalAccounts`): unknown, not ARM's default for an absent property.
   */
  readonly notInClass?: readonly string[];
  /**
   * A property whose value a companion property also holds as JSON text, serialized whole by the
   * module (`SecurityRulesText`): read when the value itself is cut.
   */
  readonly texts?: Readonly<Record<string, string>>;
  /**
   * The cmdlet also lists objects without their settings: the property only a full object has,
   * what lists them, and the command that exports one whole.
   */
  readonly listing?: { readonly key: string; readonly by: string; readonly export: string };
  /**
   * The ARM id of an object whose class has none (a Key Vault key names its vault by its host):
   * under the placeholder scope of an ARM template's resources, which the file's coverage notes.
   */
  readonly idOf?: (object: JsonObject) => string | undefined;
}

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
