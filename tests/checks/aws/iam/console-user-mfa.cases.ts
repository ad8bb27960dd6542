import { expect } from 'vitest';
import { credentialReportFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { credentialRow, iamUserItem } from '../../../sources/aws/builders.ts';

const table = [
  ['console user with MFA', 'true', 'true', 'PASS', 'mfa'],
  ['console user without MFA', 'true', 'false', 'FAIL', 'noMfa'],
  ['no console password', 'false', 'false', 'NOT_APPLICABLE', 'noConsole'],
  ['password_enabled N/A', 'N/A', 'false', 'UNKNOWN', 'noReport'],
] as const;

const cases: AnyCase[] = [
  ...table.map(([name, password, mfa, status, messageId]) => ({
    name,
    records: [
      credentialReportFile([credentialRow('sato', 'arn:aws:iam::111122223333:user/sato', password, mfa)]),
    ],
    status,
    messageId,
    data: { user: 'sato' },
    assert: (result: { evidence: readonly object[] }) =>
      expect(result.evidence[0]).toMatchObject({ path: 'password_enabled' }),
  })),
  {
    name: 'a Config IAM user without a credential report row',
    records: [iamUserItem('sato')],
    status: 'UNKNOWN',
    messageId: 'noReport',
  },
];

export default byVerdict(cases) satisfies RuleTests;
