import { cloudDefault, explicit, type Fact, factPath, unknown } from '../../../model/fact.ts';
import type { GcpBucketFacts, GcpPublicGrant } from '../../../model/gcp.ts';
import { arrayOf, at, isObject, type JsonObject } from '../json.ts';
import { customerManagedKey } from './encryption.ts';
import { asBoolean } from './fields.ts';
import { PUBLIC_MEMBERS } from './iam-policy.ts';

/** storage.googleapis.com/Bucket: the Cloud Storage JSON API bucket resource. */
export function bucketFacts(data: JsonObject, dataPath: string): GcpBucketFacts {
  return {
    publicAccessPrevention: publicAccessPrevention(data, dataPath),
    uniformBucketLevelAccess: uniformBucketLevelAccess(data, dataPath),
    publicAcl: publicAcl(data, dataPath),
    // https://cloud.google.com/storage/docs/encryption/default-keys
    ...customerManagedKey(data, dataPath, 'encryption.defaultKmsKeyName'),
  };
}

/**
 * `inherited` (older buckets: `unspecified`) means the organization policy constraint
 * `storage.publicAccessPrevention` decides; it is the default for a bucket without the field.
 * https://cloud.google.com/storage/docs/public-access-prevention
 */
function publicAccessPrevention(data: JsonObject, dataPath: string): Fact<string> {
  const path = factPath(dataPath, 'iamConfiguration.publicAccessPrevention');
  const value = at(data, 'iamConfiguration.publicAccessPrevention');
  if (typeof value === 'string' && value !== '') return explicit(value.toLowerCase(), path);
  return cloudDefault('inherited', path, {
    ja: '指定なし: 既定の inherited（組織のポリシー storage.publicAccessPrevention に従う）',
    en: 'not set: the default "inherited" (the organization policy storage.publicAccessPrevention decides)',
  });
}

/**
 * Off unless set at creation (or forced by the organization policy constraint
 * `storage.uniformBucketLevelAccess`). `bucketPolicyOnly` is the field's former name.
 * https://cloud.google.com/storage/docs/uniform-bucket-level-access
 */
function uniformBucketLevelAccess(data: JsonObject, dataPath: string): Fact<boolean> {
  for (const field of UNIFORM_ACCESS_FIELDS) {
    const enabled = asBoolean(at(data, field));
    if (enabled !== undefined) return explicit(enabled, factPath(dataPath, field));
  }
  return cloudDefault(false, factPath(dataPath, 'iamConfiguration.uniformBucketLevelAccess.enabled'), {
    ja: '指定なし: 均一なバケットレベルのアクセスは既定で無効（ACL が有効）',
    en: 'not set: uniform bucket-level access is off by default (ACLs apply)',
  });
}

/** The field and its former name (`bucketPolicyOnly`), as paths made once. */
const UNIFORM_ACCESS_FIELDS = ['uniformBucketLevelAccess', 'bucketPolicyOnly'].map(
  (name) => `iamConfiguration.${name}.enabled`,
);

/**
 * Legacy ACL entries for everyone. Cloud Asset Inventory writes `acl` and `defaultObjectAcl`
 * as empty lists whatever the bucket's ACLs are (seen in export dumps), so only a public
 * entry is evidence; no entry means the export cannot tell.
 */
function publicAcl(data: JsonObject, dataPath: string): Fact<readonly GcpPublicGrant[]> {
  const grants = publicEntries([...arrayOf(data.acl), ...arrayOf(data.defaultObjectAcl)]);
  if (grants.length > 0) return explicit(grants, factPath(dataPath, 'acl'));
  return unknown(factPath(dataPath, 'acl'), {
    ja: 'Cloud Asset Inventory のバケット情報には ACL の内容が含まれません',
    en: 'Cloud Asset Inventory bucket data does not carry the ACL entries',
  });
}

/**
 * The bucket's ACL as the JSON API lists it (`storage#bucketAccessControls`): the whole list,
 * so no public entry means none. (It answers only while ACLs apply: with uniform bucket-level
 * access on, the call fails.) https://cloud.google.com/storage/docs/json_api/v1/bucketAccessControls/list
 */
export function bucketAclFacts(entries: readonly unknown[], path: string): Pick<GcpBucketFacts, 'publicAcl'> {
  return { publicAcl: explicit(publicEntries(entries), path) };
}

function publicEntries(entries: readonly unknown[]): GcpPublicGrant[] {
  return entries.flatMap((entry) =>
    isObject(entry) && typeof entry.entity === 'string' && PUBLIC_MEMBERS.has(entry.entity)
      ? [{ role: String(entry.role ?? ''), member: entry.entity }]
      : [],
  );
}
