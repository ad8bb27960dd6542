import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/gcp/storage/bucket-uniform-access.ts';
import { gcpAssetExport } from '../../../src/sources/gcp/asset-export.ts';
import { gcpSearchAllResources } from '../../../src/sources/gcp/search-all-resources.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';
import { bucketRecord, UBLA_ON } from '../../sources/gcp/records.ts';

const ID = '//storage.googleapis.com/b';
const PATH = 'resource.data.iamConfiguration.uniformBucketLevelAccess.enabled';

const cases = [
  { name: 'enabled', iam: UBLA_ON, status: 'PASS', message: 'enabled', evidence: [[PATH, 'explicit', true]] },
  {
    name: 'only the former name bucketPolicyOnly',
    iam: { bucketPolicyOnly: { enabled: true } },
    status: 'PASS',
    message: 'enabled',
    evidence: [['resource.data.iamConfiguration.bucketPolicyOnly.enabled', 'explicit', true]],
  },
  {
    name: 'disabled',
    iam: { uniformBucketLevelAccess: { enabled: false } },
    status: 'FAIL',
    message: 'disabled',
    evidence: [[PATH, 'explicit', false]],
  },
  {
    name: 'absent: the default (off)',
    iam: undefined,
    status: 'FAIL',
    message: 'disabled',
    evidence: [[PATH, 'default', false]],
  },
] as const;

describe(check.meta.id, () => {
  it.each(cases)('$name → $status', ({ iam, status, message, evidence }) => {
    const result = evaluate(check, readRecords(gcpAssetExport, [bucketRecord('b', iam)]), ID);
    expect([result.status, result.message]).toEqual([status, message]);
    expect(result.evidence.map((e) => [e.path, e.source, e.value])).toEqual(evidence);
  });

  it('is UNKNOWN for a search summary without the bucket settings', () => {
    const resources = readRecords(gcpSearchAllResources, [
      { name: ID, assetType: 'storage.googleapis.com/Bucket', project: 'projects/4', location: 'us-east1' },
    ]);
    const result = evaluate(check, resources, ID);
    expect([result.status, result.message, result.evidence[0]?.source]).toEqual([
      'UNKNOWN',
      'unknown',
      'unknown',
    ]);
  });
});
