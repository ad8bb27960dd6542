import { DATA_HANDLING_TYPES } from '../../../model/resource.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';
import { CLASS_UNKNOWN_MESSAGES, classUnreadable, taggedKey } from '../lib/classification.ts';
import { listedTagFact } from '../lib/tags.ts';

/**
 * CLS-3: class-3 information (機密性 3: as confidential as secret documents) must not be held on
 * public cloud at all (Kobe policy 4(3); elsewhere the organisation's choice). My Number data
 * and 特定秘密・極秘文書 are checks of their own (no-my-number-data, top-secret-data).
 */
export default defineCheck<
  object,
  'allowed' | 'secretClass' | 'classListedOnly' | 'classUnreadable' | 'classTagUnknown'
>({
  meta: {
    id: 'common.classification.no-secret-data',
    provider: 'any',
    resourceTypes: [...DATA_HANDLING_TYPES],
    severity: 'critical',
    // A class-3 tag a listing shows is a finding; a lower class it shows may hide one it does not.
    judgesListed: true,
    title: {
      ja: '機密性 3 の情報がパブリッククラウド上にない',
      en: 'No class-3 (secret) information is held on public cloud',
    },
    rationale: {
      ja: '神戸市の基本方針 4(3) は、秘密文書に相当する機密性を要する情報資産（機密性 3）をパブリッククラウド上で扱わないものとしています。',
      en: 'The Kobe policy (4(3)) keeps information assets as confidential as secret documents (class 3) off public cloud.',
    },
    remediation: {
      ja: 'データをオンプレミスまたはガバメントクラウド等の認められた環境へ移し、クラウド上の複製・バックアップを削除してください。分類タグの誤りであれば、正しい機密性区分に修正してください。',
      en: 'Move the data to an approved environment (on-premises or the Government Cloud) and delete the copies and backups on the public cloud. If the tag is wrong, correct the classification.',
    },
    messages: {
      allowed: {
        ja: '機密性{{classification}}です',
        en: 'Classification {{classification}}',
      },
      secretClass: {
        ja: '機密性 3 の情報を扱うリソースがパブリッククラウド上にあります',
        en: 'A resource holding class-3 (secret) information is on public cloud',
      },
      classListedOnly: {
        ja: 'このリソースは一覧のエクスポート（コンソールの CSV など）にタグの一部だけが示されており、機密性 3 を示すタグがないことを確かめられないため判定できません',
        en: "A list export (a console's CSV or the like) shows this resource with some of its tags at most, so it does not show that no tag names class 3",
      },
      ...CLASS_UNKNOWN_MESSAGES,
    },
  },
  evaluate(resource, { classification }) {
    const level = classification(resource);
    if (level.source === 'unknown') return classUnreadable(level);
    if (level.value >= 3) return fail('secretClass', [level]);
    if (resource.listedOnly) return undetermined('classListedOnly', [listedTagFact(taggedKey(level))]);
    return pass('allowed', [level], { classification: level.value });
  },
});
