import { cloudDefault, derived, explicit, type Fact, factPath } from '../../../model/fact.ts';
import type { CommonFacts } from '../../../model/facts.ts';
import { at, type JsonObject, stringAt } from '../json.ts';
import { asBoolean } from './fields.ts';

/**
 * Customer-managed encryption (CMEK) for the data-handling types whose REST JSON names the
 * Cloud KMS key in one field. Absent, Google Cloud encrypts with Google-owned and
 * Google-managed keys: https://cloud.google.com/docs/security/encryption/default-encryption
 */
export function customerManagedKey(data: JsonObject, dataPath: string, keyField: string): CommonFacts {
  return { customerManagedKey: keyNamed(stringAt(data, keyField), factPath(dataPath, keyField)) };
}

/**
 * Whether a Cloud KMS key is named, worked out from the key field: the evidence shows the key,
 * or the field's absence (Google-managed keys, the default).
 */
export function keyNamed(key: string | readonly string[] | undefined, path: string): Fact<boolean> {
  return key === undefined
    ? derived(false, cloudDefault(null, path, GOOGLE_MANAGED_KEY_NOTE))
    : derived(true, explicit(key, path));
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
  const keyPath = factPath(dataPath, keyObject);
  if (kms) return { customerManagedKey: keyNamed(kms, factPath(keyPath, 'kmsKeyName')) };
  if (suppliedKey) return { customerManagedKey: explicit(true, factPath(keyPath, 'sha256')) };
  return { customerManagedKey: keyNamed(undefined, keyPath) };
}

/**
 * A Compute Engine instance's boot disk key (`disks[]` with `boot: true`, its `diskEncryptionKey`
 * as on a disk): the boot disk is often in no record of its own (a Terraform instance's is made
 * with it). An instance whose record lists no disks says nothing.
 * https://cloud.google.com/compute/docs/reference/rest/v1/instances
 */
export function bootDiskKey(data: JsonObject, dataPath: string): CommonFacts {
  const disks = at(data, 'disks');
  if (!Array.isArray(disks)) return {};
  const index = disks.findIndex((disk) => asBoolean(at(disk as JsonObject, 'boot')) === true);
  if (index === -1) return {};
  return computeEncryptionKey(
    disks[index] as JsonObject,
    factPath(dataPath, `disks[${index}]`),
    'diskEncryptionKey',
  );
}

/**
 * A replica's or snapshot's source, when the REST JSON names one (absent: not a copy, so no
 * fact), as the Cloud Asset name the source has in the inventory, so that the location check
 * can find it (LOC-2 holds only for copies of domestic data).
 */
export function replicaOf(
  data: JsonObject,
  dataPath: string,
  primaryField: string,
  toAssetName: (reference: string, data: JsonObject) => string = computeAssetName,
): CommonFacts {
  const primary = stringAt(data, primaryField);
  return primary ? { replicaOf: explicit(toAssetName(primary, data), factPath(dataPath, primaryField)) } : {};
}

/**
 * Compute Engine references are URLs (`https://www.googleapis.com/compute/v1/projects/p/zones/z/disks/d`,
 * or `https://compute.googleapis.com/compute/v1/…`) or partial names (`projects/p/zones/z/disks/d`);
 * the asset is `//compute.googleapis.com/projects/p/zones/z/disks/d`.
 */
function computeAssetName(reference: string): string {
  const at = reference.indexOf('projects/');
  return at === -1 ? reference : `//compute.googleapis.com/${reference.slice(at)}`;
}

/**
 * Cloud SQL names a read replica's primary `project:instance` (or the instance alone, in the
 * replica's project); the asset is `//cloudsql.googleapis.com/projects/<project>/instances/<instance>`.
 */
export function sqlInstanceAssetName(reference: string, data: JsonObject): string {
  const colon = reference.lastIndexOf(':');
  const project = colon === -1 ? stringAt(data, 'project') : reference.slice(0, colon);
  const instance = reference.slice(colon + 1);
  return project ? `//cloudsql.googleapis.com/projects/${project}/instances/${instance}` : reference;
}

export const GOOGLE_MANAGED_KEY_NOTE = {
  ja: '指定なし: Google が所有・管理する鍵で暗号化されます（Google Cloud の既定）',
  en: 'not set: encrypted with Google-owned and Google-managed keys (the Google Cloud default)',
};
