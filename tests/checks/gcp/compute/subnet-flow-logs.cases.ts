import { expect } from 'vitest';
import { searchAllResources } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { computeRecord, subnetworkRecord } from '../../../sources/gcp/records.ts';

const ID = '//compute.googleapis.com/projects/osaka-juki-prod/regions/asia-northeast1/subnetworks/s';

const table = [
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
    name: 'logConfig.enable true at flowSampling 0: no flow is reported',
    data: { logConfig: { enable: true, aggregationInterval: 'INTERVAL_5_SEC', flowSampling: 0 } },
    status: 'FAIL',
    message: 'disabled',
    evidence: ['resource.data.logConfig.flowSampling', 'explicit'],
  },
  {
    name: 'a proxy-only subnet',
    data: { purpose: 'REGIONAL_MANAGED_PROXY', role: 'ACTIVE' },
    status: 'NOT_APPLICABLE',
    message: 'specialPurpose',
    evidence: ['resource.data.purpose', 'explicit'],
  },
] as const;

const cases: AnyCase[] = [
  ...table.map(({ name, data, status, message, evidence }) => ({
    name,
    records: [subnetworkRecord('s', data)],
    status,
    messageId: message,
    assert: (result: { evidence: readonly { path: string; source: string }[] }) =>
      expect(result.evidence.map((e) => [e.path, e.source])).toEqual([evidence]),
  })),
  {
    name: 'a search summary without the subnet settings',
    records: [
      searchAllResources([
        { name: ID, assetType: 'compute.googleapis.com/Subnetwork', project: 'projects/111111111111' },
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
];

export default {
  ...byVerdict(cases),
  notRun: [
    {
      name: 'VPC networks: flow logs are set on their subnets',
      records: [
        computeRecord('Network', 'global/networks/default', { name: 'default', autoCreateSubnetworks: true }),
      ],
    },
  ],
} satisfies RuleTests;
