// A generated Azure tenancy in the real wire shapes: Resource Graph rows (lower-case `type`,
// ids in ARM's casing, every envelope column), ARM diagnostic-setting list items, and the ARM
// bodies Resource Graph does not hold (SQL auditing settings and TDE protectors, flexible
// servers' parameters, sites' config/web, Key Vault keys of the management plane, budgets). The same
// seed gives the same tenancy, so the live and offline scans of it can be compared.

import { prng, type Random } from '../random.ts';

export type Row = Record<string, unknown>;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chance = (random: Random, p: number) => random() < p;

function guid(random: Random): string {
  const hex = () => Math.floor(random() * 16).toString(16);
  const part = (n: number) => Array.from({ length: n }, hex).join('');
  return `${part(8)}-${part(4)}-4${part(3)}-8${part(3)}-${part(12)}`;
}

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const REGIONS = ['japaneast', 'japaneast', 'japaneast', 'japanwest', 'eastus'];
const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
const USER_ACCESS_ADMINISTRATOR = '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9';
const CONTRIBUTOR = 'b24988ac-6180-42a0-ab88-20f7382dd24c';
const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';
/** Defender for Cloud MFA and guest assessment keys (V2). */
const ASSESSMENTS = [
  '6240402e-f77c-46fa-9060-a7ce53997754',
  'c0cb17b2-0607-48a7-b0e0-903ed22de39b',
  '20606e75-05c4-48c0-9d97-add6daa2109a',
  '0354476c-a12a-4fcc-a79d-f0ab7ffffdbb',
];
const PLANS = ['VirtualMachines', 'StorageAccounts', 'KeyVaults', 'Containers', 'SqlServers', 'Arm'];

interface Kind {
  readonly provider: string;
  readonly type: string;
  readonly weight: number;
  readonly sku?: Row;
  readonly kind?: string;
  properties(random: Random): Row;
}

const KINDS: readonly Kind[] = [
  {
    provider: 'Microsoft.Storage',
    type: 'storageAccounts',
    weight: 10,
    sku: { name: 'Standard_LRS', tier: 'Standard' },
    kind: 'StorageV2',
    properties: (r) => ({
      allowBlobPublicAccess: chance(r, 0.2) ? true : chance(r, 0.1) ? undefined : false,
      supportsHttpsTrafficOnly: !chance(r, 0.05),
      minimumTlsVersion: pick(r, ['TLS1_2', 'TLS1_2', 'TLS1_0']),
      allowSharedKeyAccess: chance(r, 0.3) ? false : undefined,
      encryption: chance(r, 0.3)
        ? {
            keySource: 'Microsoft.Keyvault',
            keyvaultproperties: { keyvaulturi: 'https://kv.vault.azure.net/' },
          }
        : { keySource: 'Microsoft.Storage', services: { blob: { enabled: true, keyType: 'Account' } } },
      networkAcls: { bypass: 'AzureServices', defaultAction: pick(r, ['Allow', 'Deny']), ipRules: [] },
      provisioningState: 'Succeeded',
    }),
  },
  {
    provider: 'Microsoft.Compute',
    type: 'disks',
    weight: 20,
    sku: { name: 'Premium_LRS', tier: 'Premium' },
    properties: (r) => ({
      diskSizeGB: pick(r, [32, 128, 512]),
      encryption: {
        type: chance(r, 0.2) ? 'EncryptionAtRestWithCustomerKey' : 'EncryptionAtRestWithPlatformKey',
      },
      provisioningState: 'Succeeded',
    }),
  },
  {
    provider: 'Microsoft.Compute',
    type: 'virtualMachines',
    weight: 15,
    properties: (r) => ({
      hardwareProfile: { vmSize: pick(r, ['Standard_D2s_v5', 'Standard_B2ms']) },
      ...(chance(r, 0.5) ? { securityProfile: { encryptionAtHost: true } } : {}),
      provisioningState: 'Succeeded',
    }),
  },
  {
    provider: 'Microsoft.Network',
    type: 'networkSecurityGroups',
    weight: 10,
    properties: (r) => ({
      securityRules: [
        {
          name: 'inbound',
          properties: {
            access: 'Allow',
            direction: 'Inbound',
            priority: 100,
            protocol: 'Tcp',
            destinationPortRange: pick(r, ['443', '22', '3389']),
            sourceAddressPrefix: pick(r, ['Internet', 'VirtualNetwork', '10.0.0.0/8']),
            sourcePortRange: '*',
            destinationAddressPrefix: '*',
          },
        },
      ],
      provisioningState: 'Succeeded',
    }),
  },
  {
    provider: 'Microsoft.KeyVault',
    type: 'vaults',
    weight: 5,
    properties: (r) => ({
      sku: { family: 'A', name: pick(r, ['standard', 'premium']) },
      enableSoftDelete: true,
      ...(chance(r, 0.6) ? { enablePurgeProtection: true } : {}),
      tenantId: TENANT,
    }),
  },
  {
    provider: 'Microsoft.ContainerService',
    type: 'managedClusters',
    weight: 2,
    properties: (r) => ({
      kubernetesVersion: '1.31.2',
      enableRBAC: true,
      disableLocalAccounts: chance(r, 0.5),
      apiServerAccessProfile: { enablePrivateCluster: chance(r, 0.5) },
    }),
  },
  {
    provider: 'Microsoft.Sql',
    type: 'servers',
    weight: 4,
    properties: (r) => ({
      publicNetworkAccess: pick(r, ['Enabled', 'Disabled']),
      minimalTlsVersion: pick(r, ['1.2', '1.0']),
      version: '12.0',
      state: 'Ready',
    }),
  },
  // PostgreSQL and MySQL flexible servers as Resource Graph holds them (2024-08-01 / 2023-12-30
  // shapes): TLS is set by server parameters, which only ARM's `configurations` list has.
  {
    provider: 'Microsoft.DBforPostgreSQL',
    type: 'flexibleServers',
    weight: 3,
    sku: { name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' },
    properties: (r) => ({
      version: '16',
      state: 'Ready',
      storage: { storageSizeGB: 128, autoGrow: 'Disabled' },
      network: { publicNetworkAccess: pick(r, ['Enabled', 'Disabled']) },
      dataEncryption: { type: chance(r, 0.3) ? 'AzureKeyVault' : 'SystemManaged' },
      highAvailability: { mode: 'Disabled' },
      replicationRole: 'Primary',
    }),
  },
  {
    provider: 'Microsoft.DBforMySQL',
    type: 'flexibleServers',
    weight: 2,
    sku: { name: 'Standard_B1ms', tier: 'Burstable' },
    properties: (r) => ({
      version: '8.0.21',
      state: 'Ready',
      storage: { storageSizeGB: 20, iops: 360, autoGrow: 'Enabled' },
      network: { publicNetworkAccess: pick(r, ['Enabled', 'Disabled']) },
      dataEncryption: { type: 'SystemManaged' },
      replicationRole: 'None',
    }),
  },
  {
    provider: 'Microsoft.OperationalInsights',
    type: 'workspaces',
    weight: 2,
    properties: (r) => ({ retentionInDays: pick(r, [30, 90, 365]), sku: { name: 'PerGB2018' } }),
  },
  {
    provider: 'Microsoft.Web',
    type: 'sites',
    weight: 8,
    kind: 'app',
    properties: (r) => ({ httpsOnly: chance(r, 0.8), state: 'Running' }),
  },
  // SQL Managed Instances (ManagedInstanceListByResourceGroup example, Microsoft.Sql 2023-08-01):
  // their TDE protector, like a server's, only ARM has.
  {
    provider: 'Microsoft.Sql',
    type: 'managedInstances',
    weight: 1,
    sku: { name: 'GP_Gen5', tier: 'GeneralPurpose', family: 'Gen5', capacity: 8 },
    properties: (r) => ({
      publicDataEndpointEnabled: chance(r, 0.3),
      minimalTlsVersion: pick(r, ['1.2', '1.0']),
      proxyOverride: 'Default',
      state: 'Ready',
    }),
  },
];
const TOTAL_WEIGHT = KINDS.reduce((sum, kind) => sum + kind.weight, 0);

function pickKind(random: Random): Kind {
  let roll = random() * TOTAL_WEIGHT;
  for (const kind of KINDS) {
    roll -= kind.weight;
    if (roll < 0) return kind;
  }
  return KINDS[0]!;
}

/** The principal that owns every subscription under `mg-osaka-kikan`, by an assignment at that group. */
export const GROUP_OWNER = '5d1c0a77-6b2e-4f3a-9c8d-0e1f2a3b4c5d';
/** The principal with User Access Administrator at the root `/` (a Global Administrator's elevated access). */
export const ROOT_ADMINISTRATOR = '7e2d1b88-7c3f-4a4b-8d9e-1f2a3b4c5d6e';

/**
 * Role assignments above the subscriptions, as Resource Graph's authorizationresources holds
 * them: no subscription (`subscriptionId` empty), a role definition of the tenant
 * (`/providers/Microsoft.Authorization/roleDefinitions/<guid>`), the scope a management group or
 * the root. An Owner of a group over a third of the subscriptions, a User Access Administrator
 * at the root, a Reader of the tenant root group, and an Owner of a group no subscription is under.
 */
const ABOVE_SUBSCRIPTIONS: readonly { scope: string; role: string; principal: string; type: string }[] = [
  {
    scope: '/providers/Microsoft.Management/managementGroups/mg-osaka-kikan',
    role: OWNER,
    principal: GROUP_OWNER,
    type: 'Group',
  },
  { scope: '/', role: USER_ACCESS_ADMINISTRATOR, principal: ROOT_ADMINISTRATOR, type: 'User' },
  {
    scope: `/providers/Microsoft.Management/managementGroups/${TENANT}`,
    role: READER,
    principal: '9f3e2c99-8d4a-4b5c-9eaf-2a3b4c5d6e7f',
    type: 'ServicePrincipal',
  },
  {
    scope: '/providers/Microsoft.Management/managementGroups/mg-osaka-sandbox',
    role: OWNER,
    principal: '0a4f3daa-9e5b-4c6d-8fb0-3b4c5d6e7f80',
    type: 'User',
  },
];

function assignmentAbove({ scope, role, principal, type }: (typeof ABOVE_SUBSCRIPTIONS)[number]): Row {
  const name = `${principal.slice(0, 8)}-0000-4000-8000-${role.slice(-12)}`;
  return graphRow({
    id: `${scope === '/' ? '' : scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    name,
    type: 'microsoft.authorization/roleassignments',
    subscriptionId: '',
    properties: {
      roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${role}`,
      principalId: principal,
      principalType: type,
      scope,
      createdOn: '2025-04-01T00:00:00.0000000Z',
    },
  });
}

/** Columns every Resource Graph row carries, whatever the table. */
function graphRow(fields: Row & { id: string; name: string; type: string; subscriptionId: string }): Row {
  return {
    tenantId: TENANT,
    kind: '',
    location: '',
    resourceGroup: '',
    managedBy: '',
    sku: null,
    plan: null,
    properties: {},
    tags: null,
    identity: null,
    zones: null,
    extendedLocation: null,
    ...fields,
  };
}

export interface Subscription {
  readonly id: string;
  readonly name: string;
  readonly managementGroup: string;
}

export interface Scenario {
  readonly subscriptions: readonly Subscription[];
  /** Resource Graph tables → rows. `resourcecontainers` holds subscriptions and resource groups. */
  readonly tables: Readonly<Record<string, readonly Row[]>>;
  /** Lower-cased target id (`/subscriptions/<id>` or a resource id) → its diagnostic settings, ARM shape. */
  readonly diagnosticSettings: ReadonlyMap<string, readonly Row[]>;
  /**
   * Lower-cased ARM path → its GET body: one object (`…/auditingSettings/default`,
   * `…/encryptionProtector/current`, `…/config/web`) or the items of a list (`…/vaults/<v>/keys`,
   * `…/flexibleServers/<s>/configurations`, `/subscriptions/<id>/providers/Microsoft.Consumption/budgets`).
   */
  readonly armBodies: ReadonlyMap<string, Row | readonly Row[]>;
  /** Rows of all tables. */
  readonly rowCount: number;
}

export interface ScenarioSize {
  readonly seed: number;
  readonly subscriptions: number;
  /** Rows of the `resources` table (resource groups, role assignments and assessments come on top). */
  readonly resources: number;
}

/** Builds a tenancy: subscriptions under two management groups, resources spread over them. */
export function generateScenario({ seed, subscriptions: count, resources }: ScenarioSize): Scenario {
  const random = prng(seed);
  const subscriptions: Subscription[] = Array.from({ length: count }, (_, i) => ({
    id: guid(random),
    name: `osaka-${String(i + 1).padStart(3, '0')}`,
    managementGroup: i % 3 === 0 ? 'mg-osaka-kikan' : 'mg-osaka-joho',
  }));
  const containers: Row[] = [];
  const resourceRows: Row[] = [];
  const authorization: Row[] = [];
  const security: Row[] = [];
  const settings = new Map<string, Row[]>();
  const armBodies = new Map<string, Row | Row[]>();
  // A stream of its own, so that the rest of the tenancy is what it was before these bodies.
  const armRandom = prng(seed ^ 0x5eed);
  const addSetting = (target: string, setting: Row) => {
    const key = target.toLowerCase();
    settings.set(key, [...(settings.get(key) ?? []), setting]);
  };
  const workspaceOf = (sub: string) =>
    `/subscriptions/${sub}/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/log-central`;

  for (const sub of subscriptions) {
    containers.push(
      graphRow({
        id: `/subscriptions/${sub.id}`,
        name: sub.name,
        type: 'microsoft.resources/subscriptions',
        subscriptionId: sub.id,
        properties: {
          state: chance(random, 0.95) ? 'Enabled' : 'Disabled',
          subscriptionPolicies: {
            locationPlacementId: 'Public_2014-09-01',
            quotaId: 'EnterpriseAgreement_2014-09-01',
          },
          managementGroupAncestorsChain: [
            { name: sub.managementGroup, displayName: sub.managementGroup },
            { name: TENANT, displayName: 'Tenant Root Group' },
          ],
        },
        tags: {},
      }),
    );
    for (let g = 0; g < 4; g++) {
      containers.push(
        graphRow({
          id: `/subscriptions/${sub.id}/resourceGroups/rg-${g}`,
          name: `rg-${g}`,
          type: 'microsoft.resources/subscriptions/resourcegroups',
          subscriptionId: sub.id,
          resourceGroup: `rg-${g}`,
          location: 'japaneast',
          properties: { provisioningState: 'Succeeded' },
        }),
      );
    }
    // The Activity Log export: most subscriptions send every required category, some too few, some none.
    const roll = random();
    if (roll < 0.8) {
      const categories = roll < 0.6 ? ['Administrative', 'Security', 'Policy', 'Alert'] : ['Administrative'];
      addSetting(`/subscriptions/${sub.id}`, {
        id: `/subscriptions/${sub.id}/providers/microsoft.insights/diagnosticSettings/activity-log`,
        type: 'Microsoft.Insights/diagnosticSettings',
        name: 'activity-log',
        location: 'global',
        properties: {
          workspaceId: workspaceOf(sub.id),
          logs: categories.map((category) => ({ category, enabled: true })),
        },
      });
    }
    armBodies.set(
      `/subscriptions/${sub.id}/providers/microsoft.consumption/budgets`.toLowerCase(),
      budgetsOf(armRandom, sub.id),
    );
    const principals = Array.from({ length: 1 + Math.floor(random() * 4) }, () => guid(random));
    for (const principal of principals) {
      const assignment = guid(random);
      const role = pick(random, [OWNER, OWNER, CONTRIBUTOR, READER]);
      authorization.push(
        graphRow({
          id: `/subscriptions/${sub.id}/providers/Microsoft.Authorization/roleAssignments/${assignment}`,
          name: assignment,
          type: 'microsoft.authorization/roleassignments',
          subscriptionId: sub.id,
          properties: {
            roleDefinitionId: `/subscriptions/${sub.id}/providers/Microsoft.Authorization/roleDefinitions/${role}`,
            principalId: principal,
            principalType: pick(random, ['User', 'User', 'Group', 'ServicePrincipal']),
            scope: `/subscriptions/${sub.id}`,
            createdOn: '2025-04-01T00:00:00.0000000Z',
          },
        }),
      );
    }
    for (const key of ASSESSMENTS) {
      security.push(
        graphRow({
          id: `/subscriptions/${sub.id}/providers/Microsoft.Security/assessments/${key}`,
          name: key,
          type: 'microsoft.security/assessments',
          subscriptionId: sub.id,
          properties: {
            resourceDetails: { Source: 'Azure', Id: `/subscriptions/${sub.id}` },
            displayName: 'Accounts with permissions on Azure resources should be MFA enabled',
            status: { code: pick(random, ['Healthy', 'Healthy', 'Unhealthy', 'NotApplicable']) },
          },
        }),
      );
    }
    for (const plan of PLANS) {
      security.push(
        graphRow({
          id: `/subscriptions/${sub.id}/providers/Microsoft.Security/pricings/${plan}`,
          name: plan,
          type: 'microsoft.security/pricings',
          subscriptionId: sub.id,
          properties: { pricingTier: pick(random, ['Standard', 'Free']), freeTrialRemainingTime: 'PT0S' },
        }),
      );
    }
  }

  for (let n = 0; n < resources; n++) {
    const sub = subscriptions[n % subscriptions.length]!;
    const kind = pickKind(random);
    const group = `rg-${n % 4}`;
    const name = `${kind.type.toLowerCase().slice(0, 6)}${n}`;
    const id = `/subscriptions/${sub.id}/resourceGroups/${group}/providers/${kind.provider}/${kind.type}/${name}`;
    const properties = JSON.parse(JSON.stringify(kind.properties(random))) as Row;
    const location = pick(random, REGIONS);
    resourceRows.push(
      graphRow({
        id,
        name,
        type: `${kind.provider}/${kind.type}`.toLowerCase(),
        subscriptionId: sub.id,
        resourceGroup: group,
        location,
        kind: kind.kind ?? '',
        sku: kind.sku ?? null,
        properties,
        tags: chance(random, 0.3) ? { confidentiality: pick(random, ['1', '2', '3']) } : {},
      }),
    );
    for (const armBody of ARM_BODIES[`${kind.provider}/${kind.type}`]?.(armRandom, id, name, location) ?? [])
      armBodies.set(armBody.path.toLowerCase(), armBody.body);
    // Resource logs: half of the logged kinds send them; a storage account's are on its blob service.
    if (['vaults', 'networkSecurityGroups', 'managedClusters', 'storageAccounts'].includes(kind.type)) {
      if (chance(random, 0.5)) {
        const target = kind.type === 'storageAccounts' ? `${id}/blobServices/default` : id;
        const group = kind.type === 'managedClusters' ? pick(random, ['audit', 'allLogs']) : 'allLogs';
        addSetting(target, {
          id: `${target}/providers/microsoft.insights/diagnosticSettings/to-workspace`,
          type: 'Microsoft.Insights/diagnosticSettings',
          name: 'to-workspace',
          properties: {
            workspaceId: workspaceOf(sub.id),
            logs: [{ category: null, categoryGroup: group, enabled: chance(random, 0.9) }],
            metrics: [{ category: 'AllMetrics', enabled: true, timeGrain: null }],
            logAnalyticsDestinationType: null,
          },
        });
      }
    }
  }
  // Managed HSMs (ManagedHsm_Get, Microsoft.KeyVault 2024-11-01), one in every fourth
  // subscription, from a stream of their own so that the rest of the tenancy is what it was:
  // their keys, like a vault's, only ARM lists.
  const hsmRandom = prng(seed ^ 0x45a);
  for (const [i, sub] of subscriptions.entries()) {
    if (i % 4 !== 0) continue;
    const name = `hsm${i}`;
    const id = `/subscriptions/${sub.id}/resourceGroups/rg-0/providers/Microsoft.KeyVault/managedHSMs/${name}`;
    resourceRows.push(
      graphRow({
        id,
        name,
        type: 'microsoft.keyvault/managedhsms',
        subscriptionId: sub.id,
        resourceGroup: 'rg-0',
        location: pick(hsmRandom, REGIONS),
        sku: { family: 'B', name: 'Standard_B1' },
        properties: {
          tenantId: TENANT,
          hsmUri: `https://${name}.managedhsm.azure.net/`,
          enableSoftDelete: true,
          softDeleteRetentionInDays: 90,
          enablePurgeProtection: chance(hsmRandom, 0.7),
          publicNetworkAccess: pick(hsmRandom, ['Enabled', 'Disabled']),
          provisioningState: 'Succeeded',
        },
        tags: {},
      }),
    );
    for (const armBody of ARM_BODIES['Microsoft.KeyVault/managedHSMs']!(hsmRandom, id, name, ''))
      armBodies.set(armBody.path.toLowerCase(), armBody.body);
  }
  // Azure Managed Redis clusters (RedisEnterpriseGet, 2025-04-01), one in every fifth
  // subscription, likewise apart: whether they take plaintext is their databases', which only ARM lists.
  const redisRandom = prng(seed ^ 0x3ed15);
  for (const [i, sub] of subscriptions.entries()) {
    if (i % 5 !== 1) continue;
    const name = `amr${i}`;
    const id = `/subscriptions/${sub.id}/resourceGroups/rg-1/providers/Microsoft.Cache/redisEnterprise/${name}`;
    resourceRows.push(
      graphRow({
        id,
        name,
        type: 'microsoft.cache/redisenterprise',
        kind: 'v2',
        subscriptionId: sub.id,
        resourceGroup: 'rg-1',
        location: pick(redisRandom, REGIONS),
        sku: { name: 'Balanced_B5' },
        properties: {
          hostName: `${name}.japaneast.redis.azure.net`,
          provisioningState: 'Succeeded',
          resourceState: 'Running',
          redisVersion: '7.4',
          highAvailability: 'Enabled',
        },
        tags: {},
      }),
    );
    armBodies.set(`${id}/databases`.toLowerCase(), [
      {
        id: `${id}/databases/default`,
        name: `${name}/default`,
        type: 'Microsoft.Cache/redisEnterprise/databases',
        properties: {
          provisioningState: 'Succeeded',
          resourceState: 'Running',
          clientProtocol: pick(redisRandom, ['Encrypted', 'Encrypted', 'Plaintext']),
          clusteringPolicy: 'OSSCluster',
          evictionPolicy: 'VolatileLRU',
          port: 10000,
        },
      },
    ]);
  }
  authorization.push(...ABOVE_SUBSCRIPTIONS.map(assignmentAbove));
  const byId = (a: Row, b: Row) => String(a.id).toLowerCase().localeCompare(String(b.id).toLowerCase());
  // Resource Graph's `appserviceresources` holds each app's site config, as ARM's `config/web` GET has it.
  const siteConfigs: Row[] = [];
  for (const [path, body] of armBodies) {
    if (!path.endsWith('/config/web') || Array.isArray(body)) continue;
    const [, , subscriptionId = '', , resourceGroup = ''] = path.split('/');
    siteConfigs.push({
      ...body,
      type: String(body.type).toLowerCase(),
      subscriptionId,
      resourceGroup,
    });
  }
  const tables = {
    resources: resourceRows.sort(byId),
    appserviceresources: siteConfigs.sort(byId),
    resourcecontainers: containers.sort(byId),
    authorizationresources: authorization.sort(byId),
    securityresources: security.sort(byId),
  };
  const rowCount = Object.values(tables).reduce((sum, rows) => sum + rows.length, 0);
  return { subscriptions, tables, diagnosticSettings: settings, armBodies, rowCount };
}

const DISPLAY_NAMES: Record<string, string> = {
  japaneast: 'Japan East',
  japanwest: 'Japan West',
  eastus: 'East US',
};

const UNIX = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** The ARM GETs a resource kind's checks need (by `<provider>/<type>`), with their bodies as ARM answers them. */
const ARM_BODIES: Record<
  string,
  (random: Random, id: string, name: string, location: string) => { path: string; body: Row | Row[] }[]
> = {
  // GET …/servers/{server}/auditingSettings/default: every server has one (Disabled until enabled).
  'Microsoft.Sql/servers': (random, id, _name, location) => [
    {
      path: `${id}/auditingSettings/default`,
      body: {
        id: `${id}/auditingSettings/Default`,
        name: 'Default',
        type: 'Microsoft.Sql/servers/auditingSettings',
        properties: {
          retentionDays: 0,
          auditActionsAndGroups: chance(random, 0.6)
            ? [
                'SUCCESSFUL_DATABASE_AUTHENTICATION_GROUP',
                'FAILED_DATABASE_AUTHENTICATION_GROUP',
                'BATCH_COMPLETED_GROUP',
              ]
            : [],
          isStorageSecondaryKeyInUse: false,
          isAzureMonitorTargetEnabled: chance(random, 0.5),
          isManagedIdentityInUse: false,
          state: chance(random, 0.6) ? 'Enabled' : 'Disabled',
          storageAccountSubscriptionId: '00000000-0000-0000-0000-000000000000',
        },
      },
    },
    encryptionProtector(random, id, location, 'servers'),
  ],
  // GET …/managedInstances/{instance}/encryptionProtector/current
  'Microsoft.Sql/managedInstances': (random, id, _name, location) => [
    encryptionProtector(random, id, location, 'managedInstances'),
  ],
  'Microsoft.DBforPostgreSQL/flexibleServers': (random, id) => [
    {
      path: `${id}/configurations`,
      body: serverParameters(id, 'Microsoft.DBforPostgreSQL', {
        log_connections: pick(random, ['on', 'off']),
        ssl_min_protocol_version: pick(random, ['TLSv1.2', 'TLSv1.2', 'TLSv1.3', 'TLSv1.1']),
        max_connections: '859',
        require_secure_transport: chance(random, 0.8) ? 'on' : 'off',
        log_disconnections: 'off',
        shared_preload_libraries: 'pg_cron,pg_stat_statements',
      }),
    },
  ],
  'Microsoft.DBforMySQL/flexibleServers': (random, id) => [
    {
      path: `${id}/configurations`,
      body: serverParameters(id, 'Microsoft.DBforMySQL', {
        tls_version: pick(random, ['TLSv1.2', 'TLSv1.2,TLSv1.3', 'TLSv1.1,TLSv1.2']),
        audit_log_enabled: pick(random, ['ON', 'OFF']),
        require_secure_transport: chance(random, 0.8) ? 'ON' : 'OFF',
        max_connections: '341',
        slow_query_log: 'OFF',
      }),
    },
  ],
  // GET …/sites/{app}/config/web: the app's name, type `Microsoft.Web/sites/config`, display-name location.
  'Microsoft.Web/sites': (random, id, name, location) => [
    {
      path: `${id}/config/web`,
      body: {
        id: `${id}/config/web`,
        name,
        type: 'Microsoft.Web/sites/config',
        location: DISPLAY_NAMES[location] ?? location,
        properties: {
          numberOfWorkers: 1,
          netFrameworkVersion: 'v4.0',
          linuxFxVersion: 'NODE|20-lts',
          http20Enabled: true,
          minTlsVersion: pick(random, ['1.2', '1.2', '1.3', '1.0']),
          scmMinTlsVersion: '1.2',
          ftpsState: pick(random, ['FtpsOnly', 'Disabled', 'AllAllowed']),
          minTlsCipherSuite: null,
          ipSecurityRestrictionsDefaultAction: 'Allow',
        },
      },
    },
  ],
  // GET …/vaults/{vault}/keys (management plane): up to 4 keys, `attributes.exp` in Unix seconds.
  'Microsoft.KeyVault/vaults': (random, id, name, location) => [
    {
      path: `${id}/keys`,
      body: Array.from({ length: Math.floor(random() * 5) }, (_, k) => {
        const hsm = chance(random, 0.3);
        const rotation = chance(random, 0.5)
          ? {
              rotationPolicy: {
                attributes: {
                  created: UNIX('2025-04-01T00:00:00Z'),
                  updated: UNIX('2025-04-01T00:00:00Z'),
                  expiryTime: 'P2Y',
                },
                lifetimeActions: [
                  {
                    action: { type: 'rotate' },
                    trigger: { timeAfterCreate: pick(random, ['P1Y', 'P90D', 'P2Y']) },
                  },
                  { action: { type: 'notify' }, trigger: { timeBeforeExpiry: 'P30D' } },
                ],
              },
            }
          : {};
        return {
          id: `${id}/keys/key-${k}`,
          name: `key-${k}`,
          type: 'Microsoft.KeyVault/vaults/keys',
          location,
          tags: {},
          properties: {
            attributes: {
              enabled: true,
              created: UNIX('2025-04-01T00:00:00Z'),
              updated: UNIX('2025-04-01T00:00:00Z'),
              recoveryLevel: 'Recoverable',
              exportable: false,
              ...(chance(random, 0.5) ? { exp: UNIX('2027-04-01T00:00:00Z') } : {}),
            },
            kty: hsm ? 'RSA-HSM' : 'RSA',
            keyOps: ['wrapKey', 'unwrapKey'],
            keySize: 3072,
            keyUri: `https://${name}.vault.azure.net/keys/key-${k}`,
            keyUriWithVersion: `https://${name}.vault.azure.net/keys/key-${k}/0a1b2c3d4e5f40718293a4b5c6d7e8f9`,
            ...rotation,
          },
        };
      }),
    },
  ],
  // GET …/managedHSMs/{hsm}/keys (managedHsmListKeys example): up to 3 keys, some expiring.
  'Microsoft.KeyVault/managedHSMs': (random, id, name) => [
    {
      path: `${id}/keys`,
      body: Array.from({ length: Math.floor(random() * 4) }, (_, k) => ({
        id: `${id}/keys/hsm-key-${k}`,
        name: `hsm-key-${k}`,
        type: 'Microsoft.KeyVault/managedHSMs/keys',
        properties: {
          attributes: {
            enabled: true,
            created: UNIX('2025-04-01T00:00:00Z'),
            updated: UNIX('2025-04-01T00:00:00Z'),
            recoveryLevel: 'Recoverable+Purgeable',
            ...(chance(random, 0.5) ? { exp: UNIX('2027-04-01T00:00:00Z') } : {}),
          },
          kty: 'RSA-HSM',
          keyOps: ['wrapKey', 'unwrapKey'],
          keySize: 3072,
          keyUri: `https://${name}.managedhsm.azure.net:443/keys/hsm-key-${k}`,
        },
      })),
    },
  ],
};

/**
 * GET …/servers/{server}/encryptionProtector/current (EncryptionProtectorGet and
 * ManagedInstanceEncryptionProtectorGet examples of azure-rest-api-specs, Microsoft.Sql
 * 2023-08-01): the service-managed key, or a Key Vault key.
 */
function encryptionProtector(
  random: Random,
  id: string,
  location: string,
  parentType: 'servers' | 'managedInstances',
): { path: string; body: Row } {
  const keyVault = chance(random, 0.3);
  const name = id.split('/').pop()!;
  return {
    path: `${id}/encryptionProtector/current`,
    body: {
      id: `${id}/encryptionProtector/current`,
      name: 'current',
      type: `Microsoft.Sql/${parentType}/encryptionProtector`,
      kind: keyVault ? 'azurekeyvault' : 'servicemanaged',
      location: DISPLAY_NAMES[location] ?? location,
      properties: keyVault
        ? {
            serverKeyName: `kv-${name}_tde_0123456789abcdef0123456789abcdef`,
            serverKeyType: 'AzureKeyVault',
            uri: `https://kv-${name}.vault.azure.net/keys/tde/0123456789abcdef0123456789abcdef`,
            thumbprint: '1B0C6D9E4F2A83C75D6E9F0A1B2C3D4E5F607182',
            autoRotationEnabled: chance(random, 0.5),
            subregion: '',
          }
        : { serverKeyName: 'ServiceManaged', serverKeyType: 'ServiceManaged', autoRotationEnabled: false },
    },
  };
}

/**
 * A flexible server's parameters as `GET …/flexibleServers/{server}/configurations` lists them
 * (ConfigurationListByServer examples, PostgreSQL 2024-08-01 and MySQL 2023-12-30): the TLS
 * parameters among others the checks do not read, in the order given (ARM promises none: the
 * oldest TLS version may come a page before require_secure_transport).
 */
function serverParameters(id: string, provider: string, values: Record<string, string>): Row[] {
  return Object.entries(values).map(([name, value]) => ({
    id: `${id}/configurations/${name}`,
    name,
    type: `${provider}/flexibleServers/configurations`,
    properties: {
      value,
      description: `The server parameter ${name}.`,
      defaultValue: value,
      dataType: /^(on|off)$/i.test(value) ? 'Boolean' : 'String',
      allowedValues: /^(on|off)$/i.test(value) ? 'on,off' : '',
      source: 'system-default',
      isDynamicConfig: true,
      isReadOnly: false,
      isConfigPendingRestart: false,
    },
  }));
}

/** A subscription's budgets: most have one or two (alerts on, off, or without recipients), some none. */
function budgetsOf(random: Random, subscription: string): Row[] {
  const roll = random();
  const count = roll < 0.25 ? 0 : roll < 0.85 ? 1 : 2;
  return Array.from({ length: count }, (_, b) => ({
    id: `/subscriptions/${subscription}/providers/Microsoft.Consumption/budgets/budget-${b}`,
    name: `budget-${b}`,
    type: 'Microsoft.Consumption/budgets',
    eTag: '"1d9f2c3b4a5e6f7"',
    properties: {
      category: 'Cost',
      amount: pick(random, [100_000, 500_000, 2_000_000]),
      timeGrain: 'Monthly',
      timePeriod: { startDate: '2026-04-01T00:00:00Z', endDate: '2036-03-31T00:00:00Z' },
      currentSpend: { amount: Math.round(random() * 100_000), unit: 'JPY' },
      notifications: {
        actual_GreaterThan_80_Percent: {
          enabled: chance(random, 0.7),
          operator: 'GreaterThan',
          threshold: 80,
          contactEmails: chance(random, 0.85) ? ['cloud-admin@city.example.lg.jp'] : [],
          contactRoles: [],
          contactGroups: [],
          thresholdType: 'Actual',
        },
      },
    },
  }));
}
