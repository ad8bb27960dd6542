import { explicit } from '../../model/fact.ts';
import type { DocumentFormat } from '../format.ts';
import { asRecord } from './config-item.ts';
import { accountResource } from './password-policy.ts';

/** The root user's ARN, as a device's `User.Arn` names it (any partition). */
const ROOT_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):root$/;

/**
 * `aws iam list-virtual-mfa-devices` (`{"VirtualMFADevices": [{SerialNumber, User, EnableDate}]}`):
 * a device assigned to the root user (its `User.Arn` the account's `:root`, whatever the device
 * is named: `root-account-mfa-device` or, since 2022, a name of the user's choosing) shows that
 * the root user has MFA, for the account the ARN names. A listing without one does not show the
 * contrary (a hardware key, a passkey or a device left out by `--assignment-status` are not in
 * it): such a listing is left to the answers kansa skips (unnamed-answers.ts).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListVirtualMFADevices.html
 */
export const awsVirtualMfaDevicesFormat: DocumentFormat = {
  kind: 'document',
  id: 'aws-iam-virtual-mfa-devices',
  provider: 'aws',
  description:
    'aws iam list-virtual-mfa-devices output with a device assigned to the root user (User.Arn …:root): root MFA on',
  matches(document) {
    return rootDevices(document).length > 0;
  },
  *read(document, ctx) {
    for (const { account, index } of rootDevices(document)) {
      const path = `VirtualMFADevices[${index}].User.Arn`;
      yield accountResource(account, { rootMfaActive: explicit(true, path) }, { file: ctx.file, index });
    }
  },
};

function rootDevices(document: unknown): { account: string; index: number }[] {
  const devices = asRecord(document)?.['VirtualMFADevices'];
  if (!Array.isArray(devices)) return [];
  return devices.flatMap((device, index) => {
    const arn = asRecord(asRecord(device)?.['User'])?.['Arn'];
    const account = typeof arn === 'string' ? ROOT_ARN.exec(arn)?.[1] : undefined;
    return account ? [{ account, index }] : [];
  });
}
