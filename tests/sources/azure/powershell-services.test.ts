import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../src/model/fact.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { azurePowerShell } from '../../../src/sources/azure/powershell.ts';

/**
 * Az PowerShell objects of the services outside storage, network security, Key Vault, compute, SQL
 * and RBAC (src/sources/azure/powershell-service-models.ts), as `ConvertTo-Json` writes them:
 * every property of the class, null ones too.
 */
const SUB = '/subscriptions/7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const SCOPE = `${SUB}/resourceGroups/rg-ps/providers`;

function read(document: unknown) {
  const skipped: string[] = [];
  const resources = [
    ...azurePowerShell.read(document, { file: 'az.json', skip: (reason) => skipped.push(reason) }),
  ];
  return { resources, skipped };
}

const factsOf = (resource: Resource | undefined) =>
  (resource?.facts ?? {}) as unknown as Record<string, Fact<unknown>>;

function aksCluster(overrides: Record<string, unknown> = {}) {
  return {
    ProvisioningState: 'Succeeded',
    KubernetesVersion: '1.29.7',
    AgentPoolProfiles: [{ Name: 'system', Count: 3, Mode: 'System' }],
    EnableRBAC: true,
    AadProfile: { Managed: true, EnableAzureRbac: true },
    ApiServerAccessProfile: { AuthorizedIPRanges: ['203.0.113.0/24'], EnablePrivateCluster: false },
    NetworkProfile: { NetworkPlugin: 'azure' },
    Id: `${SCOPE}/Microsoft.ContainerService/managedClusters/aks1`,
    Name: 'aks1',
    Location: 'japaneast',
    Tags: null,
    ...overrides,
  };
}

describe('Get-AzAksCluster (PSKubernetesCluster)', () => {
  it('reads RBAC and the API server access profile as the file names them', () => {
    const facts = factsOf(read(aksCluster()).resources[0]);
    expect(read(aksCluster()).resources[0]?.nativeType).toBe('microsoft.containerservice/managedclusters');
    expect(facts.enableRbac).toEqual({ source: 'explicit', value: true, path: 'EnableRBAC' });
    expect(facts.authorizedIpRanges).toEqual({
      source: 'explicit',
      value: ['203.0.113.0/24'],
      path: 'ApiServerAccessProfile.AuthorizedIPRanges',
    });
  });

  it('leaves local accounts and the disk encryption set unknown: the class has neither', () => {
    const facts = factsOf(read(aksCluster()).resources[0]);
    expect(facts.disableLocalAccounts?.source).toBe('unknown');
    expect(facts.customerManagedKey?.source).toBe('unknown');
  });

  it('leaves authorized ranges unknown when ConvertTo-Json joined the list into a string', () => {
    const cut = aksCluster({
      ApiServerAccessProfile: {
        AuthorizedIPRanges: '203.0.113.0/24 198.51.100.0/24',
        EnablePrivateCluster: false,
      },
    });
    expect(factsOf(read(cut).resources[0]).authorizedIpRanges?.source).toBe('unknown');
  });
});

describe('a property the object does not have', () => {
  const redis = {
    ResourceGroupName: 'rg-ps',
    Id: `${SCOPE}/Microsoft.Cache/Redis/redis1`,
    Location: 'Japan East',
    Name: 'redis1',
    Type: 'Microsoft.Cache/Redis',
    Port: 6379,
    SslPort: 6380,
    EnableNonSslPort: false,
    RedisVersion: '4.0.14',
    Sku: 'Basic',
    Tag: {},
  };

  it('is unknown, not ARM’s default (an older module, or Select-Object)', () => {
    const facts = factsOf(read(redis).resources[0]);
    expect(facts.enableNonSslPort).toEqual({ source: 'explicit', value: false, path: 'EnableNonSslPort' });
    expect(facts.publicNetworkAccess).toMatchObject({
      source: 'unknown',
      note: { en: expect.stringContaining('has no PublicNetworkAccess') },
    });
  });

  it('is read when present, null meaning the API left it out', () => {
    const facts = factsOf(
      read({ ...redis, MinimumTlsVersion: '1.2', PublicNetworkAccess: null }).resources[0],
    );
    expect(facts.minimumTlsVersion).toEqual({ source: 'explicit', value: '1.2', path: 'MinimumTlsVersion' });
    expect(facts.publicNetworkAccess).toMatchObject({ source: 'default', value: 'Enabled' });
  });
});

describe('Get-AzWebApp (PSSite)', () => {
  it('reads HttpsOnly and SiteConfig; a listing’s null SiteConfig settings stay unknown', () => {
    const site = (siteConfig: unknown) => ({
      SiteConfig: siteConfig,
      HttpsOnly: true,
      DefaultHostName: 'app1.azurewebsites.net',
      PublicNetworkAccess: 'Enabled',
      Id: `${SCOPE}/Microsoft.Web/sites/app1`,
      Name: 'app1',
      Kind: 'app',
      Location: 'Japan East',
      Type: 'Microsoft.Web/sites',
      Tags: null,
    });
    const full = factsOf(read(site({ MinTlsVersion: '1.2', FtpsState: 'FtpsOnly' })).resources[0]);
    expect(full.minTlsVersion).toEqual({
      source: 'explicit',
      value: '1.2',
      path: 'SiteConfig.MinTlsVersion',
    });
    expect(full.httpsOnly).toEqual({ source: 'explicit', value: true, path: 'HttpsOnly' });
    const listed = factsOf(read(site({ MinTlsVersion: null, FtpsState: null })).resources[0]);
    expect(listed.minTlsVersion?.source).toBe('unknown');
  });
});

describe('Get-AzDiagnosticSetting', () => {
  const target = `${SCOPE}/Microsoft.KeyVault/vaults/kv1`;
  it('reads Az.Monitor 4’s IDiagnosticSettingsResource (Log) and 3.x’s PSServiceDiagnosticSettings (Logs)', () => {
    const current = {
      Id: `${target}/providers/microsoft.insights/diagnosticSettings/to-law`,
      Name: 'to-law',
      Log: [{ Category: 'AuditEvent', CategoryGroup: null, Enabled: true, RetentionPolicyDay: 0 }],
      Metric: [],
      MarketplacePartnerId: null,
      StorageAccountId: null,
      WorkspaceId: `${SCOPE}/Microsoft.OperationalInsights/workspaces/law1`,
    };
    const older = {
      Id: `${target}/providers/microsoft.insights/diagnosticSettings/to-storage`,
      Name: 'to-storage',
      Logs: [{ Category: 'AuditEvent', Enabled: false, RetentionPolicy: { Days: 0, Enabled: false } }],
      Metrics: [],
      StorageAccountId: `${SCOPE}/Microsoft.Storage/storageAccounts/st1`,
      WorkspaceId: null,
    };
    const [a, b] = read([current, older]).resources;
    expect(String(factsOf(a).targetResourceId?.value).toLowerCase()).toBe(target.toLowerCase());
    expect(factsOf(a).enabledCategories?.value).toEqual(['AuditEvent']);
    expect(factsOf(a).destinations?.value).toEqual([current.WorkspaceId]);
    expect(factsOf(b).enabledCategories?.value).toEqual([]);
    expect(factsOf(b).destinations?.value).toEqual([older.StorageAccountId]);
  });
});

describe('Get-AzConsumptionBudget (PSBudget)', () => {
  const budget = (notification: Record<string, unknown>) => ({
    Amount: 1000,
    Category: 'Cost',
    Id: `${SUB}/providers/Microsoft.Consumption/budgets/monthly`,
    Name: 'monthly',
    Notification: { Actual_GreaterThan_80_Percent: notification },
    TimeGrain: 'Monthly',
  });

  it('reads the alerts keyed by name, with their recipients', () => {
    const facts = factsOf(
      read(budget({ Enabled: true, ContactEmails: ['a@example.org'], ContactRoles: [], ContactGroups: [] }))
        .resources[0],
    );
    expect(facts.enabledNotifications?.value).toEqual(['Actual_GreaterThan_80_Percent']);
  });

  it('leaves the alerts unknown when ConvertTo-Json joined a recipients list into a string', () => {
    const facts = factsOf(
      read(
        budget({
          Enabled: true,
          ContactEmails: 'a@example.org b@example.org',
          ContactRoles: '',
          ContactGroups: '',
        }),
      ).resources[0],
    );
    expect(facts.enabledNotifications?.source).toBe('unknown');
  });

  it("reads the budget's period (TimePeriod), whose end makes its alerts stop", () => {
    const facts = factsOf(
      read({
        ...budget({ Enabled: true, ContactEmails: ['a@example.org'] }),
        TimePeriod: { StartDate: '2025-04-01T00:00:00Z', EndDate: '2026-03-31T00:00:00Z' },
      }).resources[0],
    );
    expect(facts.periodStart?.value).toBe('2025-04-01T00:00:00.000Z');
    expect(facts.periodEnd?.value).toBe('2026-03-31T00:00:00.000Z');
  });
});

describe('Get-AzVirtualNetwork (PSVirtualNetwork)', () => {
  const vnet = `${SCOPE}/Microsoft.Network/virtualNetworks/vnet1`;
  const nsg = `${SCOPE}/Microsoft.Network/networkSecurityGroups/nsg1`;
  it('reads the subnets from SubnetsText when ConvertTo-Json cut their security groups', () => {
    const object = {
      AddressSpace: { AddressPrefixes: '10.0.0.0/16' },
      Subnets: [
        {
          Name: 'a',
          Id: `${vnet}/subnets/a`,
          NetworkSecurityGroup: 'Microsoft.Azure.Commands.Network.Models.PSNetworkSecurityGroup',
        },
      ],
      SubnetsText: JSON.stringify([
        { Name: 'a', Id: `${vnet}/subnets/a`, NetworkSecurityGroup: { Id: nsg } },
      ]),
      Id: vnet,
      Name: 'vnet1',
      Location: 'japaneast',
      Tag: {},
    };
    expect(factsOf(read(object).resources[0]).subnets).toEqual({
      source: 'explicit',
      value: [{ id: `${vnet}/subnets/a`.toLowerCase(), networkSecurityGroupId: nsg.toLowerCase() }],
      path: 'SubnetsText',
    });
    const { SubnetsText: _, ...withoutText } = object;
    expect(factsOf(read(withoutText).resources[0]).subnets?.source).toBe('unknown');
  });
});

describe('Get-AzSecurityPricing, Get-AzSecurityAssessment, Get-AzOperationalInsightsWorkspace, Get-AzNetworkWatcherFlowLog', () => {
  it('reads each into its ARM type', () => {
    const { resources } = read([
      {
        Id: `${SUB}/providers/Microsoft.Security/pricings/VirtualMachines`,
        Name: 'VirtualMachines',
        PricingTier: 'Standard',
        FreeTrialRemainingTime: { Ticks: 0, Days: 0 },
        SubPlan: 'P2',
        Deprecated: null,
      },
      {
        Id: `${SUB}/providers/Microsoft.Security/assessments/6240402e-f77c-46fa-9060-a7ce53997754`,
        Name: '6240402e-f77c-46fa-9060-a7ce53997754',
        DisplayName: 'Accounts with owner permissions on Azure resources should be MFA enabled',
        ResourceDetails: { Source: 'Azure', Id: SUB },
        Status: { Code: 'Unhealthy', Cause: null, Description: null },
      },
      {
        ResourceId: `${SCOPE}/Microsoft.OperationalInsights/workspaces/law1`,
        Name: 'law1',
        Location: 'japaneast',
        Sku: 'pergb2018',
        CustomerId: '11223344-5566-4778-899a-abbccddeeff0',
        RetentionInDays: 90,
      },
      {
        Id: `${SUB}/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/NetworkWatcher_japaneast/flowLogs/fl1`,
        Name: 'fl1',
        Location: 'japaneast',
        TargetResourceId: `${SCOPE}/Microsoft.Network/virtualNetworks/vnet1`,
        StorageId: `${SCOPE}/Microsoft.Storage/storageAccounts/st1`,
        Enabled: true,
      },
    ]);
    expect(resources.map((resource) => resource.nativeType)).toEqual([
      'microsoft.security/pricings',
      'microsoft.security/assessments',
      'microsoft.operationalinsights/workspaces',
      'microsoft.network/networkwatchers/flowlogs',
    ]);
    const [pricing, assessment, workspace, flowLog] = resources.map(factsOf);
    expect(pricing?.pricingTier).toEqual({ source: 'explicit', value: 'Standard', path: 'PricingTier' });
    expect(assessment?.statusCode).toEqual({ source: 'explicit', value: 'Unhealthy', path: 'Status.Code' });
    expect(workspace?.retentionInDays).toEqual({ source: 'explicit', value: 90, path: 'RetentionInDays' });
    expect(flowLog?.enabled).toEqual({ source: 'explicit', value: true, path: 'Enabled' });
  });
});

describe('Get-AzKeyVaultKey and Get-AzKeyVaultKeyRotationPolicy', () => {
  const KEY_ID =
    '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.KeyVault/vaults/kv1/keys/cmk';
  const timeSpan = (days: number) => ({ Ticks: days * 864e9, Days: days, Hours: 0, TotalDays: days });
  const policy = (actions: unknown[]) => ({
    Id: null,
    VaultName: 'kv1',
    KeyName: 'cmk',
    LifetimeActions: actions,
    ExpiresIn: timeSpan(365),
    CreatedOn: null,
    UpdatedOn: null,
  });

  it('reads a listed key under its vault’s placeholder ids, its rotation policy unknown', () => {
    const [key] = read({
      Enabled: true,
      Expires: '2026-06-30T00:00:00Z',
      RecoveryLevel: 'Recoverable',
      IsHsm: false,
      VaultName: 'kv1',
      Name: 'cmk',
      Version: null,
      Id: 'https://kv1.vault.azure.net:443/keys/cmk',
    }).resources;
    expect(key?.id).toBe(KEY_ID.toLowerCase());
    expect(factsOf(key).expiresOn).toEqual({
      source: 'explicit',
      value: '2026-06-30T00:00:00.000Z',
      path: 'Expires',
    });
    expect(factsOf(key).rotationPeriodDays?.source).toBe('unknown');
    // One identity item, written without brackets: the listing's own class (its vault's keys,
    // one of them), not a key got by name.
    expect(key?.picked).toBeUndefined();
    expect(factsOf(key).vaultKeysListed).toMatchObject({ source: 'explicit', value: true });
  });

  // `Get-AzKeyVaultKey -VaultName kv1 -Name cmk` (PSKeyVaultKey: `Key`, `Attributes`): one key got
  // by name, ConvertTo-Json's one object, is no listing of the vault's keys.
  it('reads one key got by name as picked, no listing of its vault’s keys', () => {
    const [key] = read({
      Attributes: { Enabled: true, Expires: null, RecoveryLevel: 'Recoverable', KeyType: 'RSA' },
      Key: { Kid: 'https://kv1.vault.azure.net/keys/cmk/0f1e2d3c', KeyType: 'RSA' },
      IsHsm: false,
      VaultName: 'kv1',
      Name: 'cmk',
      Version: '0f1e2d3c',
      Id: 'https://kv1.vault.azure.net:443/keys/cmk/0f1e2d3c',
      Enabled: true,
      Expires: null,
    }).resources;
    expect(key?.picked).toBe(true);
    expect(factsOf(key).vaultKeysListed).toBeUndefined();
  });

  // Get-AzKeyVaultKey -HsmName: the same identity items, `IsHsm` true, `VaultName` the HSM's name.
  it('reads a managed HSM’s listed key under the HSM, not under a vault of its name', () => {
    const hsmKey = {
      Enabled: true,
      Expires: null,
      RecoveryLevel: 'Recoverable+Purgeable',
      IsHsm: true,
      VaultName: 'hsm1',
      Name: 'cmk',
      Version: null,
      Id: 'https://hsm1.managedhsm.azure.net:443/keys/cmk',
    };
    const [key] = read(hsmKey).resources;
    expect(key).toMatchObject({
      id: '/subscriptions/{subscriptionid}/resourcegroups/{resourcegroupname}/providers/microsoft.keyvault/managedhsms/hsm1/keys/cmk',
      nativeType: 'microsoft.keyvault/managedhsms/keys',
    });
    const policyOfHsm = read({
      ...policy([]),
      VaultName: 'hsm1',
      Id: 'https://hsm1.managedhsm.azure.net/keys/cmk/rotationpolicy',
    });
    expect(policyOfHsm.resources[0]?.id).toBe(key?.id);
  });

  it('reads the Rotate action’s TimeSpan, as an object or as the string past the depth limit', () => {
    const asObject = read(
      policy([{ Action: 'Rotate', TimeAfterCreate: timeSpan(90), TimeBeforeExpiry: null }]),
    );
    expect(factsOf(asObject.resources[0]).rotationPeriodDays).toMatchObject({
      source: 'explicit',
      value: 90,
    });
    expect(factsOf(asObject.resources[0]).expiresOn?.source).toBe('unknown');
    const asString = read(
      policy([{ Action: 'Rotate', TimeAfterCreate: '180.00:00:00', TimeBeforeExpiry: null }]),
    );
    expect(factsOf(asString.resources[0]).rotationPeriodDays).toMatchObject({
      source: 'explicit',
      value: 180,
    });
  });

  it('reads a Notify action alone as no rotation, and leaves a part of a day unknown', () => {
    const notify = read(
      policy([{ Action: 'Notify', TimeAfterCreate: null, TimeBeforeExpiry: timeSpan(30) }]),
    );
    expect(factsOf(notify.resources[0]).rotationPeriodDays).toMatchObject({ source: 'default', value: null });
    const partial = read(
      policy([{ Action: 'Rotate', TimeAfterCreate: '1.12:00:00', TimeBeforeExpiry: null }]),
    );
    expect(factsOf(partial.resources[0]).rotationPeriodDays?.source).toBe('unknown');
  });
});

describe('Get-AzRoleAssignment (PSRoleAssignment) sign-in names', () => {
  it('reads SignInName as the principal’s name, null for a group', () => {
    const assignment = (signInName: string | null, objectType: string) => ({
      RoleAssignmentName: '3c2d1e0f-4444-4a5b-8c6d-000000000001',
      RoleAssignmentId: `${SUB}/providers/Microsoft.Authorization/roleAssignments/3c2d1e0f-4444-4a5b-8c6d-000000000001`,
      Scope: SUB,
      SignInName: signInName,
      RoleDefinitionName: 'Owner',
      RoleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
      ObjectId: '6e5d4c3b-2222-4f3a-9b8c-000000000001',
      ObjectType: objectType,
    });
    const guest = 'vendor_gmail.com#EXT#@kansacorp.onmicrosoft.com';
    expect(factsOf(read(assignment(guest, 'User')).resources[0]).principalName).toEqual({
      source: 'explicit',
      value: guest,
      path: 'SignInName',
    });
    expect(factsOf(read(assignment(null, 'Group')).resources[0]).principalName?.source).toBe('unknown');
  });
});

describe('Get-AzRoleAssignment -IncludeClassicAdministrators', () => {
  // Az.Resources' ToPSRoleAssignment(ClassicAdministrator): the classic roles as RoleDefinitionName,
  // the e-mail address as SignInName and DisplayName, the subscription as Scope, and no
  // RoleAssignmentId, RoleDefinitionId or ObjectId.
  const classic = (email: string, roles: string) => ({
    RoleAssignmentName: null,
    RoleAssignmentId: null,
    Scope: SUB,
    DisplayName: email,
    SignInName: email,
    RoleDefinitionName: roles,
    RoleDefinitionId: null,
    ObjectId: null,
    ObjectType: 'User',
    CanDelegate: false,
    Description: null,
    ConditionVersion: null,
    Condition: null,
  });

  it('reads a classic administrator as the CLI’s and ARM’s are read: its most privileged role, at the subscription', () => {
    const { resources, skipped } = read([
      classic('admin@kansacorp.example', 'ServiceAdministrator;AccountAdministrator'),
      classic('Helper@Outsource.example', 'CoAdministrator'),
    ]);
    expect(skipped).toEqual([]);
    expect(resources.map((r) => r.kansaType)).toEqual(['iam.role-assignment', 'iam.role-assignment']);
    expect(factsOf(resources[0])).toMatchObject({
      roleDefinitionId: { value: 'classic:serviceadministrator' },
      scope: { value: SUB },
      principalId: { value: 'admin@kansacorp.example' },
    });
    expect(factsOf(resources[1])).toMatchObject({
      roleDefinitionId: { value: 'classic:coadministrator' },
      principalId: { value: 'helper@outsource.example' },
    });
  });

  it('leaves an ordinary assignment to the PSRoleAssignment model', () => {
    const { resources } = read({
      ...classic('admin@kansacorp.example', 'Owner'),
      RoleAssignmentId: `${SUB}/providers/Microsoft.Authorization/roleAssignments/3c2d1e0f-4444-4a5b-8c6d-000000000009`,
      RoleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
      ObjectId: '6e5d4c3b-2222-4f3a-9b8c-000000000009',
    });
    expect(factsOf(resources[0]).roleDefinitionId?.value).toBe('8e3af657-a8ff-443c-a75c-2fe8c4bcb635');
  });
});

describe('Get-AzDiagnosticSetting at ConvertTo-Json’s default depth', () => {
  it('reads where the setting sends and its categories though each entry’s RetentionPolicy is cut', () => {
    const setting = {
      Id: `${SUB}/providers/microsoft.insights/diagnosticSettings/activity-archive`,
      Name: 'activity-archive',
      StorageAccountId: `${SCOPE}/Microsoft.Storage/storageAccounts/st1`,
      WorkspaceId: null,
      EventHubAuthorizationRuleId: null,
      Logs: [
        {
          Category: 'Administrative',
          Enabled: true,
          RetentionPolicy: 'Microsoft.Azure.Management.Monitor.Management.Models.RetentionPolicy',
        },
      ],
      Metrics: [],
    };
    const facts = factsOf(read(setting).resources[0]);
    expect(facts.destinations).toEqual({
      source: 'explicit',
      value: [setting.StorageAccountId],
      path: 'StorageAccountId',
    });
    expect(facts.enabledCategories?.value).toEqual(['Administrative']);
  });
});

describe('Get-AzSqlServerAudit (ServerAuditModel)', () => {
  const audit = (blob: unknown, eventHub: unknown, logAnalytics: unknown) => ({
    ResourceGroupName: 'rg-data',
    ServerName: 'sql1',
    BlobStorageTargetState: blob,
    StorageAccountResourceId: null,
    EventHubTargetState: eventHub,
    LogAnalyticsTargetState: logAnalytics,
    WorkspaceResourceId: null,
    RetentionInDays: 0,
  });
  const SERVER =
    '/subscriptions/{subscriptionId}/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql1';

  it('reads the server under a placeholder subscription, audited when any target is on', () => {
    const { resources } = read([audit(1, 1, 0), audit('Disabled', 'Disabled', 'Disabled')]);
    expect(resources[0]?.id).toBe(SERVER.toLowerCase());
    expect(factsOf(resources[0]).auditingState).toMatchObject({
      source: 'explicit',
      value: 'Enabled',
      path: 'auditingSettings.BlobStorageTargetState, EventHubTargetState, LogAnalyticsTargetState',
    });
    expect(factsOf(resources[1]).auditingState?.value).toBe('Disabled');
  });

  it('skips an object whose states it cannot read, rather than take auditing as off', () => {
    const { resources, skipped } = read(audit(1, 7, 1));
    expect(resources).toEqual([]);
    expect(skipped).toEqual([expect.stringContaining('do not tell its properties.state')]);
  });
});
