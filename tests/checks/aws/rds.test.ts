import { describe, expect, it } from 'vitest';
import instanceBackup from '../../../src/checks/aws/rds/instance-backup.ts';
import instanceEncrypted from '../../../src/checks/aws/rds/instance-encrypted.ts';
import instanceLogExports from '../../../src/checks/aws/rds/instance-log-exports.ts';
import instancePublicAccess from '../../../src/checks/aws/rds/instance-public-access.ts';
import type { Check } from '../../../src/checks/check.ts';
import { evaluate } from '../../helpers/checks.ts';
import { ACCOUNT, REGION, snapshotItem } from '../../sources/aws/builders.ts';
import { tenancy } from './harness.ts';

const arn = `arn:aws:rds:${REGION}:${ACCOUNT}:db:resident-db`;
const instance = (configuration: Record<string, unknown>) =>
  snapshotItem(
    'AWS::RDS::DBInstance',
    'db-ABCDEFGHIJKLMNOPQRSTUVWXY1',
    {
      dBInstanceIdentifier: 'resident-db',
      engine: 'postgres',
      dbiResourceId: 'db-ABCDEFGHIJKLMNOPQRSTUVWXY1',
      ...configuration,
    },
    { arn, name: 'resident-db' },
  );
const run = (check: Check, configuration: Record<string, unknown>) =>
  evaluate(check, tenancy({ items: [instance(configuration)] }), arn);

describe('aws.rds.instance-public-access', () => {
  it.each([
    [{ publiclyAccessible: false }, 'PASS', 'private'],
    [{ publiclyAccessible: true }, 'FAIL', 'public'],
    [{}, 'UNKNOWN', 'unknown'],
  ])('%o → %s', (configuration, status, message) => {
    expect(run(instancePublicAccess, configuration)).toMatchObject({
      status,
      message,
      evidence: [{ path: 'configuration.publiclyAccessible' }],
    });
  });

  it('fills reachableFromInternet for the cross-cloud closed-network check', () => {
    const [db] = tenancy({ items: [instance({ publiclyAccessible: true })] });
    expect(db?.facts).toMatchObject({ reachableFromInternet: { source: 'explicit', value: true } });
  });
});

describe('aws.rds.instance-encrypted', () => {
  it.each([
    [
      { storageEncrypted: true, kmsKeyId: 'arn:aws:kms:ap-northeast-1:111122223333:key/k' },
      'PASS',
      'encrypted',
    ],
    [{ storageEncrypted: false }, 'FAIL', 'notEncrypted'],
    [{}, 'UNKNOWN', 'unknown'],
  ])('%o → %s', (configuration, status, message) => {
    expect(run(instanceEncrypted, configuration)).toMatchObject({ status, message });
  });
});

describe('aws.rds.instance-backup', () => {
  it.each([
    [{ backupRetentionPeriod: 7 }, 'PASS', 'backedUp'],
    [{ backupRetentionPeriod: 0 }, 'FAIL', 'noBackup'],
    [{}, 'UNKNOWN', 'unknown'],
  ])('%o → %s', (configuration, status, message) => {
    expect(run(instanceBackup, configuration)).toMatchObject({ status, message });
  });

  it('keeps at least minBackupGenerations daily backups (national policy 3.5 3)(2): several)', () => {
    const items = (days: number) => tenancy({ items: [instance({ backupRetentionPeriod: days })] });
    const twoRequired = { minBackupGenerations: 2 };
    expect(evaluate(instanceBackup, items(1), arn, twoRequired)).toMatchObject({
      status: 'FAIL',
      message: 'noBackup',
    });
    expect(evaluate(instanceBackup, items(2), arn, twoRequired)).toMatchObject({
      status: 'PASS',
      message: 'backedUp',
    });
  });
});

describe('aws.rds.instance-log-exports', () => {
  it.each([
    [{ enabledCloudwatchLogsExports: ['postgresql', 'upgrade'] }, 'PASS', 'exported', 'explicit'],
    [{ enabledCloudwatchLogsExports: [] }, 'FAIL', 'notExported', 'explicit'],
    [{}, 'FAIL', 'notExported', 'default'],
  ])('%o → %s', (configuration, status, message, source) => {
    expect(run(instanceLogExports, configuration)).toMatchObject({
      status,
      message,
      evidence: [{ source, path: 'configuration.enabledCloudwatchLogsExports' }],
    });
  });

  it('is UNKNOWN when a SELECT did not return the field', () => {
    const row = {
      accountId: ACCOUNT,
      awsRegion: REGION,
      arn,
      resourceId: 'db-1',
      resourceName: 'resident-db',
      resourceType: 'AWS::RDS::DBInstance',
      configuration: { publiclyAccessible: false },
    };
    const resources = tenancy({ selectRows: [row] });
    expect(evaluate(instanceLogExports, resources, arn)).toMatchObject({
      status: 'UNKNOWN',
      message: 'unknown',
    });
  });
});
