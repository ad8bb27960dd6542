import type { Resource } from '../../../model/resource.ts';
import { type CheckResult, defineCheck } from '../../check.ts';
import { type AssessmentMessage, NO_STATUS, NOT_EVALUATED } from '../lib/assessment.ts';
import { assessedOrHolders, ownsSubscription, unregisteredMemberOf } from '../lib/directory-users.ts';

/** "Accounts with owner permissions on Azure resources should be MFA enabled" (V2), then the deprecated V1 key. */
const OWNER_MFA_KEYS = ['6240402e-f77c-46fa-9060-a7ce53997754', '94290b00-4d0c-d7b4-7cea-064a9554e681'];

export default defineCheck({
  meta: {
    id: 'azure.iam.owner-mfa',
    provider: 'azure',
    resourceTypes: ['account'],
    severity: 'high',
    title: {
      ja: '所有者権限を持つアカウントで多要素認証（MFA）が有効になっている',
      en: 'Accounts with owner permissions use multi-factor authentication (MFA)',
    },
    rationale: {
      ja: '所有者はサブスクリプションのすべてを変更・削除できます。パスワードだけの所有者アカウントは、漏えいした時点で環境全体を奪われます。',
      en: 'Owners can change or delete anything in the subscription; an owner protected by a password alone hands over the whole environment once the password leaks.',
    },
    remediation: {
      ja: 'Microsoft Entra ID の条件付きアクセスで「Azure の管理（Windows Azure Service Management API）」に MFA を要求するポリシーを作成します（Entra 管理センター > 保護 > 条件付きアクセス）。ライセンスがない場合はセキュリティの既定値を有効にします。対象者は Defender for Cloud の推奨事項「Accounts with owner permissions on Azure resources should be MFA enabled」で確認できます（az security assessment show --name 6240402e-f77c-46fa-9060-a7ce53997754）。',
      en: 'Require MFA for "Windows Azure Service Management API" with a Microsoft Entra Conditional Access policy (Entra admin center > Protection > Conditional Access), or turn on security defaults without Entra ID P1. Defender for Cloud\'s recommendation "Accounts with owner permissions on Azure resources should be MFA enabled" lists the accounts (az security assessment show --name 6240402e-f77c-46fa-9060-a7ce53997754).',
    },
    messages: {
      healthy: {
        ja: 'Defender for Cloud の評価 {{assessment}} は Healthy です（所有者は全員 MFA 有効）',
        en: 'Defender for Cloud assessment {{assessment}} is Healthy (every owner has MFA)',
      },
      unhealthy: {
        ja: 'MFA が有効でない所有者アカウントがあります（評価 {{assessment}}: Unhealthy）',
        en: 'Some accounts with owner permissions do not have MFA (assessment {{assessment}}: Unhealthy)',
      },
      notApplicable: {
        ja: '評価 {{assessment}} は NotApplicable です（対象の所有者アカウントがありません）',
        en: 'Assessment {{assessment}} is NotApplicable (no owner accounts to assess)',
      },
      noAssessment: {
        ja: 'エクスポートに Defender for Cloud の MFA 評価がありません。所有者の MFA を手動で確認してください',
        en: "The export has no Defender for Cloud MFA assessment: confirm the owners' MFA manually",
      },
      noStatus: NO_STATUS,
      notEvaluated: NOT_EVALUATED,
      ownerNotRegistered: {
        ja: '所有者 {{users}} は MFA に使える認証方法を登録していません（Microsoft Entra ID のユーザ登録の詳細: isMfaRegistered が false）',
        en: 'Owner(s) {{users}} have registered no method that can do MFA (Microsoft Entra ID user registration details: isMfaRegistered false)',
      },
      unknownStatus: {
        ja: '評価 {{assessment}} の状態（{{status}}）からは判定できません',
        en: 'The status of assessment {{assessment}} ({{status}}) does not tell',
      },
    },
    references: [
      'https://learn.microsoft.com/azure/defender-for-cloud/multi-factor-authentication-enforcement',
      'https://learn.microsoft.com/azure/defender-for-cloud/recommendations-reference-identity-access',
    ],
  },
  // Defender for Cloud's assessment decides where it tells. Without it, a member user holding the
  // role on the subscription or above it who has registered no MFA method (Graph's
  // userRegistrationDetails) fails (lib/directory-users.ts); registered methods do not show that
  // MFA is required at sign-in, so they never pass.
  evaluate(subscription: Resource, ctx): CheckResult<AssessmentMessage | 'ownerNotRegistered'> {
    return assessedOrHolders(
      subscription,
      ctx,
      OWNER_MFA_KEYS,
      ownsSubscription,
      unregisteredMemberOf,
      'ownerNotRegistered',
      'users',
    );
  },
});
