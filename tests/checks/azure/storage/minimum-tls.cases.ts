import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { storageProperties, storageRow } from '../arg-rows.ts';
import { classicStorageAccount, without } from './account.ts';

export default {
  ...byVerdict([
    {
      name: 'TLS1_2',
      records: [storageRow('stcase', storageProperties())],
      status: 'PASS',
      messageId: 'modern',
    },
    {
      name: 'TLS1_3',
      records: [storageRow('stcase', storageProperties({ minimumTlsVersion: 'TLS1_3' }))],
      status: 'PASS',
      messageId: 'modern',
    },
    {
      name: 'TLS1_1',
      records: [storageRow('stcase', storageProperties({ minimumTlsVersion: 'TLS1_1' }))],
      status: 'FAIL',
      messageId: 'legacy',
    },
    {
      name: 'absent → TLS 1.0 default interpretation',
      records: [storageRow('stcase', without('minimumTlsVersion'))],
      status: 'FAIL',
      messageId: 'legacy',
      evidence: [{ path: 'properties.minimumTlsVersion', source: 'default' }],
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
