import type { AwsIamUserFacts } from '../../../model/aws.ts';
import { factOf } from '../../../model/facts.ts';
import { defineCheck, type Evidence, fail, notApplicable, pass, undetermined } from '../../check.ts';
import { daysSince } from '../../days.ts';
import { keyColumn, NO_CREDENTIAL_REPORT_ROW } from '../lib/credential-report.ts';

/**
 * OSK-1.5 (Osaka guidelines 第4章 3.1(1)⑧: ユーザ ID などの失効管理): a console password or an
 * active access key not used for longer than the organisation's limit (maxUnusedDays) is a
 * credential left alive. A credential never used counts from when it was made (the password's
 * setting, `password_last_changed`, as CIS AWS Foundations 1.12 reads it; the key's last
 * rotation); an access key whose last use the export does not give (ListAccessKeys' metadata
 * only) is unknown once it is older than the limit. One stale credential fails the user even
 * where the export does not show the others.
 */
export default defineCheck<
  AwsIamUserFacts,
  'inUse' | 'unused' | 'noCredentials' | 'noReport' | 'lastUseUnknown' | 'passwordSetUnknown'
>({
  meta: {
    id: 'aws.iam.unused-credentials',
    provider: 'aws',
    resourceTypes: ['iam.user'],
    severity: 'medium',
    title: {
      ja: 'IAM ユーザのコンソールパスワードと有効なアクセスキーが組織の定める日数（既定 90 日）以内に使われている',
      en: "IAM users' console passwords and active access keys were used within the organisation's limit (90 days by default)",
    },
    rationale: {
      ja: '使われなくなったユーザ ID や認証情報は、退職・異動や用途の終了の後も残り、漏えいしても気付かれません。ユーザ ID などは失効管理が必要です（大阪市ガイドライン 第4章 3.1(1)⑧）。',
      en: 'User IDs and credentials no longer used outlive the people and purposes they served, and a leak goes unnoticed; user IDs need to be revoked when no longer used (Osaka guidelines Ch.4 3.1(1)⑧).',
    },
    remediation: {
      ja: '不要なユーザは aws iam delete-login-profile --user-name <ユーザ> でパスワードを削除し、aws iam update-access-key --user-name <ユーザ> --access-key-id <キー> --status Inactive の後 aws iam delete-access-key でキーを削除します。ユーザ自体が不要なら削除します。',
      en: 'Remove the password of an unneeded user with aws iam delete-login-profile --user-name <user>, deactivate and delete unused keys (aws iam update-access-key --status Inactive, then aws iam delete-access-key), and delete users no longer needed.',
    },
    messages: {
      inUse: {
        ja: 'IAM ユーザ {{user}} の認証情報は {{max}} 日以内に使われています',
        en: 'The credentials of IAM user {{user}} were used within {{max|day|days}}',
      },
      unused: {
        ja: 'IAM ユーザ {{user}} の認証情報が {{max}} 日を超えて使われていません（最後に使われた日時、一度も使われていなければ作成またはローテーションの日時）: {{stale}}',
        en: 'Credentials of IAM user {{user}} unused for more than {{max|day|days}} (when last used, or when made or rotated if never used): {{stale}}',
      },
      noCredentials: {
        ja: 'IAM ユーザ {{user}} にはコンソールパスワードも有効なアクセスキーもありません',
        en: 'IAM user {{user}} has neither a console password nor an active access key',
      },
      noReport: NO_CREDENTIAL_REPORT_ROW,
      lastUseUnknown: {
        ja: 'IAM ユーザ {{user}} の {{max}} 日より前に作られたアクセスキーの最終使用日時がエクスポートにないため判断できません: {{undated}}',
        en: 'Cannot tell: the export does not show when access keys of IAM user {{user}} made over {{max|day|days}} ago were last used: {{undated}}',
      },
      passwordSetUnknown: {
        ja: 'IAM ユーザ {{user}} のコンソールパスワードは一度も使われていませんが、設定された日時がエクスポートにないため判断できません（ユーザの作成は {{max}} 日より前です）',
        en: 'Cannot tell: the console password of IAM user {{user}} was never used, and the export does not show when it was set (the user was made over {{max|day|days}} ago)',
      },
    },
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html',
    ],
  },
  evaluate(resource, ctx) {
    const max = ctx.params.maxUnusedDays;
    const data = { user: resource.name, max };
    const { facts } = resource;
    const password = factOf(facts.passwordEnabled, 'password_enabled');
    const keys = factOf(facts.activeAccessKeys, 'access_key_1_active,access_key_2_active');
    const evidence: Evidence[] = [password, keys];
    // Each stale credential by the credential report column that dated it, and its value: names
    // and values read alike in both languages.
    const stale: string[] = [];
    // Access keys made before the limit whose last use the export does not tell.
    const undated: string[] = [];
    const signIn = password.value ? passwordUse(facts, max, ctx.now, evidence) : {};
    if (signIn.stale) stale.push(signIn.stale);
    for (const key of keys.value ?? []) {
      // A key never used counts from its making; so does one whose last use the export leaves out
      // (ScoutSuite's ListAccessKeys without the credential report), which is then known to be
      // within the limit only when it was made within it.
      const since = key.lastUsed ?? key.lastRotated;
      if (daysSince(since, ctx.now) <= max) continue;
      if (key.lastUsed === undefined) undated.push(keyColumn(key, 'lastUsed'));
      else stale.push(`${keyColumn(key, key.lastUsed ? 'lastUsed' : 'lastRotated')} = ${since}`);
    }
    if (stale.length > 0) return fail('unused', evidence, { ...data, stale });
    if (password.source === 'unknown' || keys.source === 'unknown')
      return undetermined('noReport', evidence, data);
    if (signIn.unknown) return undetermined(signIn.unknown, evidence, data);
    if (undated.length > 0) return undetermined('lastUseUnknown', evidence, { ...data, undated });
    if (!password.value && keys.value.length === 0) return notApplicable('noCredentials', evidence, data);
    return pass('inUse', evidence, data);
  },
});

/** The console password's use: the column and value that show it stale, or why that is unknown. */
interface PasswordUse {
  readonly stale?: string;
  readonly unknown?: 'noReport' | 'passwordSetUnknown';
}

/**
 * The console password's use, measured from its last sign-in or, never used, from when it was
 * set: unknown when its last use is not known, or when it was never used and the export does not
 * show when it was set while its user is older than the limit (a password cannot predate its
 * user). Adds what it read to the evidence.
 */
function passwordUse(facts: AwsIamUserFacts, max: number, now: Date, evidence: Evidence[]): PasswordUse {
  const lastSignIn = factOf(facts.passwordLastUsed, 'password_last_used');
  evidence.push(lastSignIn);
  if (lastSignIn.source === 'unknown') return { unknown: 'noReport' };
  if (lastSignIn.value !== null) {
    return daysSince(lastSignIn.value, now) > max
      ? { stale: `password_last_used = ${lastSignIn.value}` }
      : {};
  }
  const set = factOf(facts.passwordSetAt, 'password_last_changed');
  if (set.source !== 'unknown') {
    evidence.push(set);
    return daysSince(set.value, now) > max ? { stale: `${set.path} = ${set.value}` } : {};
  }
  const created = factOf(facts.createdAt, 'user_creation_time');
  evidence.push(set, created);
  return created.source !== 'unknown' && daysSince(created.value, now) <= max
    ? {}
    : { unknown: 'passwordSetUnknown' };
}
