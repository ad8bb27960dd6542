import type { Resource } from '../../../model/resource.ts';
import { GUID, subscriptionOf } from '../../azure/arm-record.ts';
import type { JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import type { Unit } from './adapter.ts';
import { fromArm, set } from './azure-record.ts';

/**
 * A Defender for Cloud plan: `tier` (Free or Standard) of `resource_type` (default VirtualMachines),
 * the plan's name, which tells the export adapter whether Azure has deprecated it (the plan carries
 * no `deprecated`).
 */
export function securityPricing(unit: Unit, tr: Translation): Resource {
  const pricing = unit.primary;
  const p: JsonObject = {};
  set(p, 'pricingTier', tr.read(pricing, 'tier', 'properties.pricingTier'));
  const plan = tr.valuesOf(pricing).read('resource_type');
  if (plan.state !== 'known' || typeof plan.value !== 'string')
    return fromArm('Microsoft.Security/pricings', p, tr);
  tr.mark('name', `${pricing.address}.resource_type`, 'known');
  return fromArm('Microsoft.Security/pricings', p, tr, { name: plan.value });
}

/**
 * A subscription's plan is ARM's `/subscriptions/<id>/providers/Microsoft.Security/pricings/<plan>`,
 * the id a state shows and the checks of the resources it covers look it up by (a VM's Defender for
 * Servers); a plan makes it known after apply, from the subscription and `resource_type`. Lower-cased,
 * as the Azure readers write ids.
 */
export function securityPricingId(unit: Unit, account: string): string | undefined {
  const values = unit.primary.after;
  const id = values.read('id');
  if (id.state === 'known' && typeof id.value === 'string' && subscriptionOf(id.value) !== undefined)
    return id.value.toLowerCase();
  const plan = values.read('resource_type');
  if (plan.state !== 'known' || typeof plan.value !== 'string' || !GUID.test(account)) return undefined;
  return `/subscriptions/${account}/providers/microsoft.security/pricings/${plan.value.toLowerCase()}`;
}
