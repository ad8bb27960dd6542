import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/gcp/gke/cluster-legacy-abac.ts';
import { gcpAssetExport } from '../../../src/sources/gcp/asset-export.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';
import { clusterRecord } from '../../sources/gcp/records.ts';

const ID = '//container.googleapis.com/projects/osaka-juki-prod/locations/asia-northeast1/clusters/c';

const cases = [
  { name: 'legacy ABAC on', data: { legacyAbac: { enabled: true } }, status: 'FAIL', source: 'explicit' },
  { name: 'legacy ABAC off', data: { legacyAbac: { enabled: false } }, status: 'PASS', source: 'explicit' },
  {
    name: 'absent (proto JSON omits false): off by default',
    data: { legacyAbac: {} },
    status: 'PASS',
    source: 'default',
  },
] as const;

describe(check.meta.id, () => {
  it.each(cases)('$name → $status', ({ data, status, source }) => {
    const result = evaluate(check, readRecords(gcpAssetExport, [clusterRecord('c', data)]), ID);
    expect([result.status, result.evidence[0]?.source]).toEqual([status, source]);
  });
});
