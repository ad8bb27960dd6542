import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/gcp/sql/instance-backups.ts';
import { gcpAssetExport } from '../../../src/sources/gcp/asset-export.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';
import { sqlInstanceRecord } from '../../sources/gcp/records.ts';

const ID = '//cloudsql.googleapis.com/projects/osaka-juki-prod/instances/db';
const backups = (enabled: boolean) => ({
  backupConfiguration: {
    kind: 'sql#backupConfiguration',
    enabled,
    startTime: '18:00',
    pointInTimeRecoveryEnabled: enabled,
  },
});

const cases = [
  { name: 'enabled', record: sqlInstanceRecord('db', backups(true)), status: 'PASS', message: 'enabled' },
  { name: 'disabled', record: sqlInstanceRecord('db', backups(false)), status: 'FAIL', message: 'disabled' },
  {
    name: 'a read replica (no backups of its own)',
    record: sqlInstanceRecord(
      'db',
      {},
      { instanceType: 'READ_REPLICA_INSTANCE', masterInstanceName: 'osaka-juki-prod:primary' },
    ),
    status: 'NOT_APPLICABLE',
    message: 'replica',
  },
  { name: 'not in the export', record: sqlInstanceRecord('db', {}), status: 'UNKNOWN', message: 'unknown' },
] as const;

describe(check.meta.id, () => {
  it.each(cases)('$name → $status', ({ record, status, message }) => {
    const result = evaluate(check, readRecords(gcpAssetExport, [record]), ID);
    expect([result.status, result.message]).toEqual([status, message]);
  });
});

describe(`${check.meta.id}: backup generations (minBackupGenerations)`, () => {
  const retaining = (retainedBackups: number | undefined) =>
    sqlInstanceRecord('db', {
      backupConfiguration: {
        ...backups(true).backupConfiguration,
        ...(retainedBackups !== undefined && {
          backupRetentionSettings: { retentionUnit: 'COUNT', retainedBackups },
        }),
      },
    });

  it.each([
    [1, 2, 'FAIL', 'tooFew'],
    [2, 2, 'PASS', 'enabled'],
    [undefined, 2, 'PASS', 'enabled'], // Cloud SQL keeps 7 by default
    [1, 1, 'PASS', 'enabled'],
  ] as const)('%s retained, %s required → %s', (retained, min, status, message) => {
    const result = evaluate(check, readRecords(gcpAssetExport, [retaining(retained)]), ID, {
      minBackupGenerations: min,
    });
    expect([result.status, result.message]).toEqual([status, message]);
  });
});
