import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { apiItem } from '../../../sources/aws/builders.ts';
import { trail } from './trail.ts';

const table = [
  ['validation on', { logFileValidationEnabled: true }, 'PASS', 'enabled'],
  ['validation off', { logFileValidationEnabled: false }, 'FAIL', 'disabled'],
  ['field absent', {}, 'UNKNOWN', 'unknown'],
] as const;

const cases: AnyCase[] = [
  ...table.map(([name, configuration, status, messageId]) => ({
    name,
    records: [trail('t', configuration)],
    status,
    messageId,
    evidence: [{ path: 'configuration.logFileValidationEnabled' }],
  })),
  {
    name: 'the API dialect (configuration as a JSON string)',
    records: [apiItem(trail('t', { logFileValidationEnabled: true }))],
    status: 'PASS',
  },
];

export default byVerdict(cases) satisfies RuleTests;
