import { describe, expect, it } from 'vitest';
import volumeEncrypted from '../../../src/checks/aws/ec2/volume-encrypted.ts';
import { evaluate } from '../../helpers/checks.ts';
import { ACCOUNT, keyArn, snapshotItem } from '../../sources/aws/builders.ts';
import { tenancy } from './harness.ts';

const arn = `arn:aws:ec2:ap-northeast-1:${ACCOUNT}:volume/vol-1`;
const volume = (configuration: Record<string, unknown>) =>
  snapshotItem(
    'AWS::EC2::Volume',
    'vol-1',
    { volumeId: 'vol-1', size: 100, volumeType: 'gp3', ...configuration },
    { arn },
  );

describe('aws.ec2.volume-encrypted', () => {
  it.each([
    ['encrypted', { encrypted: true, kmsKeyId: keyArn('k') }, 'PASS', 'encrypted'],
    ['not encrypted', { encrypted: false, kmsKeyId: null }, 'FAIL', 'notEncrypted'],
    ['encrypted field absent', {}, 'UNKNOWN', 'unknown'],
  ])('%s → %s', (_, configuration, status, message) => {
    const result = evaluate(volumeEncrypted, tenancy({ items: [volume(configuration)] }), arn);
    expect(result).toMatchObject({ status, message, evidence: [{ path: 'configuration.encrypted' }] });
  });
});
