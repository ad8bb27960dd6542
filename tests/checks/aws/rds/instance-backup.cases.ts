import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { instance } from './instance.ts';

// Daily automated backups: the retention in days is the number of generations kept. The national
// view asks for several (minBackupGenerations 2, policy 3.5 3)(2)); elsewhere 1 (backups on).
const table = [
  [{ backupRetentionPeriod: 7 }, 1, 'PASS', 'backedUp'],
  [{ backupRetentionPeriod: 0 }, 1, 'FAIL', 'noBackup'],
  [{ backupRetentionPeriod: 1 }, 2, 'FAIL', 'noBackup'],
  [{ backupRetentionPeriod: 2 }, 2, 'PASS', 'backedUp'],
  [{}, 1, 'UNKNOWN', 'unknown'],
] as const;

export default byVerdict(
  table.map(([configuration, minBackupGenerations, status, messageId]) => ({
    name: `${JSON.stringify(configuration)}, ${minBackupGenerations} generation(s) required`,
    records: [instance(configuration)],
    params: { minBackupGenerations },
    status,
    messageId,
  })),
) satisfies RuleTests;
