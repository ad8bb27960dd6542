import { expect } from 'vitest';
import { explicit, unknown } from '../../../../src/model/fact.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { firewallRecord } from '../../../sources/gcp/records.ts';

const ANYWHERE = { direction: 'INGRESS', sourceRanges: ['0.0.0.0/0'] };

const table = [
  {
    name: 'SSH from anywhere',
    rule: { ...ANYWHERE, allowed: [{ IPProtocol: 'tcp', ports: ['22'] }] },
    status: 'FAIL',
    message: 'managementPorts',
  },
  {
    name: 'RDP inside a port range from ::/0',
    rule: { sourceRanges: ['::/0'], allowed: [{ IPProtocol: 'tcp', ports: ['3000-4000'] }] },
    status: 'FAIL',
    message: 'managementPorts',
  },
  {
    name: 'protocol "all" from anywhere',
    rule: { ...ANYWHERE, allowed: [{ IPProtocol: 'all' }] },
    status: 'FAIL',
    message: 'allPorts',
  },
  {
    name: 'tcp without ports (every port)',
    rule: { ...ANYWHERE, allowed: [{ IPProtocol: 'tcp' }] },
    status: 'FAIL',
    message: 'allPorts',
  },
  {
    name: 'HTTPS only from anywhere',
    rule: { ...ANYWHERE, allowed: [{ IPProtocol: 'tcp', ports: ['443'] }, { IPProtocol: 'icmp' }] },
    status: 'PASS',
    message: 'safePorts',
  },
  {
    // A port that is no number nor range (an object here) may be 22: never read as absent.
    name: 'HTTPS and a port written as an object, from anywhere',
    rule: { ...ANYWHERE, allowed: [{ IPProtocol: 'tcp', ports: ['443', { port: 22 }] }] },
    status: 'UNKNOWN',
    message: 'unknown',
  },
  {
    name: 'ports given as numbers and a range with spaces (a converted export)',
    rule: { ...ANYWHERE, allowed: [{ IPProtocol: 'tcp', ports: [443, '20 - 23'] }] },
    status: 'FAIL',
    message: 'managementPorts',
  },
  {
    name: 'SSH from the IAP range only',
    rule: { sourceRanges: ['35.235.240.0/20'], allowed: [{ IPProtocol: 'tcp', ports: ['22'] }] },
    status: 'PASS',
    message: 'notFromInternet',
  },
  {
    name: 'sources by network tag only',
    rule: { sourceTags: ['bastion'], allowed: [{ IPProtocol: 'all' }] },
    status: 'PASS',
    message: 'notFromInternet',
  },
  {
    name: 'a disabled rule',
    rule: { ...ANYWHERE, disabled: true, allowed: [{ IPProtocol: 'all' }] },
    status: 'PASS',
    message: 'disabled',
  },
  {
    name: 'an egress rule',
    rule: { direction: 'EGRESS', destinationRanges: ['0.0.0.0/0'], allowed: [{ IPProtocol: 'all' }] },
    status: 'NOT_APPLICABLE',
    message: 'egress',
  },
  {
    name: 'a deny rule (no allowed entries)',
    rule: { ...ANYWHERE, denied: [{ IPProtocol: 'all' }] },
    status: 'NOT_APPLICABLE',
    message: 'denyRule',
  },
  // The whole internet written without 0.0.0.0/0 (src/model/internet-sources.ts).
  {
    name: 'SSH from 0.0.0.0/1 and 128.0.0.0/1',
    rule: {
      direction: 'INGRESS',
      sourceRanges: ['0.0.0.0/1', '128.0.0.0/1'],
      allowed: [{ IPProtocol: 'tcp', ports: ['22'] }],
    },
    status: 'FAIL',
    message: 'managementPorts',
  },
  {
    name: 'every port from 2000::/3',
    rule: { direction: 'INGRESS', sourceRanges: ['2000::/3'], allowed: [{ IPProtocol: 'all' }] },
    status: 'FAIL',
    message: 'allPorts',
  },
  {
    name: 'SSH from a public /4',
    rule: {
      direction: 'INGRESS',
      sourceRanges: ['64.0.0.0/4'],
      allowed: [{ IPProtocol: 'tcp', ports: ['22'] }],
    },
    status: 'FAIL',
    message: 'managementPorts',
  },
  {
    name: 'every port from 10.0.0.0/8 and a /24',
    rule: {
      direction: 'INGRESS',
      sourceRanges: ['10.0.0.0/8', '203.0.113.0/24'],
      allowed: [{ IPProtocol: 'all' }],
    },
    status: 'PASS',
    message: 'notFromInternet',
  },
  {
    // https://cloud.google.com/firewall/docs/firewalls#sources_for_ingress_rules: an ingress rule
    // with no source applies to 0.0.0.0/0 (terraform-provider-google#6789 shows the same).
    name: 'no source at all (Google Cloud applies 0.0.0.0/0)',
    rule: { direction: 'INGRESS', allowed: [{ IPProtocol: 'tcp', ports: ['22'] }] },
    status: 'FAIL',
    message: 'managementPorts',
  },
] as const;

const cases: AnyCase[] = [
  ...table.map(({ name, rule, status, message }) => ({
    name,
    records: [firewallRecord('r', rule)],
    status,
    messageId: message,
  })),
  {
    name: 'names an entry without ports by its protocol, as gcloud --allow writes it',
    records: [
      firewallRecord('r', {
        ...ANYWHERE,
        allowed: [{ IPProtocol: 'tcp', ports: ['443'] }, { IPProtocol: 'icmp' }],
      }),
    ],
    status: 'PASS',
    messageId: 'safePorts',
    data: { allowed: ['tcp:443', 'icmp'] },
    message: {
      ja: 'インターネットに開いているのは管理ポート以外の特定ポートのみです: tcp:443, icmp',
      en: 'Only specific non-management ports are open to the internet: tcp:443, icmp',
    },
  },
  {
    name: 'applies the documented defaults (INGRESS, enabled) and names what is open',
    records: [
      firewallRecord('r', {
        sourceRanges: ['0.0.0.0/0', '10.0.0.0/8'],
        allowed: [{ IPProtocol: 'tcp', ports: ['22'] }],
      }),
    ],
    status: 'FAIL',
    messageId: 'managementPorts',
    assert: (result) => {
      expect(result.data).toEqual({ sources: ['0.0.0.0/0'], allowed: ['tcp:22'] });
      expect(result.evidence.map((e) => [e.path, e.source])).toEqual([
        ['resource.data.direction', 'default'],
        ['resource.data.disabled', 'default'],
        ['resource.data.sourceRanges', 'explicit'],
        ['resource.data.allowed', 'explicit'],
      ]);
    },
  },
  {
    // What a source with no value yet gives, e.g. a Terraform plan whose `source_ranges` is
    // known only after apply: never a pass.
    name: 'source ranges not known (known after apply)',
    records: [],
    collected: [
      {
        provider: 'gcp',
        account: '123456789012',
        region: 'global',
        kansaType: 'network.firewall',
        nativeType: 'compute.googleapis.com/Firewall',
        id: '//compute.googleapis.com/projects/p/global/firewalls/planned',
        name: 'planned',
        tags: {},
        origin: { file: 'plan.json' },
        facts: {
          direction: explicit('INGRESS', 'direction'),
          disabled: explicit(false, 'disabled'),
          sourceRanges: unknown('source_ranges', { ja: '適用後に決まる値です', en: 'known after apply' }),
          allowed: explicit([{ protocol: 'tcp', ports: ['22'] }], 'allow'),
        },
      },
    ],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
];

export default byVerdict(cases) satisfies RuleTests;
