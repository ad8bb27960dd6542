import { jsonFile } from '../../../helpers/exports.ts';
import type { RuleTests } from '../../../helpers/rule-tester.ts';

// Storage accounts of each kind as the Storage REST API lists them (`{"value": [...]}`; ids
// as API examples write them, with a `{subscription-id}` placeholder).
const account = (kind: string, properties: Record<string, unknown>, name = 'stcity') =>
  jsonFile({
    value: [
      {
        id: `/subscriptions/{subscription-id}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/${name}`,
        name,
        kind,
        location: 'japaneast',
        sku: { name: kind === 'FileStorage' || kind === 'BlockBlobStorage' ? 'Premium_LRS' : 'Standard_LRS' },
        type: 'Microsoft.Storage/storageAccounts',
        properties,
      },
    ],
  });

export default {
  valid: [
    {
      name: 'anonymous access disallowed on a StorageV2 account',
      records: [account('StorageV2', { allowBlobPublicAccess: false })],
      messageId: 'disallowed',
      example: true,
    },
    {
      name: 'a FileStorage account: no blob service, so the setting does not apply',
      records: [account('FileStorage', {})],
      messageId: 'noBlobService',
      status: 'NOT_APPLICABLE',
    },
    {
      name: 'a FileStorage account that reports the property true still has no blobs',
      records: [account('FileStorage', { allowBlobPublicAccess: true })],
      messageId: 'noBlobService',
      status: 'NOT_APPLICABLE',
    },
  ],
  invalid: [
    {
      name: 'anonymous access allowed on a premium BlockBlobStorage account',
      records: [account('BlockBlobStorage', { allowBlobPublicAccess: true })],
      messageId: 'allowed',
      example: true,
    },
    {
      name: 'a general-purpose v1 account without the property (null permits anonymous access)',
      records: [account('Storage', {})],
      messageId: 'allowed',
      evidence: [{ source: 'default' }],
    },
    {
      name: 'an account listed without its properties',
      records: [
        jsonFile([
          {
            id: '/subscriptions/6c1f2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stbare',
            name: 'stbare',
            kind: 'StorageV2',
            location: 'japaneast',
            type: 'Microsoft.Storage/storageAccounts',
            properties: null,
          },
        ]),
      ],
      messageId: 'unknown',
      status: 'UNKNOWN',
    },
  ],
} satisfies RuleTests<'disallowed' | 'allowed' | 'noBlobService' | 'unknown'>;
