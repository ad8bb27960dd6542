import { expect } from 'vitest';
import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { instance } from './instance.ts';

const table = [
  [{ publiclyAccessible: false }, 'PASS', 'private'],
  [{ publiclyAccessible: true }, 'FAIL', 'public'],
  [{}, 'UNKNOWN', 'unknown'],
] as const;

export default byVerdict(
  table.map(([configuration, status, messageId]) => ({
    name: JSON.stringify(configuration),
    records: [instance(configuration)],
    status,
    messageId,
    evidence: [{ path: 'configuration.publiclyAccessible' }],
    // The adapter fills reachableFromInternet for the cross-cloud closed-network check.
    assert:
      messageId === 'public'
        ? (_result: unknown, db: { facts: object }) =>
            expect(db.facts).toMatchObject({ reachableFromInternet: { source: 'explicit', value: true } })
        : undefined,
  })),
) satisfies RuleTests;
