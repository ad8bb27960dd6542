import { beforeAll, describe, expect, it } from 'vitest';
import type { AzureStorageAccountFacts } from '../../../src/model/azure.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { azureArm } from '../../../src/sources/azure/arm.ts';
import { azureArmTemplate } from '../../../src/sources/azure/template.ts';

// What a template leaves out. Each resource is deployed with the API version it names: a property it leaves out takes
// that version's default, as the Storage REST specs write it for supportsHttpsTrafficOnly ("The
// default value is true since API version 2019-04-01"; checkov's CKV_AZURE_3 reads it the same way).

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

beforeAll(() => azureArmTemplate.load?.());

function storageAccount(apiVersion: unknown, properties: object = {}) {
  const template = {
    $schema: SCHEMA,
    contentVersion: '1.0.0.0',
    parameters: { version: { type: 'string' } },
    resources: [
      {
        type: 'Microsoft.Storage/storageAccounts',
        apiVersion,
        name: 'kansast01',
        location: 'japaneast',
        sku: { name: 'Standard_LRS' },
        kind: 'StorageV2',
        properties,
      },
    ],
  };
  const [account] = [...azureArmTemplate.read(template, { file: 'azuredeploy.json', skip: () => {} })];
  return account as Resource<AzureStorageAccountFacts>;
}

describe('a template resource’s API version', () => {
  it.each([
    ['2018-07-01', false],
    ['2019-04-01', true],
    ['2023-01-01', true],
    ['2021-06-01-preview', true],
  ])('supportsHttpsTrafficOnly left out at %s is %s', (apiVersion, expected) => {
    const fact = storageAccount(apiVersion).facts.httpsTrafficOnly;
    expect(fact).toMatchObject({
      source: 'default',
      value: expected,
      path: 'properties.supportsHttpsTrafficOnly',
    });
    expect(fact).toMatchObject({ note: { en: expect.stringContaining('API version 2019-04-01') } });
  });

  it('reads allowBlobPublicAccess left out before 2023-01-01 as the specs of then (true), and from it as not known', () => {
    // From 2023-01-01 an account the template creates gets false, but the portal's export of an
    // older account (written at the latest version) leaves its null out too.
    expect(storageAccount('2022-09-01').facts.allowBlobPublicAccess).toMatchObject({
      source: 'default',
      value: true,
      note: { en: expect.stringContaining('API version 2023-01-01') },
    });
    expect(storageAccount('2023-01-01').facts.allowBlobPublicAccess).toMatchObject({
      source: 'unknown',
      note: { en: expect.stringContaining('the portal writes of an older account') },
    });
  });

  it('is no default when set: the value the template gives decides', () => {
    const fact = storageAccount('2023-01-01', { supportsHttpsTrafficOnly: false }).facts.httpsTrafficOnly;
    expect(fact).toMatchObject({ source: 'explicit', value: false });
  });

  it('tells nothing when the template does not say it (an expression of the deployment’s)', () => {
    expect(storageAccount("[parameters('version')]").facts.httpsTrafficOnly?.source).toBe('unknown');
    expect(storageAccount(undefined).facts.httpsTrafficOnly?.source).toBe('unknown');
  });

  it('is not guessed for a GET record, which names no API version', () => {
    const [account] = [
      ...azureArm.read(
        {
          id: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/kansast02',
          name: 'kansast02',
          type: 'Microsoft.Storage/storageAccounts',
          location: 'japaneast',
          properties: {},
        },
        { file: 'account.json', skip: () => {} },
      ),
    ] as Resource<AzureStorageAccountFacts>[];
    expect(account?.facts.httpsTrafficOnly?.source).toBe('unknown');
    // Null on an account created before November 2023 permits anonymous access.
    expect(account?.facts.allowBlobPublicAccess).toMatchObject({ source: 'default', value: true });
  });
});

describe('a diagnostic setting the template declares without logs', () => {
  const read = (properties: object) => {
    const template = {
      $schema: SCHEMA,
      contentVersion: '1.0.0.0',
      parameters: { logs: { type: 'array' } },
      resources: [
        {
          type: 'Microsoft.Insights/diagnosticSettings',
          apiVersion: '2021-05-01-preview',
          scope: 'Microsoft.KeyVault/vaults/kansa-kv',
          name: 'metrics-only',
          properties: {
            workspaceId:
              '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law',
            ...properties,
          },
        },
      ],
    };
    const [setting] = [...azureArmTemplate.read(template, { file: 'main.json', skip: () => {} })];
    return setting?.facts as Record<string, unknown>;
  };

  it('sends no logs: its GET lists logs: []', () => {
    expect(read({ metrics: [{ category: 'AllMetrics', enabled: true }] }).enabledCategories).toMatchObject({
      source: 'explicit',
      value: [],
    });
  });

  it('is not so when the template leaves its logs to the deployment', () => {
    expect(read({ logs: "[parameters('logs')]" }).enabledCategories).toMatchObject({ source: 'unknown' });
  });
});
