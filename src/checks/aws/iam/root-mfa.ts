import type { AwsAccountFacts } from '../../../model/aws.ts';
import { factOf } from '../../../model/facts.ts';
import { defineCheck, fail, notApplicable, pass, undetermined } from '../../check.ts';
import { missingData } from '../../missing-data.ts';

export default defineCheck<AwsAccountFacts, 'mfa' | 'noMfa' | 'noPassword' | 'noReport'>({
  meta: {
    id: 'aws.iam.root-mfa',
    provider: 'aws',
    resourceTypes: ['account'],
    severity: 'critical',
    title: {
      ja: 'ルートユーザに多要素認証（MFA）が設定されている',
      en: 'The root user has multi-factor authentication (MFA)',
    },
    rationale: {
      ja: 'ルートユーザはアカウントのすべての操作ができ、権限を制限できません。パスワードだけで守られていると、漏えい時にアカウント全体を失います。',
      en: 'The root user can do everything in the account and cannot be restricted; protected by a password alone, a leak loses the whole account.',
    },
    remediation: {
      ja: 'ルートユーザでサインインし、AWS マネジメントコンソールの「IAM」→「ダッシュボード」→「ルートユーザの MFA を追加」から MFA デバイス（ハードウェアキー推奨）を登録します。確認: aws iam get-account-summary（AccountMFAEnabled が 1）。',
      en: 'Sign in as the root user and open IAM → Dashboard → "Add MFA for root user" in the AWS Management Console; register an MFA device (a hardware key preferably). Verify: aws iam get-account-summary (AccountMFAEnabled is 1).',
    },
    messages: {
      mfa: { ja: 'ルートユーザに MFA が設定されています', en: 'The root user has MFA' },
      noMfa: { ja: 'ルートユーザに MFA が設定されていません', en: 'The root user has no MFA' },
      noPassword: {
        ja: 'ルートユーザにパスワードがありません（AccountPasswordPresent が 0。組織の一元的なルートアクセス管理で資格情報が削除されたアカウント）: ルートユーザとしてサインインできません',
        en: 'The root user has no password (AccountPasswordPresent 0: an account whose organization removed its root credentials): no one can sign in as root',
      },
      noReport: missingData(
        {
          ja: 'IAM 資格情報レポート（<root_account> 行）がないため判断できません',
          en: 'Cannot tell: no IAM credential report (<root_account> row) in the export',
        },
        'awsCredentialReport',
      ),
    },
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-virt-mfa-for-root.html'],
  },
  evaluate(resource) {
    const mfa = factOf(resource.facts.rootMfaActive, 'mfa_active');
    // Centralized root access: a root user without credentials has no sign-in for MFA to guard.
    const password = resource.facts.rootPasswordPresent;
    if (mfa.value !== true && password?.source === 'explicit' && !password.value)
      return notApplicable('noPassword', [password]);
    if (mfa.source === 'unknown') return undetermined('noReport', [mfa]);
    return mfa.value ? pass('mfa', [mfa]) : fail('noMfa', [mfa]);
  },
});
