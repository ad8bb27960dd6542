import type { AzureManagedClusterFacts } from '../../../model/azure.ts';
import { factOf } from '../../../model/facts.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck } from '../../check.ts';
import { decideOnFacts, requirement } from '../../verdict.ts';

export default defineCheck({
  meta: {
    id: 'azure.aks.rbac',
    provider: 'azure',
    resourceTypes: ['container.cluster'],
    severity: 'high',
    title: {
      ja: 'AKS で Kubernetes RBAC が有効で、ローカル アカウントが無効になっている',
      en: 'AKS clusters use Kubernetes RBAC with local accounts disabled',
    },
    rationale: {
      ja: 'RBAC がなければ、クラスターに接続できる者は誰でもすべてを操作できます。ローカル アカウント（静的な cluster-admin 資格情報）は Entra ID の認証・MFA・監査を経ずに使えるため無効にします。',
      en: 'Without RBAC anyone who can reach the cluster can do anything; local accounts (the static cluster-admin credential) bypass Entra ID authentication, MFA and auditing, so they must be disabled.',
    },
    remediation: {
      ja: 'RBAC はクラスター作成時にのみ有効にできます（無効のクラスターは作り直します）。ローカル アカウントは Entra ID 統合を有効にしたうえで無効にします。Azure portal の [Kubernetes サービス] > [設定] > [セキュリティ構成]。CLI: az aks update --name <クラスター名> --resource-group <リソース グループ> --enable-aad --disable-local-accounts',
      en: 'RBAC can only be enabled when a cluster is created (recreate clusters without it); disable local accounts once Entra ID integration is on: Azure portal, Kubernetes service > Settings > Security configuration. CLI: az aks update --name <cluster> --resource-group <resource group> --enable-aad --disable-local-accounts',
    },
    messages: {
      compliant: {
        ja: 'Kubernetes RBAC が有効で、ローカル アカウントは無効です',
        en: 'Kubernetes RBAC is enabled and local accounts are disabled',
      },
      nonCompliant: {
        ja: '準拠していない設定があります: {{failing}}',
        en: 'Settings not compliant: {{failing}}',
      },
      unknown: {
        ja: 'エクスポートから {{unknown}} が読み取れません',
        en: '{{unknown}} cannot be read from the export',
      },
    },
    references: [
      'https://learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad',
      'https://learn.microsoft.com/azure/aks/concepts-identity',
    ],
  },
  evaluate(cluster: Resource<AzureManagedClusterFacts>) {
    return decideOnFacts(
      [
        requirement(factOf(cluster.facts.enableRbac, 'properties.enableRBAC'), (on) => on),
        requirement(
          factOf(cluster.facts.disableLocalAccounts, 'properties.disableLocalAccounts'),
          (off) => off,
        ),
      ],
      { pass: 'compliant', fail: 'nonCompliant', unknown: 'unknown' },
    );
  },
});
