import { credentialReportFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { ACCOUNT, credentialRow, iamUserItem, rootRow } from '../../../sources/aws/builders.ts';

const table = [
  ['no active key', 'false', 'PASS', 'noKeys'],
  ['access key 1 active', 'true', 'FAIL', 'activeKey'],
] as const;

const cases: AnyCase[] = [
  ...table.map(([name, key1, status, messageId]) => ({
    name,
    records: [credentialReportFile([rootRow('true', key1)])],
    status,
    messageId,
  })),
  {
    name: 'an active second key',
    records: [
      credentialReportFile([
        credentialRow(
          '<root_account>',
          `arn:aws:iam::${ACCOUNT}:root`,
          'not_supported',
          'true',
          'false',
          'true',
        ),
      ]),
    ],
    status: 'FAIL',
    messageId: 'activeKey',
    evidence: [{ path: 'access_key_2_active', value: true }],
  },
  {
    name: 'no credential report',
    records: [iamUserItem('someone')],
    status: 'UNKNOWN',
    messageId: 'noReport',
  },
];

export default byVerdict(cases) satisfies RuleTests;
