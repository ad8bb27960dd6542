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

const retaining = (retainedBackups: number) => ({
  backupConfiguration: {
    ...backups(true).backupConfiguration,
    backupRetentionSettings: { retentionUnit: 'COUNT', retainedBackups },
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
    name: 'a read replica whose record does not name its primary (instanceType only)',
    records: [sqlInstanceRecord('db', backups(false), { instanceType: 'READ_REPLICA_INSTANCE' })],
    status: 'NOT_APPLICABLE',
    messageId: 'unnamedPrimary',
    evidence: [{ source: 'explicit', path: 'resource.data.instanceType', value: true }],
  },
  {
    name: 'the source representation of an external server (backendType EXTERNAL, no backup settings)',
    records: [sqlInstanceRecord('db', {}, { instanceType: undefined, backendType: 'EXTERNAL' })],
    status: 'NOT_APPLICABLE',
    messageId: 'externalServer',
    evidence: [{ source: 'explicit', path: 'resource.data.backendType', value: 'EXTERNAL' }],
  },
  // Several generations (national policy 3.5 3)(2)): minBackupGenerations 2 in the national view.
  {
    name: 'one backup kept where two generations are required',
    records: [sqlInstanceRecord('db', retaining(1))],
    params: { minBackupGenerations: 2 },
    status: 'FAIL',
    messageId: 'tooFew',
  },
  {
    name: 'two backups kept where two generations are required',
    records: [sqlInstanceRecord('db', retaining(2))],
    params: { minBackupGenerations: 2 },
    status: 'PASS',
    messageId: 'enabled',
  },
  {
    name: 'no retention setting: Cloud SQL keeps 7 by default',
    records: [sqlInstanceRecord('db', backups(true))],
    params: { minBackupGenerations: 2 },
    status: 'PASS',
    messageId: 'enabled',
    evidence: [{ source: 'explicit' }, { source: 'default', value: 7 }],
  },
  {
    name: 'not in the export',
    records: [sqlInstanceRecord('db', {})],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
]) satisfies RuleTests;
