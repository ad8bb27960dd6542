import { expect } from 'vitest';
import { jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import {
  FOLDER_POLICY_ID,
  folderRecord,
  hierarchicalPolicy,
  INTERNET_SSH,
  networkPolicy,
  ORG_POLICY_ID,
  policyAssetRecord,
  policyRule,
  projectRecord,
} from '../../../sources/gcp/firewall-policy-records.ts';
import { FOLDER, firewallRecord, ORG } from '../../../sources/gcp/records.ts';

const orgPolicy = (rules: Record<string, unknown>[], targets?: string[]) =>
  policyAssetRecord(hierarchicalPolicy(ORG_POLICY_ID, 'org-baseline', ORG, rules, targets));
const ALL_FROM_ANYWHERE = { srcIpRanges: ['0.0.0.0/0'], layer4Configs: [{ ipProtocol: 'all' }] };
const ALLOW_SSH = policyRule(1000, 'allow', INTERNET_SSH, { ruleName: 'allow-ssh-anywhere' });

const table: {
  name: string;
  records: object[];
  status: 'PASS' | 'FAIL' | 'UNKNOWN';
  messageId: string;
  data?: Record<string, unknown>;
  example?: true;
}[] = [
  {
    name: 'the organization’s policy allows SSH from anywhere',
    records: [orgPolicy([ALLOW_SSH])],
    status: 'FAIL',
    messageId: 'managementPorts',
    data: { rule: 'allow-ssh-anywhere', sources: ['0.0.0.0/0'], allowed: ['tcp:22'] },
    example: true,
  },
  {
    name: 'a folder’s policy allows every TCP port from ::/0 after inspection (apply_security_profile_group)',
    records: [
      policyAssetRecord(
        hierarchicalPolicy(FOLDER_POLICY_ID, 'juki-folder', FOLDER, [
          policyRule(
            2000,
            'apply_security_profile_group',
            { srcIpRanges: ['::/0'], layer4Configs: [{ ipProtocol: 'tcp' }] },
            {
              securityProfileGroup:
                '//networksecurity.googleapis.com/organizations/123456789012/locations/global/securityProfileGroups/ips',
            },
          ),
        ]),
      ),
    ],
    status: 'FAIL',
    messageId: 'allPorts',
  },
  {
    name: 'a network policy allows RDP from 0.0.0.0/1 and 128.0.0.0/1',
    records: [
      policyAssetRecord(
        networkPolicy('juki-network-policy', [
          policyRule(1000, 'allow', {
            srcIpRanges: ['0.0.0.0/1', '128.0.0.0/1'],
            layer4Configs: [{ ipProtocol: 'tcp', ports: ['3389'] }],
          }),
        ]),
      ),
    ],
    status: 'FAIL',
    messageId: 'managementPorts',
    data: { rule: 'priority 1000' },
  },
  {
    name: 'a deny of higher priority in the policy takes SSH first',
    records: [orgPolicy([policyRule(100, 'deny', INTERNET_SSH, { ruleName: 'deny-ssh' }), ALLOW_SSH])],
    status: 'PASS',
    messageId: 'closed',
    data: { denies: 'deny-ssh' },
  },
  {
    name: 'an allow of every port from 0.0.0.0/0 in the non-internet network context (srcNetworkScope)',
    records: [
      orgPolicy([policyRule(1000, 'allow', { ...ALL_FROM_ANYWHERE, srcNetworkScope: 'NON_INTERNET' })]),
    ],
    status: 'PASS',
    messageId: 'notFromInternet',
  },
  {
    name: 'an allow from 0.0.0.0/0 in the VPC networks context (srcNetworkContext, srcNetworks)',
    records: [
      orgPolicy([
        policyRule(1000, 'allow', {
          ...ALL_FROM_ANYWHERE,
          srcNetworkContext: 'VPC_NETWORKS',
          srcNetworks: ['projects/osaka-juki-prod/global/networks/shared'],
        }),
      ]),
    ],
    status: 'PASS',
    messageId: 'notFromInternet',
  },
  {
    name: 'an allow of SSH from 0.0.0.0/0 in the internet network context (srcNetworkType)',
    records: [orgPolicy([policyRule(1000, 'allow', { ...INTERNET_SSH, srcNetworkType: 'INTERNET' })])],
    status: 'FAIL',
    messageId: 'managementPorts',
  },
  {
    name: 'a deny of SSH from 0.0.0.0/0 in the intra-VPC context takes nothing from the internet',
    records: [
      orgPolicy([policyRule(100, 'deny', { ...INTERNET_SSH, srcNetworkScope: 'INTRA_VPC' }), ALLOW_SSH]),
    ],
    status: 'FAIL',
    messageId: 'managementPorts',
  },
  {
    name: 'an allow of SSH from 0.0.0.0/0 in a network context not known',
    records: [
      orgPolicy([policyRule(1000, 'allow', { ...INTERNET_SSH, srcNetworkContext: 'PARTNER_NETWORKS' })]),
    ],
    status: 'UNKNOWN',
    messageId: 'ruleUnknown',
  },
  {
    name: 'a goto_next of higher priority passes SSH to the levels below before the allow',
    records: [
      orgPolicy([policyRule(100, 'goto_next', INTERNET_SSH, { ruleName: 'delegate-ssh' }), ALLOW_SSH]),
    ],
    status: 'PASS',
    messageId: 'closed',
  },
  {
    name: 'a deny of lower priority comes too late',
    records: [orgPolicy([ALLOW_SSH, policyRule(2000, 'deny', INTERNET_SSH)])],
    status: 'FAIL',
    messageId: 'managementPorts',
  },
  {
    name: 'a deny for one network does not close an allow for every network',
    records: [
      orgPolicy([
        policyRule(100, 'deny', INTERNET_SSH, {
          targetResources: [
            'https://www.googleapis.com/compute/v1/projects/osaka-juki-prod/global/networks/default',
          ],
        }),
        ALLOW_SSH,
      ]),
    ],
    status: 'FAIL',
    messageId: 'managementPorts',
  },
  {
    name: 'SSH from the IAP range only',
    records: [orgPolicy([policyRule(1000, 'allow', { ...INTERNET_SSH, srcIpRanges: ['35.235.240.0/20'] })])],
    status: 'PASS',
    messageId: 'notFromInternet',
  },
  {
    name: 'HTTPS from anywhere',
    records: [
      orgPolicy([
        policyRule(1000, 'allow', {
          srcIpRanges: ['0.0.0.0/0'],
          layer4Configs: [{ ipProtocol: 'tcp', ports: ['443'] }],
        }),
      ]),
    ],
    status: 'PASS',
    messageId: 'safePorts',
    data: { allowed: ['tcp:443'] },
  },
  {
    name: 'a disabled allow',
    records: [orgPolicy([{ ...ALLOW_SSH, disabled: true }])],
    status: 'PASS',
    messageId: 'notFromInternet',
  },
  {
    name: 'an egress allow',
    records: [
      orgPolicy([
        policyRule(
          1000,
          'allow',
          { destIpRanges: ['0.0.0.0/0'], layer4Configs: [{ ipProtocol: 'all' }] },
          {
            direction: 'EGRESS',
          },
        ),
      ]),
    ],
    status: 'PASS',
    messageId: 'notFromInternet',
  },
  {
    name: 'a policy associated with nothing',
    records: [orgPolicy([ALLOW_SSH], [])],
    status: 'PASS',
    messageId: 'notAssociated',
  },
  {
    name: 'SSH from the countries a geolocation names: their external addresses, the internet',
    records: [
      orgPolicy([
        policyRule(1000, 'allow', {
          srcRegionCodes: ['US', 'CN'],
          layer4Configs: [{ ipProtocol: 'tcp', ports: ['22'] }],
        }),
      ]),
    ],
    status: 'FAIL',
    messageId: 'managementPorts',
    data: { sources: ['srcRegionCodes'], allowed: ['tcp:22'] },
  },
  {
    name: 'RDP from a Google Threat Intelligence list (public clouds’ addresses)',
    records: [
      orgPolicy([
        policyRule(1000, 'allow', {
          srcThreatIntelligences: ['iplist-public-clouds'],
          layer4Configs: [{ ipProtocol: 'tcp', ports: ['3389'] }],
        }),
      ]),
    ],
    status: 'FAIL',
    messageId: 'managementPorts',
  },
  {
    name: 'SSH only from instances with a secure tag: no internet source',
    records: [
      orgPolicy([
        policyRule(1000, 'allow', {
          srcSecureTags: [{ name: 'tagValues/281479271891234', state: 'EFFECTIVE' }],
          layer4Configs: [{ ipProtocol: 'tcp', ports: ['22'] }],
        }),
      ]),
    ],
    status: 'PASS',
    messageId: 'notFromInternet',
  },
  {
    name: 'SSH from a host name (what it resolves to is not in the data)',
    records: [
      orgPolicy([
        policyRule(1000, 'allow', {
          srcFqdns: ['bastion.example.jp'],
          layer4Configs: [{ ipProtocol: 'tcp', ports: ['22'] }],
        }),
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'ruleUnknown',
  },
  {
    name: 'a geolocation behind a deny of IPv4 only: its IPv6 addresses may still come in',
    records: [
      orgPolicy([
        policyRule(900, 'deny', {
          srcIpRanges: ['0.0.0.0/0'],
          layer4Configs: [{ ipProtocol: 'tcp', ports: ['22'] }],
        }),
        policyRule(1000, 'allow', {
          srcRegionCodes: ['JP'],
          layer4Configs: [{ ipProtocol: 'tcp', ports: ['22'] }],
        }),
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'ruleUnknown',
  },
  {
    name: 'a geolocation behind a deny of every address',
    records: [
      orgPolicy([
        policyRule(
          900,
          'deny',
          { srcIpRanges: ['0.0.0.0/0', '::/0'], layer4Configs: [{ ipProtocol: 'tcp', ports: ['22'] }] },
          { ruleName: 'deny-ssh-all' },
        ),
        policyRule(1000, 'allow', {
          srcRegionCodes: ['JP'],
          layer4Configs: [{ ipProtocol: 'tcp', ports: ['22'] }],
        }),
      ]),
    ],
    status: 'PASS',
    messageId: 'closed',
    data: { denies: 'deny-ssh-all' },
  },
  {
    name: 'a layer-4 protocol that is no name nor number',
    records: [
      orgPolicy([
        policyRule(1000, 'allow', {
          srcIpRanges: ['0.0.0.0/0'],
          layer4Configs: [{ ipProtocol: { any: true } }],
        }),
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'ruleUnknown',
  },
];

const FOLDER_POLICY = policyAssetRecord(
  hierarchicalPolicy(FOLDER_POLICY_ID, 'juki-folder', FOLDER, [ALLOW_SSH]),
);
const FOLDER_POLICY_ID_NAME = `//compute.googleapis.com/locations/global/firewallPolicies/${FOLDER_POLICY_ID}`;
const ORG_DENY = orgPolicy([policyRule(1000, 'deny', INTERNET_SSH, { ruleName: 'deny-ssh' })]);

/** Policies evaluated first (https://cloud.google.com/firewall/docs/firewall-policies-rule-eval-order). */
const above: AnyCase[] = [
  {
    name: 'a folder’s allow of SSH under an organization policy that denies it first',
    records: [folderRecord(), ORG_DENY, FOLDER_POLICY],
    target: FOLDER_POLICY_ID_NAME,
    status: 'PASS',
    messageId: 'closed',
    data: { denies: 'org-baseline: deny-ssh' },
  },
  {
    name: 'the same without the folder’s record (what is above it is not known)',
    records: [ORG_DENY, FOLDER_POLICY],
    target: FOLDER_POLICY_ID_NAME,
    status: 'FAIL',
    messageId: 'managementPorts',
  },
  {
    name: 'a folder’s allow of SSH under an organization policy that allows it before its deny',
    records: [
      folderRecord(),
      orgPolicy([policyRule(500, 'allow', INTERNET_SSH), policyRule(1000, 'deny', INTERNET_SSH)]),
      FOLDER_POLICY,
    ],
    target: FOLDER_POLICY_ID_NAME,
    status: 'FAIL',
    messageId: 'managementPorts',
  },
  {
    name: 'a network policy’s allow of SSH in a project whose organization denies it first',
    records: [
      projectRecord(),
      ORG_DENY,
      policyAssetRecord(networkPolicy('juki-network-policy', [policyRule(1000, 'allow', INTERNET_SSH)])),
    ],
    target: '//compute.googleapis.com/projects/osaka-juki-prod/global/firewallPolicies/juki-network-policy',
    status: 'PASS',
    messageId: 'closed',
  },
];

const cases: AnyCase[] = [
  ...table,
  ...above,
  {
    // `gcloud compute firewall-policies list --format=json` (without --format, rules are summarised).
    name: 'gcloud compute firewall-policies describe: a folder’s policy allowing SSH',
    records: [
      jsonFile(
        hierarchicalPolicy(FOLDER_POLICY_ID, 'juki-folder', FOLDER, [ALLOW_SSH]),
        'folder-policy.json',
      ),
    ],
    status: 'FAIL',
    messageId: 'managementPorts',
    assert: (result, resource) => {
      expect(resource.account).toBe(FOLDER);
      expect(result.evidence.map((e) => e.path)).toEqual(['resource.associations', 'resource.rules[0]']);
    },
  },
  {
    name: 'a policy record without its rules',
    records: [
      jsonFile({
        kind: 'compute#firewallPolicy',
        id: ORG_POLICY_ID,
        name: ORG_POLICY_ID,
        shortName: 'org-baseline',
        parent: ORG,
        selfLink: `https://www.googleapis.com/compute/v1/locations/global/firewallPolicies/${ORG_POLICY_ID}`,
        associations: [{ name: 'org', attachmentTarget: ORG }],
      }),
    ],
    status: 'UNKNOWN',
    messageId: 'rulesUnknown',
  },
];

export default {
  ...byVerdict(cases),
  notRun: [
    { name: 'a VPC firewall rule', records: [firewallRecord('r', { allowed: [{ IPProtocol: 'all' }] })] },
  ],
} satisfies RuleTests;
