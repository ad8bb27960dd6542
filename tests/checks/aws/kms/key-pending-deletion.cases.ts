import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { kmsKeyItem } from '../../../sources/aws/builders.ts';

const table = [
  ['an enabled customer key', { keyState: 'Enabled' }, 'PASS', 'notScheduled'],
  ['a disabled customer key', { keyState: 'Disabled', enabled: false }, 'PASS', 'notScheduled'],
  ['a key pending deletion', { keyState: 'PendingDeletion', enabled: false }, 'FAIL', 'pendingDeletion'],
  ['an AWS managed key', { keyManager: 'AWS' }, 'NOT_APPLICABLE', 'awsManaged'],
  ['no keyState', { keyState: undefined }, 'UNKNOWN', 'unknown'],
] as const;

export default byVerdict(
  table.map(([name, configuration, status, messageId]) => ({
    name,
    records: [kmsKeyItem('k1', configuration)],
    status,
    messageId,
  })),
) satisfies RuleTests;
