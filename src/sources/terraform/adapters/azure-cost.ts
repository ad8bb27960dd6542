import type { Resource } from '../../../model/resource.ts';
import { isObject, type JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import type { Unit } from './adapter.ts';
import { fromArm } from './azure-record.ts';

/**
 * A subscription's Cost Management budget (`azurerm_consumption_budget_subscription`) as the
 * REST budget: its `notification` blocks as the `notifications` map, each `enabled` unless it
 * says otherwise (the provider's default true), with its recipients (`contact_emails`,
 * `contact_groups`, `contact_roles`). A budget of a resource group or management group covers
 * no whole subscription: not read.
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/consumption_budget_subscription
 */
export function consumptionBudget(unit: Unit, tr: Translation): Resource {
  const blocks = tr.read(unit.primary, 'notification', 'properties.notifications');
  const p: JsonObject = {};
  if (Array.isArray(blocks)) {
    p.notifications = Object.fromEntries(
      blocks.filter(isObject).map((block, index) => [
        `notification${index + 1}`,
        {
          enabled: block.enabled ?? true,
          contactEmails: block.contact_emails ?? [],
          contactGroups: block.contact_groups ?? [],
          contactRoles: block.contact_roles ?? [],
        },
      ]),
    );
  }
  return fromArm('Microsoft.Consumption/budgets', p, tr);
}
