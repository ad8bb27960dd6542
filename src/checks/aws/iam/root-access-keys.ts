import type { AwsAccountFacts } from '../../../model/aws.ts';
import { factOf } from '../../../model/facts.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';
import { missingData } from '../../missing-data.ts';

export default defineCheck<AwsAccountFacts, 'noKeys' | 'activeKey' | 'noReport'>({
  meta: {
    id: 'aws.iam.root-access-keys',
    provider: 'aws',
    resourceTypes: ['account'],
    severity: 'critical',
    title: {
      ja: 'ルートユーザに有効なアクセスキーがない',
      en: 'The root user has no active access key',
    },
    rationale: {
      ja: 'ルートユーザのアクセスキーは無制限の権限を持ち、MFA なしで使えます。漏えいすればアカウント全体が奪われます。',
      en: 'A root access key carries unrestricted rights and works without MFA; if it leaks, the whole account is taken over.',
    },
    remediation: {
      ja: 'ルートユーザでサインインし、「セキュリティ認証情報」→「アクセスキー」でキーを無効化してから削除します。必要な処理は権限を絞った IAM ロールに移します。',
      en: 'Sign in as the root user, open "Security credentials" → "Access keys", deactivate then delete the keys; move whatever used them to a least-privilege IAM role.',
    },
    messages: {
      noKeys: {
        ja: 'ルートユーザに有効なアクセスキーはありません',
        en: 'The root user has no active access key',
      },
      activeKey: {
        ja: 'ルートユーザに有効なアクセスキーがあります',
        en: 'The root user has an active access key',
      },
      noReport: missingData(
        {
          ja: 'IAM 資格情報レポート（<root_account> 行）がないため判断できません',
          en: 'Cannot tell: no IAM credential report (<root_account> row) in the export',
        },
        'awsCredentialReport',
      ),
    },
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html'],
  },
  evaluate(resource) {
    const active = factOf(resource.facts.rootAccessKeyActive, 'access_key_1_active');
    if (active.source === 'unknown') return undetermined('noReport', [active]);
    return active.value ? fail('activeKey', [active]) : pass('noKeys', [active]);
  },
});
