import { unknown } from '../../../model/fact.ts';
import { factOf } from '../../../model/facts.ts';
import type { Localized } from '../../../model/localized.ts';
import type { Resource } from '../../../model/resource.ts';
import type { CheckContext } from '../../check.ts';
import { type CheckResult, fail, notApplicable, pass, undetermined } from '../../check.ts';
import { assessmentOf } from './related.ts';

export type AssessmentMessage =
  | 'healthy'
  | 'unhealthy'
  | 'notApplicable'
  | 'noAssessment'
  | 'noStatus'
  | 'notEvaluated'
  | 'unknownStatus';

/** An assessment without a status code: every assessment check's message for it. */
export const NO_STATUS: Localized = {
  ja: '評価 {{assessment}} の状態がエクスポートにありません',
  en: 'The export does not show the status of assessment {{assessment}}',
};

/** A NotApplicable assessment that was exempted or disabled: every assessment check's message for it. */
export const NOT_EVALUATED: Localized = {
  ja: '評価 {{assessment}} は NotApplicable（理由: {{cause}}）です。推奨事項が除外または無効化されており、アカウントは評価されていません',
  en: 'Assessment {{assessment}} is NotApplicable because of {{cause}}: the recommendation is exempted or disabled, so no account was assessed',
};

/**
 * Causes of a NotApplicable status that say the recommendation was switched off for the
 * subscription (disabled in the assigned policy, or exempted), not that it found nothing to assess.
 * https://learn.microsoft.com/rest/api/defenderforcloud/assessments/list (AssessmentStatus.cause)
 */
const NOT_EVALUATED_CAUSES = new Set(['offbypolicy', 'exempt']);

/**
 * Decides a check from Defender for Cloud's assessment of the subscription (MFA, guest
 * accounts): Healthy passes, Unhealthy fails. `keys` lists the recommendation's current key
 * first, then deprecated ones. Without the assessment the export cannot tell: UNKNOWN.
 */
export function evaluateAssessment(
  subscription: Resource,
  keys: readonly string[],
  ctx: CheckContext,
): CheckResult<AssessmentMessage> {
  const assessment = assessmentOf(subscription, keys, ctx);
  if (!assessment) {
    const evidence = unknown(`securityresources/microsoft.security/assessments/${keys[0]}`, {
      ja: 'Defender for Cloud の評価がエクスポートにありません（手動で確認してください）',
      en: 'no Defender for Cloud assessment in the export (confirm manually)',
    });
    return undetermined('noAssessment', [evidence], { keys });
  }
  const status = factOf(assessment.facts.statusCode, 'properties.status.code');
  const evidence = [{ ...status, resourceId: assessment.id }];
  if (status.source === 'unknown') return undetermined('noStatus', evidence, { assessment: assessment.name });
  const data = { status: status.value, assessment: assessment.name };
  switch (status.value.toLowerCase()) {
    case 'healthy':
      return pass('healthy', evidence, data);
    case 'unhealthy':
      return fail('unhealthy', evidence, data);
    case 'notapplicable': {
      const cause = factOf(assessment.facts.statusCause, 'properties.status.cause');
      if (cause.source !== 'unknown' && NOT_EVALUATED_CAUSES.has(cause.value.toLowerCase())) {
        const causeEvidence = [...evidence, { ...cause, resourceId: assessment.id }];
        return undetermined('notEvaluated', causeEvidence, { ...data, cause: cause.value });
      }
      return notApplicable('notApplicable', evidence, data);
    }
    default:
      return undetermined('unknownStatus', evidence, data);
  }
}
