import { expect } from 'vitest';
import { assetExport, configSelect, configSnapshot, graphQuery } from '../../../helpers/exports.ts';
import type { RuleTests } from '../../../helpers/rule-tester.ts';
import { ACCOUNT, bucketItem, defaultEncryption, keyArn, kmsKeyItem } from '../../../sources/aws/builders.ts';
import { resourceRecord } from '../../../sources/gcp/records.ts';

const SUB = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const storageAccount = (name: string, encryption: Record<string, unknown>) => ({
  id: `/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/${name}`,
  name,
  type: 'microsoft.storage/storageaccounts',
  kind: 'StorageV2',
  location: 'japaneast',
  resourceGroup: 'rg-data',
  subscriptionId: SUB,
  sku: { name: 'Standard_LRS', tier: 'Standard' },
  tags: {},
  properties: { encryption },
});

export default {
  // AWS Config items; the Azure and Google Cloud records come in their own export files.
  wrap: configSnapshot,
  valid: [
    {
      name: 'an S3 bucket with SSE-S3 default encryption (keys S3 manages)',
      records: [bucketItem('city-docs', { ServerSideEncryptionConfiguration: defaultEncryption('AES256') })],
      messageId: 'providerKey',
      evidence: [{ source: 'explicit', value: 'AES256' }],
      example: true,
    },
    {
      name: 'an S3 bucket with SSE-KMS and a customer managed key (its key ARN resolved to the key item)',
      records: [
        bucketItem('city-data', {
          ServerSideEncryptionConfiguration: defaultEncryption('aws:kms', keyArn('k')),
        }),
        kmsKeyItem('k', {}),
      ],
      messageId: 'customerKey',
      evidence: [
        { value: 'aws:kms' },
        { path: expect.stringMatching(/kmsMasterKeyID$/), value: keyArn('k') },
        { path: 'configuration.keyManager', value: 'CUSTOMER' },
      ],
    },
    {
      name: 'an S3 bucket with DSSE-KMS and a key ARN the records hold no key of: the key is named, not called the provider’s',
      records: [
        bucketItem('city-dsse', {
          ServerSideEncryptionConfiguration: defaultEncryption('aws:kms:dsse', keyArn('unrecorded')),
        }),
      ],
      messageId: 'kmsKey',
      data: { key: keyArn('unrecorded') },
    },
    {
      name: 'an S3 bucket with no encryption configuration: SSE-S3 since January 2023',
      records: [bucketItem('city-old', {})],
      messageId: 'providerKey',
      evidence: [{ source: 'default', value: 'AES256' }],
    },
    {
      name: 'an Azure storage account with the Microsoft-managed key',
      records: [graphQuery([storageAccount('stdocs', { keySource: 'Microsoft.Storage' })])],
      messageId: 'azurePlatformKey',
      evidence: [{ value: 'Microsoft.Storage' }],
    },
    {
      name: 'an Azure storage account with a Key Vault key',
      records: [
        graphQuery([
          storageAccount('stcmk', {
            keySource: 'Microsoft.Keyvault',
            keyvaultproperties: { keyname: 'cmk', keyvaulturi: 'https://kv-city.vault.azure.net/' },
          }),
        ]),
      ],
      messageId: 'customerKey',
    },
    {
      name: 'a Cloud Storage bucket with no default key: Google-managed encryption, always on',
      records: [
        assetExport([
          resourceRecord(
            '//storage.googleapis.com/city-archive',
            'storage.googleapis.com/Bucket',
            { name: 'city-archive', location: 'ASIA-NORTHEAST1' },
            'asia-northeast1',
          ),
        ]),
      ],
      messageId: 'gcpPlatformKey',
      evidence: [{ source: 'default', value: 'platform-managed' }],
    },
  ],
  invalid: [
    {
      name: 'an S3 bucket in a record from before January 2023 with no default encryption',
      records: [bucketItem('city-2019', {}, {}, '2019-06-01T00:00:00.000Z')],
      messageId: 'notEncrypted',
      evidence: [{ source: 'explicit', value: null }],
      example: true,
    },
    {
      name: 'an advanced-query row that did not select the supplementary configuration',
      records: [
        configSelect([
          {
            resourceType: 'AWS::S3::Bucket',
            resourceId: 'city-partial',
            resourceName: 'city-partial',
            arn: 'arn:aws:s3:::city-partial',
            awsRegion: 'ap-northeast-1',
            accountId: ACCOUNT,
          },
        ]),
      ],
      messageId: 'unknown',
      status: 'UNKNOWN',
      example: true,
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
