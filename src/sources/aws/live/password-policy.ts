import { GetAccountPasswordPolicyCommand, NoSuchEntityException } from '@aws-sdk/client-iam';
import { awsNoPasswordPolicyFormat, awsPasswordPolicyFormat } from '../password-policy.ts';
import { describeError } from './errors.ts';
import type { Collection, Scope } from './scope.ts';

const ACTION = 'iam:GetAccountPasswordPolicy';

/**
 * The account's IAM password policy (`GetAccountPasswordPolicy`), which Config does not record;
 * once per account. The reply goes through the offline reader in the shape the CLI writes, and is
 * saved so: `iam/<account>_password-policy.json`, or, when IAM answers NoSuchEntity (no policy:
 * AWS's default applies), the CLI's error line as `iam/<account>_password-policy.txt`. A denied
 * call leaves the policy unknown and lists the gap with the action and what grants it.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountPasswordPolicy.html
 */
export async function collectPasswordPolicy(collection: Collection, scope: Scope): Promise<void> {
  let policy: unknown;
  try {
    const reply = await collection.call(scope, () =>
      scope.clients.iam.send(new GetAccountPasswordPolicyCommand({})),
    );
    policy = reply.PasswordPolicy;
  } catch (error) {
    if (error instanceof NoSuchEntityException) {
      const file = `iam/${scope.account}_password-policy.txt`;
      const text = `An error occurred (NoSuchEntity) when calling the GetAccountPasswordPolicy operation: ${error.message}\n`;
      scope.resources += collection.emitAll(
        awsNoPasswordPolicyFormat.read(text, collection.readContext(`aws:${file}`)),
      );
      await collection.save(file, text);
      return;
    }
    if (scope.deadline.aborted) throw error;
    // Denied (or no answer): the check says UNKNOWN for the account; the coverage says why.
    scope.gaps.push(`${describeError(error, ACTION)}; the password policy stays unknown`);
    return;
  }
  if (!policy) throw new Error('GetAccountPasswordPolicy returned no PasswordPolicy');
  const file = `iam/${scope.account}_password-policy.json`;
  const document = { PasswordPolicy: policy };
  scope.resources += collection.emitAll(
    awsPasswordPolicyFormat.read(document, collection.readContext(`aws:${file}`)),
  );
  await collection.save(file, `${JSON.stringify(document, null, 2)}\n`);
}
