import { isCreated, type TfInstance } from '../document.ts';
import { isObject, type JsonObject } from '../kind.ts';
import type { TfValues } from '../tf-values.ts';
import type { Translation } from '../translation.ts';
import { type PartLink, partsOf, type TerraformAdapter, type Unit } from './adapter.ts';
import { DATA, fromAsset, set } from './gcp-record.ts';

/**
 * Firewall policies and their split rules and associations, as the REST `FirewallPolicy` a Cloud
 * Asset record holds: `google_compute_firewall_policy` (hierarchical, of an organization or
 * folder) with `_rule` and `_association`; `google_compute_network_firewall_policy` and
 * `google_compute_region_network_firewall_policy` with theirs.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_firewall_policy_rule
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_network_firewall_policy_rule
 *
 * A plan shows the policy's rules and associations only as the resources it manages: a policy
 * the plan creates has those and Google's default rules (all `goto_next`, of lowest priority);
 * one that exists may have more, made elsewhere, so its rules are unknown. Associations made
 * outside the plan may exist for either, so a policy the plan associates with nothing has its
 * associations unknown, not none.
 *
 * The `_with_rules` resources (google 6.x: `google_compute_firewall_policy_with_rules`,
 * `google_compute_network_firewall_policy_with_rules`, `google_compute_region_network_firewall_policy_with_rules`)
 * hold every rule of the policy in their `rule` blocks, as the provider makes the policy's rules
 * exactly those: they are known for a policy that exists too. Google's own rules are
 * `predefined_rules` (known once the policy exists; for a new one, the default goto_next rules).
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_network_firewall_policy_with_rules
 */
function firewallPolicy(
  kind: 'hierarchical' | 'network',
  ruleType: string | undefined,
  associationType: string,
) {
  return (unit: Unit, tr: Translation) => {
    const policy = unit.primary;
    const data: JsonObject = {};
    if (kind === 'hierarchical') {
      set(data, 'parent', tr.read(policy, 'parent', `${DATA}.parent`));
      set(data, 'shortName', tr.read(policy, 'short_name', `${DATA}.shortName`));
    } else {
      set(data, 'name', tr.read(policy, 'name', `${DATA}.name`));
      // A project's policy: its self link says so (known once it exists).
      set(data, 'selfLink', tr.read(policy, 'self_link', `${DATA}.selfLink`));
    }
    if (ruleType === undefined) data.rules = inlineRules(policy, tr);
    else if (isCreated(policy)) data.rules = partsOf(unit, ruleType).map((rule) => policyRule(rule, tr));
    else
      tr.mark(`${DATA}.rules`, `${policy.address} (${ruleType})`, 'unmanaged', {
        ja: '既存のポリシーには計画外で作られたルールがあり得ます',
        en: 'an existing policy may have rules made outside the plan',
      });
    const associations = partsOf(unit, associationType);
    if (associations.length > 0)
      data.associations = associations.map((association) => ({
        attachmentTarget: tr.read(association, 'attachment_target', `${DATA}.associations`),
      }));
    else
      tr.mark(`${DATA}.associations`, `${policy.address} (${associationType})`, 'unmanaged', {
        ja: '計画にはポリシーの関連付けがありません。計画外で関連付けられている場合があります',
        en: 'the plan associates the policy with nothing; it may be associated outside the plan',
      });
    return fromAsset('compute.googleapis.com/FirewallPolicy', data, tr);
  };
}

/**
 * One rule as a REST rule (a rule resource, or a `rule` block at `at` of a `_with_rules`
 * resource): its attributes and its `match` block's in the API's camelCase. A value known only
 * after apply (a secure tag's computed `state`, source ranges from a resource of the plan) leaves
 * that rule in doubt, not every rule of the policy: the export reader takes NOT_SHOWN for a value
 * it cannot read.
 */
function policyRule(rule: TfInstance, tr: Translation, at = ''): JsonObject {
  const values = tr.valuesOf(rule);
  const block = at.replace(/\.$/, '');
  tr.mark(`${DATA}.rules`, block ? `${rule.address}.${block}` : rule.address, 'known');
  const fields = knownFields(values, block) ?? {};
  const data: JsonObject = {};
  for (const [key, attribute] of [
    ['priority', 'priority'],
    ['action', 'action'],
    ['direction', 'direction'],
    ['disabled', 'disabled'],
    ['ruleName', 'rule_name'],
    ['targetResources', 'target_resources'],
    ['targetServiceAccounts', 'target_service_accounts'],
    ['targetSecureTags', 'target_secure_tags'],
    // The `_with_rules` resources' spelling of the same block.
    ['targetSecureTags', 'target_secure_tag'],
  ] as const) {
    if (!(key in data) && fields[attribute] !== undefined) data[key] = camelCased(fields[attribute]);
  }
  const match = knownFields(values, `${at}match.0`);
  if (match) data.match = camelCased(match);
  else if (fields.match !== undefined) data.match = NOT_SHOWN;
  return data;
}

/**
 * The fields of a block the plan shows (`''`: the instance's own values), each as the plan has
 * it, NOT_SHOWN for one with parts known only after apply or sensitive.
 */
function knownFields(values: TfValues, path: string): JsonObject | undefined {
  if (path !== '' && !values.present(path)) return undefined;
  const fields: JsonObject = {};
  for (const key of values.keys(path)) {
    const read = values.read(path === '' ? key : `${path}.${key}`);
    if (read.state === 'known') fields[key] = read.value;
    else if (read.state !== 'absent') fields[key] = NOT_SHOWN;
  }
  return fields;
}

/** A value the plan does not show (known after apply, or sensitive): set, its content unknown. */
const NOT_SHOWN = { notShownInPlan: true };

/**
 * The `rule` blocks of a `_with_rules` resource, and its `predefined_rules` once the policy
 * exists (a new policy's are Google's default goto_next rules, which admit nothing).
 */
function inlineRules(policy: TfInstance, tr: Translation): JsonObject[] {
  const values = tr.valuesOf(policy);
  const rules: JsonObject[] = [];
  for (const list of ['rule', 'predefined_rules']) {
    if (list === 'predefined_rules' && isCreated(policy)) continue;
    if (!values.present(list)) {
      tr.read(policy, list, `${DATA}.rules`);
      continue;
    }
    for (let i = 0; values.present(`${list}.${i}`); i++) rules.push(policyRule(policy, tr, `${list}.${i}.`));
  }
  return rules;
}

/**
 * Terraform's snake_case block attributes (`src_ip_ranges`, `layer4_configs[].ip_protocol`) as
 * the API's names; the `_with_rules` resources name their repeated blocks in the singular
 * (`layer4_config`, `src_secure_tag`), the API in the plural.
 */
function camelCased(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelCased);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, inner]) => inner !== null)
      .map(([key, inner]) => [
        SINGULAR_BLOCKS[key] ?? key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
        camelCased(inner),
      ]),
  );
}

const SINGULAR_BLOCKS: Readonly<Record<string, string>> = {
  layer4_config: 'layer4Configs',
  src_secure_tag: 'srcSecureTags',
};

/** `organizations/<n>` or `folders/<n>`, the policy's `parent`, when the plan knows it. */
function hierarchicalPolicyAccount(unit: Unit): string | undefined {
  const parent = unit.primary.after.read('parent');
  return parent.state === 'known' &&
    typeof parent.value === 'string' &&
    /^(?:organizations|folders)\/\d+$/.test(parent.value)
    ? parent.value
    : undefined;
}

const POLICY_LINK: PartLink = { attribute: 'firewall_policy', parentKeys: ['name', 'id', 'self_link'] };

/**
 * `prefix` names the policy type; its rules are `<prefix>_rule` resources, or, with `withRules`,
 * the blocks of `<prefix>_with_rules`, associated by `<prefix>_association` either way.
 */
function adapter(kind: 'hierarchical' | 'network', prefix: string, withRules = false): TerraformAdapter {
  const ruleType = withRules ? undefined : `${prefix}_rule`;
  const associationType = `${prefix}_association`;
  return {
    provider: 'gcp',
    build: firewallPolicy(kind, ruleType, associationType),
    // A regional policy is in its region; the others are global.
    ...(prefix.includes('_region_') ? {} : { global: true }),
    // A hierarchical policy belongs to its organization or folder, as in an export: the checks
    // find the policies above a project there.
    ...(kind === 'hierarchical' && { accountOf: hierarchicalPolicyAccount }),
    parts: { ...(ruleType && { [ruleType]: POLICY_LINK }), [associationType]: POLICY_LINK },
  };
}

const HIERARCHICAL = 'google_compute_firewall_policy';
const NETWORK = 'google_compute_network_firewall_policy';
const REGIONAL = 'google_compute_region_network_firewall_policy';

export const gcpFirewallPolicyAdapters: Readonly<Record<string, TerraformAdapter>> = {
  [HIERARCHICAL]: adapter('hierarchical', HIERARCHICAL),
  [NETWORK]: adapter('network', NETWORK),
  [REGIONAL]: adapter('network', REGIONAL),
  [`${HIERARCHICAL}_with_rules`]: adapter('hierarchical', HIERARCHICAL, true),
  [`${NETWORK}_with_rules`]: adapter('network', NETWORK, true),
  [`${REGIONAL}_with_rules`]: adapter('network', REGIONAL, true),
};
