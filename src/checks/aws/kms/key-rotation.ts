import type { AwsKmsKeyFacts } from '../../../model/aws.ts';
import { factOf } from '../../../model/facts.ts';
import { defineCheck, fail, notApplicable, pass, undetermined } from '../../check.ts';

type Message =
  | 'enabled'
  | 'disabled'
  | 'periodTooLong'
  | 'awsManaged'
  | 'notEnabledKey'
  | 'notRotatable'
  | 'rotatableUnknown'
  | 'unknown';

/** Automatic rotation exists for symmetric keys whose material KMS generated (not imported, not in a custom key store). */
const ROTATABLE_ORIGIN = 'AWS_KMS';
const ROTATABLE_SPEC = 'SYMMETRIC_DEFAULT';

export default defineCheck<AwsKmsKeyFacts, Message>({
  meta: {
    id: 'aws.kms.key-rotation',
    provider: 'aws',
    resourceTypes: ['kms.key'],
    severity: 'medium',
    title: {
      ja: 'カスタマー管理の KMS キーの自動ローテーションが有効',
      en: 'Customer managed KMS keys have automatic rotation enabled',
    },
    rationale: {
      ja: '鍵を定期的に更新すると、一つの鍵素材で暗号化されるデータ量と、漏えい時の影響範囲が限られます。カスタマー管理キーの自動ローテーションは既定で無効です。',
      en: 'Rotating keys limits how much data one key material protects and the impact of a leak; automatic rotation of customer managed keys is off by default.',
    },
    remediation: {
      ja: 'aws kms enable-key-rotation --key-id <キー ID> を実行します（任意で --rotation-period-in-days 90〜2560、既定 365 日）。コンソール: KMS →「カスタマー管理型のキー」→ 対象 →「キーのローテーション」。',
      en: 'Run aws kms enable-key-rotation --key-id <key id> (optionally --rotation-period-in-days 90–2560, default 365). Console: KMS → Customer managed keys → the key → Key rotation.',
    },
    messages: {
      enabled: {
        ja: 'KMS キー {{key}} の自動ローテーションは有効です',
        en: 'KMS key {{key}} has automatic rotation enabled',
      },
      disabled: {
        ja: 'KMS キー {{key}} の自動ローテーションが無効です',
        en: 'KMS key {{key}} has automatic rotation disabled',
      },
      periodTooLong: {
        ja: 'KMS キー {{key}} の自動ローテーションの間隔 {{days}} 日が上限 {{max}} 日を超えています',
        en: 'KMS key {{key}} rotates automatically every {{days|day|days}}, more than the maximum of {{max}}',
      },
      awsManaged: {
        ja: 'KMS キー {{key}} は AWS 管理キーで、AWS が毎年自動でローテーションします',
        en: 'KMS key {{key}} is AWS managed; AWS rotates it every year',
      },
      notEnabledKey: {
        ja: 'KMS キー {{key}} は使用できない状態（{{state}}）です',
        en: 'KMS key {{key}} is not usable ({{state}})',
      },
      notRotatable: {
        ja: 'KMS キー {{key}}（{{spec}}、{{origin}}）は自動ローテーションに対応していません（手動でローテーションしてください）',
        en: 'KMS key {{key}} ({{spec}}, {{origin}}) does not support automatic rotation (rotate it manually)',
      },
      rotatableUnknown: {
        ja: 'KMS キー {{key}} の自動ローテーションは無効ですが、エクスポートに鍵素材の出どころ（Origin）がないため、自動ローテーションできる鍵かどうかわかりません（インポートした鍵素材の鍵は自動ローテーションできません）',
        en: 'KMS key {{key}} has automatic rotation disabled, but the export does not show its Origin, so whether the key can rotate automatically is not known (keys of imported key material cannot)',
      },
      unknown: {
        ja: 'KMS キー {{key}} のローテーション設定がエクスポートから判断できません',
        en: 'The export does not show the rotation of KMS key {{key}}',
      },
    },
    references: ['https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html'],
  },
  evaluate(resource, ctx) {
    const data = { key: resource.name };
    const keyManager = factOf(resource.facts.keyManager, 'configuration.keyManager');
    const keyState = factOf(resource.facts.keyState, 'configuration.keyState');
    const origin = factOf(resource.facts.origin, 'configuration.origin');
    const keySpec = factOf(resource.facts.keySpec, 'configuration.keySpec');
    const rotation = factOf(resource.facts.rotationEnabled, 'supplementaryConfiguration.KeyRotationStatus');
    if (keyManager.value === 'AWS') return notApplicable('awsManaged', [keyManager], data);
    if (keyState.value !== undefined && keyState.value !== 'Enabled') {
      return notApplicable('notEnabledKey', [keyState], { ...data, state: keyState.value });
    }
    if (
      (origin.value ?? ROTATABLE_ORIGIN) !== ROTATABLE_ORIGIN ||
      (keySpec.value ?? ROTATABLE_SPEC) !== ROTATABLE_SPEC
    ) {
      return notApplicable('notRotatable', [keySpec, origin], {
        ...data,
        spec: keySpec.value,
        origin: origin.value,
      });
    }
    if (keyManager.source === 'unknown' || rotation.source === 'unknown') {
      return undetermined('unknown', [keyManager, rotation], data);
    }
    if (!rotation.value) {
      // Off is a failure only on a key that could rotate: one whose origin the record does not
      // give may hold imported material (EXTERNAL), which never rotates automatically. (A key
      // spec left out is still taken as symmetric: the API reference's older text says the
      // status of other specs is always false, the newer no longer does.)
      if (origin.source === 'unknown')
        return undetermined('rotatableUnknown', [keyManager, rotation, origin], data);
      return fail('disabled', [keyManager, rotation], data);
    }
    // The period is the key's own (GetKeyRotationStatus); Config does not record it.
    const period = resource.facts.rotationPeriodDays;
    const max = ctx.params.maxKeyRotationDays;
    if (period?.source === 'unknown') return undetermined('unknown', [keyManager, rotation, period], data);
    if (period?.source === 'explicit' && period.value > max)
      return fail('periodTooLong', [keyManager, rotation, period], { ...data, days: period.value, max });
    return pass('enabled', [keyManager, rotation], data);
  },
});
