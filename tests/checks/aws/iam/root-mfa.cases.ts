import { credentialReportFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { iamUserItem, rootRow } from '../../../sources/aws/builders.ts';

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
];

export default byVerdict(cases) satisfies RuleTests;
