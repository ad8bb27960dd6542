import { explicit, unknown } from '../../../../src/model/fact.ts';
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
    data: { networks: ['203.0.113.0/24'] },
  },
  {
    name: 'a public IP without authorized networks (Auth Proxy only)',
    records: [instance({ ipv4Enabled: true })],
    status: 'FAIL',
    messageId: 'publicIpNoNetworks',
    message: {
      ja: 'パブリック IP が有効です（承認済みネットワークはありません）',
      en: 'A public IP is enabled (no authorized networks)',
    },
  },
  {
    // What a source that read the public IP but not the networks would give (the Cloud Asset
    // adapter reads both from one ipConfiguration): a public IP fails all the same.
    name: 'a public IP whose authorized networks are not known',
    records: [],
    collected: [
      {
        provider: 'gcp',
        account: '123456789012',
        region: 'asia-northeast1',
        kansaType: 'database.instance',
        nativeType: 'sqladmin.googleapis.com/Instance',
        id: '//cloudsql.googleapis.com/projects/p/instances/planned',
        name: 'planned',
        tags: {},
        origin: { file: 'plan.json' },
        facts: {
          publicIp: explicit(true, 'settings.ip_configuration.ipv4_enabled'),
          authorizedNetworks: unknown('settings.ip_configuration.authorized_networks', {
            ja: '適用後に決まる値です',
            en: 'known after apply',
          }),
        },
      },
    ],
    status: 'FAIL',
    messageId: 'publicIpNetworksUnknown',
    message: {
      ja: 'パブリック IP が有効です（承認済みネットワークは不明です）',
      en: 'A public IP is enabled (the authorized networks are not known)',
    },
  },
  {
    // An entry that is no AclEntry object is read as nothing: it could be 0.0.0.0/0.
    name: 'authorized networks with an entry written as a bare string',
    records: [instance({ ipv4Enabled: true, authorizedNetworks: [network('203.0.113.0/24'), '0.0.0.0/0'] })],
    status: 'FAIL',
    messageId: 'publicIpNetworksUnknown',
  },
  {
    name: 'the whole internet authorized',
    records: [instance({ ipv4Enabled: true, authorizedNetworks: [network('0.0.0.0/0')] })],
    status: 'FAIL',
    messageId: 'openToInternet',
  },
  // The whole internet written without 0.0.0.0/0 (src/model/internet-sources.ts).
  {
    name: 'authorized networks 0.0.0.0/1 and 128.0.0.0/1',
    records: [
      instance({ ipv4Enabled: true, authorizedNetworks: [network('0.0.0.0/1'), network('128.0.0.0/1')] }),
    ],
    status: 'FAIL',
    messageId: 'openToInternet',
    severity: 'critical',
    data: { networks: ['0.0.0.0/1', '128.0.0.0/1'] },
  },
  {
    name: 'an authorized network that is a public /4',
    records: [instance({ ipv4Enabled: true, authorizedNetworks: [network('64.0.0.0/4')] })],
    status: 'FAIL',
    messageId: 'openToInternet',
  },
  {
    name: 'a public IP with an authorized /24: public, not the whole internet',
    records: [instance({ ipv4Enabled: true, authorizedNetworks: [network('203.0.113.0/24')] })],
    status: 'FAIL',
    messageId: 'publicIp',
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
