import type { AzureRedisFacts } from '../../../model/azure.ts';
import { derived, explicit, type Fact } from '../../../model/fact.ts';
import { type ArmRecord, getPath } from '../arm-record.ts';
import { asBoolean, asString, notSet, propertyFact } from '../property-facts.ts';
import type { Adapter } from './adapter.ts';
import { reachableByPublicNetworkAccess } from './network-access.ts';

export const redisCache: Adapter = {
  kansaType: 'cache.cluster',
  facts(record): AzureRedisFacts {
    const publicNetworkAccess = propertyFact(record, ['publicNetworkAccess'], asString, {
      // https://learn.microsoft.com/rest/api/redis/redis/get
      default: 'Enabled',
      note: {
        ja: '未設定: パブリック ネットワーク アクセスは既定で有効です',
        en: 'absent: public network access is enabled by default',
      },
    });
    return {
      enableNonSslPort: propertyFact(record, ['enableNonSslPort'], asBoolean, {
        // https://learn.microsoft.com/azure/azure-cache-for-redis/cache-configure#access-ports
        default: false,
        note: {
          ja: '未設定: TLS を使わないポート（6379）は既定で無効です',
          en: 'absent: the non-TLS port (6379) is off by default',
        },
      }),
      minimumTlsVersion: propertyFact(
        record,
        ['minimumTlsVersion'],
        asString,
        notSet(
          'absent: the default depends on when the cache was created',
          '未設定: 既定値はキャッシュの作成時期によって異なります',
        ),
      ),
      publicNetworkAccess,
      reachableFromInternet:
        injectedInVirtualNetwork(record) ?? reachableByPublicNetworkAccess(publicNetworkAccess),
    };
  },
};

/**
 * A Premium cache deployed into a virtual network (`subnetId`, with its `staticIP`) is reached
 * only from that network, whatever `publicNetworkAccess` says (it governs private endpoints).
 * https://learn.microsoft.com/azure/azure-cache-for-redis/cache-how-to-premium-vnet
 */
function injectedInVirtualNetwork(record: ArmRecord): Fact<boolean> | undefined {
  const subnet = getPath(record.properties, 'subnetId');
  return typeof subnet === 'string' && subnet !== ''
    ? derived(false, explicit(subnet, 'properties.subnetId'))
    : undefined;
}
