import {
  GenerateCredentialReportCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
} from '@aws-sdk/client-iam';
import { systemClock } from '../../../base/calls/clock.ts';
import { accountSummaryFacts } from '../account-summary.ts';
import { awsCredentialReportFormat } from '../credential-report.ts';
import { accountResource } from '../password-policy.ts';
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
  await awsCredentialReportFormat.load?.();
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
  let summary: Readonly<Record<string, unknown>>;
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
  collection.ctx.emit(
    accountResource(scope.account, accountSummaryFacts(summary), {
      file: `aws:iam:GetAccountSummary ${scope.account}`,
    }),
  );
}
