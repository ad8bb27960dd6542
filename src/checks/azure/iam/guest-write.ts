import type { Resource } from '../../../model/resource.ts';
import { type CheckResult, defineCheck } from '../../check.ts';
import { type AssessmentMessage, NO_STATUS, NOT_EVALUATED } from '../lib/assessment.ts';
import { assessedOrHolders, guestOf, writesResources } from '../lib/directory-users.ts';

/**
 * "Guest accounts with write permissions on Azure resources should be removed", then the key of
 * "External accounts with write permissions should be removed from your subscription", as the
 * recommendation was named before.
 */
const GUEST_WRITE_KEYS = ['0354476c-a12a-4fcc-a79d-f0ab7ffffdbb', '04e7147b-0deb-9796-2e5c-0336343ceb3d'];

export default defineCheck({
  meta: {
    id: 'azure.iam.guest-write',
    provider: 'azure',
    resourceTypes: ['account'],
    severity: 'medium',
    title: {
      ja: 'ゲスト アカウントに書き込み権限が付与されていない',
      en: 'No guest accounts hold write permissions',
    },
    rationale: {
      ja: 'ゲスト（外部ユーザ）は自組織の入退職や MFA の管理が及ばないアカウントです。書き込み権限を持つゲストは、管理外の経路で環境を変更できます。',
      en: "Guests (external users) are outside the organization's joiner/leaver and MFA controls; a guest with write permissions can change the environment through an unmanaged account.",
    },
    remediation: {
      ja: 'Defender for Cloud の推奨事項「Guest accounts with write permissions on Azure resources should be removed」で対象を確認し、[アクセス制御 (IAM)] でゲストのロールの割り当てを削除します（az security assessment show --name 0354476c-a12a-4fcc-a79d-f0ab7ffffdbb）。CLI: az role assignment delete --assignee <ゲストのオブジェクト ID> --scope /subscriptions/<サブスクリプション ID>',
      en: 'Defender for Cloud\'s recommendation "Guest accounts with write permissions on Azure resources should be removed" lists the accounts (az security assessment show --name 0354476c-a12a-4fcc-a79d-f0ab7ffffdbb); remove their role assignments under Access control (IAM). CLI: az role assignment delete --assignee <guest object id> --scope /subscriptions/<subscription id>',
    },
    messages: {
      healthy: {
        ja: 'Defender for Cloud の評価 {{assessment}} は Healthy です（書き込み権限を持つゲストはいません）',
        en: 'Defender for Cloud assessment {{assessment}} is Healthy (no guests with write permissions)',
      },
      unhealthy: {
        ja: '書き込み権限を持つゲスト アカウントがあります（評価 {{assessment}}: Unhealthy）',
        en: 'Guest accounts hold write permissions (assessment {{assessment}}: Unhealthy)',
      },
      notApplicable: {
        ja: '評価 {{assessment}} は NotApplicable です（対象のアカウントがありません）',
        en: 'Assessment {{assessment}} is NotApplicable (no accounts to assess)',
      },
      noAssessment: {
        ja: 'エクスポートに Defender for Cloud のゲスト評価がありません。書き込み権限を持つゲストを手動で確認してください',
        en: 'The export has no Defender for Cloud guest assessment: review guests with write permissions manually',
      },
      noStatus: NO_STATUS,
      notEvaluated: NOT_EVALUATED,
      guestWriteAssigned: {
        ja: 'ゲスト アカウント {{guests}} に、サブスクリプションに書き込めるロール（所有者、共同作成者、ユーザアクセス管理者など）が割り当てられています',
        en: 'Guest account(s) {{guests}} are assigned roles that write to the subscription (Owner, Contributor, User Access Administrator, …)',
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
  // Defender for Cloud's assessment decides where it tells. Without it, the role assignments
  // still show a guest holding a role that writes (Owner, Contributor, a role that may assign
  // roles) on the subscription or above it (lib/directory-users.ts): that fails; their absence
  // proves nothing.
  evaluate(subscription: Resource, ctx): CheckResult<AssessmentMessage | 'guestWriteAssigned'> {
    return assessedOrHolders(
      subscription,
      ctx,
      GUEST_WRITE_KEYS,
      writesResources,
      guestOf,
      'guestWriteAssigned',
      'guests',
    );
  },
});
