import {
  GenerateCredentialReportCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
} from '@aws-sdk/client-iam';
import { systemClock } from '../../../base/calls/clock.ts';
import type { AwsAccountFacts } from '../../../model/aws.ts';
import { explicit, type Fact, unknown } from '../../../model/fact.ts';
import { accountResourceId } from '../../../model/resource.ts';
import { awsCredentialReportFormat } from '../credential-report.ts';
import { describeError } from './errors.ts';
import type { Collection, Scope } from './scope.ts';

/** Polls of GenerateCredentialReport before giving up (IAM builds a report in seconds). */
const MAX_POLLS = 30;

/**
 * The IAM credential report (MFA, console password and access-key age per user, and the root
 * user's MFA and keys): what AWS Config does not record. `GenerateCredentialReport` answers
 * COMPLETE at once when a report younger than four hours exists; otherwise it is polled.
 * The CSV goes through the offline `aws-iam-credential-report` reader and is saved as is.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
 */
export async function collectCredentialReport(collection: Collection, scope: Scope): Promise<void> {
  try {
    await readCredentialReport(collection, scope);
  } catch (error) {
    // Denied, or still being generated after every poll: root MFA and root keys from the summary.
    await collectAccountSummary(collection, scope, error);
  }
}

async function readCredentialReport(collection: Collection, scope: Scope): Promise<void> {
  const iam = scope.clients.iam;
  for (let poll = 0; ; poll++) {
    const reply = await collection.call(scope, () => iam.send(new GenerateCredentialReportCommand({})));
    if (reply.State === 'COMPLETE') break;
    if (poll + 1 >= MAX_POLLS)
      throw new Error(`the credential report is still ${reply.State} after ${MAX_POLLS} polls`);
    await systemClock.sleep(collection.reportPollMs, scope.deadline);
  }
  const report = await collection.call(scope, () => iam.send(new GetCredentialReportCommand({})));
  if (!report.Content) throw new Error('GetCredentialReport returned no content');
  const text = Buffer.from(report.Content).toString('utf8');
  const file = `iam/${scope.account}_credential-report.csv`;
  scope.resources += collection.emitAll(
    awsCredentialReportFormat.read(text, collection.readContext(`aws:${file}`)),
  );
  await collection.save(file, text);
}

/**
 * `GetAccountSummary`, when the credential report cannot be had: `AccountMFAEnabled` (root MFA)
 * and `AccountAccessKeysPresent` (root access keys, active or not), emitted as a record of the
 * account resource that the inventory merges with the rest. The per-user columns (console
 * password, MFA, key age) have no other source and stay unknown: the scope lists the gap. If
 * the summary fails too, the report's error is the scope's.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountSummary.html
 */
async function collectAccountSummary(
  collection: Collection,
  scope: Scope,
  reportError: unknown,
): Promise<void> {
  let summary: Record<string, number>;
  try {
    const reply = await collection.call(scope, () =>
      scope.clients.iam.send(new GetAccountSummaryCommand({})),
    );
    summary = reply.SummaryMap ?? {};
  } catch {
    throw reportError;
  }
  scope.gaps.push(
    `credential report not read (${describeError(reportError)}): root MFA and root access keys from iam:GetAccountSummary; per-user console password, MFA and access-key age unknown`,
  );
  const facts: AwsAccountFacts = {
    rootMfaActive: summaryFlag(summary, 'AccountMFAEnabled'),
    rootAccessKeyActive: rootKeys(summary),
  };
  collection.ctx.emit({
    provider: 'aws',
    account: scope.account,
    region: 'global',
    kansaType: 'account',
    nativeType: 'AWS::::Account',
    id: accountResourceId('aws', scope.account),
    name: scope.account,
    tags: {},
    facts,
    origin: { file: `aws:iam:GetAccountSummary ${scope.account}` },
  });
}

function summaryFlag(summary: Record<string, number>, key: string): Fact<boolean> {
  const value = summary[key];
  return typeof value === 'number'
    ? explicit(value > 0, `SummaryMap.${key}`)
    : unknown(`SummaryMap.${key}`, {
        ja: `GetAccountSummary の応答に ${key} がありません`,
        en: `the GetAccountSummary reply has no ${key}`,
      });
}

/** No root key at all: none active. A key present may be inactive, which only the report tells. */
function rootKeys(summary: Record<string, number>): Fact<boolean> {
  const present = summaryFlag(summary, 'AccountAccessKeysPresent');
  if (present.source === 'unknown' || present.value === false) return present;
  return unknown('SummaryMap.AccountAccessKeysPresent', {
    ja: 'ルートユーザにアクセスキーがあります（GetAccountSummary の AccountAccessKeysPresent が 1）。有効かどうかは資格情報レポートでしか分かりません: 削除してください',
    en: 'the root user has an access key (GetAccountSummary AccountAccessKeysPresent is 1); whether it is active only the credential report tells: delete it',
  });
}
