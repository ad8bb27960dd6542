import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/gcp/compute/disk-cmek.ts';
import { gcpAssetExport } from '../../../src/sources/gcp/asset-export.ts';
import { gcpSearchAllResources } from '../../../src/sources/gcp/search-all-resources.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';
import { computeRecord } from '../../sources/gcp/records.ts';

const PATH = 'zones/asia-northeast1-b/disks/d';
const ID = `//compute.googleapis.com/projects/osaka-juki-prod/${PATH}`;
const KEY = 'projects/osaka-juki-prod/locations/asia-northeast1/keyRings/r/cryptoKeys/k/cryptoKeyVersions/1';
const disk = (extra: Record<string, unknown>) =>
  computeRecord('Disk', PATH, { name: 'd', sizeGb: '100', status: 'READY', ...extra }, 'asia-northeast1-b');

const cases = [
  {
    name: 'a Cloud KMS key',
    disk: disk({ diskEncryptionKey: { kmsKeyName: KEY } }),
    status: 'PASS',
    source: 'explicit',
  },
  {
    name: 'a customer-supplied key',
    disk: disk({ diskEncryptionKey: { sha256: 'vbTz3V6sT1f9kf1pTMQ9nO2xV2Xq3bq8Qf8u0x3y5z4=' } }),
    status: 'PASS',
    source: 'explicit',
  },
  { name: 'no key: Google-managed (the default)', disk: disk({}), status: 'FAIL', source: 'default' },
] as const;

describe(check.meta.id, () => {
  it.each(cases)('$name → $status', ({ disk, status, source }) => {
    const result = evaluate(check, readRecords(gcpAssetExport, [disk]), ID);
    expect([result.status, result.evidence[0]?.source]).toEqual([status, source]);
  });

  it('is UNKNOWN for a search summary without the disk settings', () => {
    const summary = { name: ID, assetType: 'compute.googleapis.com/Disk', project: 'projects/111111111111' };
    expect(evaluate(check, readRecords(gcpSearchAllResources, [summary]), ID).status).toBe('UNKNOWN');
  });
});
