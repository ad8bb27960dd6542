import type { RuleTests } from '../../../helpers/rule-tester.ts';
import { ACCOUNT, keyArn, snapshotItem } from '../../../sources/aws/builders.ts';

const arn = `arn:aws:ec2:ap-northeast-1:${ACCOUNT}:volume/vol-1`;
const volume = (configuration: Record<string, unknown>) =>
  snapshotItem(
    'AWS::EC2::Volume',
    'vol-1',
    { volumeId: 'vol-1', size: 100, volumeType: 'gp3', ...configuration },
    { arn },
  );
const evidence = [{ path: 'configuration.encrypted' }];

export default {
  valid: [
    {
      name: 'encrypted',
      records: [volume({ encrypted: true, kmsKeyId: keyArn('k') })],
      messageId: 'encrypted',
      evidence,
    },
  ],
  invalid: [
    {
      name: 'not encrypted',
      records: [volume({ encrypted: false, kmsKeyId: null })],
      messageId: 'notEncrypted',
      evidence,
    },
    {
      name: 'encrypted field absent',
      records: [volume({})],
      messageId: 'unknown',
      status: 'UNKNOWN',
      evidence,
    },
  ],
} satisfies RuleTests;
