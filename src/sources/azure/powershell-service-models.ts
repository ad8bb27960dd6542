import { type JsonObject, PLACEHOLDER_SUBSCRIPTION } from './arm-record.ts';
import type { PowerShellModel } from './powershell-model.ts';

/**
 * The Az modules' objects of services other than storage, network security, Key Vault, compute,
 * SQL and role-based access (powershell-models.ts): their classes' properties, as
 * `ConvertTo-Json` writes them, put into the ARM records they come from.
 */
/** ServerDevOpsAuditModel's targets, each an AuditStateType { Enabled, Disabled }. */
const AUDIT_TARGETS = ['BlobStorageTargetState', 'EventHubTargetState', 'LogAnalyticsTargetState'];
const AUDIT_STATES = ['Enabled', 'Disabled'];

/** A diagnostic setting's name and destinations, alike in Az.Monitor's classes before 4.0 and since. */
const DIAGNOSTIC_SETTING_FIELDS: PowerShellModel['fields'] = [
  ['Id', 'id'],
  ['Name', 'name'],
  ['StorageAccountId', 'properties.storageAccountId'],
  ['WorkspaceId', 'properties.workspaceId'],
  ['EventHubAuthorizationRuleId', 'properties.eventHubAuthorizationRuleId'],
];

/**
 * The server's audit is on when any target is (the REST `state` with `isAzureMonitorTargetEnabled`
 * covers the Log Analytics and Event Hub targets), off when every target is off; a state written
 * as a number is the enum's name (-EnumsAsStrings not given).
 */
function auditState(object: JsonObject): string | undefined {
  const states = AUDIT_TARGETS.map((target) => {
    const state = object[target];
    return typeof state === 'number' ? AUDIT_STATES[state] : state;
  });
  if (states.some((state) => state === 'Enabled')) return 'Enabled';
  return states.every((state) => state === 'Disabled') ? 'Disabled' : undefined;
}

export const SERVICE_MODELS: readonly PowerShellModel[] = [
  {
    // Az.Aks Models/PSKubernetesCluster.cs: the API's `properties` flattened; no
    // `DisableLocalAccounts` nor `DiskEncryptionSetID` in any release.
    cmdlet: 'Get-AzAksCluster (PSKubernetesCluster)',
    type: 'Microsoft.ContainerService/managedClusters',
    keys: ['EnableRBAC', 'AgentPoolProfiles', 'ApiServerAccessProfile', 'Id'],
    fields: [
      ['Id', 'id'],
      ['Name', 'name'],
      ['Location', 'location'],
      ['Tags', 'tags'],
      ['KubernetesVersion', 'properties.kubernetesVersion'],
      ['EnableRBAC', 'properties.enableRBAC'],
      ['AadProfile', 'properties.aadProfile'],
      ['ApiServerAccessProfile', 'properties.apiServerAccessProfile'],
      ['NetworkProfile', 'properties.networkProfile'],
    ],
    lists: ['ApiServerAccessProfile.AuthorizedIPRanges'],
    notInClass: ['properties.disableLocalAccounts', 'properties.diskEncryptionSetID'],
  },
  {
    // Az.Websites PSSite (the SDK's Site): `SiteConfig` is null in a listing (Get-AzWebApp
    // without -Name), whose apps' TLS settings are then unknown.
    cmdlet: 'Get-AzWebApp (PSSite)',
    type: 'Microsoft.Web/sites',
    keys: ['SiteConfig', 'HttpsOnly', 'DefaultHostName', 'Id'],
    fields: [
      ['Id', 'id'],
      ['Name', 'name'],
      ['Type', 'type'],
      ['Kind', 'kind'],
      ['Location', 'location'],
      ['Tags', 'tags'],
      ['HttpsOnly', 'properties.httpsOnly'],
      ['SiteConfig', 'properties.siteConfig'],
      ['PublicNetworkAccess', 'properties.publicNetworkAccess'],
    ],
  },
  {
    // Az.RedisCache RedisCacheAttributes: `Sku` the tier's name, `Tag` singular.
    cmdlet: 'Get-AzRedisCache (RedisCacheAttributes)',
    type: 'Microsoft.Cache/Redis',
    keys: ['EnableNonSslPort', 'SslPort', 'RedisVersion', 'Id'],
    fields: [
      ['Id', 'id'],
      ['Name', 'name'],
      ['Location', 'location'],
      ['Tag', 'tags'],
      ['Sku', 'properties.sku.name'],
      ['EnableNonSslPort', 'properties.enableNonSslPort'],
      ['MinimumTlsVersion', 'properties.minimumTlsVersion'],
      ['PublicNetworkAccess', 'properties.publicNetworkAccess'],
      ['SubnetId', 'properties.subnetId'],
    ],
  },
  {
    // Az.Security Models/Pricings/PSSecurityPricing.cs.
    cmdlet: 'Get-AzSecurityPricing (PSSecurityPricing)',
    type: 'Microsoft.Security/pricings',
    keys: ['PricingTier', 'FreeTrialRemainingTime', 'Id'],
    fields: [
      ['Id', 'id'],
      ['Name', 'name'],
      ['PricingTier', 'properties.pricingTier'],
      ['SubPlan', 'properties.subPlan'],
      ['Deprecated', 'properties.deprecated'],
    ],
  },
  {
    // Az.Security Models/Assessments/PSSecurityAssessment.cs: `Status.Code`, `ResourceDetails`.
    cmdlet: 'Get-AzSecurityAssessment (PSSecurityAssessment)',
    type: 'Microsoft.Security/assessments',
    keys: ['ResourceDetails', 'Status', 'DisplayName', 'Id'],
    fields: [
      ['Id', 'id'],
      ['Name', 'name'],
      ['DisplayName', 'properties.displayName'],
      ['Status', 'properties.status'],
      ['ResourceDetails', 'properties.resourceDetails'],
    ],
  },
  {
    // Az.OperationalInsights PSWorkspace: `Sku` the pricing tier's name.
    cmdlet: 'Get-AzOperationalInsightsWorkspace (PSWorkspace)',
    type: 'Microsoft.OperationalInsights/workspaces',
    keys: ['RetentionInDays', 'CustomerId', 'ResourceId'],
    fields: [
      ['ResourceId', 'id'],
      ['Name', 'name'],
      ['Location', 'location'],
      ['Tags', 'tags'],
      ['Sku', 'properties.sku.name'],
      ['RetentionInDays', 'properties.retentionInDays'],
    ],
  },
  {
    // Az.Monitor 4.0 on (the generated DiagnosticSetting module): IDiagnosticSettingsResource,
    // and Get-AzSubscriptionDiagnosticSetting's, with the settings flattened, `Log` and `Metric`.
    cmdlet: 'Get-AzDiagnosticSetting (IDiagnosticSettingsResource)',
    type: 'Microsoft.Insights/diagnosticSettings',
    keys: ['Log', 'WorkspaceId', 'StorageAccountId', 'Id'],
    fields: [
      ...DIAGNOSTIC_SETTING_FIELDS,
      ['MarketplacePartnerId', 'properties.marketplacePartnerId'],
      ['Log', 'properties.logs'],
    ],
  },
  {
    // Az.Monitor before 4.0: PSServiceDiagnosticSettings, `Logs` and `Metrics`.
    cmdlet: 'Get-AzDiagnosticSetting (PSServiceDiagnosticSettings)',
    type: 'Microsoft.Insights/diagnosticSettings',
    keys: ['Logs', 'WorkspaceId', 'StorageAccountId', 'Id'],
    fields: [...DIAGNOSTIC_SETTING_FIELDS, ['Logs', 'properties.logs']],
  },
  {
    // Az.Network PSFlowLogResource (Get-AzNetworkWatcherFlowLog).
    cmdlet: 'Get-AzNetworkWatcherFlowLog (PSFlowLogResource)',
    type: 'Microsoft.Network/networkWatchers/flowLogs',
    keys: ['TargetResourceId', 'StorageId', 'Enabled', 'Id'],
    fields: [
      ['Id', 'id'],
      ['Name', 'name'],
      ['Location', 'location'],
      ['Tag', 'tags'],
      ['TargetResourceId', 'properties.targetResourceId'],
      ['StorageId', 'properties.storageId'],
      ['Enabled', 'properties.enabled'],
      ['RetentionPolicy', 'properties.retentionPolicy'],
    ],
  },
  {
    // Az.Network PSVirtualNetwork: subnets flattened (`NetworkSecurityGroup` on the subnet), the
    // whole list also as JSON text in `SubnetsText`, read where ConvertTo-Json cut the list.
    cmdlet: 'Get-AzVirtualNetwork (PSVirtualNetwork)',
    type: 'Microsoft.Network/virtualNetworks',
    keys: ['Subnets', 'AddressSpace', 'Id'],
    fields: [
      ['Id', 'id'],
      ['Name', 'name'],
      ['Location', 'location'],
      ['Tag', 'tags'],
      ['AddressSpace', 'properties.addressSpace'],
      ['Subnets', 'properties.subnets'],
    ],
    texts: { Subnets: 'SubnetsText' },
  },
  {
    // Az.Sql Auditing/Model/ServerAuditModel.cs (ServerDevOpsAuditModel): the server by its
    // resource group and name, not its subscription; a state per target.
    cmdlet: 'Get-AzSqlServerAudit (ServerAuditModel)',
    type: 'Microsoft.Sql/servers/auditingSettings',
    keys: ['ServerName', 'ResourceGroupName', 'BlobStorageTargetState', 'LogAnalyticsTargetState'],
    fields: [['RetentionInDays', 'properties.retentionDays']],
    computed: [
      {
        armPath: 'id',
        from: ['ResourceGroupName', 'ServerName'],
        value: ({ ResourceGroupName: group, ServerName: server }) =>
          typeof group === 'string' && typeof server === 'string'
            ? `${PLACEHOLDER_SUBSCRIPTION}/resourceGroups/${group}/providers/Microsoft.Sql/servers/${server}/auditingSettings/default`
            : undefined,
      },
      { armPath: 'properties.state', from: AUDIT_TARGETS, value: auditState },
    ],
  },
  {
    // Az.Billing PSBudget (Get-AzConsumptionBudget): `Notification` keyed by the alert's name.
    cmdlet: 'Get-AzConsumptionBudget (PSBudget)',
    type: 'Microsoft.Consumption/budgets',
    keys: ['Amount', 'TimeGrain', 'Category', 'Id'],
    fields: [
      ['Id', 'id'],
      ['Name', 'name'],
      ['Amount', 'properties.amount'],
      ['Category', 'properties.category'],
      ['TimeGrain', 'properties.timeGrain'],
      ['Notification', 'properties.notifications'],
      // The SDK's Filters (ResourceGroups, Resources, Meters, Tags): the budget counts that part only.
      ['Filter', 'properties.filters'],
      // The budget's period (PSBudgetTimePeriod): an alert past its end date alerts no more.
      ['TimePeriod.StartDate', 'properties.timePeriod.startDate'],
      ['TimePeriod.EndDate', 'properties.timePeriod.endDate'],
    ],
    lists: ['Notification.*.ContactEmails', 'Notification.*.ContactRoles', 'Notification.*.ContactGroups'],
  },
];
