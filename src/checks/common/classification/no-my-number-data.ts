import { DATA_HANDLING_TYPES } from '../../../model/resource.ts';
import { defineCheck } from '../../check.ts';
import { judgeMark, MARK_UNKNOWN_MESSAGES, type MarkMessage } from '../lib/tags.ts';

/**
 * CLS-3, Kobe view: information of the My Number business systems (マイナンバー利用事務系) is not
 * handled on public cloud (Kobe policy 4(3), 対策基準 5.1 ア). A tag saying so is itself the finding.
 */
export default defineCheck<object, MarkMessage | 'myNumber'>({
  meta: {
    id: 'common.classification.no-my-number-data',
    provider: 'any',
    resourceTypes: [...DATA_HANDLING_TYPES],
    severity: 'critical',
    judgesListed: true,
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
      ...MARK_UNKNOWN_MESSAGES,
    },
  },
  evaluate(resource, { params }) {
    return judgeMark(resource, params.myNumberTag, 'myNumber');
  },
});
