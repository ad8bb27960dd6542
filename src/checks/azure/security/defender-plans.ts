import type { AzureSecurityPricingFacts } from '../../../model/azure.ts';
import { factOf } from '../../../model/facts.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck, notApplicable } from '../../check.ts';
import { decideOnFact } from '../../verdict.ts';

export default defineCheck({
  meta: {
    id: 'azure.security.defender-plans',
    provider: 'azure',
    resourceTypes: ['security.plan'],
    severity: 'high',
    title: {
      ja: 'Microsoft Defender for Cloud のプランが有効（Standard）になっている',
      en: 'Microsoft Defender for Cloud plans are enabled (Standard)',
    },
    rationale: {
      ja: 'Defender のプランは脅威の検知、脆弱性の評価、エンドポイント保護を担う中央のセキュリティ管理サービスです。Free のままでは対象のリソースへの攻撃を検知できません。',
      en: 'Defender plans are the central security service that detects threats, assesses vulnerabilities and protects endpoints; a plan left on Free detects no attacks on its resources.',
    },
    remediation: {
      ja: 'Azure portal の [Microsoft Defender for Cloud] > [環境設定] > 対象のサブスクリプション > [Defender プラン] で該当のプランをオンにします。CLI: az security pricing create --name <プラン名> --tier Standard',
      en: 'In the Azure portal, Microsoft Defender for Cloud > Environment settings > the subscription > Defender plans, turn the plan on. CLI: az security pricing create --name <plan> --tier Standard',
    },
    messages: {
      standard: {
        ja: 'Defender プラン {{plan}} は有効です（{{value}}）',
        en: 'Defender plan {{plan}} is enabled ({{value}})',
      },
      free: {
        ja: 'Defender プラン {{plan}} が有効になっていません（pricingTier = {{value}}）',
        en: 'Defender plan {{plan}} is not enabled (pricingTier = {{value}})',
      },
      unknown: {
        ja: 'エクスポートから Defender プラン {{plan}} の pricingTier が読み取れません',
        en: 'The pricingTier of Defender plan {{plan}} cannot be read from the export',
      },
      deprecated: {
        ja: 'Defender プラン {{plan}} は廃止され、別のプランに置き換えられています',
        en: 'Defender plan {{plan}} is deprecated and replaced by another plan',
      },
    },
    references: ['https://learn.microsoft.com/azure/defender-for-cloud/enable-enhanced-security'],
  },
  evaluate(pricing: Resource<AzureSecurityPricingFacts>) {
    const plan = pricing.name;
    const deprecated = factOf(pricing.facts.deprecated, 'properties.deprecated');
    if (deprecated.value === true) return notApplicable('deprecated', [deprecated], { plan });
    return decideOnFact(
      factOf(pricing.facts.pricingTier, 'properties.pricingTier'),
      (tier) => tier.toLowerCase() === 'standard',
      { pass: 'standard', fail: 'free', unknown: 'unknown' },
      { plan },
    );
  },
});
