import { cloudDefault, explicit, type Fact } from '../../../model/fact.ts';
import type { CommonFacts } from '../../../model/facts.ts';
import { at, type JsonObject, stringAt } from '../json.ts';

/**
 * Customer-managed encryption (CMEK) for the data-handling types whose REST JSON names the
 * Cloud KMS key in one field. Absent, Google Cloud encrypts with Google-owned and
 * Google-managed keys: https://cloud.google.com/docs/security/encryption/default-encryption
 */
export function customerManagedKey(data: JsonObject, dataPath: string, keyField: string): CommonFacts {
  const path = `${dataPath}.${keyField}`;
  const fact: Fact<boolean> = stringAt(data, keyField)
    ? explicit(true, path)
    : cloudDefault(false, path, GOOGLE_MANAGED_KEY_NOTE);
  return { customerManagedKey: fact };
}

/**
 * Compute Engine disks and snapshots: `kmsKeyName` is a Cloud KMS key (CMEK); `sha256` alone
 * is a customer-supplied key (CSEK), also held by the customer.
 * https://cloud.google.com/compute/docs/disks/customer-managed-encryption
 */
export function computeEncryptionKey(data: JsonObject, dataPath: string, keyObject: string): CommonFacts {
  const key = at(data, keyObject) as JsonObject | undefined;
  const kms = stringAt(key, 'kmsKeyName');
  const suppliedKey = stringAt(key, 'sha256') ?? stringAt(key, 'rsaEncryptedKey');
  if (kms) return { customerManagedKey: explicit(true, `${dataPath}.${keyObject}.kmsKeyName`) };
  if (suppliedKey) return { customerManagedKey: explicit(true, `${dataPath}.${keyObject}.sha256`) };
  return { customerManagedKey: cloudDefault(false, `${dataPath}.${keyObject}`, GOOGLE_MANAGED_KEY_NOTE) };
}

/** A replica's primary, when the REST JSON names one (absent: not a replica, so no fact). */
export function replicaOf(data: JsonObject, dataPath: string, primaryField: string): CommonFacts {
  const primary = stringAt(data, primaryField);
  return primary ? { replicaOf: explicit(primary, `${dataPath}.${primaryField}`) } : {};
}

const GOOGLE_MANAGED_KEY_NOTE = {
  ja: '指定なし: Google が所有・管理する鍵で暗号化されます (Google Cloud の既定)',
  en: 'not set: encrypted with Google-owned and Google-managed keys (the Google Cloud default)',
};
