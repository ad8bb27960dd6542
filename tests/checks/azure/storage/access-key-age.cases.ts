import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { storageProperties, storageRow } from '../arg-rows.ts';
import { withSubscription } from '../graph.ts';
import { classicStorageAccount } from './account.ts';

const NOW = '2026-11-01T00:00:00Z';
const keys = (key1: string, key2: string) => ({ keyCreationTime: { key1, key2 } });

const cases: AnyCase[] = [
  {
    name: 'rotated 30 days ago',
    records: [storageRow('st1', storageProperties(keys('2026-10-02T00:00:00Z', '2026-10-05T00:00:00Z')))],
    now: NOW,
    status: 'PASS',
    messageId: 'recent',
  },
  {
    name: 'one key 200 days old',
    records: [storageRow('st1', storageProperties(keys('2026-04-15T00:00:00Z', '2026-10-05T00:00:00Z')))],
    now: NOW,
    status: 'FAIL',
    messageId: 'old',
  },
  {
    name: 'old keys, Shared Key disallowed',
    records: [
      storageRow(
        'st1',
        storageProperties({
          ...keys('2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z'),
          allowSharedKeyAccess: false,
        }),
      ),
    ],
    now: NOW,
    status: 'PASS',
    messageId: 'sharedKeyDisabled',
  },
  {
    // A Resource Graph projection of the key times alone: Shared Key may be disallowed.
    name: 'old keys, Shared Key authorization not in the export',
    records: [
      {
        ...storageRow('st1', undefined),
        properties_keyCreationTime: { key1: '2020-01-01T00:00:00Z', key2: '2020-01-01T00:00:00Z' },
      },
    ],
    now: NOW,
    status: 'UNKNOWN',
    messageId: 'oldSharedKeyUnknown',
  },
  {
    name: 'creation times null',
    records: [storageRow('st1', storageProperties({ keyCreationTime: { key1: null, key2: null } }))],
    now: NOW,
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
  {
    // key2 never regenerated since Azure began recording: its age is unknown, key1's already fails.
    name: 'key1 rotated 200 days ago, key2 never recorded',
    records: [
      storageRow('st1', storageProperties({ keyCreationTime: { key1: '2026-04-15T00:00:00Z', key2: null } })),
    ],
    now: NOW,
    status: 'FAIL',
    messageId: 'old',
  },
  {
    name: 'key1 rotated 30 days ago, key2 never recorded',
    records: [
      storageRow('st1', storageProperties({ keyCreationTime: { key1: '2026-10-02T00:00:00Z', key2: null } })),
    ],
    now: NOW,
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
  {
    name: 'takes the limit from the framework parameters',
    records: [storageRow('st1', storageProperties(keys('2026-10-02T00:00:00Z', '2026-10-02T00:00:00Z')))],
    now: NOW,
    params: { maxKeyAgeDays: 14 },
    status: 'FAIL',
    messageId: 'old',
    data: { age: 30, max: 14 },
  },
];

export default {
  wrap: withSubscription,
  ...byVerdict(cases),
  notRun: [{ name: 'a classic storage account', records: [classicStorageAccount] }],
} satisfies RuleTests;
