import { factOf } from '../../../model/facts.ts';
import type { GcpServiceAccountKeyFacts } from '../../../model/gcp.ts';
import { defineCheck, fail, notApplicable, pass, undetermined } from '../../check.ts';
import { daysSince } from '../../days.ts';

type Message = 'recent' | 'tooOld' | 'systemManaged' | 'disabled' | 'expired' | 'unknown';

export default defineCheck<GcpServiceAccountKeyFacts, Message>({
  meta: {
    id: 'gcp.iam.service-account-key-age',
    provider: 'gcp',
    resourceTypes: ['iam.service-account-key'],
    severity: 'medium',
    title: {
      ja: 'ユーザ管理のサービスアカウント キーが所定の日数（既定 90 日）以内にローテーションされている',
      en: 'User-managed service account keys are rotated within the required days (90 by default)',
    },
    rationale: {
      ja: 'ユーザ管理のキーは期限なく使え、漏えいしても気付きにくい長期の認証情報です。定期的に作り直し、古いキーは削除します（可能なら Workload Identity 等でキー自体をなくします）。',
      en: 'User-managed keys are long-lived credentials that never expire and leak unnoticed. Recreate them regularly and delete old ones (better, avoid keys with Workload Identity and similar).',
    },
    remediation: {
      ja: 'gcloud iam service-accounts keys create <ファイル> --iam-account=<サービスアカウント> で新しいキーを作って利用側を切り替え、gcloud iam service-accounts keys delete <キー ID> --iam-account=<サービスアカウント> で古いキーを削除します（コンソール: IAM と管理 > サービスアカウント > キー）。',
      en: 'Create a new key with gcloud iam service-accounts keys create <file> --iam-account=<service account>, switch its users over, and delete the old key with gcloud iam service-accounts keys delete <key id> --iam-account=<service account> (console: IAM & Admin > Service accounts > Keys).',
    },
    messages: {
      recent: {
        ja: '作成から {{days}} 日です（基準 {{max}} 日以内）',
        en: 'Created {{days|day|days}} ago (at most {{max}} allowed)',
      },
      tooOld: {
        ja: '作成から {{days}} 日経過しており、基準の {{max}} 日を超えています',
        en: 'Created {{days|day|days}} ago, older than the allowed {{max|day|days}}',
      },
      systemManaged: {
        ja: 'Google が管理・ローテーションするキーです（対象外）',
        en: 'A Google-managed key, rotated by Google (not applicable)',
      },
      disabled: { ja: 'キーは無効化されています（対象外）', en: 'The key is disabled (not applicable)' },
      expired: {
        ja: 'キーは有効期限（{{expired}}）を過ぎており、認証に使えません（対象外）',
        en: 'The key expired at {{expired}} and can no longer authenticate (not applicable)',
      },
      unknown: {
        ja: 'エクスポートからキーの種類または作成日時を判断できません',
        en: 'The export does not show the key type or creation time',
      },
    },
    references: [
      'https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys',
      'https://cloud.google.com/iam/docs/reference/rest/v1/projects.serviceAccounts.keys',
    ],
  },
  evaluate(key, ctx) {
    const keyType = factOf(key.facts.keyType, 'resource.data.keyType');
    const disabled = factOf(key.facts.disabled, 'resource.data.disabled');
    const created = factOf(key.facts.validAfterTime, 'resource.data.validAfterTime');
    // A disabled or expired key cannot authenticate, whoever manages it.
    if (disabled.value === true) return notApplicable('disabled', [disabled]);
    const expires = key.facts.validBeforeTime;
    if (expires?.value !== undefined && Date.parse(expires.value) <= ctx.now.getTime())
      return notApplicable('expired', [expires], { expired: expires.value });
    if (keyType.value === 'SYSTEM_MANAGED') return notApplicable('systemManaged', [keyType]);
    // Unknown, or KEY_TYPE_UNSPECIFIED: the key may be user-managed.
    if (keyType.value !== 'USER_MANAGED') return undetermined('unknown', [keyType]);
    const since = created.value === undefined ? Number.NaN : Date.parse(created.value);
    if (Number.isNaN(since) || disabled.source === 'unknown')
      return undetermined('unknown', [created, disabled]);
    const days = daysSince(since, ctx.now);
    const max = ctx.params.maxKeyAgeDays;
    const evidence = [keyType, disabled, created];
    return days > max ? fail('tooOld', evidence, { days, max }) : pass('recent', evidence, { days, max });
  },
});
