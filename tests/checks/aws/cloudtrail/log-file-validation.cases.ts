import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { apiItem } from '../../../sources/aws/builders.ts';
import { trail, trailArn } from './trail.ts';

// A trail's log file validation is its own setting: a member's record of its organization's trail
// (awsAccountId the member's, the ARN the management account's) judges the trail alike.
const memberRecord = (logFileValidationEnabled: boolean) => ({
  ...trail('org-audit', { isOrganizationTrail: true, logFileValidationEnabled }),
  awsAccountId: '444455556666',
});

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
  ...([true, false] as const).map((enabled) => ({
    name: `a member's record of its organization's trail, validation ${enabled ? 'on' : 'off'}`,
    records: [memberRecord(enabled)],
    target: trailArn('org-audit'),
    status: enabled ? ('PASS' as const) : ('FAIL' as const),
    messageId: enabled ? 'enabled' : 'disabled',
    evidence: [{ path: 'configuration.logFileValidationEnabled', value: enabled }],
  })),
];

export default byVerdict(cases) satisfies RuleTests;
