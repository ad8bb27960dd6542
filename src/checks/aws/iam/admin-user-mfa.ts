import type { AwsIamUserFacts } from '../../../model/aws.ts';
import { factOf } from '../../../model/facts.ts';
import { defineCheck, fail, notApplicable, pass, undetermined } from '../../check.ts';
import { NO_CREDENTIAL_REPORT_ROW } from '../lib/credential-report.ts';
import { isAdministrator } from '../lib/related.ts';

export default defineCheck<
  AwsIamUserFacts,
  'mfa' | 'noMfa' | 'notAdmin' | 'noConsole' | 'noReport' | 'adminUnknown'
>({
  meta: {
    id: 'aws.iam.admin-user-mfa',
    provider: 'aws',
    resourceTypes: ['iam.user'],
    severity: 'high',
    title: {
      ja: '管理者権限を持つコンソール利用の IAM ユーザに MFA が設定されている',
      en: 'IAM users with administrator rights and console access have MFA',
    },
    rationale: {
      ja: '特権アカウントには多要素認証が必須です（大阪市ガイドライン）。管理者権限（AdministratorAccess、または全操作を許可するインラインポリシー）のユーザが乗っ取られると、アカウント全体が危険にさらされます。',
      en: 'Privileged accounts must use multi-factor authentication (Osaka guideline). A hijacked user with administrator rights (AdministratorAccess or an inline allow-everything policy) exposes the whole account.',
    },
    remediation: {
      ja: 'IAM コンソールの「ユーザ」→ 対象ユーザ →「セキュリティ認証情報」→「MFA デバイスの割り当て」で登録します。管理者と一般利用者のアカウントを分け、管理作業は IAM Identity Center などの一時的な権限で行うことを推奨します。',
      en: 'In the IAM console open Users → the user → "Security credentials" → "Assign MFA device". Keep administrator and everyday accounts separate, and prefer temporary rights (IAM Identity Center) for administration.',
    },
    messages: {
      mfa: {
        ja: '管理者 IAM ユーザ {{user}} に MFA が設定されています',
        en: 'Administrator IAM user {{user}} has MFA',
      },
      noMfa: {
        ja: '管理者権限とコンソールパスワードを持つ IAM ユーザ {{user}} に MFA が設定されていません',
        en: 'IAM user {{user}} has administrator rights, a console password and no MFA',
      },
      notAdmin: {
        ja: 'IAM ユーザ {{user}} は管理者権限を持ちません',
        en: 'IAM user {{user}} has no administrator rights',
      },
      noConsole: {
        ja: 'IAM ユーザ {{user}} にはコンソールパスワードがありません',
        en: 'IAM user {{user}} has no console password',
      },
      noReport: NO_CREDENTIAL_REPORT_ROW,
      adminUnknown: {
        ja: 'IAM ユーザ {{user}} は MFA なしでコンソールを使えますが、管理者権限の有無がエクスポートから分かりません（AWS::IAM::User / Group の設定項目が必要です）',
        en: 'IAM user {{user}} can use the console without MFA, but the export does not show whether it has administrator rights (needs the AWS::IAM::User / Group items)',
      },
    },
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html',
      'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html',
    ],
  },
  evaluate(resource, ctx) {
    const data = { user: resource.name };
    const password = factOf(resource.facts.passwordEnabled, 'password_enabled');
    const mfa = factOf(resource.facts.mfaActive, 'mfa_active');
    if (password.source !== 'unknown' && !password.value) return notApplicable('noConsole', [password], data);
    // A user known to hold no administrator rights is outside the check whatever its console
    // password and MFA: Config's IAM items tell that without the credential report.
    const admin = isAdministrator(ctx.inventory, resource);
    if (admin.value === false) return notApplicable('notAdmin', admin.evidence, data);
    if (password.source === 'unknown' || mfa.source === 'unknown')
      return undetermined('noReport', [password, mfa], data);
    // MFA satisfies the requirement whether or not the rights are known.
    if (mfa.value) return pass('mfa', [password, mfa, ...(admin.value ? admin.evidence : [])], data);
    if (admin.value === undefined)
      return undetermined('adminUnknown', [password, mfa, ...admin.evidence], data);
    return fail('noMfa', [password, mfa, ...admin.evidence], data);
  },
});
