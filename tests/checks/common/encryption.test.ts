import { describe, expect, it } from 'vitest';
import diskAtRest from '../../../src/checks/common/encryption/disk-at-rest.ts';
import storageAtRest from '../../../src/checks/common/encryption/storage-at-rest.ts';
import { azureGraphCli } from '../../../src/sources/azure/graph-cli.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';
import { ACCOUNT, keyArn, snapshotItem } from '../../sources/aws/builders.ts';
import { tenancy } from '../aws/harness.ts';

const volumeArn = `arn:aws:ec2:ap-northeast-1:${ACCOUNT}:volume/vol-1`;
const volume = (configuration: Record<string, unknown>) =>
  snapshotItem(
    'AWS::EC2::Volume',
    'vol-1',
    { volumeId: 'vol-1', size: 100, volumeType: 'gp3', ...configuration },
    { arn: volumeArn },
  );

describe('common.encryption.disk-at-rest', () => {
  it.each([
    ['EBS encrypted with the AWS managed key', { encrypted: true, kmsKeyId: null }, 'PASS', 'providerKey'],
    ['EBS not encrypted', { encrypted: false, kmsKeyId: null }, 'FAIL', 'notEncrypted'],
    ['EBS encrypted field absent', {}, 'UNKNOWN', 'unknown'],
  ])('%s → %s', (_, configuration, status, message) => {
    const result = evaluate(diskAtRest, tenancy({ items: [volume(configuration)] }), volumeArn);
    expect(result).toMatchObject({ status, message });
    expect(result.evidence[0]).toMatchObject({ path: 'configuration.encrypted' });
  });

  it('EBS with a customer managed key passes as such', () => {
    const result = evaluate(
      diskAtRest,
      tenancy({ items: [volume({ encrypted: true, kmsKeyId: keyArn('k') })] }),
      volumeArn,
    );
    expect(result.status).toBe('PASS');
  });
});

const SUB = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const storageId = (name: string) =>
  `/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/${name}`;
const storage = (name: string, encryption: Record<string, unknown>) => ({
  id: storageId(name),
  name,
  type: 'microsoft.storage/storageaccounts',
  kind: 'StorageV2',
  location: 'japaneast',
  resourceGroup: 'rg-data',
  subscriptionId: SUB,
  tags: {},
  properties: { encryption },
});

describe('common.encryption.storage-at-rest', () => {
  const resources = readRecords(azureGraphCli, {
    count: 2,
    data: [
      storage('stplatform', { keySource: 'Microsoft.Storage' }),
      storage('stcmk', {
        keySource: 'Microsoft.Keyvault',
        keyvaultproperties: { keyname: 'cmk', keyvaulturi: 'https://kv-city.vault.azure.net/' },
      }),
    ],
  });

  it('an Azure storage account with the platform key passes: Azure always encrypts at rest', () => {
    const result = evaluate(storageAtRest, resources, storageId('stplatform'));
    expect(result).toMatchObject({ status: 'PASS', message: 'providerKey' });
    expect(result.evidence[0]).toMatchObject({ source: 'default', value: 'platform-managed' });
  });

  it('an Azure storage account with a Key Vault key passes with the customer key as evidence', () => {
    expect(evaluate(storageAtRest, resources, storageId('stcmk'))).toMatchObject({
      status: 'PASS',
      message: 'customerKey',
    });
  });
});
