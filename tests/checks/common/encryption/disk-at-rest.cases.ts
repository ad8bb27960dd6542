import { assetExport, configSnapshot, graphQuery } from '../../../helpers/exports.ts';
import type { RuleTests } from '../../../helpers/rule-tester.ts';
import { ACCOUNT, keyArn, kmsKeyItem, snapshotItem } from '../../../sources/aws/builders.ts';
import { resourceRecord } from '../../../sources/gcp/records.ts';

const volume = (configuration: Record<string, unknown>) =>
  snapshotItem(
    'AWS::EC2::Volume',
    'vol-1',
    { volumeId: 'vol-1', size: 100, volumeType: 'gp3', ...configuration },
    { arn: `arn:aws:ec2:ap-northeast-1:${ACCOUNT}:volume/vol-1` },
  );

const SUB = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const azureDisk = (encryption: Record<string, unknown>) => ({
  id: `/subscriptions/${SUB}/resourceGroups/rg-vm/providers/Microsoft.Compute/disks/osdisk`,
  name: 'osdisk',
  type: 'microsoft.compute/disks',
  location: 'japaneast',
  resourceGroup: 'rg-vm',
  subscriptionId: SUB,
  tags: {},
  properties: { diskSizeGB: 128, encryption },
});

export default {
  // AWS Config items; the Azure and Google Cloud records come in their own export files.
  wrap: configSnapshot,
  valid: [
    {
      name: 'an EBS volume encrypted with the AWS managed key',
      records: [volume({ encrypted: true, kmsKeyId: 'alias/aws/ebs' })],
      messageId: 'providerKey',
      evidence: [{ path: 'configuration.encrypted', value: true }],
      example: true,
    },
    {
      name: 'an EBS volume encrypted with a customer managed key (named by its alias)',
      records: [
        volume({ encrypted: true, kmsKeyId: `arn:aws:kms:ap-northeast-1:${ACCOUNT}:alias/city-disk` }),
      ],
      messageId: 'customerKey',
    },
    // An encrypted volume always names its key's ARN, the AWS managed aws/ebs key's too.
    {
      name: 'an EBS volume encrypted with a key ARN whose key item is customer managed',
      records: [volume({ encrypted: true, kmsKeyId: keyArn('disk') }), kmsKeyItem('disk', {})],
      messageId: 'customerKey',
    },
    {
      name: 'an EBS volume encrypted with a key ARN whose key item is AWS managed (aws/ebs)',
      records: [
        volume({ encrypted: true, kmsKeyId: keyArn('ebs') }),
        kmsKeyItem('ebs', {
          keyManager: 'AWS',
          description: 'Default key that protects my EBS volumes when no other key is defined',
        }),
      ],
      messageId: 'providerKey',
    },
    {
      name: 'an EBS volume encrypted with a key ARN the records hold no key of: the key is named, not called the provider’s',
      records: [volume({ encrypted: true, kmsKeyId: keyArn('unrecorded') })],
      messageId: 'kmsKey',
      data: { key: keyArn('unrecorded') },
    },
    {
      name: 'an Azure managed disk with the platform key: Azure always encrypts disks at rest',
      records: [graphQuery([azureDisk({ type: 'EncryptionAtRestWithPlatformKey' })])],
      messageId: 'azurePlatformKey',
    },
    {
      name: 'a Compute Engine disk with no key set: Google-managed encryption, always on',
      records: [
        assetExport([
          resourceRecord(
            '//compute.googleapis.com/projects/city/zones/asia-northeast1-a/disks/d1',
            'compute.googleapis.com/Disk',
            { name: 'd1', zone: 'asia-northeast1-a', sizeGb: '10' },
            'asia-northeast1-a',
          ),
        ]),
      ],
      messageId: 'gcpPlatformKey',
      evidence: [{ source: 'default', value: 'platform-managed' }],
    },
  ],
  invalid: [
    {
      name: 'an EBS volume created without encryption',
      records: [volume({ encrypted: false, kmsKeyId: null })],
      messageId: 'notEncrypted',
      evidence: [{ path: 'configuration.encrypted', value: false }],
      example: true,
    },
    {
      name: 'an EBS volume whose record lacks the encrypted field',
      records: [volume({})],
      messageId: 'unknown',
      status: 'UNKNOWN',
    },
  ],
} satisfies RuleTests<
  | 'providerKey'
  | 'kmsKey'
  | 'azurePlatformKey'
  | 'gcpPlatformKey'
  | 'customerKey'
  | 'notEncrypted'
  | 'unknown'
>;
