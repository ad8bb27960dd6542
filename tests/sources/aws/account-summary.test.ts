import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { awsAccountSummaryFormat } from '../../../src/sources/aws/account-summary.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { ACCOUNT } from './builders.ts';

// `aws iam get-account-summary` as the AWS CLI's example prints it (aws/aws-cli
// awscli/examples/iam/get-account-summary.rst): counts and flags in `SummaryMap`, no account.
const summary = (mfa: number, keys: number) => ({
  SummaryMap: {
    UsersQuota: 5000,
    GroupsQuota: 300,
    AccountMFAEnabled: mfa,
    AccountAccessKeysPresent: keys,
    AccountSigningCertificatesPresent: 0,
    Users: 27,
    Roles: 40,
    Policies: 3,
  },
});

function readAt(document: unknown, file: string) {
  const skipped: string[] = [];
  const resources = [
    ...awsAccountSummaryFormat.read(document, { file, skip: (reason) => skipped.push(reason) }),
  ] as Resource[];
  return { resources, skipped };
}

describe('aws-iam-account-summary', () => {
  it('is chosen for get-account-summary output', () => {
    expect(INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(summary(1, 0)))?.id).toBe(
      'aws-iam-account-summary',
    );
  });

  it('reads root MFA and root keys onto the account its file name or folders name', () => {
    for (const file of [`${ACCOUNT}_account-summary.json`, `dump/${ACCOUNT}/iam/get-account-summary.json`]) {
      const { resources } = readAt(summary(0, 0), file);
      expect(resources).toMatchObject([
        {
          id: `arn:aws:iam::${ACCOUNT}:root`,
          account: ACCOUNT,
          kansaType: 'account',
          facts: {
            rootMfaActive: { source: 'explicit', value: false, path: 'SummaryMap.AccountMFAEnabled' },
            rootAccessKeyActive: { source: 'explicit', value: false },
          },
        },
      ]);
    }
  });

  it('leaves a present root key’s state unknown: only the credential report tells whether it is active', () => {
    const { resources } = readAt(summary(1, 1), `${ACCOUNT}_account-summary.json`);
    expect(resources[0]?.facts).toMatchObject({
      rootMfaActive: { source: 'explicit', value: true },
      rootAccessKeyActive: { source: 'unknown', path: 'SummaryMap.AccountAccessKeysPresent' },
    });
  });

  it('leaves root keys unknown when the summary does not count them (the CLI example’s answer)', () => {
    const { SummaryMap } = summary(0, 0);
    const { AccountAccessKeysPresent: _, ...withoutKeys } = SummaryMap;
    const { resources } = readAt({ SummaryMap: withoutKeys }, `${ACCOUNT}_account-summary.json`);
    expect(resources[0]?.facts).toMatchObject({ rootAccessKeyActive: { source: 'unknown' } });
  });

  it('skips a summary no file name or folder places, saying what would', () => {
    const { resources, skipped } = readAt(summary(1, 0), 'get-account-summary.json');
    expect(resources).toEqual([]);
    expect(skipped).toEqual([expect.stringContaining('aws iam get-account-summary names no account')]);
  });
});
