import { explicit } from '../../../model/fact.ts';
import { DATA_HANDLING_TYPES } from '../../../model/resource.ts';
import { defineCheck, fail, pass } from '../../check.ts';

/**
 * CLS-3: class-3 (secret) information and My Number data must not be held on public cloud at
 * all (Kobe policy 4(3)). A tag saying so is itself the finding.
 */
export default defineCheck<object, 'allowed' | 'secretClass' | 'myNumber'>({
  meta: {
    id: 'common.classification.no-secret-data',
    provider: 'any',
    resourceTypes: [...DATA_HANDLING_TYPES],
    severity: 'critical',
    title: {
      ja: '機密性3の情報やマイナンバーがパブリッククラウド上にない',
      en: 'No class-3 (secret) information or My Number data is held on public cloud',
    },
    rationale: {
      ja: '神戸市方針 4(3) は、機密性3の情報と特定個人情報（マイナンバー）をパブリッククラウドで扱うことを認めていません。',
      en: 'Kobe policy 4(3) does not allow class-3 information or specific personal information (My Number) on public cloud.',
    },
    remediation: {
      ja: 'データをオンプレミスまたはガバメントクラウド等の認められた環境へ移し、クラウド上の複製・バックアップを削除してください。分類タグの誤りであれば、正しい機密性区分に修正してください。',
      en: 'Move the data to an approved environment (on-premises or the Government Cloud) and delete the copies and backups on the public cloud. If the tag is wrong, correct the classification.',
    },
    messages: {
      allowed: {
        ja: '機密性{{classification}}で、マイナンバーの表示もありません',
        en: 'Classification {{classification}}, not marked as My Number data',
      },
      secretClass: {
        ja: '機密性3の情報を扱うリソースがパブリッククラウド上にあります',
        en: 'A resource holding class-3 (secret) information is on public cloud',
      },
      myNumber: {
        ja: 'マイナンバーを含むと表示されたリソース（タグ {{tag}}）がパブリッククラウド上にあります',
        en: 'A resource marked as holding My Number data (tag {{tag}}) is on public cloud',
      },
    },
  },
  evaluate(resource, { classification, params }) {
    const { keys, values } = params.myNumberTag;
    const myNumberKeys = keys.map((key) => key.toLowerCase());
    const myNumber = Object.entries(resource.tags).find(
      ([key, value]) => myNumberKeys.includes(key.toLowerCase()) && values.includes(value.toLowerCase()),
    );
    if (myNumber) {
      const tag = `${myNumber[0]}=${myNumber[1]}`;
      return fail('myNumber', [explicit(myNumber[1], `tags.${myNumber[0]}`)], { tag });
    }
    const level = classification(resource);
    const evidence = [explicit(level, 'classification')];
    return level >= 3 ? fail('secretClass', evidence) : pass('allowed', evidence, { classification: level });
  },
});
