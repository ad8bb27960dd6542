import { GenerateCredentialReportCommand, GetCredentialReportCommand } from '@aws-sdk/client-iam';
import { awsCredentialReportFormat } from '../credential-report.ts';
import { sleep } from './clients.ts';
import type { Collection, Scope } from './index.ts';

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
  const iam = scope.clients.iam;
  for (let poll = 0; ; poll++) {
    const reply = await collection.call(scope, () => iam.send(new GenerateCredentialReportCommand({})));
    if (reply.State === 'COMPLETE') break;
    if (poll + 1 >= MAX_POLLS)
      throw new Error(`the credential report is still ${reply.State} after ${MAX_POLLS} polls`);
    await sleep(collection.deps.reportPollMs);
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
