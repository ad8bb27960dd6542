import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { classAfterApplyCase } from './planned.ts';
import { ACCOUNTS, id } from './storage.ts';

const table = [
  ['stjumin', 'PASS', 'allowed'],
  ['stsecret', 'FAIL', 'secretClass'],
  ['stmynumber', 'PASS', 'allowed'], // class 2: My Number is no-my-number-data's rule
  ['stkimitsu3', 'FAIL', 'secretClass'], // 機密性３情報, as the government's standards write it
  // A tag that names no class is not the default class 2: it may be class 3.
  ['stgokuhitag', 'UNKNOWN', 'classUnreadable'],
  ['stroman', 'UNKNOWN', 'classUnreadable'],
] as const;

export default byVerdict([
  ...table.map(([name, status, messageId]) => ({
    name,
    records: [ACCOUNTS],
    target: id(name),
    status,
    messageId,
    // Secret data on a public cloud is critical.
    ...(status === 'FAIL' ? { severity: 'critical' as const } : {}),
  })),
  classAfterApplyCase,
]) satisfies RuleTests;
