import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { ACCOUNTS, id } from './storage.ts';

const table = [
  ['stjumin', 'PASS', 'allowed'],
  ['stsecret', 'FAIL', 'secretClass'],
  ['stmynumber', 'PASS', 'allowed'], // class 2: My Number is no-my-number-data's rule
] as const;

export default byVerdict(
  table.map(([name, status, messageId]) => ({
    name,
    records: [ACCOUNTS],
    target: id(name),
    status,
    messageId,
    // Secret data on a public cloud is critical.
    ...(status === 'FAIL' ? { severity: 'critical' as const } : {}),
  })),
) satisfies RuleTests;
