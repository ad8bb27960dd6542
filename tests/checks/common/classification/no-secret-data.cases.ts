import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { listedArn, TAG_EDITOR_CSV } from './listed.ts';
import { classAfterApplyCase } from './planned.ts';
import { BATCH_GET, CSV_WITHOUT_TAGS, dbArn, NOT_CARRIED, WITH_TAGS, WITHOUT_TAGS } from './queried.ts';
import { ACCOUNTS, id } from './storage.ts';
import {
  DESCRIBE_TABLE,
  DESCRIBE_VOLUMES,
  LIST_BUCKETS,
  PUBLIC_BUCKET,
  PUBLIC_BUCKET_TAGGING,
  SECRET_BUCKET,
  SECRET_BUCKET_TAGGING,
  TABLE,
  VOLUME,
} from './untagged-answers.ts';

const table = [
  ['stjumin', 'PASS', 'allowed'],
  ['stsecret', 'FAIL', 'secretClass'],
  ['stmynumber', 'PASS', 'allowed'], // class 2: My Number is no-my-number-data's rule
  ['stkimitsu3', 'FAIL', 'secretClass'], // 機密性３情報, as the government's standards write it
  // A tag that names no class is not the default class 2: it may be class 3.
  ['stgokuhiclass', 'FAIL', 'secretClass'],
  ['stsecretword', 'UNKNOWN', 'classUnreadable'],
  ['stroman', 'UNKNOWN', 'classUnreadable'],
] as const;

// AWS CLI answers: list-buckets and describe-table never carry tags, so a resource read from them
// alone may be class 3 (UNKNOWN); get-bucket-tagging beside list-buckets gives the bucket's tags.
const answers: AnyCase[] = [
  {
    // A listing shows some tags at most: class 3 it shows is a finding, a lower class is not a pass.
    name: 'a Tag Editor CSV row whose confidentiality column names class 3 (full-width)',
    records: [TAG_EDITOR_CSV],
    target: listedArn('juki'),
    status: 'FAIL',
    messageId: 'secretClass',
    severity: 'critical',
  },
  {
    name: 'a Tag Editor CSV row naming class 2: a class-3 tag may not be shown',
    records: [TAG_EDITOR_CSV],
    target: listedArn('plain'),
    status: 'UNKNOWN',
    messageId: 'classListedOnly',
    evidence: [{ source: 'unknown', path: 'tags.confidentiality' }],
  },
  {
    name: 'a bucket only list-buckets shows: its tags are not in the dump, so neither is its class',
    records: [LIST_BUCKETS],
    target: SECRET_BUCKET,
    status: 'UNKNOWN',
    messageId: 'classTagUnknown',
    evidence: [
      {
        source: 'unknown',
        path: 'tags.confidentiality',
        note: { en: /aws s3api get-bucket-tagging holds them/ },
      },
    ],
  },
  {
    name: 'list-buckets with get-bucket-tagging naming 機密性３: class 3',
    records: [LIST_BUCKETS, SECRET_BUCKET_TAGGING],
    target: SECRET_BUCKET,
    status: 'FAIL',
    messageId: 'secretClass',
    severity: 'critical',
    evidence: [{ source: 'explicit', path: 'tags.機密性' }],
  },
  {
    name: 'list-buckets with get-bucket-tagging (confidentiality 1): class 1',
    records: [LIST_BUCKETS, PUBLIC_BUCKET_TAGGING],
    target: PUBLIC_BUCKET,
    status: 'PASS',
    messageId: 'allowed',
  },
  {
    name: 'a table describe-table shows: no tags in the answer, no class',
    records: [DESCRIBE_TABLE],
    target: TABLE,
    status: 'UNKNOWN',
    messageId: 'classTagUnknown',
    evidence: [
      { source: 'unknown', path: 'tags.confidentiality', note: { en: /aws dynamodb list-tags-of-resource/ } },
    ],
  },
  {
    // describe-volumes leaves `Tags` out of a volume that has none: untagged, the default class.
    name: 'a volume describe-volumes shows without Tags: the default class 2',
    records: [DESCRIBE_VOLUMES],
    target: VOLUME,
    status: 'PASS',
    messageId: 'allowed',
    evidence: [{ source: 'default' }],
  },
];

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
  ...answers,
]) satisfies RuleTests;
