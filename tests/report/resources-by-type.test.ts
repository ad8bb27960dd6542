import { describe, expect, it } from 'vitest';
import { byResourceType, type Coverage } from '../../src/report/json.ts';

type Counted = Coverage['resourcesByType'][number];

describe("the findings file's resourcesByType order", () => {
  it('is provider, kansa type, count (largest first), then native type, by UTF-16 code unit', () => {
    // Azure's exports spell a type in more than one case; the spellings are listed apart, the
    // upper-case one first (a locale's collation would put the lower-case one first).
    const counted: Counted[] = [
      {
        provider: 'azure',
        type: 'storage_account',
        nativeType: 'microsoft.storage/storageaccounts',
        count: 2,
      },
      {
        provider: 'azure',
        type: 'storage_account',
        nativeType: 'Microsoft.Storage/storageAccounts',
        count: 2,
      },
      {
        provider: 'azure',
        type: 'storage_account',
        nativeType: 'Microsoft.Storage/StorageAccounts',
        count: 5,
      },
      { provider: 'aws', type: 'storage_bucket', nativeType: 'AWS::S3::Bucket', count: 1 },
      { provider: 'aws', type: 'key', nativeType: 'AWS::KMS::Key', count: 1 },
    ];
    expect(
      counted.sort(byResourceType).map((c) => `${c.provider} ${c.type} ${c.count} ${c.nativeType}`),
    ).toEqual([
      'aws key 1 AWS::KMS::Key',
      'aws storage_bucket 1 AWS::S3::Bucket',
      'azure storage_account 5 Microsoft.Storage/StorageAccounts',
      'azure storage_account 2 Microsoft.Storage/storageAccounts',
      'azure storage_account 2 microsoft.storage/storageaccounts',
    ]);
    expect(
      'microsoft.storage/storageaccounts'.localeCompare('Microsoft.Storage/storageAccounts', 'en'),
    ).toBeLessThan(0);
  });
});
