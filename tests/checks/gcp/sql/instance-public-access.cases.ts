import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { sqlInstanceRecord } from '../../../sources/gcp/records.ts';
import { bigQueryDataset } from './bigquery-dataset.ts';

const network = (value: string) => ({ kind: 'sql#aclEntry', name: value, value });
const instance = (ipConfiguration: object) => sqlInstanceRecord('db', { ipConfiguration });

const cases: AnyCase[] = [
  {
    name: 'private IP only',
    records: [
      instance({ ipv4Enabled: false, privateNetwork: 'projects/osaka-juki-prod/global/networks/default' }),
    ],
    status: 'PASS',
    messageId: 'privateOnly',
  },
  {
    name: 'a public IP with a narrow authorized network',
    records: [instance({ ipv4Enabled: true, authorizedNetworks: [network('203.0.113.0/24')] })],
    status: 'FAIL',
    messageId: 'publicIp',
  },
  {
    name: 'a public IP without authorized networks (Auth Proxy only)',
    records: [instance({ ipv4Enabled: true })],
    status: 'FAIL',
    messageId: 'publicIp',
  },
  {
    name: 'the whole internet authorized',
    records: [instance({ ipv4Enabled: true, authorizedNetworks: [network('0.0.0.0/0')] })],
    status: 'FAIL',
    messageId: 'openToInternet',
  },
  {
    name: 'ipv4Enabled absent (no documented default)',
    records: [instance({})],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
  {
    name: 'raises the whole internet to critical and names the range',
    records: [
      instance({ ipv4Enabled: true, authorizedNetworks: [network('0.0.0.0/0'), network('198.51.100.7/32')] }),
    ],
    status: 'FAIL',
    messageId: 'openToInternet',
    severity: 'critical',
    data: { networks: ['0.0.0.0/0'] },
  },
];

export default {
  ...byVerdict(cases),
  notRun: [{ name: 'BigQuery datasets, which share the kansa type', records: [bigQueryDataset] }],
} satisfies RuleTests;
