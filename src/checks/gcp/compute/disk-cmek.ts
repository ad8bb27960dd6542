import { factOf } from '../../../model/facts.ts';
import type { GcpDataFacts } from '../../../model/gcp.ts';
import { defineCheck } from '../../check.ts';
import { decideOnFact, ENABLED_MESSAGES, isOn } from '../../verdict.ts';

export default defineCheck<GcpDataFacts, 'enabled' | 'disabled' | 'unknown'>({
  meta: {
    id: 'gcp.compute.disk-cmek',
    provider: 'gcp',
    resourceTypes: ['compute.disk'],
    severity: 'low',
    title: {
      ja: 'Compute Engine の永続ディスクが顧客管理の暗号鍵（CMEK/CSEK）で暗号化されている',
      en: 'Compute Engine persistent disks are encrypted with a customer-managed or customer-supplied key',
    },
    rationale: {
      ja: 'ディスクは常に暗号化されますが、既定の Google 管理の鍵では、組織が鍵のローテーション・無効化・アクセス制御を行えません。',
      en: 'Disks are always encrypted, but with the default Google-managed keys the organization cannot rotate, disable or control access to the key.',
    },
    remediation: {
      ja: '既存ディスクの鍵は変更できません。スナップショットから gcloud compute disks create <ディスク> --source-snapshot=<スナップショット> --kms-key=projects/<プロジェクト>/locations/<リージョン>/keyRings/<キーリング>/cryptoKeys/<鍵> で作り直し、VM に付け替えます（コンソール: Compute Engine > ディスク > ディスクを作成 >「暗号化」で Cloud KMS 鍵を選択）。',
      en: 'A disk key cannot be changed in place: recreate the disk from a snapshot with gcloud compute disks create <disk> --source-snapshot=<snapshot> --kms-key=projects/<project>/locations/<region>/keyRings/<ring>/cryptoKeys/<key> and attach it to the VM (console: Compute Engine > Disks > Create disk > "Encryption": Cloud KMS key).',
    },
    messages: {
      enabled: { ja: '顧客管理の鍵で暗号化されています', en: 'Encrypted with a customer-managed key' },
      disabled: {
        ja: '顧客管理の鍵が設定されていません（Google 管理の鍵で暗号化）',
        en: 'No customer-managed key (encrypted with Google-managed keys)',
      },
      unknown: {
        ja: 'エクスポートからディスクの暗号鍵を判断できません',
        en: 'The export does not show the disk encryption key',
      },
    },
    references: ['https://cloud.google.com/compute/docs/disks/customer-managed-encryption'],
  },
  evaluate(disk) {
    return decideOnFact(
      factOf(disk.facts.customerManagedKey, 'resource.data.diskEncryptionKey'),
      isOn,
      ENABLED_MESSAGES,
    );
  },
});
