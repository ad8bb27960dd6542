import { describe, expect, it } from 'vitest';
import { azureCliUnread } from '../../../src/sources/azure/cli-unread.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';

// Microsoft Graph objects as `az ad … list` prints them (CLI 2.37 and later); users are read
// (graph-directory.test.ts).
const group = {
  displayName: 'city-admins',
  groupTypes: [],
  id: '2b3c4d5e-0000-4000-8000-000000000001',
  mailEnabled: false,
  securityEnabled: true,
};
const servicePrincipal = {
  appId: '3c4d5e6f-0000-4000-8000-000000000001',
  displayName: 'vendor-deploy',
  id: '4d5e6f70-0000-4000-8000-000000000001',
  servicePrincipalNames: ['3c4d5e6f-0000-4000-8000-000000000001'],
  servicePrincipalType: 'Application',
};
const application = {
  appId: '3c4d5e6f-0000-4000-8000-000000000001',
  displayName: 'vendor-deploy',
  id: '5e6f7081-0000-4000-8000-000000000001',
  signInAudience: 'AzureADMyOrg',
};
const provider = {
  id: '/subscriptions/7f3c2a10-5b4e-4c1d-9a8e-2b6f0d4e9c31/providers/Microsoft.Storage',
  namespace: 'Microsoft.Storage',
  registrationPolicy: 'RegistrationRequired',
  registrationState: 'Registered',
  resourceTypes: [{ locations: ['Japan East'], resourceType: 'storageAccounts' }],
};

const formatOf = (document: unknown) =>
  INPUT_FORMATS.find((format) => format.kind === 'document' && format.matches(document))?.id;

describe('azure-cli-unread', () => {
  it.each([
    ['az ad group list / show', [group]],
    ['az ad sp list / show', [servicePrincipal]],
    ['az ad app list / show', [application]],
    ['az provider list / show', [provider]],
  ])('skips %s output naming the command, reading no resource', (command, document) => {
    expect(formatOf(document)).toBe('azure-cli-unread');
    const skipped: string[] = [];
    const read = [
      ...azureCliUnread.read(document, { file: 'x.json', skip: (reason) => skipped.push(reason) }),
    ];
    expect({ read, skipped }).toEqual({ read: [], skipped: [`${command}: no kansa check reads its output`] });
  });

  it.each([
    [
      'az storage account keys list names no resource: kansa reads these settings from az storage account list / show (keyCreationTime)',
      [
        {
          creationTime: '2024-04-01T02:03:04.123456+00:00',
          keyName: 'key1',
          permissions: 'FULL',
          value: 'x==',
        },
      ],
    ],
    [
      'az keyvault network-rule list (or az storage account network-rule list) names no resource: kansa reads these settings from az keyvault show (networkAcls) or az storage account show (networkRuleSet)',
      { bypass: 'AzureServices', defaultAction: 'Allow', ipRules: [], virtualNetworkRules: [] },
    ],
    [
      'Resource Graph QueryRequest {"query", "subscriptions", "options"} (az rest --body) names no resource: kansa reads these settings from az graph query -o json / REST QueryResponse',
      {
        subscriptions: ['7f3c2a10-5b4e-4c1d-9a8e-2b6f0d4e9c31'],
        query: "resources | where type =~ 'microsoft.storage/storageaccounts'",
        options: { resultFormat: 'objectArray', $top: 1000 },
      },
    ],
    [
      'an Azure error answer: the call failed (BadRequest / InvalidQuery): the file holds no resource; run the command again',
      {
        error: {
          code: 'BadRequest',
          message: 'Please provide below info when asking for support: timestamp = …',
          details: [{ code: 'InvalidQuery', message: 'Query is invalid.' }],
        },
      },
    ],
    [
      'az storage logging show (or az storage metrics show): no kansa check reads its output',
      {
        blob: {
          delete: true,
          log: '1.0',
          read: true,
          retentionPolicy: { days: 90, enabled: true },
          version: '1.0',
          write: true,
        },
        queue: {
          delete: false,
          log: '1.0',
          read: false,
          retentionPolicy: { days: null, enabled: false },
          version: '1.0',
          write: false,
        },
        table: {
          delete: false,
          log: '1.0',
          read: false,
          retentionPolicy: { days: null, enabled: false },
          version: '1.0',
          write: false,
        },
      },
    ],
    [
      'az storage logging show (or az storage metrics show): no kansa check reads its output',
      {
        file: {
          hour: {
            enabled: true,
            includeApis: true,
            retentionPolicy: { days: 7, enabled: true },
            version: '1.0',
          },
          minute: {
            enabled: false,
            includeApis: null,
            retentionPolicy: { days: null, enabled: false },
            version: '1.0',
          },
        },
      },
    ],
    [
      'az webapp config appsettings list: no kansa check reads its output',
      [{ name: 'WEBSITE_NODE_DEFAULT_VERSION', slotSetting: false, value: '~20' }],
    ],
    [
      'az webapp config access-restriction show: no kansa check reads its output',
      {
        ipSecurityRestrictions: [
          { action: 'Allow', ipAddress: 'Any', name: 'Allow all', priority: 2147483647 },
        ],
        scmIpSecurityRestrictionsUseMain: false,
      },
    ],
  ])('skips a part printed without its resource, or settings no check reads: %s', (reason, document) => {
    expect(formatOf(document)).toBe('azure-cli-unread');
    const skipped: string[] = [];
    expect([
      ...azureCliUnread.read(document, { file: 'x.json', skip: (text) => skipped.push(text) }),
    ]).toEqual([]);
    expect(skipped).toEqual([reason]);
  });

  it("leaves Google Cloud's error body (a numeric code) to other readers", () => {
    expect(formatOf({ error: { code: 403, message: 'denied', status: 'PERMISSION_DENIED' } })).not.toBe(
      'azure-cli-unread',
    );
  });

  it('takes no ARM resource, nor a file mixing directory objects', () => {
    expect(formatOf([group, servicePrincipal])).not.toBe('azure-cli-unread');
    const account = {
      id: '/subscriptions/7f3c2a10-5b4e-4c1d-9a8e-2b6f0d4e9c31/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st',
      name: 'st',
      type: 'Microsoft.Storage/storageAccounts',
    };
    expect(formatOf([account])).toBe('azure-arm');
  });
});
