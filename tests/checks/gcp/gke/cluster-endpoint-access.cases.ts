import { expect } from 'vitest';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { clusterRecord, policyRecord } from '../../../sources/gcp/records.ts';

const ID = '//container.googleapis.com/projects/osaka-juki-prod/locations/asia-northeast1/clusters/c';
const DATA = 'resource.data';
const PRIVATE_ENDPOINT = `${DATA}.privateClusterConfig.enablePrivateEndpoint`;
const office = { displayName: 'office', cidrBlock: '203.0.113.0/24' };

const table = [
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
    // The DNS endpoint is authorized by IAM per request, not by source address.
    name: 'IP endpoints off, the DNS endpoint open to external traffic',
    data: {
      controlPlaneEndpointsConfig: {
        dnsEndpointConfig: { endpoint: 'gke-0a1b.asia-northeast1.gke.goog', allowExternalTraffic: true },
        ipEndpointsConfig: { enabled: false },
      },
    },
    status: 'PASS',
    message: 'dnsEndpointOnly',
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
    // A per-asset-type BigQuery export printed by `bq query --format=prettyjson`: BOOLEAN as strings.
    name: 'authorized networks on, with booleans written as strings',
    data: {
      privateClusterConfig: { enablePrivateNodes: 'true', enablePrivateEndpoint: 'false' },
      masterAuthorizedNetworksConfig: { enabled: 'true', cidrBlocks: [office] },
    },
    status: 'PASS',
    message: 'authorizedNetworks',
  },
  {
    // Every Compute Engine VM's public address, any customer's: networks the owner does not control.
    name: 'authorized networks that also admit Google Cloud public IP addresses',
    data: {
      masterAuthorizedNetworksConfig: {
        enabled: true,
        cidrBlocks: [office],
        gcpPublicCidrsAccessEnabled: true,
      },
    },
    status: 'FAIL',
    message: 'googleCloudAddresses',
  },
  {
    name: 'Google Cloud public IP addresses admitted under controlPlaneEndpointsConfig',
    data: {
      controlPlaneEndpointsConfig: {
        ipEndpointsConfig: {
          enabled: true,
          enablePublicEndpoint: true,
          authorizedNetworksConfig: {
            enabled: true,
            cidrBlocks: [office],
            gcpPublicCidrsAccessEnabled: true,
          },
        },
      },
    },
    status: 'FAIL',
    message: 'googleCloudAddresses',
  },
  {
    name: 'gcpPublicCidrsAccessEnabled false: the authorized networks only',
    data: {
      masterAuthorizedNetworksConfig: {
        enabled: true,
        cidrBlocks: [office],
        gcpPublicCidrsAccessEnabled: false,
      },
    },
    status: 'PASS',
    message: 'authorizedNetworks',
  },
  {
    name: 'Google Cloud public IP addresses do not matter behind a private endpoint',
    data: {
      privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: true },
      masterAuthorizedNetworksConfig: {
        enabled: true,
        cidrBlocks: [office],
        gcpPublicCidrsAccessEnabled: true,
      },
    },
    status: 'PASS',
    message: 'privateEndpoint',
  },
  {
    name: 'authorized networks include 0.0.0.0/0',
    data: { masterAuthorizedNetworksConfig: { enabled: true, cidrBlocks: [{ cidrBlock: '0.0.0.0/0' }] } },
    status: 'FAIL',
    message: 'openToInternet',
  },
  {
    // Blocks written as bare strings are no CidrBlock objects: read as nothing, one could be 0.0.0.0/0.
    name: 'authorized networks whose blocks are not objects',
    data: { masterAuthorizedNetworksConfig: { enabled: true, cidrBlocks: [office, '0.0.0.0/0'] } },
    status: 'UNKNOWN',
    message: 'unknown',
  },
  // The whole internet written without 0.0.0.0/0 (src/model/internet-sources.ts).
  {
    name: 'authorized networks 0.0.0.0/1 and 128.0.0.0/1',
    data: {
      masterAuthorizedNetworksConfig: {
        enabled: true,
        cidrBlocks: [{ cidrBlock: '0.0.0.0/1' }, { displayName: 'upper', cidrBlock: '128.0.0.0/1' }],
      },
    },
    status: 'FAIL',
    message: 'openToInternet',
  },
  {
    name: 'authorized networks 2000::/3',
    data: { masterAuthorizedNetworksConfig: { enabled: true, cidrBlocks: [{ cidrBlock: '2000::/3' }] } },
    status: 'FAIL',
    message: 'openToInternet',
  },
  {
    name: 'authorized networks 10.0.0.0/8 and an office /24',
    data: {
      masterAuthorizedNetworksConfig: { enabled: true, cidrBlocks: [{ cidrBlock: '10.0.0.0/8' }, office] },
    },
    status: 'PASS',
    message: 'authorizedNetworks',
  },
  {
    name: 'authorized networks off, written as the string "false"',
    data: { masterAuthorizedNetworksConfig: { enabled: 'false', cidrBlocks: [] } },
    status: 'FAIL',
    message: 'networksOff',
  },
  {
    name: 'nothing set: public endpoint, no authorized networks (the defaults)',
    data: { privateClusterConfig: { enablePrivateNodes: true } },
    status: 'FAIL',
    message: 'networksOff',
  },
] as const;

const cases: AnyCase[] = [
  ...table.map(({ name, data, status, message }) => ({
    name,
    records: [clusterRecord('c', data)],
    status,
    messageId: message,
  })),
  {
    name: 'evidences the defaults and fills reachableFromInternet for CLS-2',
    records: [clusterRecord('c', {})],
    status: 'FAIL',
    messageId: 'networksOff',
    message: {
      ja: 'パブリック エンドポイントにインターネットのどこからでも接続できます（承認済みネットワークが無効です）',
      en: 'The public endpoint admits the whole internet (authorized networks are off)',
    },
    assert: (result, resource) => {
      expect(result.evidence.map((e) => e.source)).toEqual(['default', 'default']);
      expect(resource.facts).toMatchObject({ reachableFromInternet: { source: 'default', value: true } });
    },
  },
  {
    name: 'enablePrivateEndpoint false: the evidence shows false, the field that decided',
    records: [
      clusterRecord('c', {
        privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: false },
        masterAuthorizedNetworksConfig: { enabled: false },
      }),
    ],
    status: 'FAIL',
    messageId: 'networksOff',
    evidence: [
      { path: PRIVATE_ENDPOINT, source: 'explicit', value: false },
      { path: `${DATA}.masterAuthorizedNetworksConfig.enabled`, source: 'explicit', value: false },
    ],
  },
  {
    name: 'enablePrivateEndpoint true: the evidence shows true',
    records: [clusterRecord('c', { privateClusterConfig: { enablePrivateEndpoint: true } })],
    status: 'PASS',
    messageId: 'privateEndpoint',
    evidence: [{ path: PRIVATE_ENDPOINT, source: 'explicit', value: true }],
  },
  {
    name: 'enablePrivateEndpoint absent: the evidence shows its default, false, and why',
    records: [clusterRecord('c', { privateClusterConfig: { enablePrivateNodes: true } })],
    status: 'FAIL',
    messageId: 'networksOff',
    assert: (result) =>
      expect(result.evidence[0]).toEqual({
        path: PRIVATE_ENDPOINT,
        source: 'default',
        value: false,
        note: expect.objectContaining({ en: expect.stringContaining('not private-only') }),
      }),
  },
  {
    name: 'no cluster data in the export',
    records: [policyRecord(ID, 'container.googleapis.com/Cluster', {}, ['projects/111111111111'])],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
];

export default byVerdict(cases) satisfies RuleTests;
