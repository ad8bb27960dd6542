import type {
  AzureDiagnosticSettingFacts,
  AzureSecurityAssessmentFacts,
  AzureSecurityPricingFacts,
} from '../../../model/azure.ts';
import type { Resource } from '../../../model/resource.ts';
import type { CheckContext } from '../../check.ts';
import { lookupBy, prefixesEndingWith } from '../../lookup.ts';

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
  const settings = diagnosticSettingsIn(target.account, ctx);
  const id = target.id.toLowerCase();
  return [...(includeChildren ? settingsOfTargetOrParent : settingsOfTarget)(settings, id)];
}

/** Diagnostic settings by their target. */
const settingsOfTarget = lookupBy((setting: Resource<AzureDiagnosticSettingFacts>) => {
  const target = setting.facts.targetResourceId?.value;
  return target === undefined ? [] : [target];
});

/** Diagnostic settings by their target and each resource the target is a sub-resource of. */
const settingsOfTargetOrParent = lookupBy((setting: Resource<AzureDiagnosticSettingFacts>) => {
  const target = setting.facts.targetResourceId?.value;
  if (target === undefined) return [];
  return [target, ...prefixesEndingWith(target, '/').map((parent) => parent.slice(0, -1))];
});

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
  const candidates = assessmentsOf(
    ctx.inventory.inAccount(
      'azure',
      target.account,
      'security.assessment',
    ) as Resource<AzureSecurityAssessmentFacts>[],
    target.id.toLowerCase(),
  );
  for (const key of keys) {
    const found = candidates.find((assessment) => assessment.facts.assessmentKey?.value === key);
    if (found) return found;
  }
  return undefined;
}

/** Assessments by the resource they assess. */
const assessmentsOf = lookupBy((assessment: Resource<AzureSecurityAssessmentFacts>) => {
  const assessed = assessment.facts.assessedResourceId?.value;
  return assessed === undefined ? [] : [assessed];
});

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
  const ofResource = byId(plans, `${resource.id}${suffix}`)[0];
  const ofSubscription = byId(plans, `/subscriptions/${resource.account}${suffix}`)[0];
  return (ofResource ?? ofSubscription) as Resource<AzureSecurityPricingFacts> | undefined;
}

/** Resources by id. */
const byId = lookupBy((resource: Resource) => [resource.id]);
