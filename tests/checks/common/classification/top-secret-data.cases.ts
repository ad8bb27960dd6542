import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { listedArn, TAG_EDITOR_CSV } from './listed.ts';
import { markAfterApplyCase } from './planned.ts';
import { dbArn, NOT_CARRIED, WITHOUT_TAGS } from './queried.ts';
import { ACCOUNTS, id, MARKED } from './storage.ts';

// The national rule bans 特定秘密 and 極秘文書 only (3.3 2)(1)): class 3 and My Number are other rules.
const table = [
  ['stgokuhi', 'FAIL', 'topSecret'],
  ['stsecret', 'PASS', 'notMarked'],
  ['stmynumber', 'PASS', 'notMarked'],
  ['stgokuhispaced', 'FAIL', 'topSecret'], // spaces and capitals around the value
  ['sthi', 'UNKNOWN', 'markUnreadable'], // 秘 is no value of the mark, nor a plain no
  ['sttopsecretwords', 'FAIL', 'topSecret'], // Top Secret: the words with a space
  ['sttokuteiunderscore', 'FAIL', 'topSecret'], // kansa_secrecy = TOKUTEI_HIMITSU, `_` for `-` and `:`
  ['stgokuhija', 'FAIL', 'topSecret'], // 極秘 in Japanese
  ['sttokuteija', 'FAIL', 'topSecret'], // 特定秘密 in Japanese
  ['stsecrecyblank', 'UNKNOWN', 'markUnreadable'], // the key with a blank value says neither
  ['stkimitsugokuhi', 'FAIL', 'topSecret'], // 機密性 = 極秘: the classification tag names the grade
  ['stclasstokutei', 'FAIL', 'topSecret'], // Confidentiality = Tokutei-Himitsu, likewise
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
    name: 'a Tag Editor CSV row whose kansa:secrecy column holds the mark',
    records: [TAG_EDITOR_CSV],
    target: listedArn('gokuhi'),
    status: 'FAIL',
    messageId: 'topSecret',
    severity: 'critical',
  },
  {
    name: 'a Tag Editor CSV row without the mark: other tags may not be shown',
    records: [TAG_EDITOR_CSV],
    target: listedArn('plain'),
    status: 'UNKNOWN',
    messageId: 'markListedOnly',
    data: { tag: 'kansa:secrecy' },
  },
  markAfterApplyCase('kansa:secrecy'),
  {
    // A Config query that did not SELECT tags does not show the resource unmarked.
    name: 'a Config query row, its query SELECTing no tags',
    records: [WITHOUT_TAGS],
    target: dbArn('untold'),
    status: 'UNKNOWN',
    messageId: 'markTagUnknown',
    evidence: [{ source: 'unknown', path: 'tags.kansa:secrecy', note: NOT_CARRIED }],
    data: { tag: 'kansa:secrecy' },
  },
]) satisfies RuleTests;
