import type { AzureSecurityPricingFacts } from '../../../model/azure.ts';
import { unknown } from '../../../model/fact.ts';
import { factOf } from '../../../model/facts.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';
import { defenderPlanFor } from '../lib/related.ts';

export default defineCheck({
  meta: {
    id: 'azure.compute.vm-endpoint-protection',
    provider: 'azure',
    resourceTypes: ['compute.vm'],
    // Defender for Servers covers Resource Manager machines; classic VMs (retired) it does not.
    nativeTypes: ['microsoft.compute/virtualmachines', 'microsoft.compute/virtualmachinescalesets'],
    severity: 'high',
    title: {
      ja: '仮想マシンが Defender for Servers（エンドポイント保護・脆弱性評価）の対象になっている',
      en: 'Virtual machines are covered by Defender for Servers (endpoint protection, vulnerability assessment)',
    },
    rationale: {
      ja: 'Defender for Servers は Microsoft Defender for Endpoint によるマルウェア対策・EDR と、脆弱性・パッチの評価を仮想マシンに提供します。対象外の仮想マシンは侵害されても検知されません。',
      en: 'Defender for Servers brings Microsoft Defender for Endpoint (anti-malware, EDR) and vulnerability and patch assessment to the VMs; an uncovered VM can be compromised undetected.',
    },
    remediation: {
      ja: 'Azure portal の [Microsoft Defender for Cloud] > [環境設定] > 対象のサブスクリプション > [Defender プラン] で「サーバー」をオンにします。CLI: az security pricing create --name VirtualMachines --tier Standard --subplan P2',
      en: 'In the Azure portal, Microsoft Defender for Cloud > Environment settings > the subscription > Defender plans, turn on Servers. CLI: az security pricing create --name VirtualMachines --tier Standard --subplan P2',
    },
    messages: {
      covered: {
        ja: 'Defender for Servers（{{plan}}）が有効です',
        en: 'Defender for Servers ({{plan}}) is enabled',
      },
      notCovered: {
        ja: 'Defender for Servers が有効ではありません（pricingTier = {{tier}}）',
        en: 'Defender for Servers is not enabled (pricingTier = {{tier}})',
      },
      noPlan: {
        ja: 'エクスポートに Defender のプラン（securityresources の microsoft.security/pricings）がありません',
        en: 'The export has no Defender plans (microsoft.security/pricings in securityresources)',
      },
      unknown: {
        ja: 'エクスポートから Defender for Servers の pricingTier が読み取れません',
        en: 'The pricingTier of Defender for Servers cannot be read from the export',
      },
    },
    references: ['https://learn.microsoft.com/azure/defender-for-cloud/defender-for-servers-overview'],
  },
  evaluate(vm: Resource, ctx) {
    const plan = defenderPlanFor(vm, 'VirtualMachines', ctx);
    if (!plan) {
      const evidence = unknown('securityresources/microsoft.security/pricings/VirtualMachines', {
        ja: 'Defender for Servers のプランがエクスポートにありません',
        en: 'no Defender for Servers plan in the export',
      });
      return undetermined('noPlan', [evidence]);
    }
    const tier = factOf(
      (plan as Resource<AzureSecurityPricingFacts>).facts.pricingTier,
      'properties.pricingTier',
    );
    const evidence = [{ ...tier, resourceId: plan.id }];
    if (tier.source === 'unknown') return undetermined('unknown', evidence);
    const data = { plan: plan.id, tier: tier.value };
    return tier.value.toLowerCase() === 'standard'
      ? pass('covered', evidence, data)
      : fail('notCovered', evidence, data);
  },
});
