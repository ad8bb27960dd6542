import type { AwsEncryptedStoreFacts } from '../../../model/aws.ts';
import { factOf } from '../../../model/facts.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';

export default defineCheck<AwsEncryptedStoreFacts, 'encrypted' | 'notEncrypted' | 'unknown'>({
  meta: {
    id: 'aws.ec2.volume-encrypted',
    provider: 'aws',
    resourceTypes: ['compute.disk'],
    severity: 'medium',
    title: { ja: 'EBS ボリュームが暗号化されている', en: 'EBS volumes are encrypted' },
    rationale: {
      ja: '暗号化されていないボリュームとそのスナップショットは、共有や誤操作で第三者に読まれる恐れがあります。暗号化は作成後に有効にできないため、既定の暗号化を有効にしておく必要があります。',
      en: 'Unencrypted volumes and their snapshots can be read by others through sharing or mistakes; encryption cannot be turned on afterwards, so enable EBS encryption by default.',
    },
    remediation: {
      ja: '既存のボリュームは、スナップショットを aws ec2 copy-snapshot --encrypted --kms-key-id <キー> で暗号化コピーし、そこから作ったボリュームに置き換えます。今後のために aws ec2 enable-ebs-encryption-by-default をリージョンごとに実行します。',
      en: 'Copy a snapshot of the volume with aws ec2 copy-snapshot --encrypted --kms-key-id <key> and replace the volume with one created from it; run aws ec2 enable-ebs-encryption-by-default in every Region for new volumes.',
    },
    messages: {
      encrypted: {
        ja: 'EBS ボリューム {{volume}} は暗号化されています',
        en: 'EBS volume {{volume}} is encrypted',
      },
      notEncrypted: {
        ja: 'EBS ボリューム {{volume}} が暗号化されていません',
        en: 'EBS volume {{volume}} is not encrypted',
      },
      unknown: {
        ja: 'EBS ボリューム {{volume}} の暗号化の有無がエクスポートにありません',
        en: 'The export does not show whether EBS volume {{volume}} is encrypted',
      },
    },
    references: ['https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html'],
  },
  evaluate(resource) {
    const data = { volume: resource.name };
    const encrypted = factOf(resource.facts.encrypted, 'configuration.encrypted');
    if (encrypted.source === 'unknown') return undetermined('unknown', [encrypted], data);
    return encrypted.value ? pass('encrypted', [encrypted], data) : fail('notEncrypted', [encrypted], data);
  },
});
