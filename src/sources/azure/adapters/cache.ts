import type { AzureRedisFacts } from '../../../model/azure.ts';
import { derived, explicit, type Fact, unknown } from '../../../model/fact.ts';
import { type ArmRecord, getPath } from '../arm-record.ts';
import { asBoolean, asString, derivedFact, notSet, propertyFact } from '../property-facts.ts';
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

/**
 * Azure Managed Redis and Redis Enterprise (`Microsoft.Cache/redisEnterprise`): the cluster's
 * `minimumTlsVersion`, whose left-out value is 1.2 ("TLS 1.0 and TLS 1.1 are now completely
 * obsolete -- you cannot use them", the 2025-04-01 spec); whether it takes plaintext connections
 * is each database's `clientProtocol` (`redisEnterpriseDatabase`), not in the cluster's record.
 * Its public endpoint is left unknown: API versions before 2025 have no `publicNetworkAccess`.
 */
export const redisEnterprise: Adapter = {
  kansaType: 'cache.cluster',
  facts(record): AzureRedisFacts {
    return {
      minimumTlsVersion: propertyFact(record, ['minimumTlsVersion'], asString, {
        default: '1.2',
        note: {
          ja: '未設定: TLS 1.2（TLS 1.0 と 1.1 は Redis Enterprise / Azure Managed Redis では使えません）',
          en: 'absent: TLS 1.2 (TLS 1.0 and 1.1 cannot be used on Redis Enterprise / Azure Managed Redis)',
        },
      }),
      enableNonSslPort: unknown('databases.properties.clientProtocol', {
        ja: 'プレーンテキストの接続を受け付けるかはデータベース（redisEnterprise/databases）の clientProtocol で決まり、クラスターのレコードには含まれません',
        en: "whether plaintext connections are taken is each database's clientProtocol (redisEnterprise/databases), not in the cluster's record",
      }),
    };
  },
};

/**
 * A Redis Enterprise database (`redisEnterprise/<cluster>/databases/<db>`): `clientProtocol`
 * Encrypted (the default: "Default is TLS-encrypted") or Plaintext, which opens it to clients
 * without TLS as the classic cache's non-TLS port does. It completes its cluster's facts.
 */
export const redisEnterpriseDatabase: Adapter = {
  kansaType: 'cache.cluster',
  describesParent: true,
  facts(record): AzureRedisFacts {
    const protocol = propertyFact(record, ['clientProtocol'], asString, {
      default: 'Encrypted',
      note: {
        ja: '未設定: クライアントは TLS で接続します（既定値 Encrypted）',
        en: 'absent: clients connect over TLS (the default, Encrypted)',
      },
    });
    const plaintext = derivedFact(protocol, (value) => value.toLowerCase() === 'plaintext');
    // On the cluster its path is the database's.
    return { enableNonSslPort: { ...plaintext, path: `databases/${record.name}.${plaintext.path}` } };
  },
};
