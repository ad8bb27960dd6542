import type { AwsAccountFacts } from '../../model/aws.ts';
import { explicit, type Fact, unknown } from '../../model/fact.ts';
import type { DocumentFormat } from '../format.ts';
import { placeInPath } from './cli-answer.ts';
import { asRecord } from './config-item.ts';
import { accountResource } from './password-policy.ts';

/**
 * `aws iam get-account-summary` (`{"SummaryMap": {"AccountMFAEnabled": 0, …}}`): the root user's
 * MFA and access keys, counted for the account, and its password (`AccountPasswordPresent`,
 * answered since centralized root access, November 2024). It names no account: the dump's folders or the
 * file name's leading `<account>_` do, as for the password policy; without them it is skipped.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountSummary.html
 */
export const awsAccountSummaryFormat: DocumentFormat = {
  kind: 'document',
  id: 'aws-iam-account-summary',
  provider: 'aws',
  description:
    'aws iam get-account-summary output ({"SummaryMap": …}: root MFA, root access keys and root password; the account from the file name <account>_… or the dump’s <account>/ folders)',
  matches(document) {
    const summary = asRecord(asRecord(document)?.['SummaryMap']);
    return summary !== undefined && 'AccountMFAEnabled' in summary;
  },
  *read(document, ctx) {
    const summary = asRecord(asRecord(document)?.['SummaryMap']) ?? {};
    const { account } = placeInPath(ctx.file);
    if (!account) {
      ctx.skip(
        'aws iam get-account-summary names no account: saved as <account>_account-summary.json or in <account>/ folders, it is read',
        { index: 0 },
      );
      return;
    }
    yield accountResource(account, accountSummaryFacts(summary), { file: ctx.file });
  },
};

/**
 * `AccountMFAEnabled` (root MFA), `AccountAccessKeysPresent` (root access keys, active or not)
 * and `AccountPasswordPresent` (root password) of a GetAccountSummary answer.
 */
export function accountSummaryFacts(summary: Readonly<Record<string, unknown>>): AwsAccountFacts {
  // Answered since centralized root access (November 2024): an older answer leaves the fact absent.
  const passwordPresent = summary['AccountPasswordPresent'];
  return {
    rootMfaActive: summaryFlag(summary, 'AccountMFAEnabled'),
    rootAccessKeyActive: rootKeys(summary),
    ...(typeof passwordPresent === 'number' && {
      rootPasswordPresent: explicit(passwordPresent > 0, 'SummaryMap.AccountPasswordPresent'),
    }),
  };
}

function summaryFlag(summary: Readonly<Record<string, unknown>>, key: string): Fact<boolean> {
  const value = summary[key];
  return typeof value === 'number'
    ? explicit(value > 0, `SummaryMap.${key}`)
    : unknown(`SummaryMap.${key}`, {
        ja: `GetAccountSummary の応答に ${key} がありません`,
        en: `the GetAccountSummary reply has no ${key}`,
      });
}

/** No root key at all: none active. A key present may be inactive, which only the report tells. */
function rootKeys(summary: Readonly<Record<string, unknown>>): Fact<boolean> {
  const present = summaryFlag(summary, 'AccountAccessKeysPresent');
  if (present.source === 'unknown' || present.value === false) return present;
  return unknown('SummaryMap.AccountAccessKeysPresent', {
    ja: 'ルートユーザにアクセスキーがあります（GetAccountSummary の AccountAccessKeysPresent が 1）。有効かどうかは資格情報レポートでしか分かりません: 削除してください',
    en: 'the root user has an access key (GetAccountSummary AccountAccessKeysPresent is 1); whether it is active only the credential report tells: delete it',
  });
}
