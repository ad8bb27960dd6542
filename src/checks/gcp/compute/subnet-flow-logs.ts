import { factOf } from '../../../model/facts.ts';
import type { GcpSubnetworkFacts } from '../../../model/gcp.ts';
import { defineCheck, notApplicable } from '../../check.ts';
import { decideOnFact, ENABLED_MESSAGES, isOn } from '../../verdict.ts';

type Message = 'enabled' | 'disabled' | 'unknown' | 'specialPurpose';

const SUBNETWORK = 'compute.googleapis.com/Subnetwork';
/** Ordinary subnets (`PRIVATE_RFC_1918` is the older name); proxy-only and PSC subnets have no flow logs. */
const ORDINARY_PURPOSES = new Set(['PRIVATE', 'PRIVATE_RFC_1918']);

export default defineCheck<GcpSubnetworkFacts, Message>({
  meta: {
    id: 'gcp.compute.subnet-flow-logs',
    provider: 'gcp',
    resourceTypes: ['network.vpc'],
    // VPC networks are `network.vpc` too; flow logs are set per subnet.
    nativeTypes: [SUBNETWORK],
    severity: 'medium',
    title: {
      ja: 'VPC サブネットで VPC フローログが有効になっている',
      en: 'VPC subnets have VPC Flow Logs enabled',
    },
    rationale: {
      ja: 'フローログがないと、不正な通信や情報の持ち出しを事後に調査できません。VPC フローログはサブネットごとの設定で、既定では無効です。',
      en: 'Without flow logs, suspicious connections and data exfiltration cannot be investigated afterwards. VPC Flow Logs are a per-subnet setting and are off by default.',
    },
    remediation: {
      ja: 'gcloud compute networks subnets update <サブネット> --region=<リージョン> --enable-flow-logs を実行します（コンソール: VPC ネットワーク > サブネット > 編集 >「フローログ」をオン）。',
      en: 'Run gcloud compute networks subnets update <subnet> --region=<region> --enable-flow-logs (console: VPC network > Subnets > Edit > "Flow logs" on).',
    },
    messages: {
      enabled: { ja: 'フローログが有効です', en: 'Flow logs are enabled' },
      disabled: { ja: 'フローログが無効です', en: 'Flow logs are off' },
      unknown: {
        ja: 'エクスポートからフローログの設定を判断できません',
        en: 'The export does not show the flow log setting',
      },
      specialPurpose: {
        ja: '用途 {{purpose}} のサブネットはフローログに対応していません（対象外）',
        en: 'Subnets with purpose {{purpose}} do not support flow logs (not applicable)',
      },
    },
    references: ['https://cloud.google.com/vpc/docs/using-flow-logs'],
  },
  evaluate(subnet) {
    const purpose = factOf(subnet.facts.purpose, 'resource.data.purpose');
    if (purpose.value !== undefined && !ORDINARY_PURPOSES.has(purpose.value))
      return notApplicable('specialPurpose', [purpose], { purpose: purpose.value });
    return decideOnFact(
      factOf(subnet.facts.flowLogsEnabled, 'resource.data.logConfig.enable'),
      isOn,
      ENABLED_MESSAGES,
    );
  },
});
