import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/gcp/sql/instance-public-access.ts';
import { gcpAssetExport } from '../../../src/sources/gcp/asset-export.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';
import { resourceRecord, sqlInstanceRecord } from '../../sources/gcp/records.ts';

const ID = '//cloudsql.googleapis.com/projects/osaka-juki-prod/instances/db';
const network = (value: string) => ({ kind: 'sql#aclEntry', name: value, value });

const cases = [
  {
    name: 'private IP only',
    ip: { ipv4Enabled: false, privateNetwork: 'projects/osaka-juki-prod/global/networks/default' },
    status: 'PASS',
    message: 'privateOnly',
  },
  {
    name: 'a public IP with a narrow authorized network',
    ip: { ipv4Enabled: true, authorizedNetworks: [network('203.0.113.0/24')] },
    status: 'FAIL',
    message: 'publicIp',
  },
  {
    name: 'a public IP without authorized networks (Auth Proxy only)',
    ip: { ipv4Enabled: true },
    status: 'FAIL',
    message: 'publicIp',
  },
  {
    name: 'the whole internet authorized',
    ip: { ipv4Enabled: true, authorizedNetworks: [network('0.0.0.0/0')] },
    status: 'FAIL',
    message: 'openToInternet',
  },
  { name: 'ipv4Enabled absent (no documented default)', ip: {}, status: 'UNKNOWN', message: 'unknown' },
] as const;

describe(check.meta.id, () => {
  it.each(cases)('$name → $status', ({ ip, status, message }) => {
    const result = evaluate(
      check,
      readRecords(gcpAssetExport, [sqlInstanceRecord('db', { ipConfiguration: ip })]),
      ID,
    );
    expect([result.status, result.message]).toEqual([status, message]);
  });

  it('raises the whole internet to critical and names the range', () => {
    const ip = { ipv4Enabled: true, authorizedNetworks: [network('0.0.0.0/0'), network('198.51.100.7/32')] };
    const result = evaluate(
      check,
      readRecords(gcpAssetExport, [sqlInstanceRecord('db', { ipConfiguration: ip })]),
      ID,
    );
    expect([result.severity, result.data]).toEqual(['critical', { networks: ['0.0.0.0/0'] }]);
  });

  it('does not judge BigQuery datasets, which share the kansa type', () => {
    const dataset = resourceRecord(
      '//bigquery.googleapis.com/projects/p/datasets/d',
      'bigquery.googleapis.com/Dataset',
      {
        id: 'p:d',
        location: 'asia-northeast1',
      },
    );
    expect(() =>
      evaluate(
        check,
        readRecords(gcpAssetExport, [dataset]),
        '//bigquery.googleapis.com/projects/p/datasets/d',
      ),
    ).toThrow(/does not apply/);
  });
});
