import type { AwsIamUserFacts } from '../../../model/aws.ts';
import { factOf } from '../../../model/facts.ts';
import { defineCheck, fail, notApplicable, pass, undetermined } from '../../check.ts';
import { daysSince } from '../../days.ts';
import { keyColumn, NO_CREDENTIAL_REPORT_ROW } from '../lib/credential-report.ts';

export default defineCheck<AwsIamUserFacts, 'fresh' | 'stale' | 'noKeys' | 'noReport'>({
  meta: {
    id: 'aws.iam.access-key-age',
    provider: 'aws',
    resourceTypes: ['iam.user'],
    severity: 'medium',
    title: {
      ja: 'IAM ユーザの有効なアクセスキーが所定の日数（既定 90 日）以内にローテーションされている',
      en: 'Active IAM user access keys were rotated within the allowed days (90 by default)',
    },
    rationale: {
      ja: '長期間使われ続けるアクセスキーは、漏えいしても気付かれないまま悪用され続けます。認証情報は定期的に更新し、不要なものは失効させる必要があります。',
      en: 'A long-lived access key that leaks can be abused unnoticed for as long as it lives; credentials must be renewed regularly and unused ones revoked.',
    },
    remediation: {
      ja: 'aws iam create-access-key --user-name <ユーザ> で新しいキーを作って利用側を切り替え、aws iam update-access-key --user-name <ユーザ> --access-key-id <古いキー> --status Inactive の後 aws iam delete-access-key で削除します。可能なら IAM ロールや IAM Identity Center の一時的な認証情報に移行します。',
      en: 'Create a new key with aws iam create-access-key --user-name <user>, switch its users over, then aws iam update-access-key --user-name <user> --access-key-id <old key> --status Inactive and aws iam delete-access-key; prefer temporary credentials (IAM roles, IAM Identity Center).',
    },
    messages: {
      fresh: {
        ja: 'IAM ユーザ {{user}} の有効なアクセスキーは {{max}} 日以内にローテーションされています',
        en: 'The active access keys of IAM user {{user}} were rotated within {{max|day|days}}',
      },
      stale: {
        ja: 'IAM ユーザ {{user}} のアクセスキーが {{max}} 日を超えてローテーションされていません: {{keys}}',
        en: 'Access keys of IAM user {{user}} were not rotated for more than {{max|day|days}}: {{keys}}',
      },
      noKeys: {
        ja: 'IAM ユーザ {{user}} に有効なアクセスキーはありません',
        en: 'IAM user {{user}} has no active access key',
      },
      noReport: NO_CREDENTIAL_REPORT_ROW,
    },
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console',
    ],
  },
  evaluate(resource, ctx) {
    const max = ctx.params.maxKeyAgeDays;
    const data = { user: resource.name, max };
    const keys = factOf(resource.facts.activeAccessKeys, 'access_key_1_active,access_key_2_active');
    if (keys.source === 'unknown') {
      // A Terraform plan or state shows the keys it manages, not all the user's: one of them
      // too old fails the user; none too old leaves the others unknown.
      const managed = resource.facts.managedAccessKeys;
      const old = (managed?.value ?? []).filter((key) => daysSince(key.created, ctx.now) > max);
      if (managed && old.length > 0)
        return fail('stale', [managed], {
          ...data,
          keys: old.map((key) => `${key.address}.create_date = ${key.created}`),
        });
      return undetermined('noReport', [keys], data);
    }
    if (keys.value.length === 0) return notApplicable('noKeys', [keys], data);
    const stale = keys.value.flatMap((key) => {
      const days = daysSince(key.lastRotated, ctx.now);
      // Each key by its credential report column and value: names and values read alike in both languages.
      return days > max ? [`${keyColumn(key, 'lastRotated')} = ${key.lastRotated}`] : [];
    });
    return stale.length > 0 ? fail('stale', [keys], { ...data, keys: stale }) : pass('fresh', [keys], data);
  },
});
