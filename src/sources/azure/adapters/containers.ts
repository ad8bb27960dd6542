import type { AzureContainerRegistryFacts, AzureManagedClusterFacts } from '../../../model/azure.ts';
import { asBoolean, asString, derivedFact, notSet, propertyFact } from '../property-facts.ts';
import type { Adapter } from './adapter.ts';
import { reachableThroughFirewall } from './network-access.ts';

export const containerRegistry: Adapter = {
  kansaType: 'container.registry',
  facts(record): AzureContainerRegistryFacts {
    const encryption = propertyFact(record, ['encryption.status'], asString, {
      // https://learn.microsoft.com/azure/container-registry/tutorial-enable-customer-managed-keys
      default: 'disabled',
      note: {
        ja: '未設定: 既定のサービス マネージド キーで暗号化されます',
        en: 'absent: encrypted with the default service-managed key',
      },
    });
    // Absent (API versions before 2019-12-01-preview): public access, the swagger's default.
    const publicNetworkAccess = propertyFact(record, ['publicNetworkAccess'], asString, {
      default: 'Enabled',
      note: {
        ja: '未設定: パブリック ネットワーク アクセスは既定で有効です',
        en: 'absent: public network access is enabled by default',
      },
    });
    // Premium registries have a firewall: `networkRuleSet` (default action Allow, IP rules).
    // https://learn.microsoft.com/azure/container-registry/container-registry-access-selected-networks
    const networkDefaultAction = propertyFact(record, ['networkRuleSet.defaultAction'], asString, {
      default: 'Allow',
      note: {
        ja: '未設定: 既定ではすべてのネットワークからの接続を受け付けます',
        en: 'absent: by default the registry accepts connections from all networks',
      },
    });
    return {
      adminUserEnabled: propertyFact(record, ['adminUserEnabled'], asBoolean, {
        // https://learn.microsoft.com/azure/container-registry/container-registry-authentication#admin-account
        default: false,
        note: {
          ja: '未設定: 管理者ユーザは既定で無効です',
          en: 'absent: the admin user is off by default',
        },
      }),
      publicNetworkAccess,
      reachableFromInternet: reachableThroughFirewall(
        record,
        publicNetworkAccess,
        networkDefaultAction,
        'networkRuleSet.ipRules',
      ),
      customerManagedKey: derivedFact(encryption, (status) => status.toLowerCase() === 'enabled'),
    };
  },
};

export const managedCluster: Adapter = {
  kansaType: 'container.cluster',
  facts(record): AzureManagedClusterFacts {
    const diskEncryptionSet = propertyFact(record, ['diskEncryptionSetID'], asString, {
      // https://learn.microsoft.com/azure/aks/azure-disk-customer-managed-keys
      default: '',
      note: {
        ja: '未設定: ノードのディスクは既定のプラットフォーム マネージド キーで暗号化されます',
        en: "absent: the nodes' disks are encrypted with the default platform-managed key",
      },
    });
    // https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges : a cluster's API
    // server is public and open to all addresses unless made private or given authorized ranges.
    const privateCluster = propertyFact(record, ['apiServerAccessProfile.enablePrivateCluster'], asBoolean, {
      default: false,
      note: {
        ja: '未設定: API サーバーは既定でパブリック エンドポイントを持ちます',
        en: 'absent: the API server has a public endpoint by default',
      },
    });
    // 2019 API versions (2019-02-01 to 2019-04-01) kept the list at the top of properties.
    const authorizedIpRanges = propertyFact(
      record,
      ['apiServerAccessProfile.authorizedIPRanges', 'apiServerAuthorizedIPRanges'],
      (value) => (Array.isArray(value) ? value.filter((range) => typeof range === 'string') : undefined),
      {
        default: [],
        note: {
          ja: '未設定: 承認済み IP 範囲がなく、すべてのアドレスから API サーバーに接続できます',
          en: 'absent: no authorized IP ranges, the API server accepts all addresses',
        },
      },
    );
    return {
      customerManagedKey: derivedFact(diskEncryptionSet, (id) => id !== ''),
      privateCluster,
      authorizedIpRanges,
      reachableFromInternet: derivedFact(privateCluster, (isPrivate) => !isPrivate),
      enableRbac: propertyFact(
        record,
        ['enableRBAC'],
        asBoolean,
        notSet('absent: not in this export', '未設定: このエクスポートに含まれていません'),
      ),
      disableLocalAccounts: propertyFact(record, ['disableLocalAccounts'], asBoolean, {
        // https://learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad
        default: false,
        note: {
          ja: '未設定: ローカル アカウントは既定で有効です',
          en: 'absent: local accounts are enabled by default',
        },
      }),
    };
  },
};
