import type { AzureDiagnosticSettingFacts, AzureSecurityAssessmentFacts } from '../../../model/azure.ts';
import type { Resource } from '../../../model/resource.ts';
import type { CheckContext } from '../../check.ts';

/**
 * The diagnostic settings whose target is `target` (the subscription for the Activity Log).
 * Settings are resources of their own so that several settings of one target are all seen.
 */
export function diagnosticSettingsOf(
  target: Resource,
  ctx: CheckContext,
): Resource<AzureDiagnosticSettingFacts>[] {
  const id = target.id.toLowerCase();
  return (
    ctx.inventory.inAccount(
      'azure',
      target.account,
      'audit.diagnostic-setting',
    ) as Resource<AzureDiagnosticSettingFacts>[]
  ).filter((setting) => setting.facts.targetResourceId?.value === id);
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
