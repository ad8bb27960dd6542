import { unknown } from '../../model/fact.ts';
import type { Resource } from '../../model/resource.ts';
import type { DocumentFormat, ReadContext } from '../format.ts';
import { toResource } from './adapters/index.ts';
import { get, isObject, type JsonObject, PLACEHOLDER_SCOPE } from './arm-record.ts';
import { isWholeListing, withVaultKeysListed } from './vault-keys-listing.ts';

/**
 * Key Vault's data plane, as `az keyvault key list` and `az keyvault key show` print it (`kid`,
 * `attributes` with `expires` as a time, `key.kty` in show) and as its REST API answers
 * (`GET https://<vault>.vault.azure.net/keys`: `{"value": [{"kid", "attributes": {"exp"}}]}`,
 * `exp` in Unix seconds). The data plane names a key's vault by its host, not the vault's
 * subscription or resource group: each key is read as the ARM key record under the placeholder
 * ids an ARM template's resources have (`/subscriptions/{subscriptionId}/resourceGroups/
 * {resourceGroupName}/providers/Microsoft.KeyVault/vaults/<vault>/keys/<name>`, noted), by the
 * same adapter. Its listing carries no rotation policy, which is left unknown; a key's rotation
 * policy is its own answer (`GET …/keys/<name>/rotationpolicy`, `az keyvault key rotation-policy
 * show`), read as the same key with that policy and its expiry left unknown, and the inventory
 * merges the two. Where the same input also holds the vault's ARM record (a test recording's
 * `GET …/vaults` before its data-plane calls), the vault's own id takes the placeholders' place.
 * Secrets and certificates listed the same way (`az keyvault secret list`) are skipped: kansa
 * checks keys.
 */
export const azureKeyVaultDataPlane: DocumentFormat = {
  kind: 'document',
  id: 'azure-keyvault-data-plane',
  provider: 'azure',
  description:
    'Key Vault data-plane listings: az keyvault key list / show (secret and certificate lists skipped), the REST answer of GET https://<vault>.vault.azure.net/keys',
  matches(document) {
    const [first] = itemsOf(document);
    return first !== undefined && objectUri(first) !== undefined;
  },
  read: (document, ctx) => readKeyVaultDataPlane(document, ctx),
};

/** Vault ids by their host's first label (`<vault>.vault.azure.net`), lower-cased. */
export type VaultIds = ReadonlyMap<string, string>;

/** The data-plane objects of a document, each key under its vault's id where `vaults` knows it. */
export function* readKeyVaultDataPlane(
  document: unknown,
  ctx: ReadContext,
  vaults: VaultIds = new Map(),
): Iterable<Resource> {
  // `az keyvault key list` and a page without a next one list the vault's keys whole; `show` one key.
  const whole = isWholeListing(document);
  const member = Array.isArray(document) ? '' : ': value';
  for (const [index, item] of itemsOf(document).entries())
    for (const resource of readItem(item, index, ctx, vaults))
      yield whole ? withVaultKeysListed(resource, `${ctx.file}${member}`) : resource;
}

/** The vault's ARM id, or the placeholder-scoped one of an ARM template's resources. */
export const vaultIdOf = (vault: string, vaults: VaultIds = new Map()) =>
  vaults.get(vault.toLowerCase()) ?? `${PLACEHOLDER_SCOPE}/providers/Microsoft.KeyVault/vaults/${vault}`;

/** `https://<vault>.vault.azure.net/keys/<name>[/<version>]` (the sovereign clouds' hosts too). */
const OBJECT_URI =
  /^https:\/\/([^./]+)\.vault\.(?:azure\.net|azure\.cn|usgovcloudapi\.net)(?::443)?\/(keys|secrets|certificates)\/([^/]+)(?:\/([^/]*))?$/i;

/** The listed objects: an array (`az … list`), a REST page (`value`), or one object (`az … show`). */
function itemsOf(document: unknown): readonly JsonObject[] {
  const items = Array.isArray(document)
    ? document
    : isObject(document) && Array.isArray(document.value)
      ? document.value
      : [document];
  return items.filter(isObject);
}

/** The object's URI: `kid` of a key (`key.kid` in show), `id` of a secret, certificate or rotation policy. */
function objectUri(item: JsonObject): RegExpExecArray | undefined {
  if (!isObject(item.attributes) && !Array.isArray(item.lifetimeActions)) return undefined;
  const uri = [item.kid, get(item.key, 'kid'), item.id].find((value) => typeof value === 'string');
  return OBJECT_URI.exec(String(uri)) ?? undefined;
}

function* readItem(item: JsonObject, index: number, ctx: ReadContext, vaults: VaultIds): Iterable<Resource> {
  const uri = objectUri(item);
  if (!uri) {
    ctx.skip('not a Key Vault object of the data plane (no kid or id on a vault host, or no attributes)', {
      index,
    });
    return;
  }
  const [, vault, collection, name] = uri;
  if (collection !== 'keys') {
    ctx.skip(
      `a Key Vault ${collection === 'secrets' ? 'secret' : 'certificate'} (${uri[0]}): kansa checks keys`,
      {
        index,
      },
    );
    return;
  }
  if (uri[4]?.toLowerCase() === 'rotationpolicy') {
    yield* readRotationPolicy(item, vaultIdOf(vault!, vaults), name!, index, ctx);
    return;
  }
  const attributes = isObject(item.attributes) ? item.attributes : {};
  const record = {
    id: `${vaultIdOf(vault!, vaults)}/keys/${name}`,
    name,
    type: 'Microsoft.KeyVault/vaults/keys',
    tags: item.tags ?? {},
    properties: {
      attributes: { ...attributes, exp: unixSeconds(attributes.exp ?? attributes.expires) },
      kty: get(item.key, 'kty') ?? item.kty,
      keyUri: `https://${vault}.vault.azure.net/keys/${name}`,
    },
  };
  // The data plane keeps a key's rotation policy at its own address (…/keys/<name>/rotationpolicy).
  yield* asKey(record, uri[0], index, ctx, {
    rotationPeriodDays: unknown('properties.rotationPolicy', {
      ja: 'データ プレーンのキーの一覧にはローテーション ポリシーが含まれません（`az keyvault key rotation-policy show` の出力、または管理プレーンのキーの一覧を追加してください）',
      en: 'the data plane’s key listing does not carry the rotation policy (add az keyvault key rotation-policy show, or the management plane’s key list)',
    }),
  });
}

/**
 * A key's rotation policy: the REST answer (`lifetimeActions[].trigger`, `.action.type`,
 * `attributes.expiryTime`) is ARM's `rotationPolicy`; the CLI's (`lifetimeActions[].action` a
 * word, `timeAfterCreate` and `timeBeforeExpiry` beside it, `expiresIn`) is put back in that shape.
 */
function* readRotationPolicy(
  policy: JsonObject,
  vaultId: string,
  name: string,
  index: number,
  ctx: ReadContext,
): Iterable<Resource> {
  const actions = Array.isArray(policy.lifetimeActions) ? policy.lifetimeActions.filter(isObject) : [];
  const rotationPolicy = {
    lifetimeActions: actions.map((action) =>
      typeof action.action === 'string'
        ? {
            action: { type: action.action },
            trigger: { timeAfterCreate: action.timeAfterCreate, timeBeforeExpiry: action.timeBeforeExpiry },
          }
        : action,
    ),
    attributes: { expiryTime: get(policy.attributes, 'expiryTime') ?? policy.expiresIn },
  };
  const record = {
    id: `${vaultId}/keys/${name}`,
    name,
    type: 'Microsoft.KeyVault/vaults/keys',
    properties: { rotationPolicy },
  };
  yield* asKey(record, String(policy.id), index, ctx, {
    expiresOn: unknown('properties.attributes.exp', {
      ja: 'ローテーション ポリシーにはキーの有効期限が含まれません（`az keyvault key list` の出力を追加してください）',
      en: 'a rotation policy does not carry the key’s expiry (add az keyvault key list)',
    }),
  });
}

/** The key record read by the ARM adapter, with what this answer does not carry left unknown. */
function* asKey(
  record: JsonObject,
  uri: string,
  index: number,
  ctx: ReadContext,
  notCarried: Readonly<Record<string, unknown>>,
): Iterable<Resource> {
  const where = { index };
  if (String(record.id).startsWith(PLACEHOLDER_SCOPE))
    ctx.note?.(
      `${uri}: the Key Vault data plane names a key's vault by its host, not the vault's subscription or resource group: read under placeholder ids`,
      where,
    );
  const resource = toResource(record, { file: ctx.file, index }, (note) => ctx.note?.(note, where));
  if ('skip' in resource) {
    ctx.skip(resource.skip, where);
    return;
  }
  yield { ...resource, facts: { ...resource.facts, ...notCarried } };
}

/** `exp` (Unix seconds, the REST API) or `expires` (a time, the CLI); null: the key never expires. */
function unixSeconds(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time / 1000;
}
