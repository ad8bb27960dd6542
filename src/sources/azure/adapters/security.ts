import type { AzureSecurityAssessmentFacts, AzureSecurityPricingFacts } from '../../../model/azure.ts';
import { derived, explicit } from '../../../model/fact.ts';
import { asBoolean, asString, notSet, propertyFact } from '../property-facts.ts';
import type { Adapter } from './adapter.ts';

const NOT_EXPORTED = notSet('absent: not in this export', '未設定: このエクスポートに含まれていません');

/**
 * A Defender for Cloud assessment. Its name is the assessment key; the assessed resource is
 * `resourceDetails.id` (Resource Graph writes `Id`), else the id before `/providers/Microsoft.Security`.
 */
export const securityAssessment: Adapter = {
  kansaType: 'security.assessment',
  facts(record): AzureSecurityAssessmentFacts {
    const at = record.id.lastIndexOf('/providers/microsoft.security/assessments/');
    return {
      assessmentKey: explicit(record.name.toLowerCase(), 'name'),
      statusCode: propertyFact(record, ['status.code'], asString, NOT_EXPORTED),
      statusCause: propertyFact(record, ['status.cause'], asString, NOT_EXPORTED),
      assessedResourceId: propertyFact(
        record,
        ['resourceDetails.id', 'resourceDetails.ResourceId'],
        (value) => (typeof value === 'string' ? value.toLowerCase() : undefined),
        { default: at > 0 ? record.id.slice(0, at) : record.id, note: ASSESSED_FROM_ID },
      ),
    };
  },
};

const ASSESSED_FROM_ID = {
  ja: 'resourceDetails がないため、評価 ID から評価対象を求めました',
  en: 'no resourceDetails: the assessed resource is read from the assessment id',
};

/**
 * The plans the pricings API marks `deprecated` (Kubernetes and container registries, replaced by
 * Containers; DNS, folded into Defender for Servers Plan 2), by name in lower case. Records without
 * the flag (API version 2018-06-01, older CLIs' output, Terraform's
 * `azurerm_security_center_subscription_pricing`, ScoutSuite's) still name the plan.
 * https://learn.microsoft.com/rest/api/defenderforcloud/pricings/list
 */
const DEPRECATED_PLANS = new Set(['kubernetesservice', 'containerregistry', 'dns']);

/** A Defender for Cloud plan of a subscription (`…/providers/Microsoft.Security/pricings/<plan>`). */
export const securityPricing: Adapter = {
  kansaType: 'security.plan',
  facts(record): AzureSecurityPricingFacts {
    const deprecated = propertyFact(record, ['deprecated'], asBoolean, {
      // Set on deprecated plans only.
      default: false,
      note: { ja: '未設定: 廃止されたプランではありません', en: 'absent: the plan is not deprecated' },
    });
    return {
      pricingTier: propertyFact(record, ['pricingTier'], asString, NOT_EXPORTED),
      deprecated:
        deprecated.source === 'default' && DEPRECATED_PLANS.has(record.name.toLowerCase())
          ? derived(true, explicit(record.name, 'name'))
          : deprecated,
    };
  },
};
