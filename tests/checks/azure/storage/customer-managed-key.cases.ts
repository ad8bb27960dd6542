import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { storageProperties, storageRow } from '../arg-rows.ts';
import { classicStorageAccount, without } from './account.ts';

export default {
  ...byVerdict([
    {
      name: 'Microsoft.Keyvault',
      records: [storageRow('stcase', storageProperties())],
      status: 'PASS',
      messageId: 'customerKey',
    },
    {
      name: 'Microsoft.Storage',
      records: [storageRow('stcase', storageProperties({ encryption: { keySource: 'Microsoft.Storage' } }))],
      status: 'FAIL',
      messageId: 'microsoftKey',
      evidence: [{ path: 'properties.encryption.keySource', source: 'explicit' }],
    },
    {
      name: 'encryption absent → Microsoft-managed default',
      records: [storageRow('stcase', without('encryption'))],
      status: 'FAIL',
      messageId: 'microsoftKey',
      evidence: [{ path: 'properties.encryption.keySource', source: 'default' }],
    },
    {
      name: 'no properties',
      records: [storageRow('stcase', undefined)],
      status: 'UNKNOWN',
      messageId: 'unknown',
    },
  ]),
  notRun: [{ name: 'a classic storage account', records: [classicStorageAccount] }],
} satisfies RuleTests;
