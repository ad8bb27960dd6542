import { describe, expect, it } from 'vitest';
import { azureArm } from '../../../src/sources/azure/arm.ts';
import { azureGraphCli } from '../../../src/sources/azure/graph-cli.ts';
import {
  graphCliOutput,
  readDocument,
  SUBSCRIPTION,
  storageProperties,
  storageRow,
} from '../../checks/azure/arg-rows.ts';

const RG = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-kansa/providers`;

function one(row: Record<string, unknown>) {
  const [resource] = readDocument(azureGraphCli, graphCliOutput([row]));
  return resource!;
}

describe('CommonFacts', () => {
  it('storage: Key Vault key → customer-managed, HSM unknown; Managed HSM key → HSM-backed', () => {
    expect(one(storageRow('st1', storageProperties())).facts).toMatchObject({
      customerManagedKey: { source: 'explicit', value: true },
      hsmBackedKey: { source: 'unknown' },
    });
    const hsm = storageProperties({
      encryption: {
        keySource: 'Microsoft.Keyvault',
        keyvaultproperties: { keyvaulturi: 'https://hsm1.managedhsm.azure.net/' },
      },
    });
    expect(one(storageRow('st2', hsm)).facts).toMatchObject({
      hsmBackedKey: { source: 'explicit', value: true },
    });
  });

  it('storage: geo-redundant SKU names its secondary region', () => {
    const row = storageRow('stgrs', storageProperties({ secondaryLocation: 'japanwest' }), {
      sku: { name: 'Standard_RAGRS', tier: 'Standard' },
    });
    expect(one(row).facts).toMatchObject({ secondaryRegion: { value: 'japanwest' } });
    expect(one(storageRow('stlrs', storageProperties())).facts).not.toHaveProperty('secondaryRegion');
  });

  it.each([
    [
      { encryption: { type: 'EncryptionAtRestWithCustomerKey', diskEncryptionSetId: `${RG}/x` } },
      'explicit',
      true,
    ],
    [{ encryption: { type: 'EncryptionAtRestWithPlatformKey' } }, 'explicit', false],
    // Confidential VM OS disk (DiskSecurityTypes in the Microsoft.Compute disk swagger).
    [
      {
        encryption: { type: 'EncryptionAtRestWithPlatformKey' },
        securityProfile: {
          securityType: 'ConfidentialVM_DiskEncryptedWithCustomerKey',
          secureVMDiskEncryptionSetId: `${RG}/Microsoft.Compute/diskEncryptionSets/cvm-des`,
        },
      },
      'explicit',
      true,
    ],
    [{ securityProfile: { securityType: 'ConfidentialVM_DiskEncryptedWithPlatformKey' } }, 'default', false],
    [{ diskSizeGB: 128 }, 'default', false],
  ])('disk %j → customerManagedKey %s %s', (properties, source, value) => {
    const disk = {
      id: `${RG}/Microsoft.Compute/disks/d1`,
      type: 'microsoft.compute/disks',
      subscriptionId: SUBSCRIPTION,
      location: 'japaneast',
      properties,
    };
    expect(one(disk)).toMatchObject({
      kansaType: 'compute.disk',
      facts: { customerManagedKey: { source, value } },
    });
  });

  // Export and upload go through a SAS URL: public under AllowAll with publicNetworkAccess Enabled,
  // closed by DenyAll, AllowPrivate (a disk access's private endpoints) or publicNetworkAccess Disabled.
  it.each([
    [{ networkAccessPolicy: 'AllowAll', publicNetworkAccess: 'Enabled' }, 'explicit', true],
    [
      { networkAccessPolicy: 'allowall', publicNetworkAccess: 'Enabled', diskState: 'ActiveSAS' },
      'explicit',
      true,
    ],
    [{ networkAccessPolicy: 'AllowAll', publicNetworkAccess: 'Disabled' }, 'explicit', false],
    [{ networkAccessPolicy: 'DenyAll', publicNetworkAccess: 'Enabled' }, 'explicit', false],
    [{ networkAccessPolicy: 'AllowPrivate' }, 'explicit', false],
    [{ networkAccessPolicy: 'DenyAll' }, 'explicit', false],
    // Neither is in the record, or AllowAll without the switch that may close it: the record does not tell.
    [{ networkAccessPolicy: 'AllowAll' }, 'unknown', undefined],
    [{ publicNetworkAccess: 'Enabled' }, 'unknown', undefined],
    [{ diskSizeGB: 128 }, 'unknown', undefined],
    [{ networkAccessPolicy: 'AllowSome', publicNetworkAccess: 'Enabled' }, 'unknown', undefined],
  ])('disk and snapshot %j → reachableFromInternet %s %s', (properties, source, value) => {
    for (const type of ['disks', 'snapshots']) {
      const record = {
        id: `${RG}/Microsoft.Compute/${type}/d1`,
        type: `microsoft.compute/${type}`,
        subscriptionId: SUBSCRIPTION,
        location: 'japaneast',
        properties,
      };
      expect(one(record).facts).toMatchObject({
        reachableFromInternet: value === undefined ? { source } : { source, value },
      });
    }
  });

  // The fact names the setting that decided: publicNetworkAccess where it closes the disk or,
  // under AllowAll, is missing; networkAccessPolicy otherwise.
  it.each([
    [{ networkAccessPolicy: 'AllowAll', publicNetworkAccess: 'Disabled' }, 'properties.publicNetworkAccess'],
    [{ networkAccessPolicy: 'AllowAll' }, 'properties.publicNetworkAccess'],
    [{ networkAccessPolicy: 'AllowAll', publicNetworkAccess: 'Enabled' }, 'properties.networkAccessPolicy'],
    [{ networkAccessPolicy: 'DenyAll' }, 'properties.networkAccessPolicy'],
    [{ publicNetworkAccess: 'Enabled' }, 'properties.networkAccessPolicy'],
  ])('disk %j → reachableFromInternet decided by %s', (properties, path) => {
    const record = {
      id: `${RG}/Microsoft.Compute/disks/d1`,
      type: 'microsoft.compute/disks',
      subscriptionId: SUBSCRIPTION,
      location: 'japaneast',
      properties,
    };
    expect(one(record).facts).toMatchObject({ reachableFromInternet: { path } });
  });

  it('snapshot: replicaOf is its source disk', () => {
    const snapshot = {
      id: `${RG}/Microsoft.Compute/snapshots/s1`,
      type: 'microsoft.compute/snapshots',
      subscriptionId: SUBSCRIPTION,
      location: 'eastus',
      properties: {
        creationData: { createOption: 'CopyStart', sourceResourceId: `${RG}/Microsoft.Compute/disks/D1` },
      },
    };
    expect(one(snapshot).facts).toMatchObject({
      replicaOf: { value: `${RG}/microsoft.compute/disks/d1`.toLowerCase() },
    });
  });

  it('key vault: standard → no HSM keys; premium → unknown; managed HSM → HSM', () => {
    const vault = (sku: string) => ({
      id: `${RG}/Microsoft.KeyVault/vaults/kv-${sku}`,
      type: 'microsoft.keyvault/vaults',
      subscriptionId: SUBSCRIPTION,
      location: 'japaneast',
      properties: { sku: { family: 'A', name: sku } },
    });
    expect(one(vault('standard')).facts).toMatchObject({ hsmBackedKey: { value: false } });
    expect(one(vault('premium')).facts).toMatchObject({ hsmBackedKey: { source: 'unknown' } });
    const hsm = {
      ...vault('x'),
      id: `${RG}/Microsoft.KeyVault/managedHSMs/hsm1`,
      type: 'microsoft.keyvault/managedhsms',
    };
    expect(one(hsm)).toMatchObject({ kansaType: 'kms.vault', facts: { hsmBackedKey: { value: true } } });
  });

  // managedHsm.json (2021-10-01 to 2024-11-01): enablePurgeProtection defaults to true on a
  // managed HSM, where a vault's (keyvault.json) is null until enabled.
  it('purge protection left out: on for a managed HSM, off for a vault', () => {
    const record = (id: string, type: string) => ({
      id: `${RG}/Microsoft.KeyVault/${id}`,
      type,
      subscriptionId: SUBSCRIPTION,
      location: 'japaneast',
      properties: { enableSoftDelete: true },
    });
    expect(one(record('managedHSMs/hsm1', 'microsoft.keyvault/managedhsms')).facts).toMatchObject({
      purgeProtectionEnabled: { source: 'default', value: true },
    });
    expect(one(record('vaults/kv1', 'microsoft.keyvault/vaults')).facts).toMatchObject({
      purgeProtectionEnabled: { source: 'default', value: false },
    });
  });

  it('PostgreSQL flexible read replica names its source', () => {
    const replica = {
      id: `${RG}/Microsoft.DBforPostgreSQL/flexibleServers/pg-replica`,
      type: 'microsoft.dbforpostgresql/flexibleservers',
      subscriptionId: SUBSCRIPTION,
      location: 'westus',
      properties: {
        replicationRole: 'AsyncReplica',
        sourceServerResourceId: `${RG}/Microsoft.DBforPostgreSQL/flexibleServers/pg-main`,
        dataEncryption: { type: 'SystemManaged' },
      },
    };
    expect(one(replica)).toMatchObject({
      kansaType: 'database.instance',
      facts: { customerManagedKey: { value: false }, replicaOf: { source: 'explicit' } },
    });
  });

  it('single servers: sslEnforcement, minimalTlsVersion and publicNetworkAccess, with their defaults', () => {
    const server = (type: string, properties: Record<string, unknown>) => ({
      id: `${RG}/${type}/db1`,
      type: type.toLowerCase(),
      subscriptionId: SUBSCRIPTION,
      location: 'japaneast',
      properties,
    });
    expect(
      one(
        server('Microsoft.DBforPostgreSQL/servers', {
          sslEnforcement: 'Disabled',
          minimalTlsVersion: 'TLS1_2',
        }),
      ).facts,
    ).toMatchObject({
      minimalTlsVersion: {
        source: 'explicit',
        value: 'TLSEnforcementDisabled',
        path: 'properties.sslEnforcement',
      },
      publicNetworkAccess: { source: 'default', value: 'Enabled' },
      reachableFromInternet: { value: true },
    });
    expect(
      one(
        server('Microsoft.DBforMySQL/servers', {
          sslEnforcement: 'Enabled',
          minimalTlsVersion: 'TLS1_2',
          publicNetworkAccess: 'Disabled',
          byokEnforcement: 'Enabled',
          replicationRole: 'Replica',
          masterServerId: `${RG}/Microsoft.DBforMySQL/servers/db0`,
        }),
      ).facts,
    ).toMatchObject({
      minimalTlsVersion: { source: 'explicit', value: 'TLS1_2' },
      reachableFromInternet: { value: false },
      customerManagedKey: { value: true },
      replicaOf: { source: 'explicit', path: 'properties.masterServerId' },
    });
    expect(one(server('Microsoft.DBforMariaDB/servers', { sslEnforcement: 'Enabled' })).facts).toMatchObject({
      minimalTlsVersion: { source: 'default', value: 'TLSEnforcementDisabled' },
    });
  });

  it('a deployment slot is an app, completed by its own config/web', () => {
    const slot = `${RG}/Microsoft.Web/sites/app1/slots/staging`;
    expect(
      one({
        id: slot,
        type: 'Microsoft.Web/sites/slots',
        subscriptionId: SUBSCRIPTION,
        properties: { httpsOnly: true },
      }),
    ).toMatchObject({ kansaType: 'compute.serverless', facts: { httpsOnly: { value: true } } });
    expect(
      one({
        id: `${slot}/config/web`,
        type: 'Microsoft.Web/sites/slots/config',
        subscriptionId: SUBSCRIPTION,
        properties: { minTlsVersion: '1.0' },
      }),
    ).toMatchObject({ id: slot.toLowerCase(), facts: { minTlsVersion: { value: '1.0' } } });
  });

  it('the extended auditing policy completes its server like the auditing policy', () => {
    const extended = {
      id: `${RG}/Microsoft.Sql/servers/sql1/extendedAuditingSettings/default`,
      type: 'Microsoft.Sql/servers/extendedAuditingSettings',
      subscriptionId: SUBSCRIPTION,
      properties: { state: 'Enabled', predicateExpression: "object_name = 'SensitiveData'" },
    };
    expect(one(extended)).toMatchObject({
      id: `${RG}/Microsoft.Sql/servers/sql1`.toLowerCase(),
      kansaType: 'database.server',
      facts: { auditingState: { source: 'explicit', value: 'Enabled' } },
    });
  });

  it('MySQL flexible servers of the preview API: top-level publicNetworkAccess and sslEnforcement', () => {
    const preview = {
      id: `${RG}/Microsoft.DBforMySQL/flexibleServers/my1`,
      type: 'microsoft.dbformysql/flexibleservers',
      subscriptionId: SUBSCRIPTION,
      location: 'japaneast',
      properties: { publicNetworkAccess: 'Enabled', sslEnforcement: 'Disabled', byokEnforcement: 'Disabled' },
    };
    expect(one(preview).facts).toMatchObject({
      publicNetworkAccess: { source: 'explicit', value: 'Enabled', path: 'properties.publicNetworkAccess' },
      minimalTlsVersion: { source: 'explicit', value: 'TLSEnforcementDisabled' },
      customerManagedKey: { value: false },
    });
  });
});

describe('kansa types', () => {
  it.each([
    ['microsoft.compute/virtualmachines', 'compute.vm'],
    ['microsoft.sql/servers', 'database.server'],
    ['microsoft.documentdb/databaseaccounts', 'database.server'],
    ['microsoft.dbformysql/flexibleservers', 'database.instance'],
    ['microsoft.network/networksecuritygroups', 'network.firewall'],
    ['microsoft.containerregistry/registries', 'container.registry'],
    ['microsoft.containerservice/managedclusters', 'container.cluster'],
    ['microsoft.cache/redis', 'cache.cluster'],
    ['microsoft.operationalinsights/workspaces', 'monitoring.workspace'],
    ['microsoft.authorization/roleassignments', 'iam.role-assignment'],
    ['microsoft.web/sites', 'compute.serverless'],
    ['microsoft.network/virtualnetworks', 'network.vpc'],
    ['microsoft.network/publicipaddresses', 'other'],
  ])('%s → %s', (type, kansaType) => {
    const [namespace, kind] = type.split('/');
    const row = {
      id: `${RG}/${namespace}/${kind}/x`,
      type,
      subscriptionId: SUBSCRIPTION,
      location: 'japaneast',
      properties: {},
    };
    expect(one(row).kansaType).toBe(kansaType);
  });

  it('role assignment facts: role GUID, principal, scope', () => {
    const assignment = {
      id: `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.Authorization/roleAssignments/5b0c4a2e-1111-4c1e-9d2a-000000000001`,
      name: '5b0c4a2e-1111-4c1e-9d2a-000000000001',
      type: 'microsoft.authorization/roleassignments',
      subscriptionId: SUBSCRIPTION,
      location: '',
      properties: {
        roleDefinitionId: `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.Authorization/RoleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635`,
        principalId: 'A1B2C3D4-0000-0000-0000-000000000001',
        principalType: 'User',
        scope: `/subscriptions/${SUBSCRIPTION}`,
      },
    };
    expect(one(assignment)).toMatchObject({
      region: 'global',
      facts: {
        roleDefinitionId: { value: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635' },
        principalId: { value: 'a1b2c3d4-0000-0000-0000-000000000001' },
        principalType: { value: 'User' },
      },
    });
  });
});

describe('reachableFromInternet', () => {
  const acls = (defaultAction: string, ipRules: unknown[]) => ({
    networkAcls: { bypass: 'AzureServices', defaultAction, ipRules, virtualNetworkRules: [] },
  });
  it.each([
    [storageProperties(acls('Deny', [])), false],
    [storageProperties(acls('Deny', [{ value: '198.51.100.0/24', action: 'Allow' }])), true],
    [storageProperties(acls('Allow', [])), true],
    [storageProperties({ ...acls('Allow', []), publicNetworkAccess: 'Disabled' }), false],
  ])('storage %j → %s', (properties, reachable) => {
    expect(one(storageRow('st1', properties)).facts).toMatchObject({
      reachableFromInternet: { value: reachable },
    });
  });

  it.each([
    ['microsoft.sql/servers', { publicNetworkAccess: 'Disabled' }, false],
    ['microsoft.documentdb/databaseaccounts', { publicNetworkAccess: 'Enabled' }, true],
    ['microsoft.containerregistry/registries', { publicNetworkAccess: 'Enabled' }, true],
    ['microsoft.cache/redis', {}, true],
    // VNet injection (Premium): "not publicly addressable", whatever publicNetworkAccess says.
    [
      'microsoft.cache/redis',
      {
        publicNetworkAccess: 'Enabled',
        subnetId: `${RG}/Microsoft.Network/virtualNetworks/vnet1/subnets/redis`,
        staticIP: '10.0.1.4',
      },
      false,
    ],
    [
      'microsoft.containerservice/managedclusters',
      { apiServerAccessProfile: { enablePrivateCluster: true } },
      false,
    ],
    ['microsoft.containerservice/managedclusters', {}, true],
    ['microsoft.web/sites', { publicNetworkAccess: 'Disabled' }, false],
  ])('%s %j → %s', (type, properties, reachable) => {
    const [namespace, kind] = type.split('/');
    const record = {
      id: `${RG}/${namespace}/${kind}/x`,
      type,
      subscriptionId: SUBSCRIPTION,
      location: 'japaneast',
      properties,
    };
    expect(one(record).facts).toMatchObject({ reachableFromInternet: { value: reachable } });
  });

  // Vaults read with API versions before 2021-04-01-preview have no publicNetworkAccess; the
  // swagger's default is "enabled", so the firewall (networkAcls) decides.
  it.each([
    [{}, 'default', true],
    [{ networkAcls: { defaultAction: 'Deny', ipRules: [] } }, 'explicit', false],
    [{ networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '203.0.113.0/24' }] } }, 'explicit', true],
    [{ publicNetworkAccess: 'disabled', networkAcls: { defaultAction: 'Allow' } }, 'explicit', false],
  ])('key vault without or with publicNetworkAccess %j → %s %s', (properties, source, reachable) => {
    const vault = {
      id: `${RG}/Microsoft.KeyVault/vaults/kv1`,
      type: 'Microsoft.KeyVault/vaults',
      location: 'japaneast',
      properties: { sku: { family: 'A', name: 'standard' }, ...properties },
    };
    expect(one(vault).facts).toMatchObject({ reachableFromInternet: { source, value: reachable } });
  });
});

describe('settings children merge into their parent', () => {
  it('a SQL auditing setting is read as its server', () => {
    const server = `${RG}/Microsoft.Sql/servers/sql1`;
    const [resource] = readDocument(azureArm, {
      id: `${server}/auditingSettings/Default`,
      name: 'Default',
      type: 'Microsoft.Sql/servers/auditingSettings',
      properties: { state: 'Enabled' },
    });
    expect(resource).toMatchObject({
      id: server.toLowerCase(),
      nativeType: 'microsoft.sql/servers',
      kansaType: 'database.server',
      name: 'sql1',
      // The auditing record names no location: where the server is stays unknown until its own record.
      region: '',
      facts: { auditingState: { value: 'Enabled', path: 'auditingSettings.properties.state' } },
    });
  });
});

describe('budgets', () => {
  // Cost Management serves the same budgets under two providers: Microsoft.Consumption/budgets
  // and Microsoft.CostManagement/budgets (REST api-version 2019-04-01-preview to 2025-03-01).
  it.each(['Microsoft.Consumption/budgets', 'Microsoft.CostManagement/budgets'])(
    'reads a %s record as a budget with its alerts',
    (type) => {
      const [budget] = readDocument(azureArm, {
        value: [
          {
            id: `/subscriptions/${SUBSCRIPTION}/providers/${type}/fy2026`,
            name: 'fy2026',
            type,
            properties: {
              category: 'Cost',
              amount: 500000,
              timeGrain: 'Monthly',
              timePeriod: { startDate: '2026-04-01T00:00:00Z', endDate: '2027-03-31T00:00:00Z' },
              notifications: {
                Forecasted_GreaterThan_90_Percent: {
                  enabled: true,
                  operator: 'GreaterThan',
                  threshold: 90,
                  contactEmails: ['finops@example.com'],
                  thresholdType: 'Forecasted',
                },
              },
            },
          },
        ],
      });
      expect(budget).toMatchObject({
        kansaType: 'cost.budget',
        facts: { enabledNotifications: { source: 'explicit', value: ['Forecasted_GreaterThan_90_Percent'] } },
      });
    },
  );
});
