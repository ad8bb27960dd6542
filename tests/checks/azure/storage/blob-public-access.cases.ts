import { jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { storageProperties, storageRow } from '../arg-rows.ts';
import { accountShow, classicStorageAccount, without } from './account.ts';

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

const cases: AnyCase[] = [
  {
    name: 'anonymous access disallowed on a StorageV2 account',
    records: [account('StorageV2', { allowBlobPublicAccess: false })],
    status: 'PASS',
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
  {
    name: 'anonymous access allowed on a premium BlockBlobStorage account',
    records: [account('BlockBlobStorage', { allowBlobPublicAccess: true })],
    status: 'FAIL',
    messageId: 'allowed',
    example: true,
  },
  {
    name: 'a general-purpose v1 account without the property (null permits anonymous access)',
    records: [account('Storage', {})],
    status: 'FAIL',
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

  {
    name: 'explicit false',
    records: [storageRow('stcase', storageProperties())],
    status: 'PASS',
    messageId: 'disallowed',
    evidence: [{ path: 'properties.allowBlobPublicAccess', source: 'explicit' }],
  },
  {
    name: 'explicit true',
    records: [storageRow('stcase', storageProperties({ allowBlobPublicAccess: true }))],
    status: 'FAIL',
    messageId: 'allowed',
  },
  {
    name: 'stringified "true" (tostring projection)',
    records: [storageRow('stcase', storageProperties({ allowBlobPublicAccess: 'true' }))],
    status: 'FAIL',
    messageId: 'allowed',
  },
  {
    name: 'absent (account created before Nov 2023)',
    records: [storageRow('stcase', without('allowBlobPublicAccess'))],
    status: 'FAIL',
    messageId: 'allowed',
    evidence: [{ path: 'properties.allowBlobPublicAccess', source: 'default' }],
  },
  {
    name: 'row projected without properties',
    records: [storageRow('stcase', undefined)],
    status: 'UNKNOWN',
    messageId: 'unknown',
    evidence: [{ path: 'properties.allowBlobPublicAccess', source: 'unknown' }],
  },
  {
    name: 'the CLI-flattened `az storage account show` output',
    records: [accountShow],
    status: 'FAIL',
    messageId: 'allowed',
  },
  {
    name: 'a FileStorage account (file shares only, no blob service)',
    records: [
      storageRow('stfiles', storageProperties({ allowBlobPublicAccess: true }), { kind: 'FileStorage' }),
    ],
    status: 'NOT_APPLICABLE',
    messageId: 'noBlobService',
  },
];

export default {
  ...byVerdict(cases),
  notRun: [{ name: 'a classic storage account', records: [classicStorageAccount] }],
} satisfies RuleTests;
