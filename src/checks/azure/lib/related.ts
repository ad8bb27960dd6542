import type {
  AzureDiagnosticSettingFacts,
  AzureSecurityAssessmentFacts,
  AzureSecurityPricingFacts,
} from '../../../model/azure.ts';
import type { Resource } from '../../../model/resource.ts';
import type { CheckContext } from '../../check.ts';

/**
 * The diagnostic settings whose target is `target` (the subscription for the Activity Log);
 * with `includeChildren`, also those of its sub-resources (a storage account's
 * `blobServices/default`, which is where its logs are). Settings are resources of their own so
 * that several settings of one target are all seen.
 */
export function diagnosticSettingsOf(
  target: Resource,
  ctx: CheckContext,
  { includeChildren = false } = {},
): Resource<AzureDiagnosticSettingFacts>[] {
  const id = target.id.toLowerCase();
  return diagnosticSettingsIn(target.account, ctx).filter((setting) => {
    const settingTarget = setting.facts.targetResourceId?.value;
    return settingTarget === id || (includeChildren && settingTarget?.startsWith(`${id}/`) === true);
  });
}

/** Every diagnostic setting of a subscription (the Activity Log's and the resources'). */
export function diagnosticSettingsIn(
  account: string,
  ctx: CheckContext,
): Resource<AzureDiagnosticSettingFacts>[] {
  return ctx.inventory.inAccount(
    'azure',
    account,
    'audit.diagnostic-setting',
  ) as Resource<AzureDiagnosticSettingFacts>[];
}

/** The first of `keys` (in order of preference) that Defender for Cloud assessed on `target`. */
export function assessmentOf(
  target: Resource,
  keys: readonly string[],
  ctx: CheckContext,
): Resource<AzureSecurityAssessmentFacts> | undefined {
  const id = target.id.toLowerCase();
  const candidates = (
    ctx.inventory.inAccount(
      'azure',
      target.account,
      'security.assessment',
    ) as Resource<AzureSecurityAssessmentFacts>[]
  ).filter((assessment) => assessment.facts.assessedResourceId?.value === id);
  for (const key of keys) {
    const found = candidates.find((assessment) => assessment.facts.assessmentKey?.value === key);
    if (found) return found;
  }
  return undefined;
}

/**
 * The Defender for Cloud plan that covers `resource`: a resource-level pricing
 * (`<resource id>/providers/Microsoft.Security/pricings/<plan>`) over the subscription's.
 */
export function defenderPlanFor(
  resource: Resource,
  plan: string,
  ctx: CheckContext,
): Resource<AzureSecurityPricingFacts> | undefined {
  const suffix = `/providers/microsoft.security/pricings/${plan.toLowerCase()}`;
  const plans = ctx.inventory.inAccount('azure', resource.account, 'security.plan');
  const ofResource = plans.find((pricing) => pricing.id === `${resource.id}${suffix}`);
  const ofSubscription = plans.find(
    (pricing) => pricing.id === `/subscriptions/${resource.account}${suffix}`,
  );
  return (ofResource ?? ofSubscription) as Resource<AzureSecurityPricingFacts> | undefined;
}
