import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../src/model/fact.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { toResource } from '../../../src/sources/azure/adapters/index.ts';
import { azureArm } from '../../../src/sources/azure/arm.ts';
import { DEPTH_CUT, isDepthCut } from '../../../src/sources/azure/depth-cut.ts';
import { azurePowerShell } from '../../../src/sources/azure/powershell.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { readInputFile } from '../../../src/sources/read-inputs.ts';

/**
 * Az PowerShell objects as `ConvertTo-Json` writes them (Azure/azure-powershell's Models classes:
 * PSStorageAccount, PSNetworkSecurityGroup and PSSecurityRule, PSKeyVault, AzureSqlServerModel).
 * Every property is written, null ones too; enums are numbers unless `-EnumsAsStrings`.
 */
const SCOPE = '/subscriptions/7d2c4a1e-5b3f-4c8d-9e6a-1f0b2c3d4e5f/resourceGroups/rg-ps/providers';

function storageAccount(overrides: Record<string, unknown> = {}) {
  return {
    ResourceGroupName: 'rg-ps',
    StorageAccountName: 'stlegacy',
    Id: `${SCOPE}/Microsoft.Storage/storageAccounts/stlegacy`,
    Location: 'japaneast',
    Sku: { Name: 'Standard_GRS', Tier: 0 },
    Kind: 'StorageV2',
    Encryption: {
      KeySource: 'Microsoft.Storage',
      KeyVaultProperties: null,
      Services: { Blob: { Enabled: true } },
    },
    EnableHttpsTrafficOnly: false,
    NetworkRuleSet: { Bypass: 4, DefaultAction: 'Deny', IpRules: [], VirtualNetworkRules: [] },
    AllowBlobPublicAccess: true,
    MinimumTlsVersion: 'TLS1_0',
    AllowSharedKeyAccess: null,
    KeyCreationTime: { Key1: '2023-11-14T22:13:20Z', Key2: '2023-11-14T22:13:20Z' },
    PublicNetworkAccess: 'Enabled',
    SecondaryLocation: 'japanwest',
    Tags: { owner: 'kansa' },
    Context: { StorageAccountName: 'stlegacy', EndPointSuffix: 'core.windows.net/' },
    ...overrides,
  };
}

function securityRule(name: string, source: unknown, ports: unknown, priority = 100) {
  return {
    Description: null,
    Protocol: 'Tcp',
    SourcePortRange: ['*'],
    DestinationPortRange: ports,
    SourceAddressPrefix: source,
    DestinationAddressPrefix: ['*'],
    Access: 'Allow',
    Priority: priority,
    Direction: 'Inbound',
    ProvisioningState: 'Succeeded',
    Name: name,
    Id: `${SCOPE}/Microsoft.Network/networkSecurityGroups/nsg-web/securityRules/${name}`,
  };
}

function securityGroup(rules: unknown[], overrides: Record<string, unknown> = {}) {
  return {
    SecurityRules: rules,
    DefaultSecurityRules: [],
    NetworkInterfaces: [],
    Subnets: [],
    ProvisioningState: 'Succeeded',
    ResourceGroupName: 'rg-ps',
    Location: 'japaneast',
    Type: 'Microsoft.Network/networkSecurityGroups',
    Tag: null,
    Name: 'nsg-web',
    Id: `${SCOPE}/Microsoft.Network/networkSecurityGroups/nsg-web`,
    ...overrides,
  };
}

function keyVault(overrides: Record<string, unknown> = {}) {
  return {
    PublicNetworkAccess: 'Enabled',
    Sku: 'Standard',
    EnableSoftDelete: true,
    EnablePurgeProtection: null,
    EnableRbacAuthorization: true,
    SoftDeleteRetentionInDays: 90,
    NetworkAcls: { DefaultAction: 1, Bypass: 1, IpAddressRanges: null, VirtualNetworkResourceIds: null },
    NetworkAclsText: '\nDefault Action : Deny\n',
    VaultName: 'kv-app',
    ResourceId: `${SCOPE}/Microsoft.KeyVault/vaults/kv-app`,
    ResourceGroupName: 'rg-ps',
    Location: 'japaneast',
    Tags: {},
    ...overrides,
  };
}

function read(document: unknown) {
  const skipped: string[] = [];
  const notes: string[] = [];
  const resources = [
    ...azurePowerShell.read(document, {
      file: 'az.json',
      skip: (reason) => skipped.push(reason),
      note: (note) => notes.push(note),
    }),
  ];
  return { resources, skipped, notes };
}

const factsOf = (resource: Resource | undefined) =>
  (resource?.facts ?? {}) as unknown as Record<string, Fact<unknown>>;

describe('recognition', () => {
  it('claims the cmdlets’ objects, alone, in an array, or in Windows PowerShell’s {value, Count}', () => {
    for (const document of [
      storageAccount(),
      [securityGroup([]), securityGroup([])],
      [keyVault()],
      { value: [storageAccount()], Count: 1 },
    ]) {
      expect(INPUT_FORMATS.find((format) => format.kind === 'document' && format.matches(document))?.id).toBe(
        'azure-powershell',
      );
    }
  });

  it('leaves ARM records to azure-arm: az network nsg show (camelCase) and Get-AzResource objects', () => {
    const cli = {
      id: `${SCOPE}/Microsoft.Network/networkSecurityGroups/n`,
      securityRules: [],
      defaultSecurityRules: [],
    };
    const getAzResource = {
      ResourceId: `${SCOPE}/Microsoft.KeyVault/vaults/kv`,
      ResourceName: 'kv',
      Properties: { enablePurgeProtection: true },
    };
    for (const document of [cli, [getAzResource]]) {
      expect(azurePowerShell.matches(document)).toBe(false);
      expect(azureArm.matches(document)).toBe(true);
    }
  });
});

describe('Get-AzStorageAccount (PSStorageAccount)', () => {
  it('reads the settings, naming each fact by the property the file has', () => {
    const { resources, skipped } = read([storageAccount()]);
    expect(skipped).toEqual([]);
    expect(resources[0]).toMatchObject({
      id: `${SCOPE}/Microsoft.Storage/storageAccounts/stlegacy`.toLowerCase(),
      name: 'stlegacy',
      region: 'japaneast',
      kansaType: 'storage.account',
      tags: { owner: 'kansa' },
    });
    const facts = factsOf(resources[0]);
    expect(facts.minimumTlsVersion).toEqual({
      source: 'explicit',
      value: 'TLS1_0',
      path: 'MinimumTlsVersion',
    });
    expect(facts.allowBlobPublicAccess).toEqual({
      source: 'explicit',
      value: true,
      path: 'AllowBlobPublicAccess',
    });
    expect(facts.httpsTrafficOnly).toEqual({
      source: 'explicit',
      value: false,
      path: 'EnableHttpsTrafficOnly',
    });
    expect(facts.networkDefaultAction).toMatchObject({ value: 'Deny', path: 'NetworkRuleSet.DefaultAction' });
    expect(facts.encryptionKeySource).toMatchObject({
      value: 'Microsoft.Storage',
      path: 'Encryption.KeySource',
    });
    expect(facts.secondaryRegion).toMatchObject({ value: 'japanwest', path: 'SecondaryLocation' });
    // null is written for a setting never set: the API's absent field.
    expect(facts.allowSharedKeyAccess).toMatchObject({
      source: 'default',
      value: true,
      path: 'AllowSharedKeyAccess',
    });
  });

  it('leaves a DefaultAction written as a number unknown: Az.Storage swapped its numbers', () => {
    const account = storageAccount({ NetworkRuleSet: { Bypass: 4, DefaultAction: 0, IpRules: [] } });
    const facts = factsOf(read(account).resources[0]);
    expect(facts.networkDefaultAction).toMatchObject({
      source: 'unknown',
      path: 'NetworkRuleSet.DefaultAction',
      note: { en: expect.stringMatching(/-EnumsAsStrings/) },
    });
  });

  it('reads Windows PowerShell 5.1’s \\/Date()\\/ dates', () => {
    const account = storageAccount({
      KeyCreationTime: { Key1: '/Date(1700000000000)/', Key2: '/Date(1700000000000)/' },
    });
    expect(factsOf(read(account).resources[0]).keyCreationTimes).toEqual({
      source: 'explicit',
      value: ['2023-11-14T22:13:20.000Z', '2023-11-14T22:13:20.000Z'],
      path: 'KeyCreationTime',
    });
  });
});

describe('Get-AzNetworkSecurityGroup (PSNetworkSecurityGroup)', () => {
  it('reads the rules’ lists of prefixes and ports', () => {
    const group = securityGroup([securityRule('Allow-RDP', ['*'], ['3389'])]);
    const facts = factsOf(read([group]).resources[0]);
    expect(facts.inboundRules).toMatchObject({
      source: 'explicit',
      path: 'SecurityRules',
      value: [{ name: 'Allow-RDP', access: 'Allow', sourcePrefixes: ['*'], destinationPorts: ['3389'] }],
    });
  });

  it('leaves the rules unknown when ConvertTo-Json cut them, and says so once per file', () => {
    const rule = 'Microsoft.Azure.Commands.Network.Models.PSSecurityRule';
    const { resources, notes } = read([
      securityGroup([rule, rule]),
      securityGroup([rule], { Name: 'nsg-b', Id: `${SCOPE}/Microsoft.Network/networkSecurityGroups/nsg-b` }),
    ]);
    for (const resource of resources) {
      expect(factsOf(resource).inboundRules).toEqual({
        source: 'unknown',
        path: 'SecurityRules',
        note: DEPTH_CUT,
      });
    }
    expect(new Set(notes).size).toBe(1);
    expect(notes[0]).toMatch(/ConvertTo-Json -Depth 20/);
  });

  it('leaves unknown the rules whose lists were joined into strings (one group at the default depth)', () => {
    const group = securityGroup([securityRule('Allow-RDP', '*', '3389')]);
    expect(factsOf(read(group).resources[0]).inboundRules).toMatchObject({
      source: 'unknown',
      note: DEPTH_CUT,
    });
  });

  it('reads the rules from SecurityRulesText when the rules themselves are cut', () => {
    const whole = [securityRule('Allow-RDP', ['*'], ['3389'])];
    const group = {
      ...securityGroup([securityRule('Allow-RDP', '*', '3389')]),
      SecurityRulesText: JSON.stringify(whole, null, 2),
      DefaultSecurityRulesText: '[]',
    };
    expect(factsOf(read(group).resources[0]).inboundRules).toMatchObject({
      source: 'explicit',
      path: 'SecurityRulesText',
      value: [{ name: 'Allow-RDP', sourcePrefixes: ['*'], destinationPorts: ['3389'] }],
    });
  });
});

describe('Get-AzKeyVault (PSKeyVault)', () => {
  it('reads a vault without purge protection (null until enabled) and names its enum numbers', () => {
    const facts = factsOf(read([keyVault()]).resources[0]);
    expect(facts.purgeProtectionEnabled).toMatchObject({
      source: 'default',
      value: false,
      path: 'EnablePurgeProtection',
    });
    expect(facts.softDeleteEnabled).toEqual({ source: 'explicit', value: true, path: 'EnableSoftDelete' });
    expect(facts.skuName).toEqual({ source: 'explicit', value: 'Standard', path: 'Sku' });
    expect(facts.networkDefaultAction).toEqual({
      source: 'explicit',
      value: 'Deny',
      path: 'NetworkAcls.DefaultAction',
    });
    // Deny with no address ranges: closed to the internet.
    expect(facts.reachableFromInternet).toMatchObject({ value: false, path: 'NetworkAcls.IpAddressRanges' });
  });

  it('skips the listing’s objects, which carry no setting, saying how to export them', () => {
    const listed = { VaultName: 'kv-app', ResourceId: `${SCOPE}/Microsoft.KeyVault/vaults/kv-app`, Tags: {} };
    const { resources, skipped } = read([listed]);
    expect(resources).toEqual([]);
    expect(skipped[0]).toMatch(
      /^Get-AzKeyVault \(PSKeyVaultIdentityItem\): a listing .*export each with Get-AzKeyVault -VaultName <name>/,
    );
  });
});

describe('Get-AzKeyVaultManagedHsm (PSManagedHsm)', () => {
  // src/KeyVault/KeyVault/Models/ManagedHsm/PSManagedHsm.cs: a PSKeyVaultIdentityItem (VaultName,
  // ResourceId) with the pool's settings, `Sku` its name, `HsmUri`, and the SDK's object beside them.
  const managedHsm = (purge: boolean | null) => ({
    Name: 'hsm-app',
    PublicNetworkAccess: 'Disabled',
    Sku: 'Standard_B1',
    TenantId: '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
    InitialAdminObjectIds: ['5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d'],
    HsmUri: 'https://hsm-app.managedhsm.azure.net/',
    EnableSoftDelete: true,
    SoftDeleteRetentionInDays: 90,
    EnablePurgeProtection: purge,
    ProvisioningState: 'Succeeded',
    VaultName: 'hsm-app',
    ResourceId: `${SCOPE}/Microsoft.KeyVault/managedHSMs/hsm-app`,
    ResourceGroupName: 'rg-ps',
    Location: 'japaneast',
    Tags: {},
  });

  it('reads a managed HSM as one, not as a vault: its purge protection, on by default', () => {
    const [hsm] = read([managedHsm(false)]).resources;
    expect(hsm).toMatchObject({ nativeType: 'microsoft.keyvault/managedhsms', kansaType: 'kms.vault' });
    expect(factsOf(hsm).purgeProtectionEnabled).toEqual({
      source: 'explicit',
      value: false,
      path: 'EnablePurgeProtection',
    });
    expect(factsOf(read([managedHsm(null)]).resources[0]).purgeProtectionEnabled).toMatchObject({
      source: 'default',
      value: true,
    });
  });
});

describe('Get-AzSqlServer (AzureSqlServerModel)', () => {
  it('reads MinimalTlsVersion and PublicNetworkAccess', () => {
    const server = {
      ResourceGroupName: 'rg-ps',
      ServerName: 'sql-app',
      Location: 'japaneast',
      SqlAdministratorLogin: 'sqladmin',
      SqlAdministratorPassword: null,
      ServerVersion: '12.0',
      Tags: null,
      ResourceId: `${SCOPE}/Microsoft.Sql/servers/sql-app`,
      MinimalTlsVersion: '1.0',
      PublicNetworkAccess: 'Enabled',
    };
    const facts = factsOf(read(server).resources[0]);
    expect(facts.minimalTlsVersion).toEqual({ source: 'explicit', value: '1.0', path: 'MinimalTlsVersion' });
    expect(facts.publicNetworkAccess).toEqual({
      source: 'explicit',
      value: 'Enabled',
      path: 'PublicNetworkAccess',
    });
  });
});

describe('Get-AzRoleAssignment (PSRoleAssignment)', () => {
  const SUBSCRIPTION = '/subscriptions/7d2c4a1e-5b3f-4c8d-9e6a-1f0b2c3d4e5f';
  const assignment = (scope: string, name: string, role = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635') => ({
    RoleAssignmentName: name,
    RoleAssignmentId: `${scope === '/' ? '' : scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    Scope: scope,
    DisplayName: 'Admin',
    SignInName: 'admin@contoso.onmicrosoft.com',
    RoleDefinitionName: 'Owner',
    RoleDefinitionId: role,
    ObjectId: `0a9e3c11-1111-4a2b-8c3d-${name.padStart(12, '0')}`,
    ObjectType: 'User',
    CanDelegate: false,
    Description: null,
    ConditionVersion: null,
    Condition: null,
  });

  it('reads the role (its GUID alone), scope and principal, those inherited from above placed in the listed subscription', () => {
    const { resources, skipped, notes } = read({
      value: [
        assignment(SUBSCRIPTION, '1'),
        assignment('/providers/Microsoft.Management/managementGroups/mg-ps', '2'),
      ],
      Count: 2,
    });
    expect(skipped).toEqual([]);
    expect(resources.map((r) => [r.kansaType, r.account])).toEqual([
      ['iam.role-assignment', '7d2c4a1e-5b3f-4c8d-9e6a-1f0b2c3d4e5f'],
      ['iam.role-assignment', '7d2c4a1e-5b3f-4c8d-9e6a-1f0b2c3d4e5f'],
    ]);
    expect(factsOf(resources[1])).toMatchObject({
      roleDefinitionId: {
        source: 'explicit',
        value: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
        path: 'RoleDefinitionId',
      },
      scope: { value: '/providers/microsoft.management/managementgroups/mg-ps', path: 'Scope' },
    });
    expect(notes).toContainEqual(expect.stringMatching(/read as inherited by 7d2c4a1e-/));
    // The sign-in name tells a guest (`#EXT#`); the display name is not read.
    expect(factsOf(resources[0]).principalName).toMatchObject({ value: 'admin@contoso.onmicrosoft.com' });
    expect(JSON.stringify(resources)).not.toContain('"Admin"');
  });
});

describe('Get-AzRoleDefinition (PSRoleDefinition)', () => {
  const role = (overrides: Record<string, unknown> = {}) => ({
    Name: 'Access Delegator',
    Id: '3A1B2C4D-5E6F-4A7B-8C9D-0E1F2A3B4C5D',
    IsCustom: true,
    Description: 'Grants roles in the subscription',
    Actions: ['Microsoft.Authorization/*', '*/read'],
    NotActions: [],
    DataActions: [],
    NotDataActions: [],
    AssignableScopes: ['/subscriptions/7d2c4a1e-5b3f-4c8d-9e6a-1f0b2c3d4e5f'],
    Condition: null,
    ConditionVersion: null,
    ...overrides,
  });

  it('reads the role by its GUID, with whether its Actions may assign roles', () => {
    const { resources, skipped } = read([role()]);
    expect(skipped).toEqual([]);
    expect(resources[0]).toMatchObject({
      kansaType: 'iam.role',
      id: '/providers/microsoft.authorization/roledefinitions/3a1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    });
    expect(factsOf(resources[0])).toMatchObject({
      roleName: { value: 'Access Delegator', path: 'Name' },
      roleType: { value: 'CustomRole', path: 'IsCustom' },
      grantsRoles: { value: true, path: 'Actions' },
    });
  });

  it('takes back what NotActions excludes, naming both lists', () => {
    const [resource] = read([
      role({ NotActions: ['Microsoft.Authorization/*/Write'], IsCustom: false }),
    ]).resources;
    expect(factsOf(resource)).toMatchObject({
      roleType: { value: 'BuiltInRole' },
      grantsRoles: { value: false, path: 'Actions, NotActions, DataActions, NotDataActions' },
    });
  });

  it('reads a whole role definition id as its GUID', () => {
    const [resource] = read([
      role({
        Id: '/subscriptions/7d2c4a1e-5b3f-4c8d-9e6a-1f0b2c3d4e5f/providers/Microsoft.Authorization/roleDefinitions/3a1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      }),
    ]).resources;
    expect(resource?.id).toBe(
      '/providers/microsoft.authorization/roledefinitions/3a1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    );
  });

  it('leaves the role unknown when ConvertTo-Json cut its Actions', () => {
    const [resource] = read([role({ Actions: 'Microsoft.Authorization/* */read' })]).resources;
    expect(factsOf(resource).grantsRoles).toMatchObject({ source: 'unknown' });
  });
});

describe('Get-AzVM, Get-AzDisk and Get-AzSnapshot (PSVirtualMachine, PSDisk, PSSnapshot)', () => {
  it('reads encryption at host, spelling an absent one as the class would', () => {
    const vm = {
      Id: `${SCOPE}/Microsoft.Compute/virtualMachines/vm-web`,
      VmId: '0c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f',
      Name: 'vm-web',
      Type: 'Microsoft.Compute/virtualMachines',
      Location: 'japaneast',
      SecurityProfile: null,
      StorageProfile: { OsDisk: { OsType: 1, Caching: 2, CreateOption: 'FromImage' } },
    };
    expect(factsOf(read(vm).resources[0]).encryptionAtHost).toMatchObject({
      source: 'default',
      value: false,
      path: 'SecurityProfile.EncryptionAtHost',
    });
  });

  it('tells a snapshot from a disk by its Type', () => {
    const snapshot = {
      DiskSizeGB: 30,
      DiskState: 'Unattached',
      Id: `${SCOPE}/Microsoft.Compute/snapshots/snap-web`,
      Name: 'snap-web',
      Type: 'Microsoft.Compute/snapshots',
      Location: 'japaneast',
      Encryption: { DiskEncryptionSetId: null, Type: 'EncryptionAtRestWithPlatformKey' },
      CreationData: { CreateOption: 'Copy', SourceResourceId: `${SCOPE}/Microsoft.Compute/disks/disk-web` },
    };
    const [resource] = read([snapshot]).resources;
    expect(resource).toMatchObject({
      nativeType: 'microsoft.compute/snapshots',
      kansaType: 'compute.snapshot',
    });
    expect(factsOf(resource).encryptionType).toMatchObject({ path: 'Encryption.Type' });
    expect(factsOf(resource).replicaOf).toMatchObject({ path: 'CreationData.SourceResourceId' });
  });
});

describe('depth cut in any Azure reader', () => {
  it.each([
    ['Microsoft.Azure.Commands.Management.Storage.Models.PSNetworkRuleSet', true],
    ['System.Collections.Generic.List`1[Microsoft.Azure.Commands.Network.Models.PSSecurityRule]', true],
    ['System.Object[]', true],
    ['System.Collections.Hashtable', true],
    ['@{DefaultAction=Deny; Bypass=AzureServices}', true],
    [
      'Microsoft.Azure.Commands.Network.Models.PSSecurityRule Microsoft.Azure.Commands.Network.Models.PSSecurityRule',
      true,
    ],
    // Values that are settings: a key source, an extension publisher, a type.
    ['Microsoft.Storage', false],
    ['Microsoft.Keyvault', false],
    ['Microsoft.Azure.Security', false],
    ['Microsoft.Storage/storageAccounts', false],
    ['TLS1_2', false],
  ])('%s: %s', (value, cut) => {
    expect(isDepthCut(value)).toBe(cut);
  });

  it('makes a Get-AzResource object’s facts read from a cut `Properties` child unknown', () => {
    const record = {
      ResourceId: `${SCOPE}/Microsoft.Storage/storageAccounts/st`,
      Id: `${SCOPE}/Microsoft.Storage/storageAccounts/st`,
      ResourceName: 'st',
      Location: 'japaneast',
      Type: 'Microsoft.Storage/storageAccounts',
      Properties: {
        minimumTlsVersion: 'TLS1_2',
        networkAcls:
          '@{bypass=AzureServices; virtualNetworkRules=System.Object[]; ipRules=System.Object[]; defaultAction=Allow}',
        encryption: '@{services=; keySource=Microsoft.Keyvault; keyvaultproperties=}',
      },
    };
    const notes: string[] = [];
    const resource = toResource(record, { file: 'r.json' }, (note) => notes.push(note));
    const facts = factsOf('skip' in resource ? undefined : resource);
    expect(facts.minimumTlsVersion).toMatchObject({ source: 'explicit', value: 'TLS1_2' });
    expect(facts.networkDefaultAction).toMatchObject({ source: 'unknown', note: DEPTH_CUT });
    expect(facts.encryptionKeySource).toMatchObject({ source: 'unknown', note: DEPTH_CUT });
    expect(notes).toHaveLength(1);
  });
});

describe('a Windows PowerShell 5.1 file', () => {
  it('is read from UTF-16LE with a byte-order mark (Out-File’s default)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kansa-pwsh-'));
    const file = path.join(dir, 'storage.json');
    const text = JSON.stringify(storageAccount(), null, 4).replaceAll('\n', '\r\n');
    await writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const resources: Resource[] = [];
    const coverage = await readInputFile(file, (resource) => resources.push(resource));
    expect(coverage).toMatchObject({ format: 'azure-powershell', resources: 1, skipped: [] });
    expect(factsOf(resources[0]).minimumTlsVersion).toMatchObject({
      value: 'TLS1_0',
      path: 'MinimumTlsVersion',
    });
  });
});
