import { expect } from 'vitest';
import { explicit, unknown } from '../../../../src/model/fact.ts';
import { jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { firewallRecord } from '../../../sources/gcp/records.ts';
import { policyCases } from './firewall-internet-ingress-policies.cases.ts';

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

const RULE = (rule: string) => `//compute.googleapis.com/projects/osaka-juki-prod/global/firewalls/${rule}`;
const GCLOUD_RULE = (rule: string) =>
  `//compute.googleapis.com/projects/corpus-demo/global/firewalls/${rule}`;
const SSH = {
  direction: 'INGRESS',
  sourceRanges: ['0.0.0.0/0'],
  allowed: [{ IPProtocol: 'tcp', ports: ['22'] }],
};
const OTHER_NETWORK = 'https://www.googleapis.com/compute/v1/projects/osaka-juki-prod/global/networks/vpc-b';

/** A rule as gcloud compute firewall-rules list --format=json prints it. */
const gcloudRule = (name: string, priority: number, rule: Record<string, unknown>) => ({
  kind: 'compute#firewall',
  id: '2304975046657926176',
  creationTimestamp: '2024-07-01T09:35:27.052-07:00',
  name,
  description: '',
  network: 'https://www.googleapis.com/compute/v1/projects/corpus-demo/global/networks/default',
  priority,
  sourceRanges: ['0.0.0.0/0'],
  direction: 'INGRESS',
  logConfig: { enable: false },
  disabled: false,
  selfLink: `https://www.googleapis.com/compute/v1/projects/corpus-demo/global/firewalls/${name}`,
  ...rule,
});

/**
 * An allow rule beside a deny rule of the same project: the rules of one network are combined
 * (https://cloud.google.com/firewall/docs/firewalls#priority_order_for_firewall_rules).
 */
const combined: {
  name: string;
  deny: Record<string, unknown>;
  allow: Record<string, unknown>;
  status: 'PASS' | 'FAIL';
  messageId: string;
  data?: Record<string, unknown>;
}[] = [
  {
    name: 'a deny of higher priority from the internet closes SSH',
    deny: { priority: 100, sourceRanges: ['0.0.0.0/0'], denied: [{ IPProtocol: 'tcp', ports: ['22'] }] },
    allow: SSH,
    status: 'PASS',
    messageId: 'denied',
    data: { denies: 'deny-rule' },
  },
  {
    name: 'a deny of the same priority wins over the allow',
    deny: { priority: 1000, sourceRanges: ['0.0.0.0/0'], denied: [{ IPProtocol: 'all' }] },
    allow: SSH,
    status: 'PASS',
    messageId: 'denied',
  },
  {
    name: 'a deny of lower priority does not close what the allow opens',
    deny: { priority: 2000, sourceRanges: ['0.0.0.0/0'], denied: [{ IPProtocol: 'all' }] },
    allow: SSH,
    status: 'FAIL',
    messageId: 'managementPorts',
    data: { sources: ['0.0.0.0/0'] },
  },
  {
    name: 'a deny from 0.0.0.0/1 leaves the other half of the internet, and is named',
    deny: { priority: 100, sourceRanges: ['0.0.0.0/1'], denied: [{ IPProtocol: 'tcp', ports: ['22'] }] },
    allow: SSH,
    status: 'FAIL',
    messageId: 'managementPorts',
    data: { sources: ['0.0.0.0/0 − deny-rule'] },
  },
  {
    name: 'a deny for instances tagged bastion does not close SSH on every other instance',
    deny: {
      priority: 100,
      sourceRanges: ['0.0.0.0/0'],
      targetTags: ['bastion'],
      denied: [{ IPProtocol: 'tcp', ports: ['22'] }],
    },
    allow: SSH,
    status: 'FAIL',
    messageId: 'managementPorts',
    data: { sources: ['0.0.0.0/0'] },
  },
  {
    name: 'a deny for every tag the allow targets closes it',
    deny: {
      priority: 100,
      sourceRanges: ['0.0.0.0/0'],
      targetTags: ['web', 'bastion'],
      denied: [{ IPProtocol: 'tcp' }],
    },
    allow: { ...SSH, targetTags: ['web'] },
    status: 'PASS',
    messageId: 'denied',
  },
  {
    name: 'a deny for the service account the allow targets closes it',
    deny: {
      priority: 100,
      sourceRanges: ['0.0.0.0/0'],
      targetServiceAccounts: ['web@osaka-juki-prod.iam.gserviceaccount.com'],
      denied: [{ IPProtocol: 'tcp', ports: ['22'] }],
    },
    allow: { ...SSH, targetServiceAccounts: ['web@osaka-juki-prod.iam.gserviceaccount.com'] },
    status: 'PASS',
    messageId: 'denied',
  },
  {
    name: 'a disabled deny closes nothing',
    deny: {
      priority: 100,
      disabled: true,
      sourceRanges: ['0.0.0.0/0'],
      denied: [{ IPProtocol: 'tcp', ports: ['22'] }],
    },
    allow: SSH,
    status: 'FAIL',
    messageId: 'managementPorts',
  },
  {
    name: 'a deny of another network closes nothing on this one',
    deny: {
      priority: 100,
      network: OTHER_NETWORK,
      sourceRanges: ['0.0.0.0/0'],
      denied: [{ IPProtocol: 'tcp', ports: ['22'] }],
    },
    allow: SSH,
    status: 'FAIL',
    messageId: 'managementPorts',
  },
  {
    name: 'a deny for one destination range does not close the rest',
    deny: {
      priority: 100,
      sourceRanges: ['0.0.0.0/0'],
      destinationRanges: ['10.146.0.5/32'],
      denied: [{ IPProtocol: 'tcp', ports: ['22'] }],
    },
    allow: SSH,
    status: 'FAIL',
    messageId: 'managementPorts',
  },
  {
    name: 'a deny of SSH and RDP leaves every other port of an allow-all open',
    deny: {
      priority: 100,
      sourceRanges: ['0.0.0.0/0'],
      denied: [{ IPProtocol: 'tcp', ports: ['22', '3389'] }],
    },
    allow: { direction: 'INGRESS', sourceRanges: ['0.0.0.0/0'], allowed: [{ IPProtocol: 'tcp' }] },
    status: 'FAIL',
    messageId: 'allPorts',
    data: { sources: ['0.0.0.0/0 − deny-rule'], allowed: ['tcp'] },
  },
  {
    name: 'a deny of IPv4 leaves ::/0 open',
    deny: { priority: 100, sourceRanges: ['0.0.0.0/0'], denied: [{ IPProtocol: 'all' }] },
    allow: { direction: 'INGRESS', sourceRanges: ['0.0.0.0/0', '::/0'], allowed: [{ IPProtocol: 'all' }] },
    status: 'FAIL',
    messageId: 'allPorts',
    data: { sources: ['0.0.0.0/0, ::/0 − deny-rule'] },
  },
  {
    name: 'a deny with source tags only names no address of the internet',
    deny: { priority: 100, sourceTags: ['scanner'], denied: [{ IPProtocol: 'all' }] },
    allow: SSH,
    status: 'FAIL',
    messageId: 'managementPorts',
  },
];

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
  ...combined.map(({ name, deny, allow, status, messageId, data }) => ({
    name,
    records: [
      firewallRecord('deny-rule', { direction: 'INGRESS', ...deny }),
      firewallRecord('allow-rule', allow),
    ],
    target: RULE('allow-rule'),
    status,
    messageId,
    ...(data && { data }),
  })),
  {
    // gcloud compute firewall-rules list --format=json: the rules of a project, each as the REST resource.
    name: 'gcloud compute firewall-rules list: the default network’s SSH rule under a deny of higher priority',
    records: [
      jsonFile(
        [
          gcloudRule('default-allow-ssh', 65534, { allowed: [{ IPProtocol: 'tcp', ports: ['22'] }] }),
          gcloudRule('deny-ssh-internet', 900, { denied: [{ IPProtocol: 'tcp', ports: ['22', '3389'] }] }),
        ],
        'firewall-rules.json',
      ),
    ],
    target: 'default-allow-ssh',
    status: 'PASS',
    messageId: 'denied',
    data: { denies: 'deny-ssh-internet' },
    message: {
      ja: '同じネットワークの優先度が同じか高い拒否ルールが、このルールがインターネットに開くはずの管理ポートや全ポートを閉じています: deny-ssh-internet',
      en: 'Deny rules of the same network with the same or a higher priority close what this rule would open to the internet on management ports or all ports: deny-ssh-internet',
    },
    assert: (result) => {
      // The deny that decided is named, with its own fields, as another resource's.
      expect(
        result.evidence.filter((e) => e.resourceId !== undefined).map((e) => [e.resourceId, e.path]),
      ).toEqual([
        [GCLOUD_RULE('deny-ssh-internet'), 'resource.priority'],
        [GCLOUD_RULE('deny-ssh-internet'), 'resource.sourceRanges'],
        [GCLOUD_RULE('deny-ssh-internet'), 'resource.denied'],
      ]);
    },
  },
  ...policyCases,
];

export default byVerdict(cases) satisfies RuleTests;
