import type { Resource } from '../../../model/resource.ts';
import { subscriptionOf } from '../../azure/arm-record.ts';
import type { TfInstance } from '../document.ts';
import { isObject, type JsonObject, safeJson } from '../kind.ts';
import type { TfValues } from '../tf-values.ts';
import type { Translation } from '../translation.ts';
import type { TerraformAdapter, Unit } from './adapter.ts';
import { fromArm } from './azure-record.ts';

/**
 * `azapi_resource` (Azure/azapi): any ARM resource, by its `type` with the API version
 * (`Microsoft.Authorization/roleAssignments@2022-04-01`), `name`, `parent_id`, `location` and
 * `body`, the ARM request body: an object from azapi 2.x, a JSON string (`jsonencode`) in 1.x.
 * Its `properties` are read by the same ARM adapters as an export's record; a role assignment's
 * scope is its parent, which ARM does not repeat in the body.
 * https://registry.terraform.io/providers/Azure/azapi/latest/docs/resources/resource
 */
function azapiResource(unit: Unit, tr: Translation): Resource {
  const resource = unit.primary;
  // Read for its mark: the record's type is this attribute's (unknown while the plan does not know it).
  tr.read(resource, 'type', 'type');
  const type = armTypeOf(tr.valuesOf(resource)) ?? 'Microsoft.Resources/unknown';
  const { properties, body } = requestBody(resource, tr);
  if (type.toLowerCase() === ROLE_ASSIGNMENTS && properties.scope === undefined) {
    const parent = tr.read(resource, 'parent_id', 'properties.scope');
    if (typeof parent === 'string') properties.scope = parent;
  }
  const extra: JsonObject = {};
  for (const key of ['kind', 'sku'] as const) if (body?.[key] !== undefined) extra[key] = body[key];
  const id = armId(tr.valuesOf(resource), type);
  if (id !== undefined) {
    extra.id = id;
    tr.read(resource, 'parent_id', 'id');
  }
  return fromArm(type, properties, tr, extra);
}

/** The ARM type of azapi's `type`, without its API version, when the plan knows it. */
function armTypeOf(values: TfValues): string | undefined {
  const declared = values.read('type');
  return declared.state === 'known' && typeof declared.value === 'string'
    ? declared.value.split('@')[0]
    : undefined;
}

/**
 * The id azapi gives the resource, from its `parent_id` and `name`: `<parent>/providers/<type>/<name>`
 * for a type of one segment (a top-level or extension resource: a subscription's diagnostic
 * setting), `<parent>/<last segment>/<name>` for a child type (`Microsoft.KeyVault/vaults/keys`
 * under its vault). What the ARM adapters read from the id (a diagnostic setting's target) is
 * then the resource's; unknown parts leave the placeholder.
 */
function armId(values: TfValues, type: string): string | undefined {
  const parent = values.read('parent_id');
  const name = values.read('name');
  if (parent.state !== 'known' || typeof parent.value !== 'string') return undefined;
  if (name.state !== 'known' || typeof name.value !== 'string' || name.value === '') return undefined;
  // Above a subscription (a management group, the tenant's root) the record keeps the placeholder
  // subscription the readers need; the scope of a role assignment there is its parent (above).
  if (subscriptionOf(parent.value) === undefined) return undefined;
  const scope = parent.value.replace(/\/+$/, '');
  const segments = type.split('/');
  return segments.length > 2
    ? `${scope}/${segments.at(-1)}/${name.value}`
    : `${scope}/providers/${type}/${name.value}`;
}

/**
 * Types the checks look up by their ARM id, whatever made them (a subscription's Defender plan,
 * which a VM's check finds by `/subscriptions/<id>/providers/microsoft.security/pricings/<plan>`):
 * such a resource is named by it, lower-cased as the Azure readers write ids, not by its address.
 */
const NAMED_BY_ARM_ID = new Set(['microsoft.security/pricings']);

function azapiIdOf(unit: Unit): string | undefined {
  const type = armTypeOf(unit.primary.after);
  if (type === undefined || !NAMED_BY_ARM_ID.has(type.toLowerCase())) return undefined;
  return armId(unit.primary.after, type)?.toLowerCase();
}

const ROLE_ASSIGNMENTS = 'microsoft.authorization/roleassignments';

/**
 * The body's `properties`, each read for itself from azapi 2.x's object (one known only after
 * apply leaves the others readable), or the whole JSON text of 1.x.
 */
function requestBody(resource: TfInstance, tr: Translation): { properties: JsonObject; body?: JsonObject } {
  const values = tr.valuesOf(resource);
  const raw = values.read('body');
  if (raw.state === 'known' && typeof raw.value === 'string') {
    const parsed = parseJson(tr.read(resource, 'body', 'properties'));
    return {
      properties: isObject(parsed?.properties) ? { ...parsed.properties } : {},
      ...(parsed && { body: parsed }),
    };
  }
  const body = isObject(values.values.body) ? values.values.body : undefined;
  if (!body || !isObject(body.properties) || !values.present('body.properties')) {
    tr.read(resource, 'body.properties', 'properties');
    return { properties: {}, ...(body && { body }) };
  }
  const properties: JsonObject = {};
  // Terraform leaves a value known only after apply out of `after`: its key is in the marks.
  for (const key of values.keys('body.properties')) {
    const value = tr.read(resource, `body.properties.${key}`, `properties.${key}`);
    if (value !== undefined) properties[key] = value;
  }
  return { properties, body };
}

function parseJson(text: unknown): JsonObject | undefined {
  const parsed = typeof text === 'string' ? safeJson(text) : undefined;
  return isObject(parsed) ? parsed : undefined;
}

export const azureAzapiAdapters: Readonly<Record<string, TerraformAdapter>> = {
  azapi_resource: { provider: 'azure', build: azapiResource, idOf: azapiIdOf },
};
