import { explicit } from '../../../model/fact.ts';
import { type CommonFacts, factOf } from '../../../model/facts.ts';
import { DATA_HANDLING_TYPES, type Resource } from '../../../model/resource.ts';
import { vaultOf } from '../../azure/lib/vault-keys.ts';
import {
  type CheckResult,
  defineCheck,
  type Evidence,
  fail,
  type InventoryView,
  pass,
  undetermined,
} from '../../check.ts';
import { isTagsUnrecorded, taggedKey } from '../lib/classification.ts';
import {
  isAllowedRegion,
  isLocationUnreadable,
  LOCATED_MESSAGES,
  locationOf,
  UNREADABLE_LOCATION_MESSAGE,
} from '../lib/region.ts';
import { markedTag } from '../lib/tags.ts';

/**
 * LOC-1 with its two exceptions: LOC-2 (replicas and backups may be abroad) and LOC-3 (abroad but
 * encrypted with a customer-managed key: a lower-severity finding). CLS-1 withdraws the LOC-3
 * relief above `customerKeyReliefMaxClass` (untagged resources count as the default class); a
 * framework may also refuse the LOC-2 exception (`allowBackupsAbroad`).
 */
export default defineCheck<
  CommonFacts,
  | 'domestic'
  | 'anywhere'
  | 'locationUnreadable'
  | 'backupAbroad'
  | 'backupAbroadWithoutCmk'
  | 'backupAbroadKeyUnknown'
  | 'copyOfForeignData'
  | 'sourceMissing'
  | 'abroad'
  | 'abroadWithCmk'
  | 'abroadClassified'
  | 'abroadClassUnreadable'
  | 'abroadTagsUnrecorded'
>({
  meta: {
    id: 'common.location.data-in-japan',
    provider: 'any',
    resourceTypes: [...DATA_HANDLING_TYPES],
    severity: 'high',
    judgesListed: true,
    title: {
      ja: 'データを扱うリソースが国内リージョンに配置されている',
      en: 'Data-handling resources are in a domestic (Japanese) region',
    },
    rationale: {
      ja: '政府・自治体の情報を扱うデータセンターは国内に置くことが原則です（国外は日本法の管轄外となり得る）。バックアップ・レプリカのみ国外を許容し、国外に置く場合も利用者管理の鍵による暗号化が求められます。',
      en: 'Data of public bodies must stay in data centres in Japan (abroad, Japanese law may not reach it). Only backups and replicas may be abroad, and data abroad must be encrypted with keys under the customer’s control.',
    },
    remediation: {
      ja: '国内リージョン（AWS: ap-northeast-1/ap-northeast-3、Azure: japaneast/japanwest、Google Cloud: asia-northeast1/asia-northeast2/asia1）にリソースを再作成してデータを移行し、国外のリソースを削除してください。バックアップ・レプリカであればタグ kansa:purpose=backup（Google Cloud のラベルは kansa-purpose=backup）を付けて例外として記録してください。',
      en: 'Recreate the resource in a domestic region (AWS: ap-northeast-1/ap-northeast-3, Azure: japaneast/japanwest, Google Cloud: asia-northeast1/asia-northeast2/asia1), migrate the data and delete the copy abroad. If it is a backup or replica, tag it kansa:purpose=backup (Google Cloud label: kansa-purpose=backup) to record the exception.',
    },
    messages: {
      ...LOCATED_MESSAGES,
      locationUnreadable: UNREADABLE_LOCATION_MESSAGE,
      backupAbroad: {
        ja: '国外リージョン {{region}} にありますが、利用者管理の鍵で暗号化されたバックアップ／レプリカのため例外（LOC-2）として許容されます',
        en: 'Located abroad in {{region}}, allowed as a backup/replica encrypted with a customer-managed key (LOC-2 exception)',
      },
      backupAbroadWithoutCmk: {
        ja: '国外リージョン {{region}} にあるバックアップ／レプリカは例外（LOC-2）に当たりますが、利用者管理の鍵で暗号化されていません（複製されたデータも暗号化が原則: 重大度「低」）',
        en: 'A backup/replica abroad in {{region}} falls under the LOC-2 exception but is not encrypted with a customer-managed key (replicated data is to be encrypted too: low severity)',
      },
      backupAbroadKeyUnknown: {
        ja: '国外リージョン {{region}} にあるバックアップ／レプリカです。利用者管理の鍵で暗号化されているか（例外 LOC-2 の条件）がエクスポートから分かりません',
        en: 'A backup/replica abroad in {{region}}; the export does not show whether it is encrypted with a customer-managed key (a condition of the LOC-2 exception)',
      },
      copyOfForeignData: {
        ja: '国外リージョン {{region}} にあるバックアップ／レプリカですが、複製元 {{source}} 自体が国外（{{sourceRegion}}）にあるため例外（LOC-2）に当たりません',
        en: 'A backup/replica abroad in {{region}} whose source {{source}} is itself abroad ({{sourceRegion}}): the LOC-2 exception does not apply',
      },
      sourceMissing: {
        ja: '国外リージョン {{region}} にあるバックアップ／レプリカです。複製元 {{source}} がインベントリにないため、複製元が国内か（例外 LOC-2 の前提）を確認できません',
        en: 'A backup/replica abroad in {{region}}; its source {{source}} is not in the inventory, so whether the source is domestic (the premise of the LOC-2 exception) cannot be told',
      },
      abroad: {
        ja: '国外リージョン {{region}} に配置されています（許可: {{allowed}}）',
        en: 'Located abroad in {{region}} (allowed: {{allowed}})',
      },
      abroadWithCmk: {
        ja: '国外リージョン {{region}} に配置されていますが、利用者管理の鍵で暗号化されているため重大度を下げています（LOC-3）',
        en: 'Located abroad in {{region}}; encrypted with a customer-managed key, so reported at lower severity (LOC-3)',
      },
      abroadClassified: {
        ja: '機密性{{classification}}の情報を扱うリソースが国外リージョン {{region}} にあります。この機密性では国内配置が必須です（CLS-1）',
        en: 'A resource holding classification-{{classification}} data is abroad in {{region}}; data of this class must be domestic (CLS-1)',
      },
      abroadTagsUnrecorded: {
        ja: '国外リージョン {{region}} に配置されています。このリソースの記録にはタグがなく機密性が分からないため、利用者管理の鍵による緩和（LOC-3）は適用できません（CLS-1）',
        en: "Located abroad in {{region}}; the resource's record carries no tags, so its class is not known and the customer-managed-key relief (LOC-3) cannot apply (CLS-1)",
      },
      abroadClassUnreadable: {
        ja: '国外リージョン {{region}} に配置されています。タグ {{tag}} の値を機密性として読めないため、利用者管理の鍵による緩和（LOC-3）は適用できません（CLS-1）',
        en: 'Located abroad in {{region}}; the tag {{tag}} holds no class kansa reads, so the customer-managed-key relief (LOC-3) cannot apply (CLS-1)',
      },
    },
  },
  evaluate(located, { params, classification, inventory }) {
    const { resource, region } = placed(located, inventory);
    const location = locationOf(resource, params);
    if (location === 'unreadable') return undetermined('locationUnreadable', [region]);
    if (location === 'allowed') return pass('domestic', [region], { region: resource.region });

    const data = { region: resource.region, allowed: params.allowedRegions[resource.provider] };
    const evidence: Evidence[] = [region];
    if (params.allowBackupsAbroad) {
      // LOC-2 covers copies of data whose primary is domestic: where the record names its
      // source, the source must be in the inventory and in Japan.
      const replicaOf = factOf(resource.facts.replicaOf, 'replicaOf');
      if (replicaOf.source !== 'unknown' && replicaOf.value) {
        const source = inventory.byId(resource.provider, replicaOf.value);
        const named = { ...data, source: replicaOf.value };
        if (!source) return undetermined('sourceMissing', [region, replicaOf], named);
        const sourceRegion = { ...explicit(source.region, 'region'), resourceId: source.id };
        if (isAllowedRegion(source, params))
          return copyAbroad(resource, [region, replicaOf, sourceRegion], data);
        if (isLocationUnreadable(source))
          return undetermined('sourceMissing', [region, replicaOf, sourceRegion], named);
        return fail('copyOfForeignData', [region, replicaOf, sourceRegion], {
          ...named,
          sourceRegion: source.region,
        });
      }
      // One resource with its own replicas abroad (a Cosmos DB account's read regions): the
      // copies abroad are replicas of a domestic primary when its write region is domestic.
      const primary = factOf(resource.facts.primaryRegion, 'primaryRegion');
      if (primary.source !== 'unknown' && isAllowedRegion({ ...resource, region: primary.value }, params))
        return copyAbroad(resource, [region, primary], data);
      const backupTag = markedTag(resource.tags, params.backupTag);
      if (backupTag) {
        return copyAbroad(resource, [region, explicit(backupTag[1], `tags.${backupTag[0]}`)], data);
      }
    }

    // The relief for a customer-managed key holds up to a class: above it, and for a class the
    // tag does not tell where the relief does not hold for every class, abroad is a full failure.
    if (params.customerKeyReliefMaxClass < 3) {
      const level = classification(resource);
      if (isTagsUnrecorded(level)) return fail('abroadTagsUnrecorded', [...evidence, level], data);
      if (level.source === 'unknown')
        return fail('abroadClassUnreadable', [...evidence, level], { ...data, tag: taggedKey(level) });
      if (level.value > params.customerKeyReliefMaxClass)
        return fail('abroadClassified', [...evidence, level], { ...data, classification: level.value });
    }
    const cmk = factOf(resource.facts.customerManagedKey, 'customerManagedKey');
    if (cmk.source !== 'unknown' && cmk.value === true) {
      return { ...fail('abroadWithCmk', [region, cmk], data), severity: 'medium' };
    }
    // A resource in `global` takes the exceptions and relief of one abroad: its data may be.
    return fail(location, [region, cmk], data);
  },
});

/**
 * A resource whose record names no location, kept in another that the inventory places (a Key
 * Vault key, as the data plane lists it, in its vault or managed HSM), is where that one is: the
 * evidence is the container's region.
 */
function placed(
  resource: Resource<CommonFacts>,
  inventory: InventoryView,
): { resource: Resource<CommonFacts>; region: Evidence } {
  const region = explicit(resource.region, 'region');
  if (!isLocationUnreadable(resource)) return { resource, region };
  const container = vaultOf(resource, inventory);
  if (!container || isLocationUnreadable(container)) return { resource, region };
  return {
    resource: { ...resource, region: container.region },
    region: { ...explicit(container.region, 'region'), resourceId: container.id },
  };
}

/**
 * A copy abroad of data whose primary is domestic (LOC-2). The discussion paper (3.1 1)(4)) still
 * asks that replicated data be encrypted, under the user's control: without a customer-managed
 * key the copy is a low-severity finding, not a pass; unknown when the export cannot tell.
 */
function copyAbroad(
  resource: Resource<CommonFacts>,
  evidence: Evidence[],
  data: Record<string, unknown>,
): CheckResult<'backupAbroad' | 'backupAbroadWithoutCmk' | 'backupAbroadKeyUnknown'> {
  const cmk = factOf(resource.facts.customerManagedKey, 'customerManagedKey');
  if (cmk.source === 'unknown') return undetermined('backupAbroadKeyUnknown', [...evidence, cmk], data);
  if (cmk.value) return pass('backupAbroad', [...evidence, cmk], data);
  return { ...fail('backupAbroadWithoutCmk', [...evidence, cmk], data), severity: 'low' };
}
