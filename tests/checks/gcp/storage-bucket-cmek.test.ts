import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/gcp/storage/bucket-cmek.ts';
import { gcpAssetExport } from '../../../src/sources/gcp/asset-export.ts';
import { gcpSearchAllResources } from '../../../src/sources/gcp/search-all-resources.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';
import { bucketRecord, UBLA_ON } from '../../sources/gcp/records.ts';

const ID = '//storage.googleapis.com/b';
const PATH = 'resource.data.encryption.defaultKmsKeyName';
const KEY = 'projects/p/locations/asia-northeast1/keyRings/r/cryptoKeys/k';

const cases = [
  {
    name: 'a Cloud KMS default key',
    encryption: { defaultKmsKeyName: KEY },
    status: 'PASS',
    message: 'enabled',
    source: 'explicit',
  },
  {
    name: 'encryption without a key',
    encryption: {},
    status: 'FAIL',
    message: 'disabled',
    source: 'default',
  },
] as const;

describe(check.meta.id, () => {
  it.each(cases)('$name → $status', ({ encryption, status, message, source }) => {
    const result = evaluate(check, readRecords(gcpAssetExport, [bucketRecord('b', UBLA_ON, encryption)]), ID);
    expect([result.status, result.message]).toEqual([status, message]);
    expect(result.evidence).toMatchObject([{ path: PATH, source }]);
  });

  it('the default evidence says which default applies', () => {
    const result = evaluate(check, readRecords(gcpAssetExport, [bucketRecord('b', UBLA_ON)]), ID);
    expect(result.evidence[0]).toMatchObject({
      source: 'default',
      value: false,
      note: { en: expect.stringContaining('Google-managed') },
    });
  });

  it('is UNKNOWN when the export has no bucket data', () => {
    const resources = readRecords(gcpSearchAllResources, [
      { name: ID, assetType: 'storage.googleapis.com/Bucket', project: 'projects/4' },
    ]);
    expect(evaluate(check, resources, ID).status).toBe('UNKNOWN');
  });
});
