// Synthetic Azure exports in the shapes users hand over: per subscription, Resource Graph
// pages of 1000 rows as `az graph query -o json` writes them, the subscription row
// (resourcecontainers, REST page), Defender MFA assessments and the Activity Log diagnostic
// settings list body. Pages are written one at a time, so memory stays flat at any count.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { prng, type Random } from '../../tests/fakes/random.ts';

const PAGE_SIZE = 1000;
const RESOURCES_PER_SUBSCRIPTION = 20_000;
const TENANT = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f';
const REGIONS = ['japaneast', 'japaneast', 'japaneast', 'japanwest', 'japanwest', 'eastus', 'westeurope'];

type Row = Record<string, unknown>;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chance = (random: Random, p: number) => random() < p;

function guid(random: Random): string {
  const hex = () => Math.floor(random() * 16).toString(16);
  const part = (n: number) => Array.from({ length: n }, hex).join('');
  return `${part(8)}-${part(4)}-4${part(3)}-8${part(3)}-${part(12)}`;
}

/** One native type: its ARM provider/type and how its `properties` vary. */
interface Kind {
  readonly provider: string;
  readonly type: string;
  readonly weight: number;
  readonly sku?: Row;
  properties(random: Random): Row;
}

const KINDS: readonly Kind[] = [
  {
    provider: 'Microsoft.Storage',
    type: 'storageAccounts',
    weight: 15,
    sku: { name: 'Standard_LRS', tier: 'Standard' },
    properties: (r) => ({
      allowBlobPublicAccess: chance(r, 0.2) ? true : chance(r, 0.1) ? undefined : false,
      supportsHttpsTrafficOnly: !chance(r, 0.05),
      minimumTlsVersion: pick(r, ['TLS1_2', 'TLS1_2', 'TLS1_2', 'TLS1_0']),
      encryption: chance(r, 0.3)
        ? {
            keySource: 'Microsoft.Keyvault',
            keyvaultproperties: { keyvaulturi: 'https://kv.vault.azure.net/', keyname: 'k' },
          }
        : { keySource: 'Microsoft.Storage', services: { blob: { enabled: true, keyType: 'Account' } } },
      networkAcls: {
        bypass: 'AzureServices',
        defaultAction: pick(r, ['Allow', 'Deny']),
        ipRules: [],
        virtualNetworkRules: [],
      },
      provisioningState: 'Succeeded',
    }),
  },
  {
    provider: 'Microsoft.Compute',
    type: 'disks',
    weight: 20,
    sku: { name: 'Premium_LRS', tier: 'Premium' },
    properties: (r) => ({
      diskSizeGB: pick(r, [32, 128, 512, 1024]),
      diskState: pick(r, ['Attached', 'Unattached']),
      encryption: {
        type: chance(r, 0.2) ? 'EncryptionAtRestWithCustomerKey' : 'EncryptionAtRestWithPlatformKey',
      },
      creationData: { createOption: 'Empty' },
      provisioningState: 'Succeeded',
    }),
  },
  {
    provider: 'Microsoft.Compute',
    type: 'virtualMachines',
    weight: 15,
    properties: (r) => ({
      hardwareProfile: { vmSize: pick(r, ['Standard_D2s_v5', 'Standard_D4s_v5', 'Standard_B2ms']) },
      securityProfile: chance(r, 0.5) ? { encryptionAtHost: true } : undefined,
      storageProfile: { osDisk: { createOption: 'FromImage', osType: pick(r, ['Linux', 'Windows']) } },
      provisioningState: 'Succeeded',
    }),
  },
  {
    provider: 'Microsoft.Compute',
    type: 'snapshots',
    weight: 8,
    properties: (r) => ({
      diskSizeGB: 128,
      incremental: chance(r, 0.7),
      creationData: { createOption: 'Copy' },
    }),
  },
  {
    provider: 'Microsoft.Network',
    type: 'networkSecurityGroups',
    weight: 12,
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
          },
        },
      ],
    }),
  },
  {
    provider: 'Microsoft.KeyVault',
    type: 'vaults',
    weight: 5,
    properties: (r) => ({
      sku: { family: 'A', name: pick(r, ['standard', 'premium']) },
      enableSoftDelete: true,
      enablePurgeProtection: chance(r, 0.6) ? true : undefined,
      tenantId: TENANT,
    }),
  },
  {
    provider: 'Microsoft.Sql',
    type: 'servers',
    weight: 4,
    properties: (r) => ({
      publicNetworkAccess: pick(r, ['Enabled', 'Disabled']),
      version: '12.0',
      state: 'Ready',
    }),
  },
  {
    provider: 'Microsoft.DBforPostgreSQL',
    type: 'flexibleServers',
    weight: 4,
    properties: (r) => ({
      dataEncryption: { type: chance(r, 0.2) ? 'AzureKeyVault' : 'SystemManaged' },
      network: { publicNetworkAccess: pick(r, ['Enabled', 'Disabled']) },
      version: '16',
    }),
  },
  {
    provider: 'Microsoft.ContainerRegistry',
    type: 'registries',
    weight: 3,
    sku: { name: 'Premium', tier: 'Premium' },
    properties: (r) => ({ adminUserEnabled: chance(r, 0.2), encryption: { status: 'disabled' } }),
  },
  {
    provider: 'Microsoft.ContainerService',
    type: 'managedClusters',
    weight: 2,
    properties: () => ({ kubernetesVersion: '1.31.2', enableRBAC: true }),
  },
  {
    provider: 'Microsoft.OperationalInsights',
    type: 'workspaces',
    weight: 2,
    properties: (r) => ({ retentionInDays: pick(r, [30, 90, 365, 730]), sku: { name: 'PerGB2018' } }),
  },
  {
    provider: 'Microsoft.Web',
    type: 'sites',
    weight: 10,
    properties: (r) => ({ httpsOnly: chance(r, 0.8), state: 'Running' }),
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

function resourceRow(random: Random, subscription: string, n: number): Row {
  const kind = pickKind(random);
  const group = `rg-${n % 50}`;
  const name = `${kind.type.toLowerCase().slice(0, 6)}${n}`;
  const tags: Row = chance(random, 0.3)
    ? { confidentiality: pick(random, ['1', '2', '3']), owner: 'bench' }
    : {};
  return {
    extendedLocation: null,
    id: `/subscriptions/${subscription}/resourceGroups/${group}/providers/${kind.provider}/${kind.type}/${name}`,
    identity: null,
    kind: '',
    location: pick(random, REGIONS),
    managedBy: '',
    name,
    plan: null,
    properties: kind.properties(random),
    resourceGroup: group,
    sku: kind.sku ?? null,
    subscriptionId: subscription,
    tags,
    tenantId: TENANT,
    type: `${kind.provider}/${kind.type}`.toLowerCase(),
    zones: null,
  };
}

function accountRows(
  random: Random,
  subscription: string,
): { container: Row; assessments: Row[]; settings: Row } {
  const assessment = (key: string) => ({
    id: `/subscriptions/${subscription}/providers/Microsoft.Security/assessments/${key}`,
    name: key,
    type: 'microsoft.security/assessments',
    subscriptionId: subscription,
    properties: {
      resourceDetails: { Source: 'Azure', Id: `/subscriptions/${subscription}` },
      status: { code: pick(random, ['Healthy', 'Unhealthy', 'NotApplicable']) },
    },
  });
  return {
    container: {
      id: `/subscriptions/${subscription}`,
      name: `bench-${subscription.slice(0, 8)}`,
      type: 'microsoft.resources/subscriptions',
      tenantId: TENANT,
      subscriptionId: subscription,
      location: '',
      properties: { state: 'Enabled' },
      tags: {},
    },
    assessments: [
      assessment('6240402e-f77c-46fa-9060-a7ce53997754'),
      assessment('c0cb17b2-0607-48a7-b0e0-903ed22de39b'),
    ],
    settings: {
      value: [
        {
          id: `/subscriptions/${subscription}/providers/microsoft.insights/diagnosticSettings/activity-log`,
          type: 'Microsoft.Insights/diagnosticSettings',
          name: 'activity-log',
          properties: {
            workspaceId: `/subscriptions/${subscription}/resourceGroups/rg-0/providers/Microsoft.OperationalInsights/workspaces/law`,
            logs: ['Administrative', 'Security', 'Policy'].map((category) => ({
              category,
              enabled: chance(random, 0.8),
            })),
          },
        },
      ],
    },
  };
}

/** `az graph query -o json` output (resource-graph extension 2.x). */
function graphCliPage(rows: readonly Row[], total: number, last: boolean): string {
  return JSON.stringify({
    count: rows.length,
    data: rows,
    skip_token: last ? null : 'ew0KICAiJGlkIjogIjEiDQp9',
    total_records: total,
  });
}

export async function generateAzure(dir: string, count: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const random = prng(0x6b616e73);
  const subscriptions = Math.max(1, Math.ceil(count / RESOURCES_PER_SUBSCRIPTION));
  // Each subscription also brings its own row, two assessments and a diagnostic setting.
  const perAccount = 4;
  let remaining = Math.max(0, count - subscriptions * perAccount);
  let serial = 0;
  for (let s = 0; s < subscriptions; s++) {
    const subscription = guid(random);
    const subDir = path.join(dir, subscription);
    await mkdir(subDir, { recursive: true });
    const account = accountRows(random, subscription);
    await writeFile(
      path.join(subDir, 'resourcecontainers.json'),
      JSON.stringify({ totalRecords: 1, count: 1, resultTruncated: 'false', data: [account.container] }),
    );
    await writeFile(path.join(subDir, 'securityresources.json'), graphCliPage(account.assessments, 2, true));
    await writeFile(path.join(subDir, 'diagnostic-settings.json'), JSON.stringify(account.settings));

    const here = s === subscriptions - 1 ? remaining : Math.min(remaining, RESOURCES_PER_SUBSCRIPTION);
    remaining -= here;
    for (let page = 0; page * PAGE_SIZE < here; page++) {
      const size = Math.min(PAGE_SIZE, here - page * PAGE_SIZE);
      const rows = Array.from({ length: size }, () => resourceRow(random, subscription, serial++));
      const last = (page + 1) * PAGE_SIZE >= here;
      const file = path.join(subDir, `resources-page-${String(page + 1).padStart(4, '0')}.json`);
      await writeFile(file, graphCliPage(rows, here, last));
    }
  }
}
