import { describe, expect, it } from 'vitest';
import blobPublicAccess from '../../../src/checks/azure/storage/blob-public-access.ts';
import customerManagedKey from '../../../src/checks/azure/storage/customer-managed-key.ts';
import httpsOnly from '../../../src/checks/azure/storage/https-only.ts';
import minimumTls from '../../../src/checks/azure/storage/minimum-tls.ts';
import type { Check } from '../../../src/checks/check.ts';
import { azureArm } from '../../../src/sources/azure/arm.ts';
import { azureGraphCli } from '../../../src/sources/azure/graph-cli.ts';
import { evaluate } from '../../helpers/checks.ts';
import { graphCliOutput, readDocument, storageProperties, storageRow } from './arg-rows.ts';

interface Case {
  readonly name: string;
  readonly properties: Record<string, unknown> | undefined;
  readonly status: string;
  readonly message: string;
  readonly evidence?: { readonly path: string; readonly source: string };
}

function run(check: Check, cases: readonly Case[]) {
  it.each(cases)('$name → $status', ({ properties, status, message, evidence }) => {
    const resources = readDocument(azureGraphCli, graphCliOutput([storageRow('stcase', properties)]));
    const result = evaluate(check, resources, resources[0]!.id);
    expect(result).toMatchObject({ status, message });
    if (evidence) expect(result.evidence[0]).toMatchObject(evidence);
  });
}

const without = (key: string) => {
  const { [key]: _removed, ...rest } = storageProperties();
  return rest;
};

describe('azure.storage.blob-public-access', () => {
  run(blobPublicAccess, [
    {
      name: 'explicit false',
      properties: storageProperties(),
      status: 'PASS',
      message: 'disallowed',
      evidence: { path: 'properties.allowBlobPublicAccess', source: 'explicit' },
    },
    {
      name: 'explicit true',
      properties: storageProperties({ allowBlobPublicAccess: true }),
      status: 'FAIL',
      message: 'allowed',
    },
    {
      name: 'stringified "true" (tostring projection)',
      properties: storageProperties({ allowBlobPublicAccess: 'true' }),
      status: 'FAIL',
      message: 'allowed',
    },
    {
      name: 'absent (account created before Nov 2023)',
      properties: without('allowBlobPublicAccess'),
      status: 'FAIL',
      message: 'allowed',
      evidence: { path: 'properties.allowBlobPublicAccess', source: 'default' },
    },
    {
      name: 'row projected without properties',
      properties: undefined,
      status: 'UNKNOWN',
      message: 'unknown',
      evidence: { path: 'properties.allowBlobPublicAccess', source: 'unknown' },
    },
  ]);

  it('reads the CLI-flattened `az storage account show` output', () => {
    const shown = {
      id: '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-kansa/providers/Microsoft.Storage/storageAccounts/stshow',
      name: 'stshow',
      type: 'Microsoft.Storage/storageAccounts',
      location: 'japaneast',
      allowBlobPublicAccess: true,
      enableHttpsTrafficOnly: true,
      minimumTlsVersion: 'TLS1_0',
      encryption: { keySource: 'Microsoft.Storage', keyVaultProperties: null },
      networkRuleSet: { defaultAction: 'Allow' },
    };
    const resources = readDocument(azureArm, shown);
    expect(evaluate(blobPublicAccess, resources, shown.id)).toMatchObject({
      status: 'FAIL',
      message: 'allowed',
    });
    expect(evaluate(httpsOnly, resources, shown.id)).toMatchObject({
      status: 'PASS',
      evidence: [{ path: 'properties.enableHttpsTrafficOnly', source: 'explicit' }],
    });
  });
});

describe('azure.storage.customer-managed-key', () => {
  run(customerManagedKey, [
    { name: 'Microsoft.Keyvault', properties: storageProperties(), status: 'PASS', message: 'customerKey' },
    {
      name: 'Microsoft.Storage',
      properties: storageProperties({ encryption: { keySource: 'Microsoft.Storage' } }),
      status: 'FAIL',
      message: 'microsoftKey',
      evidence: { path: 'properties.encryption.keySource', source: 'explicit' },
    },
    {
      name: 'encryption absent → Microsoft-managed default',
      properties: without('encryption'),
      status: 'FAIL',
      message: 'microsoftKey',
      evidence: { path: 'properties.encryption.keySource', source: 'default' },
    },
    { name: 'no properties', properties: undefined, status: 'UNKNOWN', message: 'unknown' },
  ]);
});

describe('azure.storage.https-only', () => {
  run(httpsOnly, [
    { name: 'true', properties: storageProperties(), status: 'PASS', message: 'httpsOnly' },
    {
      name: 'false',
      properties: storageProperties({ supportsHttpsTrafficOnly: false }),
      status: 'FAIL',
      message: 'httpAllowed',
    },
    {
      name: 'absent: default depends on the creation API version',
      properties: without('supportsHttpsTrafficOnly'),
      status: 'UNKNOWN',
      message: 'unknown',
      evidence: { path: 'properties.supportsHttpsTrafficOnly', source: 'unknown' },
    },
  ]);
});

describe('azure.storage.minimum-tls', () => {
  run(minimumTls, [
    { name: 'TLS1_2', properties: storageProperties(), status: 'PASS', message: 'modern' },
    {
      name: 'TLS1_3',
      properties: storageProperties({ minimumTlsVersion: 'TLS1_3' }),
      status: 'PASS',
      message: 'modern',
    },
    {
      name: 'TLS1_1',
      properties: storageProperties({ minimumTlsVersion: 'TLS1_1' }),
      status: 'FAIL',
      message: 'legacy',
    },
    {
      name: 'absent → TLS 1.0 default interpretation',
      properties: without('minimumTlsVersion'),
      status: 'FAIL',
      message: 'legacy',
      evidence: { path: 'properties.minimumTlsVersion', source: 'default' },
    },
    { name: 'no properties', properties: undefined, status: 'UNKNOWN', message: 'unknown' },
  ]);
});
