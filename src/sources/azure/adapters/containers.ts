import type { AzureContainerRegistryFacts } from '../../../model/azure.ts';
import type { CommonFacts } from '../../../model/facts.ts';
import { asBoolean, asString, derivedFact, notSet, propertyFact } from '../property-facts.ts';
import type { Adapter } from './adapter.ts';

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
    return {
      adminUserEnabled: propertyFact(record, ['adminUserEnabled'], asBoolean, {
        // https://learn.microsoft.com/azure/container-registry/container-registry-authentication#admin-account
        default: false,
        note: {
          ja: '未設定: 管理者ユーザーは既定で無効です',
          en: 'absent: the admin user is off by default',
        },
      }),
      publicNetworkAccess: propertyFact(
        record,
        ['publicNetworkAccess'],
        asString,
        notSet('absent: not in this export', '未設定: このエクスポートに含まれていません'),
      ),
      customerManagedKey: derivedFact(encryption, (status) => status.toLowerCase() === 'enabled'),
    };
  },
};

export const managedCluster: Adapter = {
  kansaType: 'container.cluster',
  facts(record): CommonFacts {
    const diskEncryptionSet = propertyFact(record, ['diskEncryptionSetID'], asString, {
      // https://learn.microsoft.com/azure/aks/azure-disk-customer-managed-keys
      default: '',
      note: {
        ja: '未設定: ノードのディスクは既定のプラットフォーム マネージド キーで暗号化されます',
        en: "absent: the nodes' disks are encrypted with the default platform-managed key",
      },
    });
    return { customerManagedKey: derivedFact(diskEncryptionSet, (id) => id !== '') };
  },
};
