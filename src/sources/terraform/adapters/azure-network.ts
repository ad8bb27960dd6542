import type { AzureVirtualNetworkFacts } from '../../../model/azure.ts';
import { unknown } from '../../../model/fact.ts';
import type { Resource } from '../../../model/resource.ts';
import { isCreated, type TfInstance } from '../document.ts';
import { isObject, type JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import {
  type Attachment,
  attachmentsListed,
  type BuildContext,
  partsOf,
  resourceNamedBy,
  spellingOf,
  type TerraformAdapter,
  type Unit,
  valueOrReference,
} from './adapter.ts';
import { fromArm } from './azure-record.ts';

/**
 * azurerm_virtual_network with its subnets (inline `subnet` blocks and azurerm_subnet resources)
 * and their NSGs (inline `security_group`, azurerm_subnet_network_security_group_association),
 * and azurerm_network_watcher_flow_log, as the ARM records Resource Graph lists, so the flow-log
 * check finds which flow logs cover which subnets as it does in an export. Resources the plan
 * creates are named by their addresses, as the flow logs' references name them.
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_watcher_flow_log
 */

const SUBNET = 'azurerm_subnet';
const NSG_ASSOCIATION = 'azurerm_subnet_network_security_group_association';
const FLOW_LOG = 'azurerm_network_watcher_flow_log';
/** The flow log's target: a virtual network or other (azurerm 4.x), or an NSG (1.x–4.x). */
const FLOW_LOG_TARGETS = ['target_resource_id', 'network_security_group_id'];

/** A resource's id once known; for one the plan creates, its address. */
function idOf(instance: TfInstance, ctx: BuildContext): string {
  const read = instance.after.read('id');
  return (
    read.state === 'known' && typeof read.value === 'string' ? read.value : ctx.idOf(instance)
  ).toLowerCase();
}

/** An attribute's value when the plan knows it, lower-cased. */
function knownId(instance: TfInstance, attribute: string): string | undefined {
  const read = instance.after.read(attribute);
  return read.state === 'known' && typeof read.value === 'string' ? read.value.toLowerCase() : undefined;
}

/** An ARM id (not the address of a resource the plan creates): the resource exists already. */
const isArmId = (value: unknown) => typeof value === 'string' && value.startsWith('/subscriptions/');

/** The NSG an attribute names: its id, or the address of the plan's NSG it refers to. */
function nsgOf(tr: Translation, ctx: BuildContext, instance: TfInstance, attribute: string): unknown {
  const value = valueOrReference(tr, ctx, instance, attribute, 'properties.subnets', [
    'azurerm_network_security_group',
  ]);
  return typeof value === 'string' && value !== '' ? value.toLowerCase() : value;
}

/**
 * The inline `subnet` blocks, each read for what the plan shows of it: a new network's subnet
 * ids, and an NSG the plan creates, are known only after apply. The attribute is
 * Optional+Computed: left out of a new network, it holds no subnet.
 */
function inlineSubnets(
  vnet: TfInstance,
  tr: Translation,
  ctx: BuildContext,
): { name: string; id: string | undefined; nsg: string | null | undefined }[] {
  const values = tr.valuesOf(vnet);
  if (!values.present('subnet')) {
    tr.readComputed(vnet, 'subnet', 'properties.subnets', ctx.config.sets(vnet, 'subnet'));
    return [];
  }
  const blocks = values.values.subnet;
  return (Array.isArray(blocks) ? blocks : []).flatMap((block, index) => {
    const name = values.read(`subnet.${index}.name`);
    if (!isObject(block) || name.state !== 'known' || typeof name.value !== 'string') {
      tr.read(vnet, `subnet.${index}.name`, 'properties.subnets');
      return [];
    }
    const id = values.read(`subnet.${index}.id`);
    const nsg = values.read(`subnet.${index}.security_group`);
    return [
      {
        name: name.value,
        id: id.state === 'known' && typeof id.value === 'string' ? id.value.toLowerCase() : undefined,
        nsg:
          nsg.state === 'known' && typeof nsg.value === 'string' && nsg.value !== ''
            ? nsg.value.toLowerCase()
            : nsg.state === 'absent' || nsg.state === 'known'
              ? null
              : undefined,
      },
    ];
  });
}

interface Subnet {
  readonly id: string;
  /** Undefined while the plan does not tell; null when the subnet has no NSG. */
  readonly nsg: string | null | undefined;
  /** The subnet or its NSG exists already: flow logs made outside the plan may cover it. */
  readonly existing: boolean;
}

function virtualNetwork(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const vnet = unit.primary;
  const vnetId = idOf(vnet, ctx);
  const subnets = new Map<string, Subnet>();
  for (const block of inlineSubnets(vnet, tr, ctx)) {
    const id = block.id ?? `${vnetId}/subnets/${block.name}`.toLowerCase();
    subnets.set(id, { id, nsg: block.nsg, existing: !isCreated(vnet) || isArmId(block.nsg) });
  }
  const associations = ctx.instancesOf(NSG_ASSOCIATION);
  for (const subnet of partsOf(unit, SUBNET)) {
    const id = idOf(subnet, ctx);
    const association = associations.find(
      (candidate) =>
        ctx.referenced(candidate, 'subnet_id', [SUBNET]).includes(subnet) ||
        knownId(candidate, 'subnet_id') === id,
    );
    // azurerm 1.x's `network_security_group_id` on the subnet itself, else the association.
    const nsg = association
      ? nsgOf(tr, ctx, association, 'network_security_group_id')
      : (subnet.after.knownText('network_security_group_id')?.toLowerCase() ?? null);
    const existing =
      !isCreated(subnet) || (association !== undefined && !isCreated(association)) || isArmId(nsg);
    subnets.set(id, { id, nsg: typeof nsg === 'string' ? nsg : nsg === null ? null : undefined, existing });
  }
  tr.mark('properties.subnets', `${vnet.address} (subnets)`, 'known');
  const list = [...subnets.values()];
  const resource = fromArm(
    'Microsoft.Network/virtualNetworks',
    {
      subnets: list.map((subnet) => ({
        id: subnet.id,
        properties: subnet.nsg ? { networkSecurityGroup: { id: subnet.nsg } } : {},
      })),
    },
    tr,
  );
  const facts: AzureVirtualNetworkFacts = {
    ...(list.some((subnet) => subnet.nsg === undefined) && {
      subnets: unknown(`${vnet.address} (${NSG_ASSOCIATION})`, {
        ja: 'サブネットの NSG が適用後まで分かりません',
        en: "a subnet's NSG is known only after apply",
      }),
    }),
    flowLogsListed: attachmentsListed(
      vnet,
      isCreated(vnet) && !list.some((subnet) => subnet.existing),
      NETWORK_FLOW_LOGS,
      ctx,
    ),
  };
  return { ...resource, facts: { ...resource.facts, ...facts } };
}

/**
 * The flow logs that could cover a network (attachmentsListed): those of the plan are all a
 * network has when the plan creates it, its subnets and their NSGs.
 */
const NETWORK_FLOW_LOGS: Attachment = {
  type: FLOW_LOG,
  targets: FLOW_LOG_TARGETS,
  targetTypes: [],
  existing: {
    ja: 'この仮想ネットワーク（またはそのサブネットか NSG）は既存のため、Terraform の構成の外で作られたフロー ログは計画に現れません',
    en: 'the virtual network (or a subnet of it, or their NSG) exists already: flow logs made outside the Terraform configuration are not in the plan',
  },
  unnamed: {
    ja: '計画のフロー ログの対象が適用後まで分からないため、この仮想ネットワークのフロー ログかどうか判断できません',
    en: "a flow log of the plan targets a resource known only after apply: it may be this network's",
  },
};

/**
 * A flow log of an NSG (`network_security_group_id`, 1.x–4.x) or of any target
 * (`target_resource_id`, 4.x on, the only one in 5.x): 4.x before 5.0 has both, Optional+Computed,
 * and computes the one the configuration leaves out (spellingOf).
 */
function flowLog(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const log = unit.primary;
  const properties: JsonObject = {};
  const attribute = spellingOf(tr, ctx, log, FLOW_LOG_TARGETS);
  const target = resourceNamedBy(tr, ctx, log, attribute, 'properties.targetResourceId');
  if (typeof target === 'string') properties.targetResourceId = target.toLowerCase();
  const enabled = tr.read(log, 'enabled', 'properties.enabled');
  if (enabled !== undefined) properties.enabled = enabled;
  return fromArm('Microsoft.Network/networkWatchers/flowLogs', properties, tr);
}

/** Types read only through the resources that refer to them, with what reads them. */
export const AZURE_NETWORK_READ_THROUGH: Readonly<Record<string, string>> = {
  [NSG_ASSOCIATION]: 'read with the virtual network of the subnet it names',
};

export const azureNetworkAdapters: Readonly<Record<string, TerraformAdapter>> = {
  azurerm_virtual_network: {
    provider: 'azure',
    build: virtualNetwork,
    parts: {
      [SUBNET]: { attribute: 'virtual_network_name', parentKeys: ['name'] },
    },
  },
  [FLOW_LOG]: { provider: 'azure', build: flowLog },
};
