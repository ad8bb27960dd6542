import { describe, expect, it } from 'vitest';
import { gcpAssetExport } from '../../../src/sources/gcp/asset-export.ts';
import { gcpAssetList } from '../../../src/sources/gcp/asset-list.ts';
import { gcpRestResources } from '../../../src/sources/gcp/rest-resources.ts';
import { fact, readRecords } from '../../helpers/checks.ts';
import {
  FOLDER_POLICY_ID,
  hierarchicalPolicy,
  INTERNET_SSH,
  NETWORK_URL,
  networkPolicy,
  ORG_POLICY_ID,
  policyAssetRecord,
  policyRule,
} from './firewall-policy-records.ts';
import { FOLDER, ORG } from './records.ts';

/**
 * Hierarchical and network firewall policies (Compute Engine REST `FirewallPolicy`), from a
 * Cloud Asset export, `gcloud asset list`, and gcloud's describe and list output.
 */
const orgPolicy = hierarchicalPolicy(ORG_POLICY_ID, 'org-baseline', ORG, [
  policyRule(1000, 'deny', INTERNET_SSH, { ruleName: 'deny-ssh', targetResources: [NETWORK_URL] }),
  policyRule(
    1100,
    'allow',
    {
      srcIpRanges: ['203.0.113.0/24'],
      srcFqdns: ['updates.example.com'],
      srcRegionCodes: [],
      destIpRanges: ['10.0.0.0/8'],
      layer4Configs: [{ ipProtocol: 'tcp', ports: ['443', '8000-8080'] }, { ipProtocol: 'ICMP' }],
    },
    {
      targetServiceAccounts: ['Web@osaka-juki-prod.iam.gserviceaccount.com'],
      targetSecureTags: [{ name: 'tagValues/281484049124356', state: 'EFFECTIVE' }],
    },
  ),
]);

const rulesOf = (policy: Parameters<typeof fact>[0]) =>
  (fact(policy, 'rules')?.value ?? []) as Record<string, unknown>[];

describe('firewall policies', () => {
  it('reads a Cloud Asset export line of a hierarchical policy, kept in the organization', () => {
    const [policy] = readRecords(gcpAssetExport, [policyAssetRecord(orgPolicy)]);
    expect(policy).toMatchObject({
      id: `//compute.googleapis.com/locations/global/firewallPolicies/${ORG_POLICY_ID}`,
      account: ORG,
      region: 'global',
      kansaType: 'network.firewall',
      nativeType: 'compute.googleapis.com/FirewallPolicy',
    });
    expect(fact(policy, 'policyKind')).toMatchObject({ value: 'hierarchical', path: 'resource.data.parent' });
    expect(fact(policy, 'attachmentTargets')).toMatchObject({
      source: 'explicit',
      value: [`//cloudresourcemanager.googleapis.com/${ORG}`],
      path: 'resource.data.associations',
    });
    const rules = rulesOf(policy);
    // Its two rules, then the four default rules every hierarchical policy has.
    expect(rules).toHaveLength(6);
    expect(rules[0]).toEqual({
      path: 'resource.data.rules[0]',
      name: 'deny-ssh',
      priority: 1000,
      action: 'deny',
      direction: 'INGRESS',
      disabled: false,
      sourceRanges: ['0.0.0.0/0'],
      otherSources: [],
      destinationRanges: [],
      otherDestinations: [],
      layer4: [{ protocol: 'tcp', ports: ['22'] }],
      targetResources: ['projects/osaka-juki-prod/global/networks/default'],
      targetServiceAccounts: [],
      targetSecureTags: [],
    });
    // Source matchers whose addresses the record does not give are named; an empty one is none.
    expect(rules[1]).toMatchObject({
      name: 'priority 1100',
      otherSources: ['srcFqdns'],
      destinationRanges: ['10.0.0.0/8'],
      layer4: [
        { protocol: 'tcp', ports: ['443', '8000-8080'] },
        { protocol: 'icmp', ports: [] },
      ],
      targetServiceAccounts: ['web@osaka-juki-prod.iam.gserviceaccount.com'],
      targetSecureTags: ['tagValues/281484049124356'],
    });
    expect(rules[5]).toMatchObject({
      priority: 2147483647,
      action: 'goto_next',
      sourceRanges: ['0.0.0.0/0'],
    });
  });

  it('reads gcloud compute firewall-policies describe and list, placed by the policy’s parent', () => {
    const folderPolicy = hierarchicalPolicy(
      FOLDER_POLICY_ID,
      'juki-folder',
      FOLDER,
      [],
      [FOLDER, `//cloudresourcemanager.googleapis.com/folders/456789012399`],
    );
    const described = readRecords(gcpRestResources, folderPolicy);
    const listed = readRecords(gcpRestResources, {
      kind: 'compute#firewallPolicyList',
      items: [folderPolicy],
    });
    for (const [policy] of [described, listed]) {
      expect(policy).toMatchObject({
        id: `//compute.googleapis.com/locations/global/firewallPolicies/${FOLDER_POLICY_ID}`,
        account: FOLDER,
        kansaType: 'network.firewall',
      });
      expect(fact(policy, 'attachmentTargets')?.value).toEqual([
        `//cloudresourcemanager.googleapis.com/${FOLDER}`,
        '//cloudresourcemanager.googleapis.com/folders/456789012399',
      ]);
      expect(fact(policy, 'rules')?.path).toBe('resource.rules');
    }
  });

  it('reads a network policy: in its project, associated with networks', () => {
    const [global] = readRecords(gcpRestResources, networkPolicy('juki-network-policy', []));
    expect(global).toMatchObject({
      id: '//compute.googleapis.com/projects/osaka-juki-prod/global/firewallPolicies/juki-network-policy',
      account: 'osaka-juki-prod',
      region: 'global',
    });
    expect(fact(global, 'policyKind')?.value).toBe('network');
    expect(fact(global, 'attachmentTargets')?.value).toEqual([
      'projects/osaka-juki-prod/global/networks/default',
    ]);
    // gcloud compute network-firewall-policies describe --region: a regional policy.
    const regional = {
      ...networkPolicy('juki-regional', []),
      region: 'https://www.googleapis.com/compute/v1/projects/osaka-juki-prod/regions/asia-northeast1',
      selfLink:
        'https://www.googleapis.com/compute/v1/projects/osaka-juki-prod/regions/asia-northeast1/firewallPolicies/juki-regional',
    };
    const [inRegion] = readRecords(gcpRestResources, regional);
    expect(inRegion).toMatchObject({ region: 'asia-northeast1', account: 'osaka-juki-prod' });
    expect(fact(inRegion, 'policyKind')?.value).toBe('network');
  });

  it.each([
    'compute.googleapis.com/NetworkFirewallPolicy',
    'compute.googleapis.com/RegionNetworkFirewallPolicy',
  ])('reads the asset type %s some inventories give a project’s policies as Cloud Asset’s', (assetType) => {
    const [policy] = readRecords(gcpAssetList, [
      {
        name: '//compute.googleapis.com/projects/osaka-juki-prod/global/firewallPolicies/juki-network-policy',
        assetType,
        ancestors: ['projects/111111111111', FOLDER, ORG],
        resource: { data: networkPolicy('juki-network-policy', [policyRule(100, 'allow', INTERNET_SSH)]) },
      },
    ]);
    expect(policy).toMatchObject({
      account: '111111111111',
      kansaType: 'network.firewall',
      nativeType: 'compute.googleapis.com/FirewallPolicy',
    });
    expect(rulesOf(policy)).toHaveLength(1);
  });

  it('tells what a record leaves out from what it says: no rules is unknown, no associations none', () => {
    const { rules: _rules, associations: _associations, ...bare } = orgPolicy;
    const [policy] = readRecords(gcpRestResources, bare);
    expect(fact(policy, 'rules')).toMatchObject({ source: 'unknown', path: 'resource.rules' });
    expect(fact(policy, 'attachmentTargets')).toMatchObject({ source: 'explicit', value: [] });
    const [odd] = readRecords(gcpRestResources, { ...orgPolicy, associations: [{ attachmentTarget: 42 }] });
    expect(fact(odd, 'attachmentTargets')?.source).toBe('unknown');
  });

  it('reads what a rule does not say as unknown, never as a default that opens or closes', () => {
    const [policy] = readRecords(
      gcpRestResources,
      hierarchicalPolicy(ORG_POLICY_ID, 'p', ORG, [
        {
          priority: '900',
          match: { srcIpRanges: ['0.0.0.0/0'], layer4Configs: [{ ipProtocol: 'tcp', ports: [{ p: 22 }] }] },
        },
        { priority: 901, action: 'allow', disabled: 'no', match: 'all' },
      ]),
    );
    const [first, second] = rulesOf(policy);
    // A 64-bit priority as the string proto JSON may write; no action, no direction: unknown.
    expect(first).toMatchObject({
      priority: 900,
      action: undefined,
      direction: undefined,
      layer4: undefined,
    });
    expect(second).toMatchObject({ disabled: undefined, otherSources: ['match'], layer4: undefined });
  });

  it('reads the source network context by each of its names, apart from the sources it narrows', () => {
    const networks = { srcNetworks: ['projects/osaka-juki-prod/global/networks/shared'] };
    const [policy] = readRecords(
      gcpRestResources,
      hierarchicalPolicy(ORG_POLICY_ID, 'p', ORG, [
        policyRule(100, 'allow', { ...INTERNET_SSH, srcNetworkScope: 'non_internet' }),
        policyRule(101, 'allow', { ...INTERNET_SSH, srcNetworkType: 'INTERNET' }),
        policyRule(102, 'allow', { ...INTERNET_SSH, ...networks, srcNetworkContext: 'VPC_NETWORKS' }),
        policyRule(103, 'allow', { ...INTERNET_SSH, srcNetworkScope: 'UNSPECIFIED' }),
        policyRule(104, 'allow', { ...INTERNET_SSH, ...networks }),
      ]),
    );
    // The five rules, before the default rules every hierarchical policy has.
    expect(
      rulesOf(policy)
        .slice(0, 5)
        .map(({ sourceNetworkContext, otherSources }) => ({
          sourceNetworkContext,
          otherSources,
        })),
    ).toEqual([
      { sourceNetworkContext: 'NON_INTERNET', otherSources: [] },
      { sourceNetworkContext: 'INTERNET', otherSources: [] },
      { sourceNetworkContext: 'VPC_NETWORKS', otherSources: [] },
      // Not set: the rule matches its sources in every context.
      { sourceNetworkContext: undefined, otherSources: [] },
      // Networks without a context: a source matcher the record does not resolve.
      { sourceNetworkContext: undefined, otherSources: ['srcNetworks'] },
    ]);
  });
});
