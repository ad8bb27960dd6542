import { FOLDER, FOLDER_NAME, ORG, PROJECT, PROJECT_NAME, resourceRecord } from './records.ts';

/**
 * Firewall policies as Compute Engine's REST `FirewallPolicy` writes them (the reference's
 * fields: `kind`, `shortName`, `parent`, `associations[].attachmentTarget`, `rules[].match`
 * with `srcIpRanges` and `layer4Configs`, the four default `goto_next` rules every hierarchical
 * policy gets), and as Cloud Asset export lines of `compute.googleapis.com/FirewallPolicy`.
 * https://cloud.google.com/compute/docs/reference/rest/v1/firewallPolicies
 */

type Json = Record<string, unknown>;

export const ORG_POLICY_ID = '812345678901';
export const FOLDER_POLICY_ID = '823456789012';
export const NETWORK_URL =
  'https://www.googleapis.com/compute/v1/projects/osaka-juki-prod/global/networks/default';

/** A rule with the REST fields gcloud prints. */
export function policyRule(priority: number, action: string, match: Json, extra: Json = {}): Json {
  return {
    kind: 'compute#firewallPolicyRule',
    description: '',
    priority,
    match,
    action,
    direction: 'INGRESS',
    enableLogging: false,
    ruleTupleCount: 4,
    ...extra,
  };
}

export const INTERNET_SSH = {
  srcIpRanges: ['0.0.0.0/0'],
  layer4Configs: [{ ipProtocol: 'tcp', ports: ['22'] }],
};

/** The four rules Google Cloud gives every hierarchical policy: to the next level, lowest priority. */
export const DEFAULT_RULES: readonly Json[] = [
  policyRule(
    2147483644,
    'goto_next',
    { destIpRanges: ['::/0'], layer4Configs: [{ ipProtocol: 'all' }] },
    { description: 'default egress rule ipv6', direction: 'EGRESS', ruleTupleCount: 2 },
  ),
  policyRule(
    2147483645,
    'goto_next',
    { srcIpRanges: ['::/0'], layer4Configs: [{ ipProtocol: 'all' }] },
    { description: 'default ingress rule ipv6', ruleTupleCount: 2 },
  ),
  policyRule(
    2147483646,
    'goto_next',
    { destIpRanges: ['0.0.0.0/0'], layer4Configs: [{ ipProtocol: 'all' }] },
    { description: 'default egress rule', direction: 'EGRESS', ruleTupleCount: 2 },
  ),
  policyRule(
    2147483647,
    'goto_next',
    { srcIpRanges: ['0.0.0.0/0'], layer4Configs: [{ ipProtocol: 'all' }] },
    { description: 'default ingress rule', ruleTupleCount: 2 },
  ),
];

/** A hierarchical policy as `gcloud compute firewall-policies describe --format=json` prints it. */
export function hierarchicalPolicy(
  id: string,
  shortName: string,
  parent: string,
  rules: readonly Json[],
  attachmentTargets: readonly string[] = [parent],
): Json {
  return {
    kind: 'compute#firewallPolicy',
    id,
    creationTimestamp: '2025-04-08T02:11:45.316-07:00',
    name: id,
    shortName,
    displayName: shortName,
    description: '',
    parent,
    fingerprint: 'Xz1bq9Hk3aE=',
    selfLink: `https://www.googleapis.com/compute/v1/locations/global/firewallPolicies/${id}`,
    selfLinkWithId: `https://www.googleapis.com/compute/v1/locations/global/firewallPolicies/${id}`,
    ruleTupleCount: 16,
    ...(attachmentTargets.length > 0 && {
      associations: attachmentTargets.map((target) => ({
        name: `${shortName}-${target.replace('/', '-')}`,
        attachmentTarget: target,
        firewallPolicyId: id,
        shortName,
        displayName: shortName,
      })),
    }),
    rules: [...rules, ...DEFAULT_RULES],
  };
}

/** A global network policy as `gcloud compute network-firewall-policies describe --global` prints it. */
export function networkPolicy(
  name: string,
  rules: readonly Json[],
  networks: readonly string[] = [NETWORK_URL],
) {
  return {
    kind: 'compute#firewallPolicy',
    id: '7123456789012345678',
    creationTimestamp: '2025-04-08T02:11:45.316-07:00',
    name,
    description: '',
    fingerprint: 'c2x1Z2dlcg==',
    selfLink: `https://www.googleapis.com/compute/v1/projects/osaka-juki-prod/global/firewallPolicies/${name}`,
    selfLinkWithId:
      'https://www.googleapis.com/compute/v1/projects/osaka-juki-prod/global/firewallPolicies/7123456789012345678',
    ruleTupleCount: 6,
    associations: networks.map((network) => ({ name: `${name}-association`, attachmentTarget: network })),
    rules,
  };
}

/** The policy as a `gcloud asset export` line: kept in its parent, which is its first ancestor. */
export function policyAssetRecord(policy: Json): Json {
  const parent = String(policy.parent ?? '');
  const ancestors =
    parent === ORG ? [ORG] : parent === FOLDER ? [FOLDER, ORG] : [`projects/${PROJECT}`, FOLDER, ORG];
  const record = resourceRecord(
    `//compute.googleapis.com/${String(policy.selfLink).replace(/^.*\/compute\/v1\//, '')}`,
    'compute.googleapis.com/FirewallPolicy',
    policy,
    'global',
  );
  return {
    ...record,
    resource: {
      ...(record.resource as Json),
      discovery_document_uri: 'https://www.googleapis.com/discovery/v1/apis/compute/v1/rest',
      parent: parent ? `//cloudresourcemanager.googleapis.com/${parent}` : PROJECT_NAME,
    },
    ancestors,
  };
}

/** The project's own line, with the folder and organization above it. */
export function projectRecord(): Json {
  return resourceRecord(PROJECT_NAME, 'cloudresourcemanager.googleapis.com/Project', {
    projectNumber: PROJECT,
    projectId: 'osaka-juki-prod',
    lifecycleState: 'ACTIVE',
    name: 'osaka-juki-prod',
    parent: { type: 'folder', id: FOLDER.slice('folders/'.length) },
  });
}

/** The folder's own line, under the organization. */
export function folderRecord(): Json {
  return resourceRecord(
    FOLDER_NAME,
    'cloudresourcemanager.googleapis.com/Folder',
    { name: FOLDER, parent: ORG, displayName: 'juki', lifecycleState: 'ACTIVE' },
    undefined,
    { ancestors: [FOLDER, ORG] },
  );
}
