import type { AwsKmsKeyFacts } from '../../../model/aws.ts';
import { factOf } from '../../../model/facts.ts';
import { defineCheck, fail, notApplicable, pass, undetermined } from '../../check.ts';

/** Key states of a key whose deletion has been scheduled. */
const PENDING_DELETION = new Set(['PendingDeletion', 'PendingReplicaDeletion']);

export default defineCheck<AwsKmsKeyFacts, 'notScheduled' | 'pendingDeletion' | 'awsManaged' | 'unknown'>({
  meta: {
    id: 'aws.kms.key-pending-deletion',
    provider: 'aws',
    resourceTypes: ['kms.key'],
    severity: 'high',
    title: {
      ja: 'カスタマー管理の KMS キーが削除予定になっていない',
      en: 'Customer managed KMS keys are not scheduled for deletion',
    },
    rationale: {
      ja: '削除された KMS キーは復元できず、そのキーで暗号化されたデータは二度と復号できません。削除予定のキーは待機期間（7〜30 日）中に意図したものか確認し、不要なら取り消します。',
      en: 'A deleted KMS key cannot be recovered, and the data it encrypted can never be decrypted again; confirm any scheduled deletion during its waiting period (7–30 days) and cancel it if unintended.',
    },
    remediation: {
      ja: '意図しない削除なら aws kms cancel-key-deletion --key-id <キー ID> を実行し、aws kms enable-key --key-id <キー ID> で再び有効にします。キーの削除は IAM ポリシーで kms:ScheduleKeyDeletion を限られた管理者に絞ってください。',
      en: 'If unintended, run aws kms cancel-key-deletion --key-id <key id> then aws kms enable-key --key-id <key id>; restrict kms:ScheduleKeyDeletion to a few administrators in IAM policies.',
    },
    messages: {
      notScheduled: {
        ja: 'KMS キー {{key}} は削除予定ではありません（{{state}}）',
        en: 'KMS key {{key}} is not scheduled for deletion ({{state}})',
      },
      pendingDeletion: {
        ja: 'KMS キー {{key}} が削除予定です（{{state}}）',
        en: 'KMS key {{key}} is scheduled for deletion ({{state}})',
      },
      awsManaged: {
        ja: 'KMS キー {{key}} は AWS 管理キーで、利用者は削除できません',
        en: 'KMS key {{key}} is AWS managed and cannot be deleted by the customer',
      },
      unknown: {
        ja: 'KMS キー {{key}} の状態がエクスポートにありません',
        en: 'The export does not show the state of KMS key {{key}}',
      },
    },
    references: ['https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html'],
  },
  evaluate(resource) {
    const data = { key: resource.name };
    const keyManager = factOf(resource.facts.keyManager, 'configuration.keyManager');
    if (keyManager.value === 'AWS') return notApplicable('awsManaged', [keyManager], data);
    const keyState = factOf(resource.facts.keyState, 'configuration.keyState');
    if (keyState.source === 'unknown') return undetermined('unknown', [keyState], data);
    const withState = { ...data, state: keyState.value };
    return PENDING_DELETION.has(keyState.value)
      ? fail('pendingDeletion', [keyState], withState)
      : pass('notScheduled', [keyState], withState);
  },
});
