import { DATA_HANDLING_TYPES } from '../../../model/resource.ts';
import { defineCheck, fail, pass } from '../../check.ts';
import { CLASS_UNREADABLE, classUnreadable, TAGS_UNRECORDED } from '../lib/classification.ts';

/**
 * CLS-3: class-3 information (機密性 3: as confidential as secret documents) must not be held on
 * public cloud at all (Kobe policy 4(3); elsewhere the organisation's choice). My Number data
 * and 特定秘密・極秘文書 are checks of their own (no-my-number-data, top-secret-data).
 */
export default defineCheck<object, 'allowed' | 'secretClass' | 'classUnreadable' | 'tagsUnrecorded'>({
  meta: {
    id: 'common.classification.no-secret-data',
    provider: 'any',
    resourceTypes: [...DATA_HANDLING_TYPES],
    severity: 'critical',
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
      classUnreadable: CLASS_UNREADABLE,
      tagsUnrecorded: TAGS_UNRECORDED,
    },
  },
  evaluate(resource, { classification }) {
    const level = classification(resource);
    if (level.source === 'unknown') return classUnreadable(level);
    return level.value >= 3
      ? fail('secretClass', [level])
      : pass('allowed', [level], { classification: level.value });
  },
});
