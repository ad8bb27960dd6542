import { searchAllResources } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { clusterRecord } from '../../../sources/gcp/records.ts';

const ID = '//container.googleapis.com/projects/osaka-juki-prod/locations/asia-northeast1/clusters/c';

const cases: AnyCase[] = [
  {
    name: 'Cloud Logging with control-plane components',
    records: [
      clusterRecord('c', {
        loggingService: 'logging.googleapis.com/kubernetes',
        loggingConfig: {
          componentConfig: { enableComponents: ['SYSTEM_COMPONENTS', 'WORKLOADS', 'APISERVER'] },
        },
      }),
    ],
    status: 'PASS',
    messageId: 'enabled',
    evidence: [{ source: 'explicit' }],
  },
  {
    name: 'none',
    records: [clusterRecord('c', { loggingService: 'none', loggingConfig: { componentConfig: {} } })],
    status: 'FAIL',
    messageId: 'disabled',
    evidence: [{ source: 'explicit' }],
  },
  {
    name: 'absent: Cloud Logging by default',
    records: [clusterRecord('c', {})],
    status: 'PASS',
    messageId: 'enabled',
    evidence: [{ source: 'default' }],
  },
  {
    name: 'no loggingService, and logging components that are none (an empty set disables logging)',
    records: [clusterRecord('c', { loggingConfig: { componentConfig: {} } })],
    status: 'FAIL',
    messageId: 'disabled',
    evidence: [{ source: 'explicit', path: 'resource.data.loggingConfig.componentConfig.enableComponents' }],
  },
  {
    name: 'an empty loggingService (the API default) beside the components logged',
    records: [
      clusterRecord('c', {
        loggingService: '',
        loggingConfig: { componentConfig: { enableComponents: ['SYSTEM_COMPONENTS'] } },
      }),
    ],
    status: 'PASS',
    messageId: 'enabled',
    evidence: [{ source: 'explicit', value: ['SYSTEM_COMPONENTS'] }],
  },
  {
    name: 'a search summary without the cluster settings',
    records: [
      searchAllResources([
        { name: ID, assetType: 'container.googleapis.com/Cluster', project: 'projects/111111111111' },
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
];

export default byVerdict(cases) satisfies RuleTests;
