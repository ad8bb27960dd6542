import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { classAfterApplyCase } from './planned.ts';
import { BATCH_GET, CSV_WITHOUT_TAGS, dbArn, NOT_CARRIED, WITH_TAGS, WITHOUT_TAGS } from './queried.ts';
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
  // A Config query holds the tags only where it SELECTed them: a row without may be of class 3.
  {
    name: 'a Config query row, its query SELECTing no tags',
    records: [WITHOUT_TAGS],
    target: dbArn('untold'),
    status: 'UNKNOWN',
    messageId: 'classTagUnknown',
    evidence: [{ source: 'unknown', path: 'tags.confidentiality', note: NOT_CARRIED }],
    data: { tag: 'confidentiality' },
  },
  {
    name: 'a row of the console CSV export without a tags column',
    records: [CSV_WITHOUT_TAGS],
    target: dbArn('csv-untold'),
    status: 'UNKNOWN',
    messageId: 'classTagUnknown',
  },
  {
    name: 'a batch-get item (BaseConfigurationItem has no tags)',
    records: [BATCH_GET],
    target: dbArn('batch-got'),
    status: 'UNKNOWN',
    messageId: 'classTagUnknown',
  },
  {
    name: 'a Config query row with the tags its query SELECTed',
    records: [WITH_TAGS],
    target: dbArn('told-secret'),
    status: 'FAIL',
    messageId: 'secretClass',
    severity: 'critical',
  },
  {
    // Config leaves an empty property out of a row: the query named tags, so it has none.
    name: 'a Config query row without tags where its query SELECTed them',
    records: [WITH_TAGS],
    target: dbArn('told-untagged'),
    status: 'PASS',
    messageId: 'allowed',
  },
]) satisfies RuleTests;
