import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { listedArn, TAG_EDITOR_CSV } from './listed.ts';
import { markAfterApplyCase } from './planned.ts';
import { dbArn, NOT_CARRIED, WITHOUT_TAGS } from './queried.ts';
import { ACCOUNTS, id, MARKED } from './storage.ts';

const table = [
  ['stjumin', 'PASS', 'notMarked'],
  ['stmynumber', 'FAIL', 'myNumber'], // tag key and value in any case
  ['stmynumberno', 'PASS', 'notMarked'], // a plain no
  ['stmynumberja', 'FAIL', 'myNumber'], // はい: yes in Japanese
  ['stmynumberunderscore', 'FAIL', 'myNumber'], // my_number is my-number as a label key writes it
  ['stmynumberfullwidth', 'FAIL', 'myNumber'], // a full-width 1
  ['stkojinbangou', 'FAIL', 'myNumber'], // the key in Japanese (個人番号), the value あり (present)
  ['stmainanba', 'FAIL', 'myNumber'], // マイナンバー = 有
  ['stmynumberempty', 'UNKNOWN', 'markUnreadable'], // the key with no value says neither
  ['stmynumbertaishougai', 'PASS', 'notMarked'], // 対象外: not applicable
  ['stmynumbergaitounashi', 'PASS', 'notMarked'], // 該当なし: none applies
] as const;

export default byVerdict([
  ...table.map(([name, status, messageId]) => ({
    name,
    records: [ACCOUNTS, MARKED],
    target: id(name),
    status,
    messageId,
    ...(status === 'FAIL' ? { severity: 'critical' as const } : {}),
  })),
  {
    // A listing shows some tags at most; a mark it shows is a finding all the same.
    name: 'a Tag Editor CSV row whose mynumber column holds the mark',
    records: [TAG_EDITOR_CSV],
    target: listedArn('juki'),
    status: 'FAIL',
    messageId: 'myNumber',
    severity: 'critical',
  },
  {
    name: 'a Tag Editor CSV row without the mark: other tags may not be shown',
    records: [TAG_EDITOR_CSV],
    target: listedArn('plain'),
    status: 'UNKNOWN',
    messageId: 'markListedOnly',
    data: { tag: 'mynumber' },
  },
  markAfterApplyCase('mynumber'),
  {
    // A Config query that did not SELECT tags does not show the resource unmarked.
    name: 'a Config query row, its query SELECTing no tags',
    records: [WITHOUT_TAGS],
    target: dbArn('untold'),
    status: 'UNKNOWN',
    messageId: 'markTagUnknown',
    evidence: [{ source: 'unknown', path: 'tags.mynumber', note: NOT_CARRIED }],
    data: { tag: 'mynumber' },
  },
]) satisfies RuleTests;
