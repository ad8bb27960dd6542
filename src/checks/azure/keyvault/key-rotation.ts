import type { AzureKeyVaultFacts, AzureKeyVaultKeyFacts } from '../../../model/azure.ts';
import { factOf } from '../../../model/facts.ts';
import type { Resource } from '../../../model/resource.ts';
import { type CheckContext, defineCheck } from '../../check.ts';
import { decideOnFact } from '../../verdict.ts';
import { VAULT_KEYS_MESSAGES, vaultKeysVerdict } from '../lib/vault-keys.ts';

export default defineCheck({
  meta: {
    id: 'azure.keyvault.key-rotation',
    provider: 'azure',
    resourceTypes: ['kms.key', 'kms.vault'],
    severity: 'medium',
    title: {
      ja: 'Key Vault のキーが組織の定める日数（既定 365 日）以内の周期で自動ローテーションされる',
      en: "Key Vault keys rotate automatically within the organisation's limit (365 days by default)",
    },
    rationale: {
      ja: '同じキーを使い続けるほど、漏えいしたときに影響を受けるデータが増えます。ローテーション ポリシーで新しいバージョンを定期的に作成します。',
      en: 'The longer one key is used, the more data a leak of it exposes; a rotation policy creates new versions on a schedule.',
    },
    remediation: {
      ja: 'Azure portal の [キー コンテナー] > [キー] > 対象のキー > [ローテーション ポリシー] で「自動ローテーションを有効にする」を選び、作成後の期間（例: 1 年以内）を設定します。CLI: az keyvault key rotation-policy update --vault-name <キー コンテナー名> --name <キー名> --value <ポリシーの JSON ファイル>（lifetimeActions に {"action":{"type":"Rotate"},"trigger":{"timeAfterCreate":"P1Y"}}）',
      en: 'In the Azure portal, Key vault > Keys > the key > Rotation policy, enable automatic rotation with a period after creation of a year or less. CLI: az keyvault key rotation-policy update --vault-name <vault> --name <key> --value <policy JSON file> (lifetimeActions with {"action":{"type":"Rotate"},"trigger":{"timeAfterCreate":"P1Y"}})',
    },
    messages: {
      ...VAULT_KEYS_MESSAGES,
      rotated: {
        ja: 'キーは {{value}} 日ごとに自動ローテーションされます',
        en: 'The key rotates automatically every {{value|day|days}}',
      },
      notRotated: {
        ja: 'キーが {{max}} 日以内に自動ローテーションされません（周期 = {{value}}）',
        en: 'The key does not rotate automatically within {{max|day|days}} (period = {{value}})',
      },
      unknown: {
        ja: 'エクスポートからキーのローテーション ポリシーが読み取れません',
        en: "The key's rotation policy cannot be read from the export",
      },
    },
    references: ['https://learn.microsoft.com/azure/key-vault/keys/how-to-configure-key-rotation'],
  },
  evaluate(resource: Resource<AzureKeyVaultKeyFacts | AzureKeyVaultFacts>, ctx: CheckContext) {
    // A vault: whether its keys are in the input to be judged.
    if (resource.kansaType === 'kms.vault')
      return vaultKeysVerdict(resource as Resource<AzureKeyVaultFacts>, ctx);
    const key = resource as Resource<AzureKeyVaultKeyFacts>;
    const maxDays = ctx.params.maxKeyRotationDays;
    return decideOnFact(
      factOf(key.facts.rotationPeriodDays, 'properties.rotationPolicy.lifetimeActions'),
      (days) => days !== null && days <= maxDays,
      { pass: 'rotated', fail: 'notRotated', unknown: 'unknown' },
      { max: maxDays },
    );
  },
});
