import type {
  AzureFlowLogFacts,
  AzureNetworkSecurityGroupFacts,
  AzureNsgRule,
  AzureSubnet,
  AzureVirtualNetworkFacts,
} from '../../../model/azure.ts';
import {
  explicit,
  explicitList,
  type ListUnion,
  unexpectedType,
  unknown,
  unreadableList,
} from '../../../model/fact.ts';
import { type ArmRecord, get, isObject } from '../arm-record.ts';
import { asBoolean, asNumber, asString, notSet, propertyFact } from '../property-facts.ts';
import type { Adapter } from './adapter.ts';

const NOT_PROJECTED = {
  ja: 'エクスポートに properties 列がありません（クエリで properties を project してください）',
  en: 'the export has no properties column (project `properties` in the query)',
};

/**
 * Sub-resources (rules, subnets) keep their settings under `properties` in Resource Graph and
 * REST, and flattened into the object in `az … show` output.
 */
function settingsOf(child: unknown): unknown {
  const properties = get(child, 'properties');
  return isObject(properties) ? properties : child;
}

/**
 * The singular and plural forms of a rule's field together (`sourceAddressPrefix` and
 * `…Prefixes`); undefined when one holds a value of an unexpected type, which may be the `*`.
 */
function strings(...values: unknown[]): string[] | undefined {
  const found: string[] = [];
  for (const value of values) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      // Some exports write ports as numbers.
      const text = typeof item === 'number' ? String(item) : item;
      if (typeof text !== 'string') return undefined;
      if (text.trim() !== '') found.push(text.trim());
    }
  }
  return found;
}

/** A string field, `absent` when it is not set; undefined when it holds another type. */
function text(value: unknown, absent: string): string | undefined {
  if (value === undefined || value === null) return absent;
  return typeof value === 'string' ? value : undefined;
}

/**
 * An inbound rule, null for an outbound one; undefined when the rule cannot be read (not an
 * object, no direction, a field of an unexpected type): it may be the rule that opens the NSG.
 */
function inboundRule(rule: unknown): AzureNsgRule | null | undefined {
  if (!isObject(rule)) return undefined;
  const properties = get(rule, 'properties');
  if (properties !== undefined && properties !== null && !isObject(properties)) return undefined;
  const settings = settingsOf(rule);
  const direction = get(settings, 'direction');
  if (typeof direction !== 'string') return undefined;
  if (direction.toLowerCase() !== 'inbound') return null;
  const name = text(get(rule, 'name'), '');
  const access = text(get(settings, 'access'), '');
  const protocol = text(get(settings, 'protocol'), '*');
  const sourcePrefixes = strings(
    get(settings, 'sourceAddressPrefix'),
    get(settings, 'sourceAddressPrefixes'),
  );
  const destinationPorts = strings(
    get(settings, 'destinationPortRange'),
    get(settings, 'destinationPortRanges'),
  );
  const sourcePorts = strings(get(settings, 'sourcePortRange'), get(settings, 'sourcePortRanges'));
  const destinationPrefixes = strings(
    get(settings, 'destinationAddressPrefix'),
    get(settings, 'destinationAddressPrefixes'),
  );
  const sourceGroups = groupIds(get(settings, 'sourceApplicationSecurityGroups'));
  const destinationGroups = groupIds(get(settings, 'destinationApplicationSecurityGroups'));
  if (name === undefined || access === undefined || protocol === undefined) return undefined;
  if (!sourcePrefixes || !destinationPorts || !sourcePorts || !destinationPrefixes) return undefined;
  if (!sourceGroups || !destinationGroups) return undefined;
  const priority = asNumber(get(settings, 'priority')) ?? Number.POSITIVE_INFINITY;
  return {
    name,
    access,
    priority,
    protocol,
    sourcePrefixes,
    destinationPorts,
    // Exports made by hand or cut short leave out what the portal writes as `*`.
    sourcePorts: sourcePorts.length > 0 ? sourcePorts : ANY,
    sourceGroups,
    destinations: destinationPrefixes.length > 0 || destinationGroups.length > 0 ? destinationPrefixes : ANY,
    destinationGroups,
  };
}

const ANY: readonly string[] = Object.freeze(['*']);

/**
 * Application security groups as their lower-cased ids (`[{"id": …}]` in ARM, REST, the CLI and
 * PowerShell); undefined when the list holds anything else (a PowerShell depth cut writes each
 * group as its type name).
 */
function groupIds(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return undefined;
  const ids: string[] = [];
  for (const group of value) {
    const id = get(group, 'id');
    if (typeof id !== 'string') return undefined;
    ids.push(id.toLowerCase());
  }
  return ids;
}

/** Custom and default inbound rules, by priority. An NSG always has its default rules. */
export const networkSecurityGroup: Adapter = {
  kansaType: 'network.firewall',
  facts(record): AzureNetworkSecurityGroupFacts {
    if (!record.properties) return { inboundRules: unknown('properties.securityRules', NOT_PROJECTED) };
    const path = 'properties.securityRules';
    const rules: AzureNsgRule[] = [];
    for (const key of ['securityRules', 'defaultSecurityRules']) {
      const list = get(record.properties, key) ?? [];
      // A rule that cannot be read may be the one that opens the group, in whichever record.
      if (!Array.isArray(list)) return { inboundRules: unreadableRules(path) };
      for (const entry of list) {
        const rule = inboundRule(entry);
        if (rule === undefined) return { inboundRules: unreadableRules(path) };
        if (rule) rules.push(rule);
      }
    }
    return { inboundRules: explicitList(rules.sort(byPriority), path, RULES_OF_ONE_GROUP) };
  },
};

const byPriority = (a: AzureNsgRule, b: AzureNsgRule) => a.priority - b.priority;

const unreadableRules = (path: string) => unreadableList(path, RULES_OF_ONE_GROUP);

/**
 * A group's rules can come in several records (`az network nsg show` in one file, `az network
 * nsg rule list` or `rule show` in others): the group has every rule any of them lists, a rule
 * listed twice being one rule (names are unique in a group, whatever their case).
 */
const RULES_OF_ONE_GROUP: ListUnion<AzureNsgRule> = {
  key: (rule) => rule.name.toLowerCase(),
  order: byPriority,
};

export const virtualNetwork: Adapter = {
  kansaType: 'network.vpc',
  facts(record): AzureVirtualNetworkFacts {
    if (!record.properties) return { subnets: unknown('properties.subnets', NOT_PROJECTED) };
    const list = get(record.properties, 'subnets') ?? [];
    // A subnet read as nothing may be the one without flow logs: the list is unknown.
    if (!Array.isArray(list)) return { subnets: unexpectedType('properties.subnets') };
    const subnets: AzureSubnet[] = [];
    for (const subnet of list) {
      const id = get(subnet, 'id');
      if (typeof id !== 'string') return { subnets: unexpectedType('properties.subnets[].id') };
      const nsg = get(get(settingsOf(subnet), 'networkSecurityGroup'), 'id');
      subnets.push({
        id: id.toLowerCase(),
        networkSecurityGroupId: typeof nsg === 'string' ? nsg.toLowerCase() : null,
      });
    }
    return { subnets: explicit(subnets, 'properties.subnets') };
  },
};

const NOT_EXPORTED = notSet('absent: not in this export', '未設定: このエクスポートに含まれていません');

/** A Network Watcher flow log (`az network watcher flow-log list` flattens its properties). */
export const flowLog: Adapter = {
  kansaType: 'network.flow-log',
  facts(record: ArmRecord): AzureFlowLogFacts {
    return {
      targetResourceId: propertyFact(
        record,
        ['targetResourceId'],
        (value) => asString(value)?.toLowerCase(),
        NOT_EXPORTED,
      ),
      enabled: propertyFact(record, ['enabled'], asBoolean, NOT_EXPORTED),
    };
  },
};
