import { credentialReportFile, jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { ACCOUNT, iamUserItem, rootRow } from '../../../sources/aws/builders.ts';

/** `aws iam get-account-summary` as a per-account dump keeps it (`<account>/global/…`). */
const accountSummary = (flags: Record<string, number>) =>
  jsonFile(
    { SummaryMap: { Users: 4, Groups: 2, Roles: 31, MFADevices: 0, MFADevicesInUse: 0, ...flags } },
    `${ACCOUNT}/global/iam-get-account-summary.json`,
  );

const table = [
  ['root with MFA', 'true', 'PASS', 'mfa'],
  ['root without MFA', 'false', 'FAIL', 'noMfa'],
  ['mfa_active not_supported', 'not_supported', 'UNKNOWN', 'noReport'],
] as const;

const cases: AnyCase[] = [
  ...table.map(([name, mfa, status, messageId]) => ({
    name,
    records: [credentialReportFile([rootRow(mfa)])],
    status,
    messageId,
    evidence: [{ path: 'mfa_active' }],
  })),
  {
    name: 'no credential report in the export: UNKNOWN, naming the report',
    records: [iamUserItem('someone')],
    status: 'UNKNOWN',
    messageId: 'noReport',
    evidence: [{ source: 'unknown' }],
    message: { en: /credential report/ },
  },
  // Centralized root access (November 2024): the organization removed the member's root
  // credentials, and GetAccountSummary says so (AccountPasswordPresent 0).
  {
    name: 'a member account whose root credentials were removed: no root password, so no sign-in for MFA to guard',
    records: [
      credentialReportFile([rootRow('false')]),
      accountSummary({
        AccountMFAEnabled: 0,
        AccountAccessKeysPresent: 0,
        AccountSigningCertificatesPresent: 0,
        AccountPasswordPresent: 0,
      }),
    ],
    status: 'NOT_APPLICABLE',
    messageId: 'noPassword',
    evidence: [{ path: 'SummaryMap.AccountPasswordPresent', value: false, source: 'explicit' }],
  },
  {
    name: 'a root user with a password (AccountPasswordPresent 1) and no MFA',
    records: [
      accountSummary({ AccountMFAEnabled: 0, AccountAccessKeysPresent: 0, AccountPasswordPresent: 1 }),
    ],
    status: 'FAIL',
    messageId: 'noMfa',
  },
];

export default byVerdict(cases) satisfies RuleTests;
