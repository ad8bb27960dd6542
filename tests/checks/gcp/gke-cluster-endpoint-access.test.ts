import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/gcp/gke/cluster-endpoint-access.ts';
import { gcpAssetExport } from '../../../src/sources/gcp/asset-export.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';
import { clusterRecord } from '../../sources/gcp/records.ts';

const ID = '//container.googleapis.com/projects/osaka-juki-prod/locations/asia-northeast1/clusters/c';
const office = { displayName: 'office', cidrBlock: '203.0.113.0/24' };

const cases = [
  {
    name: 'private endpoint only (private cluster config)',
    data: { privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: true } },
    status: 'PASS',
    message: 'privateEndpoint',
  },
  {
    name: 'public endpoint disabled (controlPlaneEndpointsConfig)',
    data: {
      controlPlaneEndpointsConfig: { ipEndpointsConfig: { enabled: true, enablePublicEndpoint: false } },
    },
    status: 'PASS',
    message: 'privateEndpoint',
  },
  {
    name: 'public endpoint limited to authorized networks',
    data: { masterAuthorizedNetworksConfig: { enabled: true, cidrBlocks: [office] } },
    status: 'PASS',
    message: 'authorizedNetworks',
  },
  {
    name: 'authorized networks under controlPlaneEndpointsConfig',
    data: {
      controlPlaneEndpointsConfig: {
        ipEndpointsConfig: {
          enabled: true,
          enablePublicEndpoint: true,
          authorizedNetworksConfig: { enabled: true, cidrBlocks: [office] },
        },
      },
    },
    status: 'PASS',
    message: 'authorizedNetworks',
  },
  {
    name: 'authorized networks include 0.0.0.0/0',
    data: { masterAuthorizedNetworksConfig: { enabled: true, cidrBlocks: [{ cidrBlock: '0.0.0.0/0' }] } },
    status: 'FAIL',
    message: 'openToInternet',
  },
  {
    name: 'nothing set: public endpoint, no authorized networks (the defaults)',
    data: { privateClusterConfig: { enablePrivateNodes: true } },
    status: 'FAIL',
    message: 'openToInternet',
  },
] as const;

describe(check.meta.id, () => {
  it.each(cases)('$name → $status', ({ data, status, message }) => {
    const result = evaluate(check, readRecords(gcpAssetExport, [clusterRecord('c', data)]), ID);
    expect([result.status, result.message]).toEqual([status, message]);
  });

  it('evidences the defaults and fills reachableFromInternet for CLS-2', () => {
    const resources = readRecords(gcpAssetExport, [clusterRecord('c', {})]);
    const result = evaluate(check, resources, ID);
    expect(result.evidence.map((e) => e.source)).toEqual(['default', 'default']);
    expect(resources[0]?.facts).toMatchObject({ reachableFromInternet: { source: 'default', value: true } });
  });

  it('is UNKNOWN without the cluster data', () => {
    const policyOnly = {
      name: ID,
      asset_type: 'container.googleapis.com/Cluster',
      iam_policy: { version: 1 },
      ancestors: ['projects/111111111111'],
    };
    expect(evaluate(check, readRecords(gcpAssetExport, [policyOnly]), ID).status).toBe('UNKNOWN');
  });
});
