import type { Resource } from '../../../model/resource.ts';
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
  const inline = alone
    ? undefined
    : tr.readComputed(unit.primary, 'security_rule', path, ctx.config.sets(unit.primary, 'security_rule'));
  const rules: JsonObject[] = [];
  for (const rule of Array.isArray(inline) ? inline : []) if (isObject(rule)) rules.push(armRule(rule));
  for (const part of partsOf(unit, 'azurerm_network_security_rule')) {
    const values: JsonObject = {};
    for (const attribute of RULE_ATTRIBUTES) set(values, attribute, tr.read(part, attribute, path));
    for (const attribute of GROUP_ATTRIBUTES) {
      const read = tr.valuesOf(part).read(attribute);
      if (read.state === 'known') set(values, attribute, read.value);
      else if (read.state !== 'absent') {
        const targets = ctx.config.referencesOf(part, attribute);
        set(
          values,
          attribute,
          targets.length > 0
            ? targets.map(({ base, key }) => (key === undefined ? base : `${base}[${JSON.stringify(key)}]`))
            : [`${part.address}.${attribute}`],
        );
      }
    }
    rules.push(armRule(values));
  }
  return fromArm('Microsoft.Network/networkSecurityGroups', { securityRules: rules }, tr);
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
  'destination_address_prefix',
  'destination_address_prefixes',
];

/**
 * Application security groups, usually made in the same plan, so their ids are known only after
 * apply: read without marking the rules unknown, an id not known yet standing as the group
 * resource the configuration refers to (two rules naming `azurerm_application_security_group.web`
 * name one group), else as the attribute's own address, which matches no other rule's group (a
 * Deny to it then closes nothing).
 */
const GROUP_ATTRIBUTES = [
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
