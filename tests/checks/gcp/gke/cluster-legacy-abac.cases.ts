import { searchAllResources } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { clusterRecord } from '../../../sources/gcp/records.ts';

const ID = '//container.googleapis.com/projects/osaka-juki-prod/locations/asia-northeast1/clusters/c';

const cases: AnyCase[] = [
  {
    name: 'legacy ABAC on',
    records: [clusterRecord('c', { legacyAbac: { enabled: true } })],
    status: 'FAIL',
    messageId: 'legacyAbac',
    evidence: [{ source: 'explicit' }],
  },
  {
    name: 'legacy ABAC off',
    records: [clusterRecord('c', { legacyAbac: { enabled: false } })],
    status: 'PASS',
    messageId: 'rbacOnly',
    evidence: [{ source: 'explicit' }],
  },
  {
    name: 'absent (proto JSON omits false): off by default',
    records: [clusterRecord('c', { legacyAbac: {} })],
    status: 'PASS',
    messageId: 'rbacOnly',
    evidence: [{ source: 'default' }],
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
