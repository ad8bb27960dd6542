import { explicit } from '../../../model/fact.ts';
import { MANAGEMENT_TYPES } from '../../../model/resource.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';
import { LOCATED_MESSAGES, locationOf, UNREADABLE_LOCATION_MESSAGE } from '../lib/region.ts';

/** LOC-4: management services (monitoring, log workspaces) are preferably domestic. */
export default defineCheck<object, 'domestic' | 'anywhere' | 'locationUnreadable' | 'abroad'>({
  meta: {
    id: 'common.location.management-in-japan',
    provider: 'any',
    resourceTypes: [...MANAGEMENT_TYPES],
    severity: 'low',
    judgesListed: true,
    title: {
      ja: '管理系サービス（監視・ログ基盤）が国内リージョンに配置されている',
      en: 'Management services (monitoring, log workspaces) are in a domestic region',
    },
    rationale: {
      ja: '監視・ログ等の管理系サービスにも運用情報が集まるため、国内配置が望ましいとされています（データを扱うリソースより重大度は低い）。',
      en: 'Management services collect operational data too, so a domestic location is preferred (lower severity than data-handling resources).',
    },
    remediation: {
      ja: 'ログ・監視基盤（Log Analytics ワークスペース等）を国内リージョンに作成し、収集先を切り替えてください。',
      en: 'Create the log/monitoring workspace in a domestic region and point the collection to it.',
    },
    messages: {
      ...LOCATED_MESSAGES,
      locationUnreadable: UNREADABLE_LOCATION_MESSAGE,
      abroad: {
        ja: '管理系サービスが国外リージョン {{region}} にあります（国内推奨）',
        en: 'Management service located abroad in {{region}} (domestic preferred)',
      },
    },
  },
  evaluate(resource, { params }) {
    const region = explicit(resource.region, 'region');
    const location = locationOf(resource, params);
    if (location === 'unreadable') return undetermined('locationUnreadable', [region]);
    if (location === 'allowed') return pass('domestic', [region], { region: resource.region });
    return fail(location, [region], { region: resource.region });
  },
});
