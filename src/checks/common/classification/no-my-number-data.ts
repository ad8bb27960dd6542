import { explicit } from '../../../model/fact.ts';
import { DATA_HANDLING_TYPES } from '../../../model/resource.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';
import {
  MARK_TAG_UNKNOWN,
  MARK_UNREADABLE,
  markUnknownFact,
  readMark,
  unmarkedFact,
  unreadMarkFact,
} from '../lib/tags.ts';

/**
 * CLS-3, Kobe view: information of the My Number business systems (マイナンバー利用事務系) is not
 * handled on public cloud (Kobe policy 4(3), 対策基準 5.1 ア). A tag saying so is itself the finding.
 */
export default defineCheck<object, 'notMarked' | 'myNumber' | 'markUnreadable' | 'markTagUnknown'>({
  meta: {
    id: 'common.classification.no-my-number-data',
    provider: 'any',
    resourceTypes: [...DATA_HANDLING_TYPES],
    severity: 'critical',
    title: {
      ja: 'マイナンバー利用事務系の情報がパブリッククラウド上にない',
      en: 'No information of the My Number business systems is held on public cloud',
    },
    rationale: {
      ja: '神戸市の基本方針 4(3) は、マイナンバー利用事務系の情報をパブリッククラウド上で扱わないものとしています。',
      en: 'The Kobe policy (4(3)) keeps information of the My Number business systems off public cloud.',
    },
    remediation: {
      ja: 'データをマイナンバー利用事務系の認められた環境へ移し、クラウド上の複製・バックアップを削除してください。タグの誤りであれば修正してください。',
      en: 'Move the data to the approved environment of the My Number business systems and delete its copies and backups on the public cloud. If the tag is wrong, correct it.',
    },
    messages: {
      notMarked: {
        ja: 'マイナンバーの表示はありません',
        en: 'Not marked as My Number data',
      },
      myNumber: {
        ja: 'マイナンバーを含むと表示されたリソース（タグ {{tag}}）がパブリッククラウド上にあります',
        en: 'A resource marked as holding My Number data (tag {{tag}}) is on public cloud',
      },
      markUnreadable: MARK_UNREADABLE,
      markTagUnknown: MARK_TAG_UNKNOWN,
    },
  },
  evaluate(resource, { params }) {
    const read = readMark(resource.tags, params.myNumberTag);
    if (!read) {
      // A tag of the mark's keys the record does not tell (a plan's known only after apply, a
      // record without the resource's tags) may mark it.
      const untold = markUnknownFact(resource, params.myNumberTag);
      if (untold) return undetermined('markTagUnknown', [untold], { tag: untold.path.slice('tags.'.length) });
      return pass('notMarked', [unmarkedFact(params.myNumberTag)]);
    }
    const { tag: marked } = read;
    // A value that is no plain no may mean yes: never read as unmarked.
    if (!read.marked)
      return undetermined('markUnreadable', [unreadMarkFact(marked)], { tag: `${marked[0]}=${marked[1]}` });
    return fail('myNumber', [explicit(marked[1], `tags.${marked[0]}`)], { tag: `${marked[0]}=${marked[1]}` });
  },
});
