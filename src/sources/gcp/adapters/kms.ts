import { cloudDefault, derived, explicit, type Fact, factPath, unknown } from '../../../model/fact.ts';
import type { GcpCryptoKeyFacts } from '../../../model/gcp.ts';
import { at, type JsonObject, stringAt } from '../json.ts';
import { asBoolean, fieldFact } from './fields.ts';

/**
 * cloudkms.googleapis.com/CryptoKey: the Cloud KMS REST CryptoKey.
 * https://cloud.google.com/kms/docs/reference/rest/v1/projects.locations.keyRings.cryptoKeys
 */
export function cryptoKeyFacts(data: JsonObject, dataPath: string): GcpCryptoKeyFacts {
  const purpose = stringAt(data, 'purpose');
  const level = protectionLevel(data, dataPath);
  return {
    purpose: purpose
      ? explicit(purpose, factPath(dataPath, 'purpose'))
      : unknown(factPath(dataPath, 'purpose'), {
          ja: '鍵の用途が不明です',
          en: 'the key purpose is not in the export',
        }),
    rotationPeriodSeconds: rotationPeriod(data, dataPath),
    protectionLevel: level,
    importOnly: importOnly(data, dataPath),
    hsmBackedKey: derived(level.value === 'HSM' || level.value === 'HSM_SINGLE_TENANT', level),
  };
}

/**
 * Whether the key holds imported versions only (`importOnly`, left out when false). Where a
 * record does not carry the field, a primary version Cloud KMS generated (`generateTime`; an
 * imported one has `importTime`) says the key is no import-only one.
 */
function importOnly(data: JsonObject, dataPath: string): Fact<boolean> {
  const generated = at(data, 'primary.generateTime');
  if (data.importOnly === undefined && typeof generated === 'string' && generated !== '')
    return derived(false, explicit(generated, factPath(dataPath, 'primary.generateTime')));
  return fieldFact(data, dataPath, 'importOnly', asBoolean, {
    default: false,
    note: {
      ja: '指定なし: Cloud KMS が鍵のバージョンを生成する鍵です（インポート専用ではありません）',
      en: 'not set: Cloud KMS generates the key’s versions (not import-only)',
    },
  });
}

/**
 * A key without `rotationPeriod` is never rotated automatically (https://cloud.google.com/kms/docs/key-rotation).
 * An empty period is none either: the google provider stores an unset `rotation_period` as "".
 */
function rotationPeriod(data: JsonObject, dataPath: string): Fact<number | null> {
  const path = factPath(dataPath, 'rotationPeriod');
  const raw = data.rotationPeriod;
  if (raw === undefined || raw === '') {
    return cloudDefault(null, path, {
      ja: '指定なし: 自動ローテーションは既定で設定されません',
      en: 'not set: keys have no automatic rotation by default',
    });
  }
  const seconds = parseDuration(raw);
  return seconds === undefined
    ? unknown(path, { ja: `解釈できない期間です: ${String(raw)}`, en: `unreadable duration: ${String(raw)}` })
    : explicit(seconds, path);
}

/** google.protobuf.Duration in JSON: `"7776000s"` (fractions allowed). */
function parseDuration(raw: unknown): number | undefined {
  if (typeof raw === 'number') return raw;
  const match = typeof raw === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(raw) : null;
  return match ? Number(match[1]) : undefined;
}

/**
 * Where the key's material lives: `versionTemplate.protectionLevel` (SOFTWARE, HSM,
 * HSM_SINGLE_TENANT, EXTERNAL, EXTERNAL_VPC), SOFTWARE by default (CryptoKeyVersionTemplate
 * reference); a record without the template may still show its primary version's.
 */
function protectionLevel(data: JsonObject, dataPath: string): Fact<string> {
  for (const field of ['versionTemplate.protectionLevel', 'primary.protectionLevel']) {
    const level = at(data, field);
    if (typeof level === 'string' && level !== '' && level !== 'PROTECTION_LEVEL_UNSPECIFIED')
      return explicit(level, factPath(dataPath, field));
  }
  return cloudDefault('SOFTWARE', factPath(dataPath, 'versionTemplate.protectionLevel'), {
    ja: '指定なし: 保護レベルは既定の SOFTWARE',
    en: 'not set: the protection level defaults to SOFTWARE',
  });
}
