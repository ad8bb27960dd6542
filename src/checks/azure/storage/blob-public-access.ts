import type { AzureStorageAccountFacts } from '../../../model/azure.ts';
import { factOf } from '../../../model/facts.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck, notApplicable } from '../../check.ts';
import { decideOnFact } from '../../verdict.ts';

/** Account kinds without a blob service. */
const FILES_ONLY_KINDS: ReadonlySet<string> = new Set(['filestorage']);

export default defineCheck({
  meta: {
    id: 'azure.storage.blob-public-access',
    provider: 'azure',
    resourceTypes: ['storage.account'],
    // Classic (Service Management) storage accounts carry none of the settings this reads.
    nativeTypes: ['microsoft.storage/storageaccounts'],
    severity: 'high',
    title: {
      ja: 'ストレージ アカウントで BLOB の匿名アクセスが禁止されている',
      en: 'Storage accounts disallow anonymous blob access',
    },
    rationale: {
      ja: '匿名アクセスを許可したアカウントでは、コンテナーの設定ひとつで BLOB がインターネットに公開されます。アカウント単位で禁止すれば、個々のコンテナーの誤設定を防げます。',
      en: 'When an account allows anonymous access, one container setting publishes its blobs to the internet; disallowing it on the account overrides every container.',
    },
    remediation: {
      ja: 'Azure portal の [ストレージ アカウント] > [設定] > [構成] で「BLOB 匿名アクセスを許可する」を無効にします。CLI: az storage account update --name <アカウント名> --resource-group <リソース グループ> --allow-blob-public-access false',
      en: 'In the Azure portal, Storage account > Settings > Configuration, set "Allow Blob anonymous access" to Disabled. CLI: az storage account update --name <account> --resource-group <resource group> --allow-blob-public-access false',
    },
    messages: {
      disallowed: {
        ja: 'BLOB の匿名アクセスは禁止されています（allowBlobPublicAccess = {{value}}）',
        en: 'Anonymous blob access is disallowed (allowBlobPublicAccess = {{value}})',
      },
      allowed: {
        ja: 'BLOB の匿名アクセスが許可されています（allowBlobPublicAccess = {{value}}）',
        en: 'Anonymous blob access is allowed (allowBlobPublicAccess = {{value}})',
      },
      noBlobService: {
        ja: '種類 {{kind}} のアカウントには BLOB サービスがありません（ファイル共有専用）',
        en: 'An account of kind {{kind}} has no blob service (file shares only)',
      },
      unknown: {
        ja: 'エクスポートから allowBlobPublicAccess が読み取れません',
        en: 'allowBlobPublicAccess cannot be read from the export',
      },
    },
    references: ['https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent'],
  },
  evaluate(account: Resource<AzureStorageAccountFacts>) {
    const kind = account.facts.kind;
    // https://learn.microsoft.com/azure/storage/common/storage-account-overview#types-of-storage-accounts
    if (kind?.source === 'explicit' && FILES_ONLY_KINDS.has(kind.value.toLowerCase()))
      return notApplicable('noBlobService', [kind], { kind: kind.value });
    return decideOnFact(
      factOf(account.facts.allowBlobPublicAccess, 'properties.allowBlobPublicAccess'),
      (allowed) => !allowed,
      { pass: 'disallowed', fail: 'allowed', unknown: 'unknown' },
    );
  },
});
