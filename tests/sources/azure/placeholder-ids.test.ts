import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { azureArm } from '../../../src/sources/azure/arm.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';

// ARM bodies from API examples, SDK test recordings and PSRule fixtures (modelled on
// Azure/azure-rest-api-specs examples, Azure/oav recordings, Azure/PSRule.Rules.Azure tests):
// placeholder subscriptions, odd locations, PascalCase PowerShell objects.
function read(document: unknown) {
  const skipped: string[] = [];
  const notes: string[] = [];
  const resources: Resource[] = [
    ...azureArm.read(document, {
      file: 'example.json',
      skip: (reason) => skipped.push(reason),
      note: (note) => notes.push(note),
    }),
  ];
  return { resources, skipped, notes };
}

const account = (subscription: string, name: string, location: string, kind = 'StorageV2') => ({
  id: `/subscriptions/${subscription}/resourceGroups/res9101/providers/Microsoft.Storage/storageAccounts/${name}`,
  kind,
  location,
  name,
  properties: { supportsHttpsTrafficOnly: true },
  sku: { name: 'Standard_GRS', tier: 'Standard' },
  type: 'Microsoft.Storage/storageAccounts',
});

describe('azure: list bodies told by their shape, not their ids', () => {
  it.each([
    '{subscription-id}',
    '{subscriptionId}',
    '<AZURE_SUBSCRIPTION_ID>',
    'subid',
    '00000000-0000-0000-0000-000000000000',
  ])('reads a list body whose ids carry %s', (subscription) => {
    const body = { value: [account(subscription, 'sto4445', 'eastus')] };
    expect(INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(body))?.id).toBe('azure-arm');
    const { resources, skipped } = read(body);
    expect(skipped).toEqual([]);
    expect(resources[0]).toMatchObject({
      account: subscription.toLowerCase(),
      kansaType: 'storage.account',
      region: 'eastus',
    });
  });

  it('notes a placeholder subscription and a location that names no region', () => {
    const { resources, notes } = read({
      value: [account('{subscription-id}', 'sto1', '[resourceGroup().location]')],
    });
    expect(resources[0]?.region).toBe('');
    expect(notes).toEqual([
      expect.stringContaining('the subscription is not a GUID'),
      expect.stringContaining('names no region'),
    ]);
  });

  it('reads the body of a REST API example file', () => {
    const example = {
      parameters: { subscriptionId: '{subscription-id}', 'api-version': '2023-01-01' },
      responses: {
        '200': { body: { value: [account('{subscription-id}', 'sto8596', 'japaneast', 'FileStorage')] } },
      },
    };
    expect(azureArm.matches(example)).toBe(true);
    const { resources } = read(example);
    expect(resources[0]).toMatchObject({
      name: 'sto8596',
      region: 'japaneast',
      facts: { kind: { value: 'FileStorage' } },
    });
  });

  it('reads PowerShell (Get-AzResource) objects in PascalCase', () => {
    const id =
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/test-rg/providers/Microsoft.KeyVault/vaults/kv-a';
    const psObject = {
      ResourceId: id,
      Id: id,
      Name: 'kv-a',
      ResourceName: 'kv-a',
      Location: 'Japan East',
      ResourceGroupName: 'test-rg',
      Type: 'Microsoft.KeyVault/vaults',
      ResourceType: 'Microsoft.KeyVault/vaults',
      Properties: { enableSoftDelete: true, enablePurgeProtection: true },
      SubscriptionId: '00000000-0000-0000-0000-000000000000',
      Tags: null,
    };
    const { resources, skipped } = read([psObject]);
    expect(skipped).toEqual([]);
    expect(resources[0]).toMatchObject({ kansaType: 'kms.vault', region: 'japaneast', id: id.toLowerCase() });
  });

  it('reads PSRule objects that keep only ResourceId, and the sub-resources nested under `resources`', () => {
    const server =
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/test-rg/providers/Microsoft.Sql/servers/server-a';
    const psRuleObject = {
      Name: 'server-a',
      ResourceId: server,
      ResourceName: 'server-a',
      ResourceType: 'Microsoft.Sql/servers',
      Location: 'japaneast',
      SubscriptionId: '00000000-0000-0000-0000-000000000000',
      Properties: { minimalTlsVersion: '1.2' },
      resources: [
        {
          ResourceId: `${server}/auditingSettings/Default`,
          ResourceName: 'Default',
          Name: 'Default',
          properties: { state: 'Enabled' },
          Type: 'Microsoft.Sql/servers/auditingSettings',
        },
        {
          ResourceName: 'office',
          Name: 'office',
          Properties: { startIpAddress: '203.0.113.1', endIpAddress: '203.0.113.1' },
          Type: 'Microsoft.Sql/servers/firewallRules',
        },
        { Name: 'logs', Type: 'Microsoft.Insights/diagnosticSettings', properties: { logs: [] } },
      ],
    };
    expect(INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches([psRuleObject]))?.id).toBe(
      'azure-arm',
    );
    const { resources, skipped } = read([psRuleObject]);
    expect(skipped).toEqual([]);
    expect(resources.map((r) => [r.nativeType, r.id])).toEqual([
      ['microsoft.sql/servers', server.toLowerCase()],
      ['microsoft.sql/servers', server.toLowerCase()],
      ['microsoft.sql/servers/firewallrules', `${server}/firewallRules/office`.toLowerCase()],
      [
        'microsoft.insights/diagnosticsettings',
        `${server}/providers/Microsoft.Insights/diagnosticSettings/logs`.toLowerCase(),
      ],
    ]);
    expect(resources[1]?.facts).toMatchObject({ auditingState: { source: 'explicit', value: 'Enabled' } });
  });

  it('reads sub-resources nested under `Resources` in PascalCase, as PSRule keeps a cache’s firewall rules and a vault’s settings', () => {
    const vault =
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/test-rg/providers/Microsoft.KeyVault/vaults/vault-a';
    const cache =
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/test-rg/providers/Microsoft.Cache/Redis/redis-a';
    const psRuleObject = (id: string, type: string, child: object) => ({
      ResourceId: id,
      ResourceName: id.split('/').at(-1),
      ResourceType: type,
      Location: 'australiaeast',
      Properties: {},
      Resources: [child],
    });
    const { resources, skipped } = read([
      psRuleObject(vault, 'Microsoft.KeyVault/vaults', {
        Name: 'audit',
        ResourceType: 'Microsoft.Insights/diagnosticSettings',
        Properties: { workspaceId: 'ws', logs: [{ category: 'AuditEvent', enabled: true }] },
      }),
      psRuleObject(cache, 'Microsoft.Cache/Redis', {
        Name: 'ClientIPAddress_1',
        ResourceName: 'ClientIPAddress_1',
        ResourceType: 'Microsoft.Cache/redis/firewallRules',
        Properties: { startIpAddress: '10.1.1.1', endIpAddress: '10.1.1.1' },
      }),
    ]);
    expect(skipped).toEqual([]);
    expect(resources.map((r) => r.id)).toEqual([
      vault.toLowerCase(),
      `${vault}/providers/Microsoft.Insights/diagnosticSettings/audit`.toLowerCase(),
      cache.toLowerCase(),
      `${cache}/firewallRules/ClientIPAddress_1`.toLowerCase(),
    ]);
  });

  it('reads the list answers the current Export-AzRuleData keeps whole under a subscription’s `resources`', () => {
    const subscription = '/subscriptions/00000000-0000-0000-0000-000000000000';
    const pricing = (name: string, pricingTier: string) => ({
      id: `${subscription}/providers/Microsoft.Security/pricings/${name}`,
      name,
      type: 'Microsoft.Security/pricings',
      properties: { pricingTier, freeTrialRemainingTime: 'PT0S' },
    });
    const exported = {
      id: subscription,
      subscriptionId: '00000000-0000-0000-0000-000000000000',
      displayName: 'production',
      state: 'Enabled',
      type: 'Microsoft.Subscription',
      resources: [{ value: [pricing('VirtualMachines', 'Standard'), pricing('KeyVaults', 'Free')] }],
    };
    const { resources, skipped } = read([exported]);
    expect(skipped).toEqual([]);
    expect(
      resources.filter((r) => r.nativeType === 'microsoft.security/pricings').map((r) => r.name),
    ).toEqual(['VirtualMachines', 'KeyVaults']);
  });

  it('reads the subscription object PSRule’s PowerShell export writes (a bare GUID `Id`), first in its file or not', () => {
    const subscriptionId = '00000000-0000-0000-0000-000000000000';
    const subscription = {
      Id: subscriptionId,
      Name: 'subscription-A',
      State: 'Enabled',
      SubscriptionId: subscriptionId,
      TenantId: '00000000-0000-0000-0000-000000000000',
      ExtendedProperties: { Account: 'account', Environment: 'AzureCloud' },
      ResourceType: 'Microsoft.Subscription',
      resources: [
        {
          ResourceId: `/subscriptions/${subscriptionId}/providers/Microsoft.Security/pricings/VirtualMachines`,
          ResourceName: 'VirtualMachines',
          Name: 'VirtualMachines',
          Properties: { pricingTier: 'Free' },
          ResourceType: 'Microsoft.Security/pricings',
        },
      ],
    };
    const cache = {
      ResourceId: `/subscriptions/${subscriptionId}/resourceGroups/test-rg/providers/Microsoft.Cache/Redis/redis-a`,
      ResourceName: 'redis-a',
      ResourceType: 'Microsoft.Cache/Redis',
      Location: 'eastus',
      Properties: { enableNonSslPort: false },
    };
    for (const document of [
      [subscription, cache],
      [cache, subscription],
    ]) {
      expect(azureArm.matches(document)).toBe(true);
      const { resources, skipped } = read(document);
      expect(skipped).toEqual([]);
      expect(resources.map((r) => r.nativeType).sort()).toEqual([
        'microsoft.cache/redis',
        'microsoft.resources/subscriptions',
        'microsoft.security/pricings',
      ]);
      expect(resources.find((r) => r.nativeType === 'microsoft.resources/subscriptions')?.id).toBe(
        `/subscriptions/${subscriptionId}`,
      );
    }
  });

  it('does not take a record about another resource (a policy state’s resourceId) for that resource', () => {
    const policyState = {
      resourceId:
        '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/test-rg/providers/Microsoft.Sql/servers/server-a',
      resourceType: 'Microsoft.Sql/servers',
      complianceState: 'NonCompliant',
    };
    expect(azureArm.matches([policyState])).toBe(false);
  });
});
