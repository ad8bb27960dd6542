import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { storageProperties, storageRow } from '../arg-rows.ts';
import { accountShow, without } from './account.ts';

const cases: AnyCase[] = [
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

export default byVerdict(cases) satisfies RuleTests;
