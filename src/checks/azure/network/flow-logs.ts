import type { AzureFlowLogFacts, AzureVirtualNetworkFacts } from '../../../model/azure.ts';
import { unknown } from '../../../model/fact.ts';
import { factOf } from '../../../model/facts.ts';
import { type Resource, sameRegion } from '../../../model/resource.ts';
import { defineCheck, type Evidence, fail, notApplicable, pass, undetermined } from '../../check.ts';
import { lookupBy } from '../../lookup.ts';
import { missingData } from '../../missing-data.ts';

const NETWORK_WATCHER = 'microsoft.network/networkwatchers';
/** Subscriptions, resource groups and management groups: Resource Graph's resourcecontainers. */
const RESOURCE_CONTAINER = /^microsoft\.(resources|management)\//i;

export default defineCheck({
  meta: {
    id: 'azure.network.flow-logs',
    provider: 'azure',
    resourceTypes: ['network.vpc'],
    severity: 'medium',
    title: {
      ja: '仮想ネットワークの通信がフロー ログに記録されている',
      en: "Virtual networks' traffic is recorded by flow logs",
    },
    rationale: {
      ja: 'フロー ログがなければ、不正な通信や情報の持ち出しを後から調べられません。仮想ネットワーク フロー ログ、またはサブネットの NSG のフロー ログで全サブネットを記録します。',
      en: "Without flow logs, unauthorized connections and data exfiltration cannot be investigated afterwards; a virtual network flow log, or flow logs of the subnets' NSGs, must cover every subnet.",
    },
    remediation: {
      ja: 'Azure portal の [Network Watcher] > [フロー ログ] > [作成] で、フロー ログの種類「仮想ネットワーク」を選び対象の仮想ネットワークを指定します。CLI: az network watcher flow-log create --location <リージョン> --resource-group <リソース グループ> --name <フロー ログ名> --vnet <仮想ネットワーク名> --storage-account <ストレージ アカウント ID>（NSG フロー ログは 2025 年 6 月 30 日以降新規作成できません）',
      en: 'In the Azure portal, Network Watcher > Flow logs > Create, choose flow log type "Virtual network" and select the virtual network. CLI: az network watcher flow-log create --location <region> --resource-group <resource group> --name <flow log> --vnet <virtual network> --storage-account <storage account id> (new NSG flow logs cannot be created after 30 June 2025)',
    },
    messages: {
      vnetLogged: {
        ja: '仮想ネットワーク フロー ログ {{flowLogs}} が有効です',
        en: 'Virtual network flow log(s) {{flowLogs}} are enabled',
      },
      subnetsLogged: {
        ja: 'すべてのサブネットがサブネットまたは NSG のフロー ログ {{flowLogs}} で記録されています',
        en: 'Every subnet is recorded by subnet or NSG flow log(s) {{flowLogs}}',
      },
      notLogged: {
        ja: 'フロー ログで記録されていないサブネットがあります: {{subnets}}',
        en: 'Subnets not recorded by any enabled flow log: {{subnets}}',
      },
      noSubnets: {
        ja: 'サブネットがないため、記録する通信がありません',
        en: 'The virtual network has no subnets, so no traffic to record',
      },
      notExported: missingData(
        {
          ja: 'エクスポートにこのリージョンの Network Watcher とフロー ログがありません（Resource Graph の resources テーブル全体を出力するか、このリージョンの az network watcher flow-log list --location の出力を追加してください）',
          en: "The export has no Network Watcher or flow logs of this network's region: export the whole Resource Graph resources table, or add the output of az network watcher flow-log list --location for the region",
        },
        'azureResources',
      ),
      onlyPicked: missingData(
        {
          ja: 'フロー ログで記録されていないサブネットがあります: {{subnets}}。ただし、このリージョンのフロー ログは個別に表示したもの（az network watcher flow-log show）だけで一覧がないため、ほかのフロー ログがこれらを記録しているかは分かりません（az network watcher flow-log list --location の出力を追加してください）',
          en: 'Subnets no flow log of the export records: {{subnets}}; but the export shows flow logs of this region only one by one (az network watcher flow-log show), not their listing, so others may record them: add the output of az network watcher flow-log list --location for the region',
        },
        'azureResources',
        {
          ja: '表示されたフロー ログで記録されていないサブネットがあります: {{subnets}}。このリージョンのフロー ログの一覧がありません',
          en: "Subnets no flow log shown records: {{subnets}}; there is no listing of this region's flow logs",
        },
      ),
      notInPlan: {
        ja: 'Terraform の計画のフロー ログで記録されていないサブネットがあります: {{subnets}}。既存のリソースの、構成の外で作られたフロー ログは計画に現れません。クラウドのインベントリ（エクスポートまたはライブ スキャン）で判断してください',
        en: "Subnets no flow log of the Terraform plan records: {{subnets}}; flow logs made outside the configuration for existing resources are not in the plan: judge it on the cloud's inventory (an export or a live scan)",
      },
      unknown: {
        ja: 'フロー ログが有効かどうかをエクスポートから判定できません: {{subnets}}',
        en: 'Whether flow logs are enabled cannot be told from the export: {{subnets}}',
      },
    },
    references: [
      'https://learn.microsoft.com/azure/network-watcher/vnet-flow-logs-overview',
      'https://learn.microsoft.com/azure/network-watcher/nsg-flow-logs-overview',
    ],
  },
  evaluate(vnet: Resource<AzureVirtualNetworkFacts>, ctx) {
    // Flow logs are regional: one sits under its region's Network Watcher and watches targets of
    // that region only. Another region's listing (Get-AzNetworkWatcherFlowLog -Location, az
    // network watcher flow-log list --location) says nothing of this network's.
    const flowLogs = (
      ctx.inventory.inAccount('azure', vnet.account, 'network.flow-log') as Resource<AzureFlowLogFacts>[]
    ).filter((log) => ofRegion(log, vnet));
    // A flow log whose target the export does not show (one only listed) may be any target's.
    const untargeted = flowLogs.some(
      (log) => (log.facts.targetResourceId?.source ?? 'unknown') === 'unknown',
    );
    /** Each target's flow logs: true when one is enabled, undefined when only unknown ones. */
    const logged = (target: string | null) => {
      const ofTarget = flowLogs.filter(
        (log) => target !== null && log.facts.targetResourceId?.value === target,
      );
      if (ofTarget.some((log) => log.facts.enabled?.value === true)) return true;
      return untargeted || ofTarget.some((log) => log.facts.enabled?.source === 'unknown')
        ? undefined
        : false;
    };
    const evidenceOf = (targets: readonly (string | null)[]): Evidence[] =>
      flowLogs
        .filter((log) => targets.includes(log.facts.targetResourceId?.value ?? null))
        .map((log) => ({ ...factOf(log.facts.enabled, 'properties.enabled'), resourceId: log.id }));
    const namesOf = (evidence: readonly Evidence[]) =>
      evidence.filter((fact) => fact.value === true).map((fact) => fact.resourceId?.split('/').pop());

    if (logged(vnet.id)) {
      const evidence = evidenceOf([vnet.id]);
      return pass('vnetLogged', evidence, { flowLogs: namesOf(evidence) });
    }
    const subnets = factOf(vnet.facts.subnets, 'properties.subnets');
    if (subnets.source === 'unknown') return undetermined('unknown', [subnets], { subnets: [] });
    if (subnets.value.length === 0) return notApplicable('noSubnets', [subnets]);
    const coverage = subnets.value.map((subnet) => {
      const bySubnet = logged(subnet.id);
      const byNsg = logged(subnet.networkSecurityGroupId);
      const covered = bySubnet || byNsg ? true : bySubnet === false && byNsg === false ? false : undefined;
      return { name: subnet.id.split('/').pop() ?? subnet.id, covered };
    });
    const targets = [vnet.id, ...subnets.value.flatMap((s) => [s.id, s.networkSecurityGroupId])];
    const evidence: Evidence[] = [subnets, ...evidenceOf(targets)];
    const uncovered = coverage.filter((subnet) => subnet.covered === false).map((subnet) => subnet.name);
    const unsure = coverage.filter((subnet) => subnet.covered === undefined).map((subnet) => subnet.name);
    if (uncovered.length === 0 && unsure.length === 0) {
      return pass('subnetsLogged', evidence, { flowLogs: namesOf(evidence) });
    }
    if (unsure.length > 0 && uncovered.length === 0)
      return undetermined('unknown', evidence, { subnets: unsure });
    // A Terraform plan's network: its flow logs are all in the plan (new resources) or may not be.
    const listed = vnet.facts.flowLogsListed;
    if (listed?.source === 'unknown')
      return undetermined('notInPlan', [...evidence, listed], { subnets: uncovered });
    if (listed) return fail('notLogged', [...evidence, listed], { subnets: uncovered });
    // Flow logs live under the region's Network Watcher, in the same Resource Graph table as the
    // virtual network: with neither of its region in the export, they were not exported rather
    // than absent. A flow log or watcher shown alone (`az … show`, a flow-log status, a page with
    // a next one: Resource.picked) says nothing of the others: only a listing covers the region.
    // A watcher stands for its flow logs only where it was read from an inventory of many types
    // (Resource Graph's resources table, `az resource list`), which holds them too; a listing of
    // the watchers alone (`az network watcher list`, a query by type) lists no flow log, nor with
    // the subscriptions and groups beside it (Resource Graph's resourcecontainers).
    const fromListing = (r: Resource) => !r.picked && !r.notified;
    const inAccount = ctx.inventory.inAccount('azure', vnet.account);
    const watchers = byNativeType(inAccount, NETWORK_WATCHER).filter(
      (r) => ofRegion(r, vnet) && fromListing(r),
    );
    const regionListed =
      flowLogs.some(fromListing) ||
      watchers.some((watcher) =>
        byFile(inAccount, watcher.origin.file).some(
          (r) => r.nativeType !== NETWORK_WATCHER && !RESOURCE_CONTAINER.test(r.nativeType),
        ),
      );
    if (regionListed) return fail('notLogged', evidence, { subnets: uncovered });
    if (flowLogs.length === 0) return undetermined('notExported', evidence);
    const unlisted = unknown(`${vnet.region}: Microsoft.Network/networkWatchers/flowLogs`, {
      ja: 'このリージョンのフロー ログは個別に表示したものだけで、一覧がありません',
      en: "this region's flow logs were read one by one (shown), not from a listing of them",
    });
    return undetermined('onlyPicked', [...evidence, unlisted], { subnets: uncovered });
  },
});

/** An account's resources by native type, and by the file they were read from: looked up for every network. */
const byNativeType = lookupBy((r: Resource) => [r.nativeType]);
const byFile = lookupBy((r: Resource) => [r.origin.file]);

/**
 * A flow log or Network Watcher of the network's region. Neither is ever global: one read without
 * a location (a group's flow-log status, which names only its target) is of a region not read.
 */
function ofRegion(regional: Resource, vnet: Resource): boolean {
  return sameRegion(regional, vnet) || regional.region === 'global';
}
