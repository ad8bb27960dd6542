import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { instance } from './instance.ts';

const table = [
  [
    { storageEncrypted: true, kmsKeyId: 'arn:aws:kms:ap-northeast-1:111122223333:key/k' },
    'PASS',
    'encrypted',
  ],
  [{ storageEncrypted: false }, 'FAIL', 'notEncrypted'],
  [{}, 'UNKNOWN', 'unknown'],
] as const;

export default byVerdict(
  table.map(([configuration, status, messageId]) => ({
    name: JSON.stringify(configuration),
    records: [instance(configuration)],
    status,
    messageId,
  })),
) satisfies RuleTests;
