import { expect } from 'vitest';
import { jsonFile } from '../../../helpers/exports.ts';
import type { AnyCase } from '../../../helpers/rule-tester.ts';
import {
  FOLDER_POLICY_ID,
  hierarchicalPolicy,
  INTERNET_SSH,
  NETWORK_URL,
  networkPolicy,
  ORG_POLICY_ID,
  policyAssetRecord,
  policyRule,
  projectRecord,
} from '../../../sources/gcp/firewall-policy-records.ts';
import { FOLDER, firewallRecord, ORG } from '../../../sources/gcp/records.ts';

/**
 * A VPC rule opening SSH to the internet under the hierarchical firewall policies of its
 * organization and folder (https://cloud.google.com/firewall/docs/firewall-policies-rule-eval-order):
 * a policy's deny closes it unless a rule evaluated before the deny lets the traffic past.
 */
const SSH_RULE = firewallRecord('allow-ssh', {
  direction: 'INGRESS',
  sourceRanges: ['0.0.0.0/0'],
  allowed: [{ IPProtocol: 'tcp', ports: ['22'] }],
});
const TARGET = '//compute.googleapis.com/projects/osaka-juki-prod/global/firewalls/allow-ssh';
const DENY_SSH = policyRule(1000, 'deny', INTERNET_SSH, { ruleName: 'deny-internet-ssh' });
const orgPolicy = (rules: Record<string, unknown>[], targets?: string[]) =>
  policyAssetRecord(hierarchicalPolicy(ORG_POLICY_ID, 'org-baseline', ORG, rules, targets));
const folderPolicy = (rules: Record<string, unknown>[]) =>
  policyAssetRecord(hierarchicalPolicy(FOLDER_POLICY_ID, 'juki-folder', FOLDER, rules));

const table: {
  name: string;
  records: object[];
  status: 'PASS' | 'FAIL';
  messageId: string;
  data?: Record<string, unknown>;
}[] = [
  {
    name: 'the organization’s policy denies SSH from the internet',
    records: [projectRecord(), orgPolicy([DENY_SSH]), SSH_RULE],
    status: 'PASS',
    messageId: 'policyDenied',
    data: { denies: 'org-baseline: deny-internet-ssh' },
  },
  {
    name: 'an allow of higher priority in the same policy admits SSH before its deny',
    records: [projectRecord(), orgPolicy([policyRule(500, 'allow', INTERNET_SSH), DENY_SSH]), SSH_RULE],
    status: 'FAIL',
    messageId: 'managementPorts',
  },
  {
    name: 'a goto_next of higher priority passes SSH on, past the policy’s deny',
    records: [projectRecord(), orgPolicy([policyRule(500, 'goto_next', INTERNET_SSH), DENY_SSH]), SSH_RULE],
    status: 'FAIL',
    messageId: 'managementPorts',
  },
  {
    name: 'an earlier allow from a private range only leaves the deny whole for the internet',
    records: [
      projectRecord(),
      orgPolicy([
        policyRule(500, 'allow', { srcIpRanges: ['10.0.0.0/8'], layer4Configs: [{ ipProtocol: 'tcp' }] }),
        DENY_SSH,
      ]),
      SSH_RULE,
    ],
    status: 'PASS',
    messageId: 'policyDenied',
  },
  {
    name: 'an earlier allow matched by region codes (addresses not in the data) may admit the internet',
    records: [
      projectRecord(),
      orgPolicy([
        policyRule(500, 'allow', {
          srcRegionCodes: ['JP'],
          layer4Configs: [{ ipProtocol: 'tcp', ports: ['22'] }],
        }),
        DENY_SSH,
      ]),
      SSH_RULE,
    ],
    status: 'FAIL',
    messageId: 'managementPorts',
  },
  {
    name: 'a folder’s deny below an organization policy that passes everything on (its default rules)',
    records: [projectRecord(), orgPolicy([]), folderPolicy([DENY_SSH]), SSH_RULE],
    status: 'PASS',
    messageId: 'policyDenied',
    data: { denies: 'juki-folder: deny-internet-ssh' },
  },
  {
    name: 'a folder’s deny below an organization policy that allows SSH from anywhere',
    records: [
      projectRecord(),
      orgPolicy([policyRule(100, 'allow', INTERNET_SSH)]),
      folderPolicy([DENY_SSH]),
      SSH_RULE,
    ],
    status: 'FAIL',
    messageId: 'managementPorts',
  },
  {
    name: 'a folder’s deny when the organization’s policy is not in the input (it may allow SSH)',
    records: [projectRecord(), folderPolicy([DENY_SSH]), SSH_RULE],
    status: 'FAIL',
    messageId: 'managementPorts',
  },
  {
    name: 'the policy’s deny without the project’s ancestors in the input',
    records: [orgPolicy([DENY_SSH]), SSH_RULE],
    status: 'FAIL',
    messageId: 'managementPorts',
  },
  {
    name: 'a policy associated with nothing denies nothing',
    records: [projectRecord(), orgPolicy([DENY_SSH], []), SSH_RULE],
    status: 'FAIL',
    messageId: 'managementPorts',
  },
  {
    name: 'a deny for another network',
    records: [
      projectRecord(),
      orgPolicy([
        policyRule(1000, 'deny', INTERNET_SSH, {
          targetResources: [
            'https://www.googleapis.com/compute/v1/projects/osaka-juki-prod/global/networks/vpc-b',
          ],
        }),
      ]),
      SSH_RULE,
    ],
    status: 'FAIL',
    messageId: 'managementPorts',
  },
  {
    name: 'a deny for the rule’s own network',
    records: [
      projectRecord(),
      orgPolicy([policyRule(1000, 'deny', INTERNET_SSH, { targetResources: [NETWORK_URL] })]),
      SSH_RULE,
    ],
    status: 'PASS',
    messageId: 'policyDenied',
  },
  {
    name: 'a disabled deny',
    records: [projectRecord(), orgPolicy([{ ...DENY_SSH, disabled: true }]), SSH_RULE],
    status: 'FAIL',
    messageId: 'managementPorts',
  },
  {
    name: 'a deny for instances with a secure tag (VPC rules target network tags)',
    records: [
      projectRecord(),
      orgPolicy([
        { ...DENY_SSH, targetSecureTags: [{ name: 'tagValues/281484049124356', state: 'EFFECTIVE' }] },
      ]),
      SSH_RULE,
    ],
    status: 'FAIL',
    messageId: 'managementPorts',
  },
  {
    name: 'a deny of half the internet leaves the other half, and is named',
    records: [
      projectRecord(),
      orgPolicy([
        policyRule(1000, 'deny', { ...INTERNET_SSH, srcIpRanges: ['0.0.0.0/1'] }, { ruleName: 'deny-half' }),
      ]),
      SSH_RULE,
    ],
    status: 'FAIL',
    messageId: 'managementPorts',
    data: { sources: ['0.0.0.0/0 − org-baseline: deny-half'] },
  },
  {
    // Network policies come after the VPC rules by default: the VPC rule's allow ends evaluation.
    name: 'a network firewall policy’s deny, evaluated after the VPC rules',
    records: [projectRecord(), policyAssetRecord(networkPolicy('juki-network-policy', [DENY_SSH])), SSH_RULE],
    status: 'FAIL',
    messageId: 'managementPorts',
  },
];

export const policyCases: AnyCase[] = [
  ...table.map((row) => ({ ...row, target: TARGET })),
  {
    // gcloud's own outputs: the project's ancestors, the organization's policy, the project's rules.
    name: 'gcloud compute firewall-policies describe, gcloud projects get-ancestors and firewall-rules list',
    records: [
      jsonFile(
        [
          { id: 'osaka-juki-prod', type: 'project' },
          { id: FOLDER.slice('folders/'.length), type: 'folder' },
          { id: ORG.slice('organizations/'.length), type: 'organization' },
        ],
        'osaka-juki-prod-ancestors.json',
      ),
      jsonFile(
        hierarchicalPolicy(ORG_POLICY_ID, 'org-baseline', ORG, [DENY_SSH]),
        'org-firewall-policy.json',
      ),
      jsonFile(
        [
          {
            kind: 'compute#firewall',
            name: 'default-allow-ssh',
            network: NETWORK_URL,
            priority: 65534,
            sourceRanges: ['0.0.0.0/0'],
            allowed: [{ IPProtocol: 'tcp', ports: ['22'] }],
            direction: 'INGRESS',
            disabled: false,
            selfLink:
              'https://www.googleapis.com/compute/v1/projects/osaka-juki-prod/global/firewalls/default-allow-ssh',
          },
        ],
        'firewall-rules.json',
      ),
    ],
    target: 'default-allow-ssh',
    status: 'PASS',
    messageId: 'policyDenied',
    assert: (result) => {
      // The policy's association and the deny rule decided, each named on the policy.
      expect(
        result.evidence.filter((e) => e.resourceId !== undefined).map((e) => [e.resourceId, e.path]),
      ).toEqual([
        [
          `//compute.googleapis.com/locations/global/firewallPolicies/${ORG_POLICY_ID}`,
          'resource.associations',
        ],
        [`//compute.googleapis.com/locations/global/firewallPolicies/${ORG_POLICY_ID}`, 'resource.rules[0]'],
      ]);
    },
  },
];
