import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/gcp/compute/subnet-flow-logs.ts';
import { gcpAssetExport } from '../../../src/sources/gcp/asset-export.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';
import { computeRecord, subnetworkRecord } from '../../sources/gcp/records.ts';

const ID = '//compute.googleapis.com/projects/osaka-juki-prod/regions/asia-northeast1/subnetworks/s';

const cases = [
  {
    name: 'logConfig.enable true',
    data: { logConfig: { enable: true, aggregationInterval: 'INTERVAL_5_SEC', flowSampling: 0.5 } },
    status: 'PASS',
    message: 'enabled',
    evidence: ['resource.data.logConfig.enable', 'explicit'],
  },
  {
    name: 'only the former enableFlowLogs',
    data: { enableFlowLogs: true },
    status: 'PASS',
    message: 'enabled',
    evidence: ['resource.data.enableFlowLogs', 'explicit'],
  },
  {
    name: 'logConfig.enable false',
    data: { logConfig: { enable: false }, enableFlowLogs: false },
    status: 'FAIL',
    message: 'disabled',
    evidence: ['resource.data.logConfig.enable', 'explicit'],
  },
  {
    name: 'absent: the default (off)',
    data: {},
    status: 'FAIL',
    message: 'disabled',
    evidence: ['resource.data.logConfig.enable', 'default'],
  },
  {
    name: 'a proxy-only subnet',
    data: { purpose: 'REGIONAL_MANAGED_PROXY', role: 'ACTIVE' },
    status: 'NOT_APPLICABLE',
    message: 'specialPurpose',
    evidence: ['resource.data.purpose', 'explicit'],
  },
] as const;

describe(check.meta.id, () => {
  it.each(cases)('$name → $status', ({ data, status, message, evidence }) => {
    const result = evaluate(check, readRecords(gcpAssetExport, [subnetworkRecord('s', data)]), ID);
    expect([result.status, result.message]).toEqual([status, message]);
    expect(result.evidence.map((e) => [e.path, e.source])).toEqual([evidence]);
  });

  it('leaves VPC networks to their subnets', () => {
    const network = computeRecord('Network', 'global/networks/default', {
      name: 'default',
      autoCreateSubnetworks: true,
    });
    expect(() =>
      evaluate(
        check,
        readRecords(gcpAssetExport, [network]),
        '//compute.googleapis.com/projects/osaka-juki-prod/global/networks/default',
      ),
    ).toThrow(/does not apply/);
  });
});
