import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { instance } from './instance.ts';

const table = [
  [{ backupRetentionPeriod: 7 }, 'PASS', 'backedUp'],
  [{ backupRetentionPeriod: 0 }, 'FAIL', 'noBackup'],
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
