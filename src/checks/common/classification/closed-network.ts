import { type CommonFacts, factOf } from '../../../model/facts.ts';
import { DATA_HANDLING_TYPES } from '../../../model/resource.ts';
import { defineCheck, fail, notApplicable, pass, undetermined } from '../../check.ts';
import { CLASS_UNREADABLE, classUnreadable, TAGS_UNRECORDED } from '../lib/classification.ts';

/** CLS-2: data services holding classification-2+ data are reachable only over closed networks. */
export default defineCheck<
  CommonFacts,
  'notClassified' | 'closed' | 'public' | 'unknown' | 'classUnreadable' | 'tagsUnrecorded'
>({
  meta: {
    id: 'common.classification.closed-network',
    provider: 'any',
    resourceTypes: [...DATA_HANDLING_TYPES],
    severity: 'high',
    title: {
      ja: '機密性 2 以上の情報を扱うデータサービスがインターネットから到達できない（閉域接続）',
      en: 'Data services holding classification-2+ data are not reachable from the internet (closed network)',
    },
    rationale: {
      ja: '神戸市方針 4(3) は、機密性 2 以上の情報の通信を閉域網（専用線・VPN・プライベートエンドポイント）に限ることを求めています。パブリックエンドポイントが開いていると、認証情報の漏えいだけでデータに到達されます。',
      en: 'Kobe policy 4(3) requires classification-2+ traffic to use closed networks (leased lines, VPN, private endpoints). With a public endpoint open, leaked credentials alone reach the data.',
    },
    remediation: {
      ja: 'パブリック ネットワーク アクセスを無効にし、プライベート エンドポイント（Azure Private Link、AWS VPC エンドポイント、Private Service Connect）経由の接続に切り替えてください（例: az storage account update --public-network-access Disabled、aws rds modify-db-instance --no-publicly-accessible、gcloud sql instances patch --no-assign-ip）。',
      en: 'Disable public network access and connect through private endpoints (Azure Private Link, AWS VPC endpoints, Private Service Connect), e.g. az storage account update --public-network-access Disabled, aws rds modify-db-instance --no-publicly-accessible, gcloud sql instances patch --no-assign-ip.',
    },
    messages: {
      notClassified: {
        ja: '機密性{{classification}}のため対象外です',
        en: 'Classification {{classification}}: not required',
      },
      closed: {
        ja: '機密性{{classification}}のデータサービスはインターネットから到達できません',
        en: 'The classification-{{classification}} data service is not reachable from the internet',
      },
      public: {
        ja: '機密性{{classification}}のデータサービスがインターネットから到達可能です',
        en: 'The classification-{{classification}} data service is reachable from the internet',
      },
      unknown: {
        ja: '機密性{{classification}}の情報ですが、エクスポートからネットワークの公開範囲を判断できません',
        en: 'Classification-{{classification}} data, but the export does not show whether the service is reachable from the internet',
      },
      classUnreadable: CLASS_UNREADABLE,
      tagsUnrecorded: TAGS_UNRECORDED,
    },
  },
  evaluate(resource, { classification }) {
    const evidence = classification(resource);
    if (evidence.source === 'unknown') return classUnreadable(evidence);
    const data = { classification: evidence.value };
    if (evidence.value < 2) return notApplicable('notClassified', [evidence], data);
    const reachable = factOf(resource.facts.reachableFromInternet, 'reachableFromInternet');
    if (reachable.source === 'unknown') return undetermined('unknown', [evidence, reachable], data);
    return reachable.value
      ? fail('public', [evidence, reachable], data)
      : pass('closed', [evidence, reachable], data);
  },
});
