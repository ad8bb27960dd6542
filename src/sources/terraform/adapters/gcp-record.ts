import type { Resource } from '../../../model/resource.ts';
import { assetToResource } from '../../gcp/to-resource.ts';
import { isCreated, type TfInstance } from '../document.ts';
import { isObject, type JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import { type BuildContext, partsOf, type Unit, valueOrReference } from './adapter.ts';

/**
 * The Cloud Asset record a google resource becomes (`resource.data` in the service's REST JSON,
 * `iamPolicy` for IAM), read by the Google Cloud adapters. The caller gives it its identity.
 */

export const DATA = 'resource.data';
export const POLICY = 'iamPolicy';

export function fromAsset(
  assetType: string,
  data: JsonObject,
  tr: Translation,
  policy?: JsonObject,
): Resource {
  const resource = assetToResource(
    {
      name: `//terraform/${assetType}`,
      assetType,
      // The plan does not show the folders and organization above a project: no ancestors.
      ancestors: [],
      resource: { data, dataPath: DATA, parent: '//cloudresourcemanager.googleapis.com/projects/terraform' },
      ...(policy && { iamPolicy: { policy, path: POLICY } }),
    },
    { file: '' },
    // A resource that leaves its location to the provider names none: the plan's placement
    // (the provider's region) decides, not the export's "data somewhere unknown".
    'global',
  );
  if ('skip' in resource)
    throw new Error(`google translation produced an unreadable asset: ${resource.skip}`);
  return { ...resource, facts: tr.rewrite(resource.facts) };
}

/** A key attribute: its value, or the address of the plan's crypto key it refers to. */
export function keyName(
  tr: Translation,
  ctx: BuildContext,
  instance: TfInstance,
  attribute: string,
  nativePath: string,
): unknown {
  return valueOrReference(tr, ctx, instance, attribute, `${DATA}.${nativePath}`, ['google_kms_crypto_key']);
}

export function set(target: JsonObject, path: string, value: unknown): void {
  if (value === undefined) return;
  const keys = path.split('.');
  let current = target;
  for (const key of keys.slice(0, -1)) {
    if (!isObject(current[key])) current[key] = {};
    current = current[key] as JsonObject;
  }
  current[keys[keys.length - 1]!] = value;
}

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The IAM resources of one resource type: `google_storage_bucket_iam_member`, `_binding`, `_policy`. */
export interface IamTypes {
  readonly member: string;
  readonly binding: string;
  readonly policy: string;
}

export function iamTypes(prefix: string): IamTypes {
  return { member: `${prefix}_iam_member`, binding: `${prefix}_iam_binding`, policy: `${prefix}_iam_policy` };
}

/**
 * The grants of a resource's IAM resources as its policy. A new resource's policy holds only what
 * the plan grants (and what the project's roles give); one that exists may hold grants made
 * outside the configuration, so without an authoritative `_policy` it is unknown unless the plan
 * itself grants something public.
 */
export function resourcePolicy(unit: Unit, tr: Translation, types: IamTypes, isNew: boolean): JsonObject {
  const path = `${POLICY}.bindings`;
  const bindings: JsonObject[] = [];
  for (const member of partsOf(unit, types.member)) {
    bindings.push({ role: tr.read(member, 'role', path), members: [tr.read(member, 'member', path)] });
  }
  for (const binding of partsOf(unit, types.binding)) {
    bindings.push({ role: tr.read(binding, 'role', path), members: tr.read(binding, 'members', path) ?? [] });
  }
  const policy = partsOf(unit, types.policy).at(-1);
  if (policy) {
    const text = tr.read(policy, 'policy_data', path);
    const parsed = typeof text === 'string' ? safeJson(text) : undefined;
    if (isObject(parsed) && Array.isArray(parsed.bindings))
      bindings.push(...parsed.bindings.filter(isObject));
  }
  const grantsPublic = bindings.some(
    (b) =>
      Array.isArray(b.members) && b.members.some((m) => m === 'allUsers' || m === 'allAuthenticatedUsers'),
  );
  if (!policy && !isNew && !grantsPublic) tr.mark(path, `${unit.primary.address} (IAM)`, 'unmanaged');
  else tr.mark(path, `${unit.primary.address} (IAM)`, 'known');
  return { bindings };
}

/** A resource the plan creates (a split resource judged alone configures one that exists). */
export function isNewOf(instance: TfInstance, type: string): boolean {
  return instance.type === type && isCreated(instance);
}
