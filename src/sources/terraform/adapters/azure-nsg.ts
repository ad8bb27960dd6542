import type { Resource } from '../../../model/resource.ts';
import type { TfInstance } from '../document.ts';
import { isObject, type JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import { type BuildContext, partsOf, type Unit } from './adapter.ts';
import { fromArm, set } from './azure-record.ts';

/**
 * azurerm_network_security_group with its inline `security_rule` blocks and its
 * azurerm_network_security_rule resources, as the ARM record (`properties.securityRules`); a rule
 * whose NSG is not in the plan comes alone: what the plan opens.
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_security_rule
 */
export function networkSecurityGroup(group: Unit, tr: Translation, ctx: BuildContext): Resource {
  const path = 'properties.securityRules';
  const alone = group.primary.type !== 'azurerm_network_security_group';
  const unit: Unit = alone
    ? { primary: group.primary, parts: new Map([[group.primary.type, [group.primary]]]) }
    : group;
  tr.mark(path, alone ? group.primary.address : `${unit.primary.address}.security_rule`, 'known');
  const rules: JsonObject[] = alone ? [] : inlineSecurityRules(unit.primary, tr, ctx, path);
  for (const part of partsOf(unit, 'azurerm_network_security_rule'))
    rules.push(armRule(ruleValues(part, '', tr, ctx, path)));
  return fromArm('Microsoft.Network/networkSecurityGroups', { securityRules: rules }, tr);
}

/**
 * An NSG's inline `security_rule` blocks. When the list holds a value known only after apply,
 * each block is read attribute by attribute, so that a destination or a group known only after
 * apply (a NIC's address, an application security group made in the same plan) leaves the rest
 * of the rule, what decides who may reach which port, known.
 */
function inlineSecurityRules(
  nsg: TfInstance,
  tr: Translation,
  ctx: BuildContext,
  path: string,
): JsonObject[] {
  const values = tr.valuesOf(nsg);
  if (values.read('security_rule').state !== 'unknown' || !values.present('security_rule')) {
    const inline = tr.readComputed(nsg, 'security_rule', path, ctx.config.sets(nsg, 'security_rule'));
    return (Array.isArray(inline) ? inline : []).filter(isObject).map(armRule);
  }
  const rules: JsonObject[] = [];
  for (let index = 0; values.present(`security_rule.${index}`); index++)
    rules.push(armRule(ruleValues(nsg, `security_rule.${index}.`, tr, ctx, path)));
  return rules;
}

/** One rule's attributes (`prefix` names an inline block), the destinations read as the groups are. */
function ruleValues(
  instance: TfInstance,
  prefix: string,
  tr: Translation,
  ctx: BuildContext,
  path: string,
): JsonObject {
  const values: JsonObject = {};
  for (const attribute of RULE_ATTRIBUTES)
    set(values, attribute, tr.read(instance, prefix + attribute, path));
  for (const attribute of DESTINATION_ATTRIBUTES) {
    const read = tr.valuesOf(instance).read(prefix + attribute);
    if (read.state === 'known') set(values, attribute, read.value);
    else if (read.state !== 'absent') {
      const targets = ctx.config.referencesOf(instance, prefix + attribute);
      set(
        values,
        attribute,
        targets.length > 0
          ? targets.map(({ base, key }) => (key === undefined ? base : `${base}[${JSON.stringify(key)}]`))
          : [`${instance.address}.${prefix}${attribute}`],
      );
    }
  }
  return values;
}

const RULE_ATTRIBUTES = [
  'name',
  'priority',
  'direction',
  'access',
  'protocol',
  'source_address_prefix',
  'source_address_prefixes',
  'destination_port_range',
  'destination_port_ranges',
  'source_port_range',
  'source_port_ranges',
];

/**
 * A rule's destinations and application security groups, often known only after apply (a NIC's
 * address, a group made in the same plan): read without marking the rules unknown, a value not
 * known yet standing as the resource the configuration refers to (two rules naming
 * `azurerm_application_security_group.web` name one group), else as the attribute's own address,
 * which matches no other rule's (a Deny to it then closes nothing, and an Allow to it opens what
 * its sources and ports say).
 */
const DESTINATION_ATTRIBUTES = [
  'destination_address_prefix',
  'destination_address_prefixes',
  'source_application_security_group_ids',
  'destination_application_security_group_ids',
];

/** A plan's list of group ids as ARM writes the groups: `[{"id": …}]`. */
function groupsOf(ids: unknown): unknown {
  return Array.isArray(ids) ? ids.map((id) => ({ id })) : ids;
}

function armRule(rule: JsonObject): JsonObject {
  return {
    name: rule.name,
    properties: {
      direction: rule.direction,
      access: rule.access,
      priority: rule.priority,
      protocol: rule.protocol,
      sourceAddressPrefix: rule.source_address_prefix,
      sourceAddressPrefixes: rule.source_address_prefixes,
      destinationPortRange: rule.destination_port_range,
      destinationPortRanges: rule.destination_port_ranges,
      sourcePortRange: rule.source_port_range,
      sourcePortRanges: rule.source_port_ranges,
      destinationAddressPrefix: rule.destination_address_prefix,
      destinationAddressPrefixes: rule.destination_address_prefixes,
      sourceApplicationSecurityGroups: groupsOf(rule.source_application_security_group_ids),
      destinationApplicationSecurityGroups: groupsOf(rule.destination_application_security_group_ids),
    },
  };
}
