import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { sqlInstanceRecord } from '../../../sources/gcp/records.ts';

const backups = (enabled: boolean) => ({
  backupConfiguration: {
    kind: 'sql#backupConfiguration',
    enabled,
    startTime: '18:00',
    pointInTimeRecoveryEnabled: enabled,
  },
});

export default byVerdict([
  {
    name: 'enabled',
    records: [sqlInstanceRecord('db', backups(true))],
    status: 'PASS',
    messageId: 'enabled',
  },
  {
    name: 'disabled',
    records: [sqlInstanceRecord('db', backups(false))],
    status: 'FAIL',
    messageId: 'disabled',
  },
  {
    name: 'a read replica (no backups of its own)',
    records: [
      sqlInstanceRecord(
        'db',
        {},
        { instanceType: 'READ_REPLICA_INSTANCE', masterInstanceName: 'osaka-juki-prod:primary' },
      ),
    ],
    status: 'NOT_APPLICABLE',
    messageId: 'replica',
  },
  {
    name: 'not in the export',
    records: [sqlInstanceRecord('db', {})],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
]) satisfies RuleTests;
