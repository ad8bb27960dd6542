import type { TfInstance } from '../document.ts';
import type { JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import { partsOf, type Unit } from './adapter.ts';
import { DATA } from './gcp-record.ts';

/**
 * Predefined ACLs that grant to the public: `allUsers`, or `allAuthenticatedUsers` (any Google
 * account). https://cloud.google.com/storage/docs/access-control/lists#predefined-acl
 */
const PUBLIC_PREDEFINED_ACL: Readonly<Record<string, JsonObject>> = {
  publicRead: { entity: 'allUsers', role: 'READER' },
  publicReadWrite: { entity: 'allUsers', role: 'WRITER' },
  authenticatedRead: { entity: 'allAuthenticatedUsers', role: 'READER' },
};

/**
 * The resources that write a bucket's ACL, or the default ACL of the objects written to it (which
 * Cloud Asset Inventory lists as `defaultObjectAcl`, read with `acl`): the whole list, or one entry
 * (google 2.x on).
 */
export const ACL_TYPES: readonly string[] = [
  'google_storage_bucket_acl',
  'google_storage_bucket_access_control',
  'google_storage_default_object_acl',
  'google_storage_default_object_access_control',
];

/**
 * google_storage_bucket_acl entries (`READER:allUsers`, or a predefined ACL; `default_acl`, the
 * predefined ACL of new objects), google_storage_default_object_acl entries (`role_entity`) and
 * the one entry (`entity`, `role`) of google_storage_bucket_access_control and
 * google_storage_default_object_access_control, as REST ACL entries.
 */
export function bucketAcl(unit: Unit, tr: Translation): { entries: JsonObject[]; complete: boolean } {
  const entries: JsonObject[] = [];
  // Whether every entry the resources write is known (a predefined ACL's, or each listed one).
  let complete = true;
  const roleEntities = (part: TfInstance) => {
    const list = tr.read(part, 'role_entity', `${DATA}.acl`);
    if (!Array.isArray(list)) complete = false;
    for (const entry of Array.isArray(list) ? list : []) {
      const [entryRole, entity] = String(entry).split(':');
      if (entity) entries.push({ entity, role: entryRole });
    }
  };
  for (const type of [
    'google_storage_bucket_access_control',
    'google_storage_default_object_access_control',
  ]) {
    for (const part of partsOf(unit, type)) {
      const entity = tr.read(part, 'entity', `${DATA}.acl`);
      const role = tr.read(part, 'role', `${DATA}.acl`);
      if (typeof entity === 'string') entries.push({ entity, role });
      else complete = false;
    }
  }
  for (const part of partsOf(unit, 'google_storage_bucket_acl')) {
    const defaultAcl = tr.read(part, 'default_acl', `${DATA}.acl`);
    const defaultEntry = typeof defaultAcl === 'string' ? PUBLIC_PREDEFINED_ACL[defaultAcl] : undefined;
    if (defaultEntry) entries.push(defaultEntry);
    if (tr.valuesOf(part).read('default_acl').state === 'unknown') complete = false;
    const predefined = tr.read(part, 'predefined_acl', `${DATA}.acl`);
    if (typeof predefined === 'string' && predefined !== '') {
      // `role_entity` is then the predefined ACL's entries, computed: known only after apply.
      const entry = PUBLIC_PREDEFINED_ACL[predefined];
      if (entry) entries.push(entry);
      continue;
    }
    roleEntities(part);
  }
  for (const part of partsOf(unit, 'google_storage_default_object_acl')) roleEntities(part);
  return { entries, complete };
}
