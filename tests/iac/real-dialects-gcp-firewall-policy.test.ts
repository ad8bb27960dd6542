import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

/**
 * Firewall policies as the google provider's registry examples write them (SOURCES.md):
 * `google_compute_firewall_policy` (`parent`, `short_name`), its rules as
 * `google_compute_firewall_policy_rule` (`firewall_policy` naming the policy by a reference
 * known after apply, `match` with `src_ip_ranges` and `layer4_configs`), its
 * `google_compute_firewall_policy_association`; the network policy's
 * `google_compute_network_firewall_policy` with its `_rule` and `_association`.
 */

const providers = { google: { project: constant('kansa-project') } };
const CHECK = 'gcp.compute.firewall-policy-internet-ingress';
const ORG = 'organizations/123456789';

const MATCH_FIELDS = {
  dest_address_groups: [],
  dest_fqdns: [],
  dest_ip_ranges: [],
  dest_region_codes: [],
  dest_threat_intelligences: [],
  src_address_groups: [],
  src_fqdns: [],
  src_region_codes: [],
  src_threat_intelligences: [],
};

function hierarchical(name: string): Change {
  return {
    address: `google_compute_firewall_policy.${name}`,
    after: { parent: ORG, short_name: `${name}-policy`, description: 'baseline', timeouts: null },
    afterUnknown: { id: true, name: true, self_link: true, self_link_with_id: true, fingerprint: true },
    expressions: { parent: constant(ORG), short_name: constant(`${name}-policy`) },
  };
}

function rule(
  type: string,
  policy: string,
  name: string,
  priority: number,
  values: Json,
  match: Json,
): Change {
  return {
    address: `${type}_rule.${name}`,
    after: {
      priority,
      direction: 'INGRESS',
      disabled: false,
      enable_logging: true,
      target_resources: null,
      target_service_accounts: null,
      ...values,
      match: [{ ...MATCH_FIELDS, ...match }],
    },
    afterUnknown: { firewall_policy: true, kind: true, rule_tuple_count: true },
    expressions: { firewall_policy: ref(`${type}.${policy}.name`, `${type}.${policy}`) },
  };
}

function association(type: string, policy: string, target: string): Change {
  return {
    address: `${type}_association.${policy}`,
    after: { attachment_target: target, name: `${policy}-association` },
    afterUnknown: { firewall_policy: true, id: true, short_name: true },
    expressions: { firewall_policy: ref(`${type}.${policy}.id`, `${type}.${policy}`) },
  };
}

const HIERARCHICAL = 'google_compute_firewall_policy';
const NETWORK = 'google_compute_network_firewall_policy';
const SSH = { src_ip_ranges: ['0.0.0.0/0'], layer4_configs: [{ ip_protocol: 'tcp', ports: ['22'] }] };

describe('firewall policies in a plan', () => {
  it('fails an organization policy the plan creates with an allow of SSH from anywhere', async () => {
    const scanned = await scanDocument(
      plan(
        [
          hierarchical('open'),
          rule(HIERARCHICAL, 'open', 'ssh', 1000, { action: 'allow', rule_name: 'allow-ssh' }, SSH),
          association(HIERARCHICAL, 'open', ORG),
        ],
        { providers },
      ),
    );
    const finding = findingOf(scanned, CHECK, 'google_compute_firewall_policy.open');
    expect(finding.status).toBe('FAIL');
    expect(finding.message.en).toContain('allow-ssh');
    expect(resourceOf(scanned, 'google_compute_firewall_policy.open').origin.iac?.parts).toEqual(
      expect.arrayContaining([
        'google_compute_firewall_policy_rule.ssh',
        'google_compute_firewall_policy_association.open',
      ]),
    );
  });

  it('passes one whose higher-priority deny takes SSH first', async () => {
    const scanned = await scanDocument(
      plan(
        [
          hierarchical('guarded'),
          rule(HIERARCHICAL, 'guarded', 'deny_ssh', 100, { action: 'deny' }, SSH),
          rule(HIERARCHICAL, 'guarded', 'ssh', 1000, { action: 'allow' }, SSH),
          association(HIERARCHICAL, 'guarded', 'folders/456789'),
        ],
        { providers },
      ),
    );
    expect(findingOf(scanned, CHECK, 'google_compute_firewall_policy.guarded')).toMatchObject({
      status: 'PASS',
      messageId: 'closed',
    });
  });

  it('fails a network policy allowing RDP from anywhere, associated with a network', async () => {
    const scanned = await scanDocument(
      plan(
        [
          {
            address: `${NETWORK}.vpc`,
            after: { name: 'vpc-policy', description: null, timeouts: null },
            afterUnknown: { id: true, self_link: true, project: true },
            expressions: { name: constant('vpc-policy') },
          },
          rule(
            NETWORK,
            'vpc',
            'rdp',
            1000,
            { action: 'allow' },
            {
              src_ip_ranges: ['0.0.0.0/0'],
              layer4_configs: [{ ip_protocol: 'tcp', ports: ['3389'] }],
            },
          ),
          association(NETWORK, 'vpc', 'projects/kansa-project/global/networks/default'),
        ],
        { providers },
      ),
    );
    expect(findingOf(scanned, CHECK, `${NETWORK}.vpc`).status).toBe('FAIL');
  });

  it('leaves a rule whose match is known only after apply unknown, and a policy associated nowhere in the plan not "associated with nothing"', async () => {
    const pending = rule(HIERARCHICAL, 'pending', 'later', 1000, { action: 'allow' }, SSH);
    const scanned = await scanDocument(
      plan(
        [
          hierarchical('pending'),
          {
            ...pending,
            after: { ...pending.after, match: null },
            afterUnknown: { ...pending.afterUnknown, match: true },
          },
          hierarchical('unattached'),
          rule(HIERARCHICAL, 'unattached', 'ssh2', 1000, { action: 'allow' }, SSH),
        ],
        { providers },
      ),
    );
    // That rule is in doubt; the policy's other rules are known.
    expect(findingOf(scanned, CHECK, 'google_compute_firewall_policy.pending')).toMatchObject({
      status: 'UNKNOWN',
      messageId: 'ruleUnknown.plan',
    });
    // Associated outside the plan, perhaps: the allow it holds is judged.
    expect(findingOf(scanned, CHECK, 'google_compute_firewall_policy.unattached').status).toBe('FAIL');
  });

  it('reads match.src_network_scope: an allow from anywhere scoped to INTERNET fails, NON_INTERNET passes', async () => {
    const scoped = (name: string, scope: string) => [
      hierarchical(name),
      rule(
        HIERARCHICAL,
        name,
        `${name}_ssh`,
        1000,
        { action: 'allow' },
        { ...SSH, src_network_scope: scope },
      ),
      association(HIERARCHICAL, name, ORG),
    ];
    const scanned = await scanDocument(
      plan([...scoped('internet', 'INTERNET'), ...scoped('internal', 'NON_INTERNET')], { providers }),
    );
    expect(findingOf(scanned, CHECK, `${HIERARCHICAL}.internet`).status).toBe('FAIL');
    expect(findingOf(scanned, CHECK, `${HIERARCHICAL}.internal`).status).toBe('PASS');
  });

  it('does not take a deny scoped to VPC_NETWORKS (src_networks) as closing SSH to the internet', async () => {
    const scanned = await scanDocument(
      plan(
        [
          hierarchical('vpc_deny'),
          rule(
            HIERARCHICAL,
            'vpc_deny',
            'deny_vpc_ssh',
            100,
            { action: 'deny' },
            {
              ...SSH,
              src_network_scope: 'VPC_NETWORKS',
              src_networks: ['projects/kansa-project/global/networks/shared'],
            },
          ),
          rule(HIERARCHICAL, 'vpc_deny', 'ssh', 1000, { action: 'allow' }, SSH),
          association(HIERARCHICAL, 'vpc_deny', ORG),
        ],
        { providers },
      ),
    );
    expect(findingOf(scanned, CHECK, `${HIERARCHICAL}.vpc_deny`).status).toBe('FAIL');
  });
});
