import type { AzureStorageAccountFacts } from '../../../model/azure.ts';
import { factOf } from '../../../model/facts.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';
import { daysSince } from '../../days.ts';

export default defineCheck({
  meta: {
    id: 'azure.storage.access-key-age',
    provider: 'azure',
    resourceTypes: ['storage.account'],
    // Classic (Service Management) storage accounts carry none of the settings this reads.
    nativeTypes: ['microsoft.storage/storageaccounts'],
    severity: 'medium',
    title: {
      ja: 'ストレージ アカウントのアクセス キーが規定の日数以内にローテーションされている',
      en: 'Storage account access keys are rotated within the required number of days',
    },
    rationale: {
      ja: 'アクセス キーはアカウントのすべてのデータへの完全な権限を持ちます。ローテーションしないキーは、漏えいしても使われ続けます。共有キーによる認可を無効にし Entra ID を使えば、キーそのものが使えなくなります。',
      en: "An access key grants full rights to all of the account's data, and a key never rotated stays usable after a leak; disallowing Shared Key authorization (Entra ID only) makes the keys unusable altogether.",
    },
    remediation: {
      ja: 'Azure portal の [ストレージ アカウント] > [セキュリティとネットワーク] > [アクセス キー] で「キーのローテーション」を行い、「ローテーションのリマインダーを設定する」で期限を設定します。可能なら [構成] で「ストレージ アカウント キーへのアクセスを許可する」を無効にします。CLI: az storage account keys renew --account-name <アカウント名> --resource-group <リソース グループ> --key primary（無効化は az storage account update --allow-shared-key-access false）',
      en: 'In the Azure portal, Storage account > Security + networking > Access keys, rotate the keys and "Set rotation reminder"; where possible disable "Allow storage account key access" under Configuration. CLI: az storage account keys renew --account-name <account> --resource-group <resource group> --key primary (disable with az storage account update --allow-shared-key-access false)',
    },
    messages: {
      sharedKeyDisabled: {
        ja: '共有キーによる認可は無効です（アクセス キーは使えません）',
        en: 'Shared Key authorization is disallowed (the access keys cannot be used)',
      },
      recent: {
        ja: 'アクセス キーは {{age}} 日前までにローテーションされています（上限 {{max}} 日）',
        en: 'The access keys were rotated within the last {{age|day|days}} (limit {{max}})',
      },
      old: {
        ja: '{{age}} 日間ローテーションされていないアクセス キーがあります（上限 {{max}} 日）',
        en: 'An access key has not been rotated for {{age|day|days}} (limit {{max}})',
      },
      oldSharedKeyUnknown: {
        ja: '{{age}} 日間ローテーションされていないアクセス キーがありますが、共有キーによる認可が許可されているか（キーが使えるか）がエクスポートから読み取れません（上限 {{max}} 日）',
        en: 'An access key has not been rotated for {{age|day|days}} (limit {{max}}), but whether Shared Key authorization is allowed (whether the keys can be used) cannot be read from the export',
      },
      unknown: {
        ja: 'エクスポートからアクセス キーの作成日時が読み取れません',
        en: "The access keys' creation times cannot be read from the export",
      },
    },
    references: [
      'https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage',
      'https://learn.microsoft.com/azure/storage/common/shared-key-authorization-prevent',
    ],
  },
  evaluate(account: Resource<AzureStorageAccountFacts>, ctx) {
    const sharedKey = factOf(account.facts.allowSharedKeyAccess, 'properties.allowSharedKeyAccess');
    if (sharedKey.value === false) return pass('sharedKeyDisabled', [sharedKey]);
    const created = factOf(account.facts.keyCreationTimes, 'properties.keyCreationTime');
    const evidence = [sharedKey, created];
    const max = ctx.params.maxKeyAgeDays;
    const times = created.value ?? [];
    const known = times.filter((time) => time !== null).map((time) => Date.parse(time));
    const oldest = Math.min(...known);
    if (created.source === 'unknown' || Number.isNaN(oldest) || known.length === 0)
      return undetermined('unknown', evidence, { max });
    const age = daysSince(oldest, ctx.now);
    // Keys that Shared Key authorization may not accept are old but unusable: that is not told.
    if (age > max && sharedKey.source === 'unknown')
      return undetermined('oldSharedKeyUnknown', evidence, { age, max });
    if (age > max) return fail('old', evidence, { age, max });
    // A key without a recorded creation time may be older than the one that has it.
    return known.length < times.length
      ? undetermined('unknown', evidence, { max })
      : pass('recent', evidence, { age, max });
  },
});
