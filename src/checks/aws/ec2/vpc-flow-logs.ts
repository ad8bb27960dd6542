import type { AwsFlowLogFacts, AwsVpcFacts } from '../../../model/aws.ts';
import { cloudDefault, unknown } from '../../../model/fact.ts';
import { factOf } from '../../../model/facts.ts';
import { type Resource, sameRegion } from '../../../model/resource.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';
import { missingInPlan } from '../../missing-data.ts';
import { evidenceFrom } from '../../verdict.ts';
import { emptyListings } from '../lib/listings.ts';

export default defineCheck<
  AwsVpcFacts,
  | 'logged'
  | 'notLogged'
  | 'noFlowLogs'
  | 'notInPlan'
  | 'flowLogsUnread'
  | 'onlyNotified'
  | 'onlyPicked'
  | 'unknown'
>({
  meta: {
    id: 'aws.ec2.vpc-flow-logs',
    provider: 'aws',
    resourceTypes: ['network.vpc'],
    severity: 'medium',
    title: { ja: 'VPC でフローログが有効', en: 'VPCs have flow logs enabled' },
    rationale: {
      ja: 'フローログがないと、不正な通信や情報の持ち出しを後から調査できません。境界防御の監視にはフローログが必要です。',
      en: 'Without flow logs, suspicious traffic and data exfiltration cannot be investigated afterwards; boundary protection needs them.',
    },
    remediation: {
      ja: 'aws ec2 create-flow-logs --resource-type VPC --resource-ids <VPC ID> --traffic-type ALL --log-destination-type s3 --log-destination arn:aws:s3:::<バケット名> を実行します（コンソール: VPC →「お使いの VPC」→ 対象 →「フローログ」→「フローログを作成」）。',
      en: 'Run aws ec2 create-flow-logs --resource-type VPC --resource-ids <vpc id> --traffic-type ALL --log-destination-type s3 --log-destination arn:aws:s3:::<bucket> (console: VPC → Your VPCs → the VPC → Flow logs → Create flow log).',
    },
    messages: {
      logged: {
        ja: 'VPC {{vpc}} のフローログ {{flowLog}} は有効です',
        en: 'VPC {{vpc}} has active flow log {{flowLog}}',
      },
      notLogged: {
        ja: 'VPC {{vpc}} に有効なフローログがありません',
        en: 'VPC {{vpc}} has no active flow log',
      },
      noFlowLogs: missingInPlan(
        {
          ja: 'エクスポートにこのアカウント・リージョンのフローログ（AWS::EC2::FlowLog）が一つもないため判断できません（Config がフローログを記録していれば、この VPC にはありません）',
          en: 'Cannot tell: the export holds no flow log (AWS::EC2::FlowLog) of this account and Region (if Config records flow logs, this VPC has none)',
        },
        { ja: 'フローログ（AWS::EC2::FlowLog）がありません', en: 'No flow log (AWS::EC2::FlowLog)' },
      ),
      notInPlan: {
        ja: 'VPC {{vpc}} のフローログのすべては Terraform の計画からは分かりません（既存の VPC には構成の外で作られたフローログがありえ、計画のフローログが適用後まで分からない VPC を対象とすることもあります）。クラウドのインベントリ（エクスポートまたはライブ スキャン）で判断してください',
        en: "The Terraform plan does not show every flow log of VPC {{vpc}} (an existing VPC may have flow logs made outside the configuration; a flow log of the plan may name a VPC known only after apply): judge it on the cloud's inventory (an export or a live scan)",
      },
      flowLogsUnread: {
        ja: 'VPC {{vpc}} に有効と分かるフローログはありませんが、フローログ {{flowLogs}} の対象または状態がエクスポートから読み取れません',
        en: 'VPC {{vpc}} has no flow log known to be active, but the target or status of flow logs {{flowLogs}} cannot be read from the export',
      },
      onlyNotified: {
        ja: 'VPC {{vpc}} に有効なフローログは変更通知またはルールのイベント（変更されたリソースだけを運ぶ）に現れていませんが、それらはフローログの一覧ではないため判断できません',
        en: 'Cannot tell: change notifications and rule events, which carry the resources that changed, show no active flow log of VPC {{vpc}}, and they are no listing of the flow logs',
      },
      onlyPicked: {
        ja: 'VPC {{vpc}} に有効なフローログは読み込んだ応答に現れていませんが、それらは一部のフローログだけを選んだもの（リソースで絞り込んだ応答、続きのページがある応答、クエリで選んだ項目）で、このリージョンのフローログの一覧ではないため判断できません',
        en: "Cannot tell: the answers read show no active flow log of VPC {{vpc}}, and they selected some flow logs only (an answer filtered by a resource, a page with a next one, a query's entries), not the Region's whole listing",
      },
      unknown: {
        ja: 'VPC {{vpc}} の ID がエクスポートにありません',
        en: 'The export does not show the id of VPC {{vpc}}',
      },
    },
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html'],
  },
  evaluate(resource, ctx) {
    const data = { vpc: resource.name };
    const vpcId = factOf(resource.facts.vpcId, 'configuration.vpcId');
    if (vpcId.source === 'unknown') return undetermined('unknown', [vpcId], data);
    // Flow logs are regional: another Region's listing says nothing of this VPC's (a dump of
    // several Regions may hold one Region's describe-flow-logs only). A Region unread matches any.
    const flowLogs = (
      ctx.inventory.inAccount('aws', resource.account, 'network.flow-log') as Resource<AwsFlowLogFacts>[]
    ).filter((flowLog) => sameRegion(flowLog, resource));
    const logged = flowLogs.find(
      (flowLog) =>
        flowLog.facts.resourceId?.value === vpcId.value && flowLog.facts.flowLogStatus?.value === 'ACTIVE',
    );
    if (logged) {
      const status = factOf(logged.facts.flowLogStatus, 'configuration.flowLogStatus');
      return pass('logged', [vpcId, evidenceFrom(logged, status)], { ...data, flowLog: logged.name });
    }
    // A Terraform plan's VPC: its flow logs are all in the plan (a new VPC) or may not be.
    const listed = resource.facts.flowLogsListed;
    if (listed?.source === 'unknown') return undetermined('notInPlan', [vpcId, listed], data);
    if (listed) {
      const none = cloudDefault(false, listed.path, {
        ja: '計画はこの新しい VPC のフローログを作りません（VPC のフローログは既定で無効です）',
        en: 'the plan makes no flow log for this new VPC (VPC flow logs are off by default)',
      });
      return fail('notLogged', [vpcId, none], data);
    }
    // Change notifications carry the flow logs that changed, and a filtered answer or a page
    // some of them (Resource.picked): neither is the listing of the Region's.
    const selected = flowLogs.every((flowLog) => flowLog.notified || flowLog.picked);
    if (selected) {
      // The Region's flow logs were listed, and none is there (describe-flow-logs → FlowLogs: [],
      // or the Region's whole Config inventory while Config records flow logs in another Region).
      const listed = emptyListings(ctx.inventory, resource.account, 'flowLogListings', {
        region: resource.region,
        resourceId: vpcId.value,
      });
      if (listed.length > 0) return fail('notLogged', [vpcId, ...listed], data);
    }
    if (flowLogs.length === 0) {
      return undetermined('noFlowLogs', [
        vpcId,
        unknown('configurationItems[resourceType=AWS::EC2::FlowLog]', {
          ja: 'このアカウント・リージョンのフローログの設定項目がエクスポートにありません',
          en: 'no flow log configuration item of this account and Region in the export',
        }),
      ]);
    }
    // A flow log whose target or status is not shown (an item only listed) may be this VPC's.
    const unread = flowLogs.filter(
      (flowLog) =>
        flowLog.facts.resourceId?.value === undefined ||
        (flowLog.facts.resourceId.value === vpcId.value && flowLog.facts.flowLogStatus?.value === undefined),
    );
    if (unread.length > 0) {
      const evidence = unread.map((flowLog) =>
        evidenceFrom(flowLog, factOf(flowLog.facts.resourceId, 'configuration.resourceId')),
      );
      return undetermined('flowLogsUnread', [vpcId, ...evidence], {
        ...data,
        flowLogs: unread.map((flowLog) => flowLog.name),
      });
    }
    if (selected) {
      // Only answers that are no listing of the Region's flow logs: a selection, or notifications.
      const picked = flowLogs.filter((flowLog) => flowLog.picked);
      const path = `AWS::EC2::FlowLog[resourceId=${vpcId.value}]`;
      return undetermined(
        picked.length > 0 ? 'onlyPicked' : 'onlyNotified',
        [
          vpcId,
          unknown(path, picked.length > 0 ? ONLY_PICKED : ONLY_NOTIFIED),
          ...picked.map((flowLog) =>
            evidenceFrom(flowLog, factOf(flowLog.facts.resourceId, 'configuration.resourceId')),
          ),
        ],
        data,
      );
    }
    // Config records flow logs in this account (others are there): this VPC has none active.
    const none = cloudDefault(false, `AWS::EC2::FlowLog[resourceId=${vpcId.value}]`, {
      ja: 'このアカウントの他のフローログは記録されていますが、この VPC を対象とする有効なものはありません（VPC のフローログは既定で無効です）',
      en: 'other flow logs of the account are recorded, none active for this VPC (VPC flow logs are off by default)',
    });
    return fail('notLogged', [vpcId, none], data);
  },
});

const ONLY_PICKED = {
  ja: 'このアカウント・リージョンのフローログは一部を選んだ応答にあったものだけです（一覧ではありません）',
  en: "the account's flow logs in this Region were read from answers that selected some of them only (no listing of them)",
};
const ONLY_NOTIFIED = {
  ja: 'このアカウント・リージョンのフローログは変更通知またはルールのイベントにあったものだけです（一覧ではありません）',
  en: "the account's flow logs in this Region were read from change notifications or rule events only (no listing of them)",
};
