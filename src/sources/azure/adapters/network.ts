import type {
  AzureFlowLogFacts,
  AzureNetworkSecurityGroupFacts,
  AzureNsgRule,
  AzureSubnet,
  AzureVirtualNetworkFacts,
} from '../../../model/azure.ts';
import { explicit, unknown } from '../../../model/fact.ts';
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

/** The singular and plural forms of a rule's field together (`sourceAddressPrefix` and `…Prefixes`). */
function strings(...values: unknown[]): string[] {
  const found: string[] = [];
  for (const value of values) {
    if (Array.isArray(value)) for (const item of value) addTrimmed(found, item);
    else addTrimmed(found, value);
  }
  return found;
}

/** A string (or a number, as some exports write ports) that is not blank, trimmed. */
function addTrimmed(found: string[], value: unknown): void {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text === 'string' && text.trim() !== '') found.push(text.trim());
}

function inboundRule(rule: unknown): AzureNsgRule | undefined {
  const settings = settingsOf(rule);
  if (String(get(settings, 'direction')).toLowerCase() !== 'inbound') return undefined;
  return {
    name: String(get(rule, 'name') ?? ''),
    access: String(get(settings, 'access') ?? ''),
    priority: asNumber(get(settings, 'priority')) ?? Number.POSITIVE_INFINITY,
    protocol: String(get(settings, 'protocol') ?? '*'),
    sourcePrefixes: strings(get(settings, 'sourceAddressPrefix'), get(settings, 'sourceAddressPrefixes')),
    destinationPorts: strings(get(settings, 'destinationPortRange'), get(settings, 'destinationPortRanges')),
  };
}

/** Custom and default inbound rules, by priority. An NSG always has its default rules. */
export const networkSecurityGroup: Adapter = {
  kansaType: 'network.firewall',
  facts(record): AzureNetworkSecurityGroupFacts {
    if (!record.properties) return { inboundRules: unknown('properties.securityRules', NOT_PROJECTED) };
    const rules = ['securityRules', 'defaultSecurityRules']
      .flatMap((key) => {
        const list = get(record.properties, key);
        return Array.isArray(list) ? list : [];
      })
      .map(inboundRule)
      .filter((rule): rule is AzureNsgRule => rule !== undefined)
      .sort((a, b) => a.priority - b.priority);
    return { inboundRules: explicit(rules, 'properties.securityRules') };
  },
};

export const virtualNetwork: Adapter = {
  kansaType: 'network.vpc',
  facts(record): AzureVirtualNetworkFacts {
    if (!record.properties) return { subnets: unknown('properties.subnets', NOT_PROJECTED) };
    const list = get(record.properties, 'subnets');
    const subnets: AzureSubnet[] = (Array.isArray(list) ? list : []).flatMap((subnet) => {
      const id = get(subnet, 'id');
      if (typeof id !== 'string') return [];
      const nsg = get(get(settingsOf(subnet), 'networkSecurityGroup'), 'id');
      return [
        { id: id.toLowerCase(), networkSecurityGroupId: typeof nsg === 'string' ? nsg.toLowerCase() : null },
      ];
    });
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
