import type { Resource } from '../../../src/model/resource.ts';
import { azureGraphCli } from '../../../src/sources/azure/graph-cli.ts';
import type { DocumentFormat } from '../../../src/sources/format.ts';
import { readRecords } from '../../helpers/checks.ts';

/**
 * Records in Resource Graph's real row shape (`az graph query -o json` rows: lower-cased
 * `type`, `subscriptionId`/`tenantId`/`resourceGroup` columns, settings under `properties`),
 * for the Azure check and source tests. Overrides replace `properties` wholesale.
 */
export const SUBSCRIPTION = '0b1f6471-1bf0-4dda-aec3-cb9272f09590';
export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const SUBSCRIPTION_ID = `/subscriptions/${SUBSCRIPTION}`;

type Row = Record<string, unknown>;

/** A `resources` row of any type: `row('Microsoft.Sql', 'servers', 'servers/sql1', { properties })`. */
export function row(provider: string, type: string, name: string, extra: Row): Row {
  return {
    id: `${SUBSCRIPTION_ID}/resourceGroups/rg-kansa/providers/${provider}/${name}`,
    name: name.split('/').pop(),
    type: `${provider}/${type}`.toLowerCase(),
    tenantId: TENANT,
    kind: '',
    location: 'japaneast',
    resourceGroup: 'rg-kansa',
    subscriptionId: SUBSCRIPTION,
    managedBy: '',
    sku: null,
    plan: null,
    tags: {},
    identity: null,
    zones: null,
    extendedLocation: null,
    ...extra,
  };
}

export function subscriptionRow(): Row {
  return {
    id: SUBSCRIPTION_ID,
    name: 'kansa-production',
    type: 'microsoft.resources/subscriptions',
    tenantId: TENANT,
    kind: '',
    location: '',
    resourceGroup: '',
    subscriptionId: SUBSCRIPTION,
    properties: { state: 'Enabled', subscriptionPolicies: { quotaId: 'EnterpriseAgreement_2014-09-01' } },
    tags: {},
  };
}

export function storageRow(name: string, properties: Row | undefined, extra: Row = {}): Row {
  return row('Microsoft.Storage', 'storageAccounts', `storageAccounts/${name}`, {
    kind: 'StorageV2',
    sku: { name: 'Standard_LRS', tier: 'Standard' },
    ...(properties === undefined ? {} : { properties }),
    ...extra,
  });
}

/** A compliant account's properties as Resource Graph shows them. */
export function storageProperties(overrides: Row = {}): Row {
  return {
    provisioningState: 'Succeeded',
    primaryLocation: 'japaneast',
    statusOfPrimary: 'available',
    allowBlobPublicAccess: false,
    supportsHttpsTrafficOnly: true,
    minimumTlsVersion: 'TLS1_2',
    publicNetworkAccess: 'Enabled',
    networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny', ipRules: [], virtualNetworkRules: [] },
    encryption: {
      keySource: 'Microsoft.Keyvault',
      keyvaultproperties: { keyvaulturi: 'https://kv-kansa.vault.azure.net/', keyname: 'storage-cmk' },
      services: { blob: { enabled: true, keyType: 'Account' }, file: { enabled: true, keyType: 'Account' } },
    },
    ...overrides,
  };
}

/** An inbound NSG rule as ARM writes it, from any source port (`fields`: its prefixes and ports). */
export function nsgRule(name: string, priority: number, access: string, fields: Row, protocol = 'Tcp'): Row {
  return {
    name,
    properties: { access, direction: 'Inbound', priority, protocol, sourcePortRange: '*', ...fields },
  };
}

/** The row of the network security group `nsg1` with these rules. */
export function nsgRow(rules: Row[]): Row {
  return row('Microsoft.Network', 'networkSecurityGroups', 'networkSecurityGroups/nsg1', {
    properties: { securityRules: rules },
  });
}

export function keyVaultRow(name: string, properties: Row): Row {
  return row('Microsoft.KeyVault', 'vaults', `vaults/${name}`, { properties });
}

/** A Defender for Cloud assessment row (securityresources), assessing the subscription. */
export function assessmentRow(key: string, code: string | undefined, cause?: string): Row {
  return {
    id: `${SUBSCRIPTION_ID}/providers/Microsoft.Security/assessments/${key}`,
    name: key,
    type: 'microsoft.security/assessments',
    tenantId: TENANT,
    kind: '',
    location: '',
    resourceGroup: '',
    subscriptionId: SUBSCRIPTION,
    properties: {
      resourceDetails: { Source: 'Azure', Id: SUBSCRIPTION_ID },
      displayName: 'Accounts with owner permissions on Azure resources should be MFA enabled',
      ...(code === undefined
        ? {}
        : {
            status: {
              code,
              ...(cause === undefined ? {} : { cause }),
              firstEvaluationDate: '2026-10-01T00:00:00Z',
            },
          }),
    },
    tags: null,
  };
}

/** A subscription diagnostic setting as the Monitor REST API lists it. */
export function activityLogSetting(name: string, properties: Row): Row {
  return {
    id: `${SUBSCRIPTION_ID}/providers/microsoft.insights/diagnosticSettings/${name}`,
    type: 'Microsoft.Insights/diagnosticSettings',
    name,
    location: 'global',
    properties,
  };
}

/** `az graph query -o json` output (resource-graph extension 2.x). */
export function graphCliOutput(rows: readonly Row[]): Row {
  return { count: rows.length, data: rows, skip_token: null, total_records: rows.length };
}

/**
 * `readRecords` for a JSON document (an object, not a row list): the shared helper hands it to
 * `format.read` as it is, but types its input as rows.
 */
export function readDocument(format: DocumentFormat, document: unknown): Resource[] {
  return readRecords(format, document as readonly unknown[]);
}

/** Reads `az graph query` rows (with the subscription row) into resources. */
export function graphResources(...rows: Row[]): Resource[] {
  return readDocument(azureGraphCli, graphCliOutput([subscriptionRow(), ...rows]));
}

/** The lower-cased id a row becomes. */
export const idOf = (row: Row) => String(row.id).toLowerCase();
