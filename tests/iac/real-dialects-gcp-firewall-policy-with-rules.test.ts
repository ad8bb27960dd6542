import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * Firewall policies written as one resource with their rules (google 6.x, SOURCES.md):
 * `google_compute_network_firewall_policy_with_rules` and its hierarchical and regional
 * siblings, `rule` blocks whose `match` names its repeated blocks in the singular
 * (`layer4_config`, `src_secure_tag`), Google's own rules in `predefined_rules` (computed), and
 * the association resources of the plain policy types.
 */

const providers = { google: { project: constant('kansa-project'), region: constant('asia-northeast1') } };
const CHECK = 'gcp.compute.firewall-policy-internet-ingress';
const NETWORK = 'projects/kansa-project/global/networks/vpc';

function withRulesRule(
  priority: number,
  action: string,
  sources: string[],
  protocol: string,
  ports: string[],
): Json {
  return {
    priority,
    action,
    direction: 'INGRESS',
    disabled: false,
    rule_name: `rule-${priority}`,
    target_secure_tag: [],
    target_service_accounts: [],
    match: [
      {
        src_ip_ranges: sources,
        dest_ip_ranges: [],
        src_secure_tag: [],
        layer4_config: [{ ip_protocol: protocol, ports }],
      },
    ],
  };
}

const GOTO_NEXT_DEFAULT = {
  ...withRulesRule(2147483647, 'goto_next', ['0.0.0.0/0'], 'all', []),
  rule_name: 'default-rule',
};

function policy(type: string, name: string, rules: Json[], actions = ['create']): Change {
  const after = { name, project: 'kansa-project', rule: rules };
  return {
    address: `${type}.${name}`,
    actions,
    ...(actions[0] === 'no-op'
      ? {
          before: { ...after, predefined_rules: [GOTO_NEXT_DEFAULT] },
          after: { ...after, predefined_rules: [GOTO_NEXT_DEFAULT] },
        }
      : { after }),
    afterUnknown: actions[0] === 'no-op' ? {} : { id: true, predefined_rules: true, self_link: true },
    expressions: { name: constant(name) },
  };
}

function association(type: string, policyName: string): Change {
  return {
    address: `${type}_association.${policyName}`,
    after: { name: `${policyName}-vpc`, attachment_target: NETWORK },
    afterUnknown: { id: true, firewall_policy: true },
    expressions: {
      attachment_target: constant(NETWORK),
      firewall_policy: ref(`${type}_with_rules.${policyName}.id`, `${type}_with_rules.${policyName}`),
    },
  };
}

describe('firewall policies with their rules in one resource', () => {
  const type = 'google_compute_network_firewall_policy';
  const document = plan(
    [
      policy(`${type}_with_rules`, 'ssh_open', [withRulesRule(1000, 'allow', ['0.0.0.0/0'], 'tcp', ['22'])]),
      association(type, 'ssh_open'),
      policy(
        `${type}_with_rules`,
        'existing_web',
        [
          withRulesRule(1000, 'allow', ['0.0.0.0/0'], 'tcp', ['443']),
          withRulesRule(1001, 'allow', ['35.235.240.0/20'], 'tcp', ['22']),
        ],
        ['no-op'],
      ),
      association(type, 'existing_web'),
      policy(`${type}_with_rules`, 'denied_first', [
        withRulesRule(100, 'deny', ['0.0.0.0/0'], 'tcp', ['3389']),
        withRulesRule(200, 'allow', ['0.0.0.0/0'], 'tcp', ['3389']),
      ]),
      association(type, 'denied_first'),
    ],
    { providers },
  );
  const verdict = async (name: string) =>
    findingOf(await scanDocument(document), CHECK, `${type}_with_rules.${name}`);

  it('fails SSH from anywhere in a rule block (layer4_config, the singular)', async () => {
    const finding = await verdict('ssh_open');
    expect(finding.status).toBe('FAIL');
    expect(finding.data).toMatchObject({ rule: 'rule-1000', allowed: ['tcp:22'] });
  });

  it('judges an existing policy on its rule blocks and predefined rules: they are all its rules', async () => {
    expect((await verdict('existing_web')).status).toBe('PASS');
  });

  it('lets a deny of higher priority take what a later allow would open', async () => {
    expect((await verdict('denied_first')).status).toBe('PASS');
  });
});

describe('a rule whose match has parts known only after apply', () => {
  const type = 'google_compute_network_firewall_policy';
  const rule = (name: string, match: Json, matchUnknown: Json): Change => ({
    address: `${type}_rule.${name}`,
    after: {
      action: 'allow',
      direction: 'INGRESS',
      disabled: false,
      priority: 1000,
      rule_name: name,
      match: [{ src_ip_ranges: null, layer4_configs: [{ ip_protocol: 'tcp', ports: ['22'] }], ...match }],
    },
    // google 5.x–6.x compute a secure tag's `state`.
    afterUnknown: { id: true, firewall_policy: true, kind: true, match: [matchUnknown] },
    expressions: { firewall_policy: ref(`${type}.${name}.name`, `${type}.${name}`) },
  });
  const policyOf = (name: string): Change => ({
    address: `${type}.${name}`,
    after: { name, project: 'kansa-project' },
    afterUnknown: { id: true, self_link: true },
    expressions: { name: constant(name) },
  });
  const associate = (name: string): Change => ({
    address: `${type}_association.${name}`,
    after: { name: `${name}-vpc`, attachment_target: NETWORK },
    afterUnknown: { id: true, firewall_policy: true },
    expressions: {
      attachment_target: constant(NETWORK),
      firewall_policy: ref(`${type}.${name}.name`, `${type}.${name}`),
    },
  });
  const document = plan(
    [
      policyOf('tagged'),
      rule(
        'tagged',
        { src_secure_tags: [{ name: 'tagValues/281479271891234' }] },
        { src_secure_tags: [{ state: true }] },
      ),
      associate('tagged'),
      policyOf('ranges_later'),
      rule('ranges_later', {}, { src_ip_ranges: true }),
      associate('ranges_later'),
    ],
    { providers },
  );

  it('still reads the rule: SSH from tagged instances only', async () => {
    const finding = findingOf(await scanDocument(document), CHECK, `${type}.tagged`);
    expect(finding.status).toBe('PASS');
    expect(finding.messageId).toBe('notFromInternet');
  });

  it('leaves the one rule whose sources are known after apply in doubt, not the policy’s rules', async () => {
    const finding = findingOf(await scanDocument(document), CHECK, `${type}.ranges_later`);
    expect(finding.status).toBe('UNKNOWN');
    expect(finding.messageId).toBe('ruleUnknown.plan');
  });
});

describe('source ranges known only after apply beside a secure tag', () => {
  it('does not read the rule as the tagged instances only: the ranges may be the internet', async () => {
    const type = 'google_compute_network_firewall_policy';
    const document = plan(
      [
        {
          address: `${type}.mixed`,
          after: { name: 'mixed', project: 'kansa-project' },
          afterUnknown: { id: true },
          expressions: { name: constant('mixed') },
        },
        {
          address: `${type}_rule.mixed`,
          after: {
            action: 'allow',
            direction: 'INGRESS',
            disabled: false,
            priority: 1000,
            // Terraform leaves a value known only after apply out of `after`.
            match: [
              {
                src_secure_tags: [{ name: 'tagValues/1' }],
                layer4_configs: [{ ip_protocol: 'tcp', ports: ['22'] }],
              },
            ],
          },
          afterUnknown: {
            id: true,
            firewall_policy: true,
            match: [{ src_ip_ranges: true, src_secure_tags: [{ state: true }] }],
          },
          expressions: { firewall_policy: ref(`${type}.mixed.name`, `${type}.mixed`) },
        },
        {
          address: `${type}_association.mixed`,
          after: { name: 'mixed-vpc', attachment_target: NETWORK },
          afterUnknown: { id: true, firewall_policy: true },
          expressions: {
            attachment_target: constant(NETWORK),
            firewall_policy: ref(`${type}.mixed.name`, `${type}.mixed`),
          },
        },
      ],
      { providers },
    );
    const finding = findingOf(await scanDocument(document), CHECK, `${type}.mixed`);
    expect(finding.status).toBe('UNKNOWN');
  });
});
