import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { storageProperties, storageRow } from '../arg-rows.ts';
import { accountShow, classicStorageAccount, without } from './account.ts';

export default {
  ...byVerdict([
    {
      name: 'true',
      records: [storageRow('stcase', storageProperties())],
      status: 'PASS',
      messageId: 'httpsOnly',
    },
    {
      name: 'false',
      records: [storageRow('stcase', storageProperties({ supportsHttpsTrafficOnly: false }))],
      status: 'FAIL',
      messageId: 'httpAllowed',
    },
    {
      name: 'absent: default depends on the creation API version',
      records: [storageRow('stcase', without('supportsHttpsTrafficOnly'))],
      status: 'UNKNOWN',
      messageId: 'unknown',
      evidence: [{ path: 'properties.supportsHttpsTrafficOnly', source: 'unknown' }],
    },
    {
      name: 'the CLI-flattened `az storage account show` output',
      records: [accountShow],
      status: 'PASS',
      evidence: [{ path: 'properties.enableHttpsTrafficOnly', source: 'explicit' }],
    },
  ]),
  notRun: [{ name: 'a classic storage account', records: [classicStorageAccount] }],
} satisfies RuleTests;
