import { explicit } from '../../../model/fact.ts';
import { classificationKeyMatcher } from '../../../model/parameters.ts';
import { DATA_HANDLING_TYPES } from '../../../model/resource.ts';
import { defineCheck, fail } from '../../check.ts';
import { judgeMark, MARK_UNKNOWN_MESSAGES, type MarkMessage, marksValue } from '../lib/tags.ts';

/**
 * CLS-3, national view: 特定秘密 and 極秘文書 must not be on public cloud (national policy
 * 3.3 2)(1)). Only these: class 3 in general and My Number data are other frameworks' rules
 * (common.classification.no-secret-data), so this check reads a tag of its own, and the
 * classification tag only where it names one of these grades instead of a class.
 */
export default defineCheck<object, MarkMessage | 'topSecret'>({
  meta: {
    id: 'common.classification.top-secret-data',
    provider: 'any',
    resourceTypes: [...DATA_HANDLING_TYPES],
    severity: 'critical',
    judgesListed: true,
    title: {
      ja: '特定秘密・極秘文書に該当する情報がパブリッククラウド上にない',
      en: 'No specially designated secret or top-secret document is held on public cloud',
    },
    rationale: {
      ja: '国の基本方針 3.3 2)(1) は、特定秘密と秘密文書中極秘文書に該当する情報をパブリック・クラウド上で扱わないものとしています。',
      en: 'The national policy (3.3 2)(1)) keeps specially designated secrets and top-secret documents off public cloud.',
    },
    remediation: {
      ja: '情報をパブリッククラウド以外の認められた環境へ移し、クラウド上の複製・バックアップを削除してください。タグの誤りであれば修正してください。',
      en: 'Move the information to an approved environment outside public cloud and delete its copies and backups there. If the tag is wrong, correct it.',
    },
    messages: {
      notMarked: {
        ja: '特定秘密・極秘文書の表示はありません',
        en: 'Not marked as a specially designated secret or top-secret document',
      },
      topSecret: {
        ja: '特定秘密・極秘文書と表示されたリソース（タグ {{tag}}）がパブリッククラウド上にあります',
        en: 'A resource marked as a specially designated secret or top-secret document (tag {{tag}}) is on public cloud',
      },
      ...MARK_UNKNOWN_MESSAGES,
    },
  },
  evaluate(resource, { params }) {
    const judged = judgeMark(resource, params.topSecretTag, 'topSecret');
    if (judged.status === 'FAIL') return judged;
    // The classification tag may name the grade itself (`機密性` = `極秘`): a top-secret document
    // all the same, whatever the mark's own tag says or leaves untold.
    const isClassKey = classificationKeyMatcher(params.classification.tagKey);
    const graded = Object.entries(resource.tags).find(
      ([key, value]) => isClassKey(key) && marksValue(value, params.topSecretTag),
    );
    if (!graded) return judged;
    const [key, value] = graded;
    return fail('topSecret', [explicit(value, `tags.${key}`)], { tag: `${key}=${value}` });
  },
});
