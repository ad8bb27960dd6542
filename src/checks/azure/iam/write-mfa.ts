import type { Resource } from '../../../model/resource.ts';
import { type CheckResult, defineCheck } from '../../check.ts';
import { type AssessmentMessage, NO_STATUS, NOT_EVALUATED } from '../lib/assessment.ts';
import { assessedOrHolders, unregisteredMemberOf, writesResources } from '../lib/directory-users.ts';

/** "Accounts with write permissions on Azure resources should be MFA enabled" (V2), then the deprecated V1 key. */
const WRITE_MFA_KEYS = ['c0cb17b2-0607-48a7-b0e0-903ed22de39b', '57e98606-6b1e-6193-0e3d-fe621387c16b'];

export default defineCheck({
  meta: {
    id: 'azure.iam.write-mfa',
    provider: 'azure',
    resourceTypes: ['account'],
    severity: 'high',
    title: {
      ja: '書き込み権限を持つアカウントで多要素認証（MFA）が有効になっている',
      en: 'Accounts with write permissions use multi-factor authentication (MFA)',
    },
    rationale: {
      ja: '共同作成者など書き込み権限を持つアカウントは、リソースの作成・変更・削除ができます。MFA がなければパスワード漏えいがそのまま改ざんにつながります。',
      en: 'Accounts with write permissions (Contributor and the like) can create, change and delete resources; without MFA a leaked password leads straight to tampering.',
    },
    remediation: {
      ja: 'Microsoft Entra ID の条件付きアクセスで Azure の管理に MFA を要求します（Entra 管理センター > 保護 > 条件付きアクセス）。対象者は Defender for Cloud の推奨事項「Accounts with write permissions on Azure resources should be MFA enabled」で確認できます（az security assessment show --name c0cb17b2-0607-48a7-b0e0-903ed22de39b）。',
      en: 'Require MFA for Azure management with a Microsoft Entra Conditional Access policy (Entra admin center > Protection > Conditional Access). Defender for Cloud\'s recommendation "Accounts with write permissions on Azure resources should be MFA enabled" lists the accounts (az security assessment show --name c0cb17b2-0607-48a7-b0e0-903ed22de39b).',
    },
    messages: {
      healthy: {
        ja: 'Defender for Cloud の評価 {{assessment}} は Healthy です（書き込み権限を持つアカウントは全員 MFA 有効）',
        en: 'Defender for Cloud assessment {{assessment}} is Healthy (every account with write permissions has MFA)',
      },
      unhealthy: {
        ja: 'MFA が有効でない書き込み権限のアカウントがあります（評価 {{assessment}}: Unhealthy）',
        en: 'Some accounts with write permissions do not have MFA (assessment {{assessment}}: Unhealthy)',
      },
      notApplicable: {
        ja: '評価 {{assessment}} は NotApplicable です（対象のアカウントがありません）',
        en: 'Assessment {{assessment}} is NotApplicable (no accounts to assess)',
      },
      noAssessment: {
        ja: 'エクスポートに Defender for Cloud の MFA 評価がありません。書き込み権限を持つアカウントの MFA を手動で確認してください',
        en: 'The export has no Defender for Cloud MFA assessment: confirm MFA of the accounts with write permissions manually',
      },
      noStatus: NO_STATUS,
      notEvaluated: NOT_EVALUATED,
      writerNotRegistered: {
        ja: '書き込み権限を持つ {{users}} は MFA に使える認証方法を登録していません（Microsoft Entra ID のユーザ登録の詳細: isMfaRegistered が false）',
        en: 'Account(s) with write permissions {{users}} have registered no method that can do MFA (Microsoft Entra ID user registration details: isMfaRegistered false)',
      },
      unknownStatus: {
        ja: '評価 {{assessment}} の状態（{{status}}）からは判定できません',
        en: 'The status of assessment {{assessment}} ({{status}}) does not tell',
      },
    },
    references: [
      'https://learn.microsoft.com/azure/defender-for-cloud/multi-factor-authentication-enforcement',
    ],
  },
  // Defender for Cloud's assessment decides where it tells. Without it, a member user holding the
  // role on the subscription or above it who has registered no MFA method (Graph's
  // userRegistrationDetails) fails (lib/directory-users.ts); registered methods do not show that
  // MFA is required at sign-in, so they never pass.
  evaluate(subscription: Resource, ctx): CheckResult<AssessmentMessage | 'writerNotRegistered'> {
    return assessedOrHolders(
      subscription,
      ctx,
      WRITE_MFA_KEYS,
      writesResources,
      unregisteredMemberOf,
      'writerNotRegistered',
      'users',
    );
  },
});
