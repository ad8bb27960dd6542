import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/gcp/gke/cluster-logging.ts';
import { gcpAssetExport } from '../../../src/sources/gcp/asset-export.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';
import { clusterRecord } from '../../sources/gcp/records.ts';

const ID = '//container.googleapis.com/projects/osaka-juki-prod/locations/asia-northeast1/clusters/c';

const cases = [
  {
    name: 'Cloud Logging with control-plane components',
    data: {
      loggingService: 'logging.googleapis.com/kubernetes',
      loggingConfig: {
        componentConfig: { enableComponents: ['SYSTEM_COMPONENTS', 'WORKLOADS', 'APISERVER'] },
      },
    },
    status: 'PASS',
    source: 'explicit',
  },
  {
    name: 'none',
    data: { loggingService: 'none', loggingConfig: { componentConfig: {} } },
    status: 'FAIL',
    source: 'explicit',
  },
  { name: 'absent: Cloud Logging by default', data: {}, status: 'PASS', source: 'default' },
] as const;

describe(check.meta.id, () => {
  it.each(cases)('$name → $status', ({ data, status, source }) => {
    const result = evaluate(check, readRecords(gcpAssetExport, [clusterRecord('c', data)]), ID);
    expect([result.status, result.evidence[0]?.source]).toEqual([status, source]);
  });
});
