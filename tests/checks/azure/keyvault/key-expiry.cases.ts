import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { keyList } from './key.ts';
import { vaultCases } from './vault.ts';

export default byVerdict([
  {
    name: 'exp set',
    records: [keyList({ attributes: { exp: 1806710400 } })],
    status: 'PASS',
    messageId: 'expires',
    data: { value: '2027-04-03T00:00:00.000Z' },
  },
  {
    name: 'no exp → never expires',
    records: [keyList({ attributes: {} })],
    status: 'FAIL',
    messageId: 'neverExpires',
    data: { value: null },
  },
  {
    name: 'a key listed without its properties',
    records: [keyList(undefined)],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
  ...vaultCases,
]) satisfies RuleTests;
