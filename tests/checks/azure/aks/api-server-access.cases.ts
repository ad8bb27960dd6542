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
    properties: { apiServerAccessProfile: { authorizedIPRanges: ['0.0.0.0/0'] } },
    status: 'FAIL',
    message: 'public',
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
