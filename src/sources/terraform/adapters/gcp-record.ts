import { KNOWN_AFTER_APPLY_ELEMENT } from '../../../model/known-after-apply.ts';
import type { Resource } from '../../../model/resource.ts';
import { assetToResource } from '../../gcp/to-resource.ts';
import { isCreated, type TfInstance } from '../document.ts';
import { isObject, type JsonObject, safeJson } from '../kind.ts';
import type { TfValues } from '../tf-values.ts';
import type { Translation } from '../translation.ts';
import { type BuildContext, PLACED_BY_PLAN, partsOf, type Unit, valueOrReference } from './adapter.ts';

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
  /** The Cloud Asset name, for a folder or organization whose number the plan knows. */
  name = `//terraform/${assetType}`,
): Resource {
  const resource = assetToResource(
    {
      name,
      assetType,
      // A project's or folder's ancestors are its `parent` in `data`, when the plan knows it.
      ancestors: [],
      resource: { data, dataPath: DATA, parent: '//cloudresourcemanager.googleapis.com/projects/terraform' },
      ...(policy && { iamPolicy: { policy, path: POLICY } }),
    },
    { file: '' },
    // A resource that leaves its location to the provider names none: the plan's placement
    // (the provider's region) decides, not the export's "data somewhere unknown".
    PLACED_BY_PLAN,
  );
  if ('skip' in resource)
    throw new Error(`google translation produced an unreadable asset: ${resource.skip}`);
  return { ...resource, facts: tr.rewrite(resource.facts) };
}

/**
 * A key attribute: its value, or the address of the plan's crypto key it refers to. A key the
 * configuration sets that the plan cannot show (from a data source read on apply, another
 * module's output, a sensitive variable) is a key all the same, named by its attribute: an
 * expression that comes to null is known when Terraform plans.
 */
export function keyName(
  tr: Translation,
  ctx: BuildContext,
  instance: TfInstance,
  attribute: string,
  nativePath: string,
): unknown {
  const shown = tr.valuesOf(instance).read(attribute).state;
  if ((shown !== 'unknown' && shown !== 'sensitive') || !ctx.config.sets(instance, attribute))
    return valueOrReference(tr, ctx, instance, attribute, `${DATA}.${nativePath}`, KEY_TYPES);
  const [key] = shown === 'unknown' ? ctx.referenced(instance, attribute, KEY_TYPES) : [];
  tr.mark(`${DATA}.${nativePath}`, `${instance.address}.${attribute}`, 'known');
  return key ? ctx.idOf(key) : `${instance.address}.${attribute}`;
}

const KEY_TYPES = ['google_kms_crypto_key'];

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
export function resourcePolicy(
  unit: Unit,
  tr: Translation,
  ctx: BuildContext,
  typeSets: readonly IamTypes[],
  isNew: boolean,
): JsonObject {
  const path = `${POLICY}.bindings`;
  const bindings: JsonObject[] = [];
  const partsOfAll = (pick: (types: IamTypes) => string) =>
    typeSets.flatMap((types) => partsOf(unit, pick(types)));
  for (const member of partsOfAll((types) => types.member)) {
    bindings.push(grant(tr, member, path, [tr.read(member, 'member', path)]));
  }
  for (const binding of partsOfAll((types) => types.binding)) {
    bindings.push(grant(tr, binding, path, tr.read(binding, 'members', path) ?? []));
  }
  const policy = partsOfAll((types) => types.policy).at(-1);
  if (policy) {
    const text = readPolicyData(tr, ctx, policy, path);
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

/**
 * The binding an `_iam_member` / `_iam_binding` resource makes: its role, the members given, and
 * its IAM Condition (the `condition { expression, title }` block, at most one) as a policy's
 * binding writes it. A condition the plan knows only after apply, or hides as sensitive, is left
 * out: the grant then counts as unconditional, as an unread condition never drops a grant.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam#condition
 */
export function grant(tr: Translation, instance: TfInstance, path: string, members: unknown): JsonObject {
  const role = tr.read(instance, 'role', path);
  const values = tr.valuesOf(instance);
  const expression = values.read('condition.0.expression');
  if (expression.state !== 'known' || typeof expression.value !== 'string') return { role, members };
  tr.mark(path, `${instance.address}.condition.0.expression`, 'known');
  const title = values.read('condition.0.title');
  return {
    role,
    members,
    condition: {
      expression: expression.value,
      ...(title.state === 'known' && typeof title.value === 'string' && { title: title.value }),
    },
  };
}

/**
 * An IAM policy resource's `policy_data`: its value; or, when the plan knows it only after apply
 * and it is a `google_iam_policy` data source's, the policy the data source's `binding` and
 * `audit_config` blocks make (the data source is read on apply when a block names something the
 * plan creates, yet the plan shows the blocks). A member known only after apply is an identity of
 * the plan's resources (a service account's email), never `allUsers`: it stands as such. A role
 * or a block list known only after apply leaves the policy unknown.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/data-sources/iam_policy
 */
export function readPolicyData(
  tr: Translation,
  ctx: BuildContext,
  instance: TfInstance,
  nativePath: string,
): unknown {
  if (tr.valuesOf(instance).read('policy_data').state === 'unknown') {
    const source = ctx.dataSourceOf(instance, 'policy_data', 'google_iam_policy');
    const rendered = source ? renderedPolicy(source.after) : undefined;
    if (source && rendered !== undefined) {
      tr.mark(nativePath, `${source.address}.binding`, 'known');
      return rendered;
    }
  }
  return tr.read(instance, 'policy_data', nativePath);
}

function renderedPolicy(values: TfValues): string | undefined {
  const bindings = blocks(values, 'binding', (path) => {
    const role = values.read(`${path}.role`);
    const members = elements(values, `${path}.members`);
    if (role.state !== 'known' || members === undefined) return undefined;
    const condition = values.read(`${path}.condition.0`);
    if (condition.state === 'unknown' || condition.state === 'sensitive') return undefined;
    return {
      role: role.value,
      members,
      ...(condition.state === 'known' && isObject(condition.value) && { condition: condition.value }),
    };
  });
  const auditConfigs = blocks(values, 'audit_config', (path) => {
    const service = values.read(`${path}.service`);
    const configs = auditLogConfigs(values, `${path}.audit_log_configs`);
    if (service.state !== 'known' || configs === undefined) return undefined;
    return { service: service.value, auditLogConfigs: configs };
  });
  if (bindings === undefined || auditConfigs === undefined) return undefined;
  return JSON.stringify({ bindings, ...(auditConfigs.length > 0 && { auditConfigs }) });
}

/**
 * Audit log config blocks (`log_type`, `exempted_members`) as the policy's `auditLogConfigs`: an
 * exempted member known only after apply (a service account the plan creates) is an exemption
 * all the same, standing as such; undefined when a log type or a member list is not known.
 */
export function auditLogConfigs(values: TfValues, path: string): JsonObject[] | undefined {
  return blocks(values, path, (config) => {
    const logType = values.read(`${config}.log_type`);
    const exempted = elements(values, `${config}.exempted_members`);
    if (logType.state !== 'known' || exempted === undefined) return undefined;
    return { logType: logType.value, exemptedMembers: exempted };
  });
}

/** The blocks of a list the plan shows (none when it is null), each rendered; undefined when any cannot be. */
function blocks(
  values: TfValues,
  path: string,
  render: (path: string) => JsonObject | undefined,
): JsonObject[] | undefined {
  const list = values.read(path);
  if (list.state === 'absent') return [];
  if (!values.present(path)) return undefined;
  const rendered: JsonObject[] = [];
  for (let i = 0; values.present(`${path}.${i}`); i++) {
    const block = render(`${path}.${i}`);
    if (!block) return undefined;
    rendered.push(block);
  }
  return rendered;
}

/** A list of strings, its elements known only after apply standing as such; undefined when the list itself is. */
function elements(values: TfValues, path: string): string[] | undefined {
  if (values.read(path).state === 'absent') return [];
  if (!values.present(path)) return undefined;
  const result: string[] = [];
  for (let i = 0; ; i++) {
    const element = values.read(`${path}.${i}`);
    if (element.state === 'absent') return result;
    if (element.state === 'sensitive') return undefined;
    result.push(element.state === 'known' ? String(element.value) : KNOWN_AFTER_APPLY_ELEMENT);
  }
}

/** A resource the plan creates (a split resource judged alone configures one that exists). */
export function isNewOf(instance: TfInstance, type: string): boolean {
  return instance.type === type && isCreated(instance);
}
