import type { Resource } from '../../../model/resource.ts';
import { isObject, type JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import type { BuildContext, Unit } from './adapter.ts';
import { fromArm } from './azure-record.ts';

/**
 * A subscription's Cost Management budget (`azurerm_consumption_budget_subscription`) as the
 * REST budget: its `notification` blocks as the `notifications` map, each `enabled` unless it
 * says otherwise (the provider's default true), with its recipients (`contact_emails`,
 * `contact_groups`, `contact_roles`), its `time_period` and its `filter`. A budget of a resource group or management group covers
 * no whole subscription: not read.
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/consumption_budget_subscription
 */
export function consumptionBudget(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const blocks = tr.read(unit.primary, 'notification', 'properties.notifications');
  const p: JsonObject = {};
  // `time_period.end_date` is Optional+Computed: left out, the provider sets ten years after the start.
  const timePeriod = {
    startDate: tr.read(unit.primary, 'time_period.0.start_date', 'properties.timePeriod.startDate'),
    endDate: tr.readComputed(
      unit.primary,
      'time_period.0.end_date',
      'properties.timePeriod.endDate',
      ctx.config.sets(unit.primary, 'time_period.0.end_date'),
    ),
  };
  p.timePeriod = timePeriod;
  // `filter` blocks (`dimension`, `tag`, `not`) narrow the budget to part of the spend.
  p.filter = tr.read(unit.primary, 'filter', 'properties.filter');
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
