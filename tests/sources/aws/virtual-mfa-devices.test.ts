import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { awsVirtualMfaDevicesFormat } from '../../../src/sources/aws/virtual-mfa-devices.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { ACCOUNT } from './builders.ts';

// `aws iam list-virtual-mfa-devices` as the AWS CLI's example prints it (ListVirtualMFADevices:
// SerialNumber, User with the IAM user's or the root user's ARN, EnableDate; an unassigned
// device with its SerialNumber alone).
const listing = (...devices: object[]) => ({ VirtualMFADevices: devices, IsTruncated: false });
const rootDevice = (account: string, name = 'root-account-mfa-device', partition = 'aws') => ({
  SerialNumber: `arn:${partition}:iam::${account}:mfa/${name}`,
  User: {
    Arn: `arn:${partition}:iam::${account}:root`,
    UserId: account,
    CreateDate: '2017-05-20T01:02:03+00:00',
  },
  EnableDate: '2017-05-20T01:10:44+00:00',
});
const userDevice = {
  SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/ops-admin`,
  User: {
    Path: '/',
    UserName: 'ops-admin',
    UserId: 'AIDAEXAMPLE',
    Arn: `arn:aws:iam::${ACCOUNT}:user/ops-admin`,
  },
  EnableDate: '2019-01-01T00:05:00+00:00',
};
const unassigned = { SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/spare` };

const chosen = (document: unknown) =>
  INPUT_FORMATS.find((format) => format.kind === 'document' && format.matches(document))?.id;

function read(document: unknown) {
  return [
    ...awsVirtualMfaDevicesFormat.read(document, {
      file: 'iam-list-virtual-mfa-devices.json',
      skip: () => {},
    }),
  ] as Resource[];
}

describe('aws-iam-virtual-mfa-devices', () => {
  it("reads a device assigned to the root user as the root user's MFA, on the account its ARN names", () => {
    const document = listing(userDevice, unassigned, rootDevice(ACCOUNT));
    expect(chosen(document)).toBe('aws-iam-virtual-mfa-devices');
    expect(read(document)).toMatchObject([
      {
        id: `arn:aws:iam::${ACCOUNT}:root`,
        account: ACCOUNT,
        kansaType: 'account',
        facts: { rootMfaActive: { source: 'explicit', value: true, path: 'VirtualMFADevices[2].User.Arn' } },
      },
    ]);
  });

  it('knows the root user by its ARN, whatever the device is named and in any partition', () => {
    expect(read(listing(rootDevice(ACCOUNT, 'my-root-passcode', 'aws-cn')))).toMatchObject([
      { id: `arn:aws:iam::${ACCOUNT}:root`, facts: { rootMfaActive: { value: true } } },
    ]);
  });

  it('leaves a listing without a root device to the skipped answers: it does not show the root user has none', () => {
    expect(chosen(listing(userDevice, unassigned))).toBe('aws-api-describe');
    expect(read(listing(userDevice, unassigned))).toEqual([]);
  });
});
