import { expect } from 'vitest';
import { searchAllResources } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { ACCOUNTS, id } from './storage.ts';

const table = [
  ['stpublicdocs', 'NOT_APPLICABLE', 'notClassified'], // class 1
  ['stjumin', 'PASS', 'customerKey'],
  ['stzeimu', 'FAIL', 'providerKey'], // untagged: the default class 2
] as const;

const cases: AnyCase[] = [
  ...table.map(([name, status, messageId]) => ({
    name,
    records: [ACCOUNTS],
    target: id(name),
    status,
    messageId,
  })),
  {
    name: 'an absent encryption setting is the platform key by default: FAIL with the default as evidence',
    records: [ACCOUNTS],
    target: id('stprojected'),
    status: 'FAIL',
    messageId: 'providerKey',
    assert: (result) => expect(result.evidence[1]?.source).toBe('default'),
  },
  {
    name: 'follows the configured default class for untagged resources',
    records: [ACCOUNTS],
    target: id('stzeimu'),
    params: { classification: { tagKey: 'confidentiality', default: 1 } },
    status: 'NOT_APPLICABLE',
    messageId: 'notClassified',
  },
  {
    name: 'a search summary of a bucket: the key is not in the export',
    records: [
      searchAllResources([
        {
          name: '//storage.googleapis.com/b',
          assetType: 'storage.googleapis.com/Bucket',
          project: 'projects/4',
          location: 'asia-northeast1',
        },
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
];

export default byVerdict(cases) satisfies RuleTests;
