import type { AwsIamUserFacts } from '../../../model/aws.ts';
import { factOf } from '../../../model/facts.ts';
import { defineCheck, fail, notApplicable, pass, undetermined } from '../../check.ts';
import { NO_CREDENTIAL_REPORT_ROW } from '../lib/credential-report.ts';

export default defineCheck<AwsIamUserFacts, 'mfa' | 'noMfa' | 'noConsole' | 'noReport'>({
  meta: {
    id: 'aws.iam.console-user-mfa',
    provider: 'aws',
    resourceTypes: ['iam.user'],
    severity: 'high',
    title: {
      ja: 'コンソールにサインインできる IAM ユーザに MFA が設定されている',
      en: 'IAM users who can sign in to the console have MFA',
    },
    rationale: {
      ja: 'パスワードだけのアカウントは、漏えいや推測で第三者にサインインされます。すべての利用者アカウントに MFA が求められます。',
      en: 'An account protected by a password alone can be signed in to by whoever guesses or steals it; every user account needs MFA.',
    },
    remediation: {
      ja: 'IAM コンソールの「ユーザ」→ 対象ユーザ →「セキュリティ認証情報」→「MFA デバイスの割り当て」で登録します。MFA なしの操作を拒否する IAM ポリシー（aws:MultiFactorAuthPresent）の併用を推奨します。',
      en: 'In the IAM console open Users → the user → "Security credentials" → "Assign MFA device". Also deny actions without MFA with an IAM policy on aws:MultiFactorAuthPresent.',
    },
    messages: {
      mfa: { ja: 'IAM ユーザ {{user}} に MFA が設定されています', en: 'IAM user {{user}} has MFA' },
      noMfa: {
        ja: 'コンソールパスワードを持つ IAM ユーザ {{user}} に MFA が設定されていません',
        en: 'IAM user {{user}} has a console password and no MFA',
      },
      noConsole: {
        ja: 'IAM ユーザ {{user}} にはコンソールパスワードがありません',
        en: 'IAM user {{user}} has no console password',
      },
      noReport: NO_CREDENTIAL_REPORT_ROW,
    },
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html'],
  },
  evaluate(resource) {
    const data = { user: resource.name };
    const password = factOf(resource.facts.passwordEnabled, 'password_enabled');
    const mfa = factOf(resource.facts.mfaActive, 'mfa_active');
    if (password.source === 'unknown') return undetermined('noReport', [password], data);
    if (!password.value) return notApplicable('noConsole', [password], data);
    if (mfa.source === 'unknown') return undetermined('noReport', [password, mfa], data);
    return mfa.value ? pass('mfa', [password, mfa], data) : fail('noMfa', [password, mfa], data);
  },
});
