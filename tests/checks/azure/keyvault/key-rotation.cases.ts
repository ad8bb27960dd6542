import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { keyList } from './key.ts';
import { vaultCases } from './vault.ts';

const rotate = (trigger: Record<string, unknown>, expiryTime?: string) => ({
  attributes: { created: 1712020364, updated: 1712020364, ...(expiryTime ? { expiryTime } : {}) },
  lifetimeActions: [
    { action: { type: 'Rotate' }, trigger },
    { action: { type: 'Notify' }, trigger: { timeBeforeExpiry: 'P30D' } },
  ],
});

const table = [
  {
    name: 'after 90 days',
    extra: { rotationPolicy: rotate({ timeAfterCreate: 'P90D' }) },
    status: 'PASS',
    days: 90,
  },
  {
    name: 'after a year',
    extra: { rotationPolicy: rotate({ timeAfterCreate: 'P1Y' }) },
    status: 'PASS',
    days: 365,
  },
  {
    name: 'after two years',
    extra: { rotationPolicy: rotate({ timeAfterCreate: 'P2Y' }) },
    status: 'FAIL',
    days: 730,
  },
  {
    name: '30 days before a 13-month expiry',
    extra: { rotationPolicy: rotate({ timeBeforeExpiry: 'P30D' }, 'P13M') },
    status: 'PASS',
    days: 360,
  },
  {
    name: 'notify only',
    extra: {
      rotationPolicy: {
        lifetimeActions: [{ action: { type: 'Notify' }, trigger: { timeBeforeExpiry: 'P30D' } }],
      },
    },
    status: 'FAIL',
    days: null,
  },
  { name: 'no rotation policy', extra: {}, status: 'FAIL', days: null },
] as const;

export default byVerdict([
  ...table.map(({ name, extra, status, days }) => ({
    name,
    records: [keyList(extra)],
    status,
    messageId: status === 'PASS' ? 'rotated' : 'notRotated',
    data: { value: days },
  })),
  {
    name: 'a key listed without its properties',
    records: [keyList(undefined)],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
  ...vaultCases,
]) satisfies RuleTests;
