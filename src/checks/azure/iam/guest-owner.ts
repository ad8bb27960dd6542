import type { Resource } from '../../../model/resource.ts';
import { type CheckResult, defineCheck } from '../../check.ts';
import { type AssessmentMessage, NO_STATUS, NOT_EVALUATED } from '../lib/assessment.ts';
import { assessedOrHolders, guestOf, ownsSubscription } from '../lib/directory-users.ts';

/**
 * "Guest accounts with owner permissions on Azure resources should be removed", then the key of
 * "External accounts with owner permissions should be removed from your subscription", as the
 * recommendation was named before (assessments of subscriptions assessed then keep it).
 */
const GUEST_OWNER_KEYS = ['20606e75-05c4-48c0-9d97-add6daa2109a', 'c3b6ae71-f1f0-31b4-e6c1-d5951285d03d'];

export default defineCheck({
  meta: {
    id: 'azure.iam.guest-owner',
    provider: 'azure',
    resourceTypes: ['account'],
    severity: 'high',
    title: {
      ja: 'ゲスト アカウントに所有者権限が付与されていない',
      en: 'No guest accounts hold owner permissions',
    },
    rationale: {
      ja: 'ゲスト（外部ユーザ）は自組織の入退職や MFA の管理が及ばないアカウントです。所有者権限を持つゲストは、管理外の経路で環境を変更できます。',
      en: "Guests (external users) are outside the organization's joiner/leaver and MFA controls; a guest with owner permissions can change the environment through an unmanaged account.",
    },
    remediation: {
      ja: 'Defender for Cloud の推奨事項「Guest accounts with owner permissions on Azure resources should be removed」で対象を確認し、[アクセス制御 (IAM)] でゲストのロールの割り当てを削除します（az security assessment show --name 20606e75-05c4-48c0-9d97-add6daa2109a）。CLI: az role assignment delete --assignee <ゲストのオブジェクト ID> --scope /subscriptions/<サブスクリプション ID>',
      en: 'Defender for Cloud\'s recommendation "Guest accounts with owner permissions on Azure resources should be removed" lists the accounts (az security assessment show --name 20606e75-05c4-48c0-9d97-add6daa2109a); remove their role assignments under Access control (IAM). CLI: az role assignment delete --assignee <guest object id> --scope /subscriptions/<subscription id>',
    },
    messages: {
      healthy: {
        ja: 'Defender for Cloud の評価 {{assessment}} は Healthy です（所有者権限を持つゲストはいません）',
        en: 'Defender for Cloud assessment {{assessment}} is Healthy (no guests with owner permissions)',
      },
      unhealthy: {
        ja: '所有者権限を持つゲスト アカウントがあります（評価 {{assessment}}: Unhealthy）',
        en: 'Guest accounts hold owner permissions (assessment {{assessment}}: Unhealthy)',
      },
      notApplicable: {
        ja: '評価 {{assessment}} は NotApplicable です（対象のアカウントがありません）',
        en: 'Assessment {{assessment}} is NotApplicable (no accounts to assess)',
      },
      noAssessment: {
        ja: 'エクスポートに Defender for Cloud のゲスト評価がありません。所有者権限を持つゲストを手動で確認してください',
        en: 'The export has no Defender for Cloud guest assessment: review guests with owner permissions manually',
      },
      noStatus: NO_STATUS,
      notEvaluated: NOT_EVALUATED,
      guestOwnerAssigned: {
        ja: 'ゲスト アカウント {{guests}} にサブスクリプションの所有者（Owner）ロール、または同じアクセス権を持つクラシック管理者（サービス管理者・共同管理者）が割り当てられています',
        en: "Guest account(s) {{guests}} are assigned the Owner role on the subscription, or are its classic Service Administrator or Co-Administrator, which have Owner's access",
      },
      unknownStatus: {
        ja: '評価 {{assessment}} の状態（{{status}}）からは判定できません',
        en: 'The status of assessment {{assessment}} ({{status}}) does not tell',
      },
    },
    references: [
      'https://learn.microsoft.com/azure/defender-for-cloud/recommendations-reference-identity-access',
    ],
  },
  // Defender for Cloud's assessment decides where it tells (Healthy, Unhealthy, NotApplicable).
  // Without it (absent, disabled by policy, no status), the role assignments still show a guest
  // holding Owner on the subscription or above it, or being its classic Service Administrator or
  // Co-Administrator, which have Owner's access (ownsSubscription, as azure.iam.owner-mfa counts
  // owners): that fails; their absence proves nothing, as a group or an assignment the export
  // leaves out may hold a guest.
  evaluate(subscription: Resource, ctx): CheckResult<AssessmentMessage | 'guestOwnerAssigned'> {
    return assessedOrHolders(
      subscription,
      ctx,
      GUEST_OWNER_KEYS,
      ownsSubscription,
      guestOf,
      'guestOwnerAssigned',
      'guests',
    );
  },
});
