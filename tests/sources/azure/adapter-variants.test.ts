import { describe, expect, it } from 'vitest';
import { azureArm } from '../../../src/sources/azure/arm.ts';
import { azureGraphCli } from '../../../src/sources/azure/graph-cli.ts';
import { graphCliOutput, readDocument, SUBSCRIPTION } from '../../checks/azure/arg-rows.ts';

/** Variants of the services' records across API versions and dialects (kept apart from adapters.test.ts). */
const RG = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-kansa/providers`;

function one(row: Record<string, unknown>) {
  const [resource] = readDocument(azureGraphCli, graphCliOutput([row]));
  return resource!;
}
// Shapes of the ARM GET bodies in azure-rest-api-specs (Microsoft.Sql EncryptionProtectors and
// ManagedInstances examples) and of `az sql server tde-key show` (flattened, `kind` lower-case).
describe('SQL TDE protectors and managed instances', () => {
  it.each([
    [{ properties: { serverKeyName: 'ServiceManaged', serverKeyType: 'ServiceManaged' } }, false],
    [
      {
        kind: 'azurekeyvault',
        properties: {
          serverKeyName: 'kv1_key1_0123456789abcdef',
          serverKeyType: 'AzureKeyVault',
          uri: 'https://kv1.vault.azure.net/keys/key1/0123456789abcdef',
          autoRotationEnabled: true,
        },
      },
      true,
    ],
    // az sql server tde-key show: the settings at the top of the object.
    [{ kind: 'servicemanaged', serverKeyName: 'ServiceManaged', serverKeyType: 'ServiceManaged' }, false],
  ])('a server encryption protector %j → customerManagedKey %s on the server', (body, cmk) => {
    const server = `${RG}/Microsoft.Sql/servers/sql1`;
    const [resource] = readDocument(azureArm, {
      id: `${server}/encryptionProtector/current`,
      name: 'current',
      type: 'Microsoft.Sql/servers/encryptionProtector',
      location: 'Japan East',
      ...body,
    });
    expect(resource).toMatchObject({
      id: server.toLowerCase(),
      nativeType: 'microsoft.sql/servers',
      kansaType: 'database.server',
      facts: {
        customerManagedKey: {
          source: 'explicit',
          value: cmk,
          path: 'encryptionProtector.properties.serverKeyType',
        },
      },
    });
  });

  it('a managed instance protector completes the instance', () => {
    const instance = `${RG}/Microsoft.Sql/managedInstances/mi1`;
    const [resource] = readDocument(azureArm, {
      id: `${instance}/encryptionProtector/current`,
      name: 'current',
      type: 'Microsoft.Sql/managedInstances/encryptionProtector',
      kind: 'azurekeyvault',
      properties: { serverKeyType: 'AzureKeyVault', serverKeyName: 'kv1_key1_v1' },
    });
    expect(resource).toMatchObject({
      id: instance.toLowerCase(),
      kansaType: 'database.instance',
      facts: { customerManagedKey: { value: true } },
    });
  });

  it.each([
    [{ publicDataEndpointEnabled: true, minimalTlsVersion: '1.2' }, 'explicit', 'Enabled', true],
    [{ publicDataEndpointEnabled: false, minimalTlsVersion: 'None' }, 'explicit', 'Disabled', false],
    [{ subnetId: `${RG}/Microsoft.Network/virtualNetworks/vn/subnets/mi` }, 'default', 'Disabled', false],
  ])('a managed instance %j → publicNetworkAccess %s %s', (properties, source, access, reachable) => {
    const resource = one({
      id: `${RG}/Microsoft.Sql/managedInstances/mi1`,
      type: 'microsoft.sql/managedinstances',
      subscriptionId: SUBSCRIPTION,
      location: 'japaneast',
      sku: { name: 'GP_Gen5', tier: 'GeneralPurpose' },
      properties: { proxyOverride: 'Proxy', ...properties },
    });
    expect(resource.facts).toMatchObject({
      publicNetworkAccess: { source, value: access, path: 'properties.publicDataEndpointEnabled' },
      reachableFromInternet: { value: reachable },
    });
    if ('minimalTlsVersion' in properties) {
      expect(resource.facts).toMatchObject({ minimalTlsVersion: { value: properties.minimalTlsVersion } });
    }
  });
});

// Firewalls behind publicNetworkAccess: ContainerRegistry `networkRuleSet` (RegistryGet
// examples) and Cosmos DB `isVirtualNetworkFilterEnabled` / `ipRules` (or the pre-2019-08-01
// `ipRangeFilter` string) in azure-rest-api-specs' CosmosDBDatabaseAccountGet examples.
describe('reachability through a service firewall', () => {
  it.each([
    [{}, 'default', true],
    [
      { publicNetworkAccess: 'Enabled', networkRuleSet: { defaultAction: 'Deny', ipRules: [] } },
      'explicit',
      false,
    ],
    [
      {
        publicNetworkAccess: 'Enabled',
        networkRuleSet: { defaultAction: 'Deny', ipRules: [{ action: 'Allow', value: '203.0.113.7' }] },
      },
      'explicit',
      true,
    ],
    [{ publicNetworkAccess: 'Disabled', networkRuleSet: { defaultAction: 'Allow' } }, 'explicit', false],
  ])('container registry %j → %s %s', (properties, source, reachable) => {
    const registry = {
      id: `${RG}/Microsoft.ContainerRegistry/registries/acr1`,
      type: 'Microsoft.ContainerRegistry/registries',
      location: 'japaneast',
      sku: { name: 'Premium', tier: 'Premium' },
      properties: { loginServer: 'acr1.azurecr.io', adminUserEnabled: false, ...properties },
    };
    expect(one(registry).facts).toMatchObject({ reachableFromInternet: { source, value: reachable } });
  });

  it.each([
    [{ publicNetworkAccess: 'Enabled', isVirtualNetworkFilterEnabled: true, ipRules: [] }, false],
    [{ publicNetworkAccess: 'Enabled', isVirtualNetworkFilterEnabled: false, ipRules: [] }, true],
    [
      {
        publicNetworkAccess: 'Enabled',
        isVirtualNetworkFilterEnabled: true,
        ipRules: [{ ipAddressOrRange: '23.43.230.120' }],
      },
      true,
    ],
    [
      { publicNetworkAccess: 'Enabled', isVirtualNetworkFilterEnabled: true, ipRangeFilter: '23.43.230.120' },
      true,
    ],
  ])('Cosmos DB account %j → reachable %s', (properties, reachable) => {
    const account = {
      id: `${RG}/Microsoft.DocumentDB/databaseAccounts/ddb1`,
      type: 'Microsoft.DocumentDB/databaseAccounts',
      kind: 'GlobalDocumentDB',
      location: 'Japan East',
      properties: { databaseAccountOfferType: 'Standard', ...properties },
    };
    expect(one(account).facts).toMatchObject({ reachableFromInternet: { value: reachable } });
  });

  // "If value is SecuredByPerimeter then Inbound and Outbound communication is controlled by the
  // network security perimeter and profile's access rules" (the SDKs' PublicNetworkAccess docs):
  // inbound rules may admit public address prefixes, and they are not in the resource's record.
  it.each([
    ['Microsoft.Storage/storageAccounts/st1', { networkAcls: { defaultAction: 'Deny', ipRules: [] } }],
    ['Microsoft.KeyVault/vaults/kv1', { networkAcls: { defaultAction: 'Deny', ipRules: [] } }],
    ['Microsoft.Sql/servers/sql1', { minimalTlsVersion: '1.2' }],
    ['Microsoft.DocumentDB/databaseAccounts/ddb1', { isVirtualNetworkFilterEnabled: false, ipRules: [] }],
  ])('%s SecuredByPerimeter: reachability unknown, the perimeter decides', (path, properties) => {
    const record = {
      id: `${RG}/${path}`,
      type: path.split('/').slice(0, 2).join('/'),
      location: 'japaneast',
      properties: { publicNetworkAccess: 'SecuredByPerimeter', ...properties },
    };
    expect(one(record).facts).toMatchObject({
      publicNetworkAccess: { source: 'explicit', value: 'SecuredByPerimeter' },
      reachableFromInternet: { source: 'unknown', path: 'properties.publicNetworkAccess' },
    });
  });
});
