import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan } from './dialect-plan.ts';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * `azapi_resource` as Azure Verified Modules and the Azure landing zone modules write role
 * assignments and other resources (SOURCES.md, "Dialects of public plans"): `type` with its API
 * version, `parent_id`, and the ARM request `body`, an object in azapi 2.x and a JSON string
 * (`jsonencode`) in 1.x.
 */

const SUBSCRIPTION = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const SCOPE = `/subscriptions/${SUBSCRIPTION}`;
const OWNER = '/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635';

function assignment(name: string, principal: string | null, bodyAsText = false): Change {
  // A principal known only after apply is left out of `after`, as Terraform writes it.
  const properties = {
    roleDefinitionId: `${SCOPE}${OWNER}`,
    ...(principal !== null && { principalId: principal }),
    principalType: 'User',
  };
  const body = { properties };
  return {
    address: `azapi_resource.${name}`,
    after: {
      type: 'Microsoft.Authorization/roleAssignments@2022-04-01',
      name: `${name}-assignment`,
      parent_id: SCOPE,
      body: bodyAsText ? JSON.stringify(body) : body,
    },
    afterUnknown: {
      id: true,
      output: true,
      ...(principal === null && !bodyAsText && { body: { properties: { principalId: true } } }),
    },
    expressions: {
      type: constant('Microsoft.Authorization/roleAssignments@2022-04-01'),
      parent_id: constant(SCOPE),
    },
    provider: 'azapi',
  };
}

const storage = (name: string, properties: Json): Change => ({
  address: `azapi_resource.${name}`,
  after: {
    type: 'Microsoft.Storage/storageAccounts@2023-05-01',
    name,
    parent_id: `${SCOPE}/resourceGroups/rg-kansa`,
    location: 'japaneast',
    body: { kind: 'StorageV2', sku: { name: 'Standard_ZRS' }, properties },
  },
  afterUnknown: { id: true, output: true },
  expressions: { type: constant('Microsoft.Storage/storageAccounts@2023-05-01'), name: constant(name) },
  provider: 'azapi',
});

describe('azapi_resource', () => {
  const document = plan(
    [
      assignment('alice', '00000000-0000-4000-8000-00000000a001'),
      assignment('bob', '00000000-0000-4000-8000-00000000a002', true),
      assignment('carol', '00000000-0000-4000-8000-00000000a003'),
      assignment('dave', '00000000-0000-4000-8000-00000000a004'),
      assignment('pipeline', null),
      storage('stkansaazapi', {
        allowSharedKeyAccess: false,
        minimumTlsVersion: 'TLS1_2',
        supportsHttpsTrafficOnly: true,
      }),
    ],
    { providers: { azapi: {} } },
  );

  it('reads role assignments in both body forms, scoped by parent_id; a principal known after apply leaves only its own in doubt', async () => {
    const finding = findingOf(await scanDocument(document), 'azure.iam.privileged-count', SCOPE);
    expect(finding.status).toBe('FAIL');
    expect(finding.data).toMatchObject({ count: 4, uncertain: 1 });
  });

  it('reads other ARM types by their properties: a storage account without shared keys', async () => {
    const finding = findingOf(
      await scanDocument(document),
      'azure.storage.access-key-age',
      'azapi_resource.stkansaazapi',
    );
    expect(finding.status).toBe('PASS');
  });
});

describe('azapi_resource of a type ARM names under its parent', () => {
  // azapi builds the id from `parent_id`, `type` and `name`: an extension or top-level type as
  // `<parent_id>/providers/<type>/<name>` (a subscription's Activity Log setting), a child type
  // as `<parent_id>/<its last segment>/<name>`. What the ARM adapters read from the id (the target
  // of a diagnostic setting) was the placeholder's.
  const activity = (logs: string[], bodyAsText = false): Change => {
    const body = {
      properties: {
        workspaceId: `${SCOPE}/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/central`,
        logs: logs.map((category) => ({ category, enabled: true })),
      },
    };
    return {
      address: 'azapi_resource.activity',
      after: {
        type: 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview',
        name: 'activity',
        parent_id: SCOPE,
        body: bodyAsText ? JSON.stringify(body) : body,
      },
      afterUnknown: { id: true, output: true },
      expressions: { type: constant('Microsoft.Insights/diagnosticSettings@2021-05-01-preview') },
      provider: 'azapi',
    };
  };

  it('sends a subscription’s Activity Log by a setting whose parent is the subscription', async () => {
    for (const [logs, bodyAsText, status] of [
      [['Administrative', 'Security', 'Policy'], false, 'PASS'],
      [['Administrative', 'Security', 'Policy'], true, 'PASS'],
      [['Administrative'], false, 'FAIL'],
    ] as const) {
      const scanned = await scanDocument(
        plan([activity([...logs], bodyAsText)], { providers: { azapi: {} } }),
      );
      const finding = findingOf(scanned, 'azure.monitor.activity-log-exported', SCOPE);
      expect(finding.status, `${logs.join(', ')}${bodyAsText ? ' (1.x)' : ''}`).toBe(status);
    }
  });

  it('keeps the placeholder above a subscription: a management group’s setting is read, as before', async () => {
    const change = activity(['Administrative']);
    const group = '/providers/Microsoft.Management/managementGroups/corp';
    const scanned = await scanDocument(
      plan([{ ...change, after: { ...(change.after as object), parent_id: group } }], {
        providers: { azapi: {} },
      }),
    );
    expect(scanned.findings.length).toBeGreaterThan(0);
  });
});

describe('a Defender plan written with azapi_resource', () => {
  // `Microsoft.Security/pricings` under the subscription (Pricings - Update): named by its ARM
  // id, as azurerm's plan is, so that a VM's Defender for Servers check finds it.
  const pricing = (tier: string): Change => ({
    address: 'azapi_resource.servers',
    after: {
      type: 'Microsoft.Security/pricings@2024-01-01',
      name: 'VirtualMachines',
      parent_id: SCOPE,
      body: { properties: { pricingTier: tier, subPlan: 'P2' } },
    },
    afterUnknown: { id: true, output: true },
    expressions: { type: constant('Microsoft.Security/pricings@2024-01-01') },
    provider: 'azapi',
  });
  const vm: Change = {
    address: 'azurerm_linux_virtual_machine.app',
    after: { name: 'app', location: 'japaneast', size: 'Standard_D2s_v5', encryption_at_host_enabled: true },
    afterUnknown: { id: true },
    expressions: { name: constant('app') },
  };
  const providers = {
    azapi: {},
    azurerm: { features: constant([{}]), subscription_id: constant(SUBSCRIPTION) },
  };

  it('covers the subscription’s VMs by its tier', async () => {
    for (const [tier, status] of [
      ['Standard', 'PASS'],
      ['Free', 'FAIL'],
    ] as const) {
      const scanned = await scanDocument(plan([pricing(tier), vm], { providers }));
      const finding = findingOf(
        scanned,
        'azure.compute.vm-endpoint-protection',
        'azurerm_linux_virtual_machine.app',
      );
      expect(finding.status, tier).toBe(status);
      const id = `${SCOPE}/providers/microsoft.security/pricings/virtualmachines`;
      expect(findingOf(scanned, 'azure.security.defender-plans', id).status).toBe(status);
    }
  });
});
