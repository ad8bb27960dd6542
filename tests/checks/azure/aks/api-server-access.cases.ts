import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { withSubscription } from '../graph.ts';
import { cluster } from './cluster.ts';

const table = [
  {
    name: 'private cluster',
    properties: { apiServerAccessProfile: { enablePrivateCluster: true } },
    status: 'PASS',
    message: 'private',
  },
  {
    name: 'authorized IP ranges',
    properties: {
      apiServerAccessProfile: { enablePrivateCluster: false, authorizedIPRanges: ['198.51.100.0/24'] },
    },
    status: 'PASS',
    message: 'authorizedRanges',
  },
  {
    // 2019-02-01 to 2019-04-01 API bodies (and `az aks show` of that time: apiServerAuthorizedIpRanges).
    name: 'authorized IP ranges at the top of properties (2019 API versions)',
    properties: { apiServerAuthorizedIpRanges: ['198.51.100.0/24'], enableRbac: true },
    status: 'PASS',
    message: 'authorizedRanges',
  },
  {
    name: 'authorized range 0.0.0.0/0',
    properties: {
      apiServerAccessProfile: { enablePrivateCluster: false, authorizedIPRanges: ['0.0.0.0/0'] },
    },
    status: 'FAIL',
    message: 'openRanges',
  },
  // The whole internet written without 0.0.0.0/0 (src/model/internet-sources.ts).
  {
    name: 'authorized ranges 0.0.0.0/1 and 128.0.0.0/1',
    properties: {
      apiServerAccessProfile: {
        enablePrivateCluster: false,
        authorizedIPRanges: ['0.0.0.0/1', '128.0.0.0/1'],
      },
    },
    status: 'FAIL',
    message: 'openRanges',
  },
  {
    name: 'authorized ranges 2000::/3 beside an office range',
    properties: {
      apiServerAccessProfile: {
        enablePrivateCluster: false,
        authorizedIPRanges: ['198.51.100.0/24', '2000::/3'],
      },
    },
    status: 'FAIL',
    message: 'openRanges',
  },
  {
    name: 'authorized ranges a public /4',
    properties: {
      apiServerAccessProfile: { enablePrivateCluster: false, authorizedIPRanges: ['64.0.0.0/4'] },
    },
    status: 'FAIL',
    message: 'openRanges',
  },
  {
    name: 'authorized ranges 10.0.0.0/8 and a /24',
    properties: {
      apiServerAccessProfile: {
        enablePrivateCluster: false,
        authorizedIPRanges: ['10.0.0.0/8', '203.0.113.0/24'],
      },
    },
    status: 'PASS',
    message: 'authorizedRanges',
  },
  {
    name: 'no access profile → public by default',
    properties: { kubernetesVersion: '1.31.2' },
    status: 'FAIL',
    message: 'public',
  },
  { name: 'no properties', properties: undefined, status: 'UNKNOWN', message: 'unknown' },
] as const;

export default {
  wrap: withSubscription,
  ...byVerdict(
    table.map(({ name, properties, status, message }) => ({
      name,
      records: [cluster(properties)],
      status,
      messageId: message,
    })),
  ),
} satisfies RuleTests;
