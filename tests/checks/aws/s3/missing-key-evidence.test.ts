import { describe, expect, it } from 'vitest';
import check from '../../../../src/checks/aws/s3/bucket-cmk-encryption.ts';
import { awsConfigSnapshotFormat } from '../../../../src/sources/aws/config-snapshot.ts';
import { evaluate, readRecords } from '../../../helpers/checks.ts';
import { bucketArn, bucketItem, defaultEncryption, keyArn } from '../../../sources/aws/builders.ts';

/**
 * Buckets naming KMS keys the export lacks cite one shared fact for "the key is not in the
 * export" (their own evidence names each key): at a million resources, a fact per key filled
 * model/fact.ts's table of shared facts, and every fact made after it was written in full in
 * each finding (bench: 1,448 → 1,654 bytes a resource between 100k and 1M).
 */
describe('a bucket whose KMS key is not in the export', () => {
  it('cites the same shared fact whichever key it names', () => {
    const buckets = ['records-a', 'records-b'].map((name, i) =>
      bucketItem(name, {
        ServerSideEncryptionConfiguration: defaultEncryption(
          'aws:kms',
          keyArn(`0f3a7c1e-52b4-4d8e-9a61-3c2b9e7d1f4${i}`),
        ),
      }),
    );
    const resources = readRecords(awsConfigSnapshotFormat, {
      fileVersion: '1.4',
      configurationItems: buckets,
    });
    const [a, b] = ['records-a', 'records-b'].map((name) => evaluate(check, resources, bucketArn(name)));
    expect(a!.status).toBe('UNKNOWN');
    const missing = (result: typeof a) => result!.evidence.find((fact) => fact.source === 'unknown');
    expect(missing(a)).toBeDefined();
    expect(Object.isFrozen(missing(a))).toBe(true);
    expect(missing(b)).toBe(missing(a));
  });
});
