import type { AzureKeyVaultFacts, AzureKeyVaultKeyFacts } from '../../../model/azure.ts';
import { factOf } from '../../../model/facts.ts';
import type { Resource } from '../../../model/resource.ts';
import { type CheckContext, defineCheck } from '../../check.ts';
import { decideOnFact } from '../../verdict.ts';
import { VAULT_KEYS_MESSAGES, vaultKeysVerdict } from '../lib/vault-keys.ts';

export default defineCheck({
  meta: {
    id: 'azure.keyvault.key-expiry',
    provider: 'azure',
    resourceTypes: ['kms.key', 'kms.vault'],
    severity: 'medium',
    title: {
      ja: 'Key Vault のキーに有効期限が設定されている',
      en: 'Key Vault keys have an expiration date',
    },
    rationale: {
      ja: '有効期限のないキーは、不要になっても使われ続け、管理の対象から漏れます。期限を設定すれば、更新や廃止の判断を強制できます。',
      en: 'A key without an expiry stays usable after it is no longer needed and drops out of review; an expiry forces a renew-or-retire decision.',
    },
    remediation: {
      ja: 'Azure portal の [キー コンテナー] > [キー] > 対象のキー > 現在のバージョンで「有効期限を設定する」を選びます。ローテーション ポリシーの expiryTime で新しいバージョンにも期限を付けられます。CLI: az keyvault key set-attributes --vault-name <キー コンテナー名> --name <キー名> --expires <日時（UTC）>',
      en: 'In the Azure portal, Key vault > Keys > the key > current version, select "Set expiration date"; a rotation policy\'s expiryTime gives new versions an expiry too. CLI: az keyvault key set-attributes --vault-name <vault> --name <key> --expires <UTC date-time>',
    },
    messages: {
      ...VAULT_KEYS_MESSAGES,
      expires: { ja: 'キーの有効期限は {{value}} です', en: 'The key expires on {{value}}' },
      neverExpires: {
        ja: 'キーに有効期限がありません',
        en: 'The key never expires',
      },
      unknown: {
        ja: 'エクスポートから attributes.exp が読み取れません',
        en: 'attributes.exp cannot be read from the export',
      },
    },
    references: ['https://learn.microsoft.com/azure/key-vault/keys/about-keys-details#key-attributes'],
  },
  evaluate(resource: Resource<AzureKeyVaultKeyFacts | AzureKeyVaultFacts>, ctx: CheckContext) {
    // A vault: whether its keys are in the input to be judged.
    if (resource.kansaType === 'kms.vault')
      return vaultKeysVerdict(resource as Resource<AzureKeyVaultFacts>, ctx);
    const key = resource as Resource<AzureKeyVaultKeyFacts>;
    return decideOnFact(
      factOf(key.facts.expiresOn, 'properties.attributes.exp'),
      (expiresOn) => expiresOn !== null,
      { pass: 'expires', fail: 'neverExpires', unknown: 'unknown' },
    );
  },
});
