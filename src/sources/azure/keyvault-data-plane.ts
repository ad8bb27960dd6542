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
 * A Managed HSM's keys (`az keyvault key list --hsm-name`, `kid` on `<hsm>.managedhsm.azure.net`)
 * are read the same way under the HSM (`…/managedHSMs/<hsm>/keys/<name>`). Secrets and
 * certificates listed the same way (`az keyvault secret list`) are skipped: kansa checks keys;
 * so are deleted keys (`az keyvault key list-deleted`: `recoveryId`, `deletedDate`).
 */
export const azureKeyVaultDataPlane: DocumentFormat = {
  kind: 'document',
  id: 'azure-keyvault-data-plane',
  provider: 'azure',
  description:
    'Key Vault data-plane listings: az keyvault key list / show (--vault-name or --hsm-name; secret and certificate lists skipped), the REST answer of GET https://<vault>.vault.azure.net/keys',
  matches(document) {
    const [first] = itemsOf(document);
    return first !== undefined && objectUri(first) !== undefined;
  },
  read: (document, ctx) => readKeyVaultDataPlane(document, ctx),
};

/** Vault and Managed HSM ids by their host (`<vault>.vault.azure.net`, `<hsm>.managedhsm.azure.net`), lower-cased. */
export type VaultIds = ReadonlyMap<string, string>;

/** The data-plane objects of a document, each key under its vault's id where `vaults` knows it. */
export function* readKeyVaultDataPlane(
  document: unknown,
  ctx: ReadContext,
  vaults: VaultIds = new Map(),
): Iterable<Resource> {
  // `az keyvault key list` and a page without a next one list the vault's keys whole; `show` one
  // key, and `list-versions` one key's versions (each `kid` with its version).
  const items = itemsOf(document);
  const whole = isWholeListing(document) && !items.some((item) => objectUri(item)?.[6]);
  const member = Array.isArray(document) ? '' : ': value';
  // The CLI prints a cut listing (`--maxresults`: every page fetched, then the first N kept) as
  // the same array; a REST page says it is one by its `nextLink`.
  if (whole && Array.isArray(document) && items.length > 0)
    ctx.note?.(
      "read as the whole listing of its vaults' keys (az keyvault key list): one printed with --maxresults or cut by --query cannot be told from it",
    );
  const older = olderVersions(items);
  for (const [index, item] of items.entries()) {
    if (older.has(item))
      ctx.skip(
        `an older version of a key listed with its newer ones (${String(item.kid ?? get(item.key, 'kid'))}): the current version is read`,
        { index },
      );
    else
      for (const resource of readItem(item, index, ctx, vaults))
        yield whole ? withVaultKeysListed(resource, `${ctx.file}${member}`) : resource;
  }
}

/** The ARM type of a managed HSM's keys. */
export const HSM_KEY_TYPE = 'Microsoft.KeyVault/managedHSMs/keys';
/** The ARM type of a vault's keys. */
export const VAULT_KEY_TYPE = 'Microsoft.KeyVault/vaults/keys';

/**
 * A vault's (or, `hsm`, a managed HSM's) ARM id under the placeholder scope of an ARM template's
 * resources, and the ARM type of its keys.
 */
export function holderIds(name: string, hsm: boolean): { readonly id: string; readonly keyType: string } {
  return hsm
    ? {
        id: `${PLACEHOLDER_SCOPE}/providers/Microsoft.KeyVault/managedHSMs/${name}`,
        keyType: HSM_KEY_TYPE,
      }
    : {
        id: `${PLACEHOLDER_SCOPE}/providers/Microsoft.KeyVault/vaults/${name}`,
        keyType: VAULT_KEY_TYPE,
      };
}

/**
 * The versions of a key that a later one of the same listing replaced (`az keyvault key
 * list-versions`: one item per version, each `kid` with its version, each with its own
 * attributes). A key's expiry is its current version's, the one created last.
 */
function olderVersions(items: readonly JsonObject[]): ReadonlySet<JsonObject> {
  const newest = new Map<string, { item: JsonObject; created: number }>();
  const older = new Set<JsonObject>();
  for (const item of items) {
    const uri = objectUri(item);
    const version = uri?.[6];
    if (!uri || !version || version.toLowerCase() === 'rotationpolicy') continue;
    const key = `${uri[1]}.${uri[2]}.${uri[3]}/${uri[4]}/${uri[5]}`.toLowerCase();
    const created = unixSeconds(get(item.attributes, 'created')) ?? Number.NEGATIVE_INFINITY;
    const seen = newest.get(key);
    if (!seen) newest.set(key, { item, created });
    else if (created > seen.created) {
      older.add(seen.item);
      newest.set(key, { item, created });
    } else older.add(item);
  }
  return older;
}

/** What holds the object: a vault (`<vault>.vault.azure.net`) or a Managed HSM (`<hsm>.managedhsm.azure.net`). */
interface Holder {
  /** The holder's ARM id, or the placeholder-scoped one of an ARM template's resources. */
  readonly id: string;
  /** The ARM type of its keys. */
  readonly keyType: string;
  readonly host: string;
}

function holderOf(uri: RegExpExecArray, vaults: VaultIds): Holder {
  const [, name, service, cloud] = uri;
  const host = `${name}.${service}.${cloud}`.toLowerCase();
  const { id: placeholder, keyType } = holderIds(name!, service!.toLowerCase() === 'managedhsm');
  return { id: vaults.get(host) ?? placeholder, keyType, host };
}

/**
 * `https://<vault>.vault.azure.net/keys/<name>[/<version>]`, and a Managed HSM's keys on
 * `<hsm>.managedhsm.azure.net` (`az keyvault key list --hsm-name`); the sovereign clouds' hosts too.
 */
const OBJECT_URI =
  /^https:\/\/([^./]+)\.(vault|managedhsm)\.(azure\.net|azure\.cn|usgovcloudapi\.net)(?::443)?\/(keys|secrets|certificates)\/([^/]+)(?:\/([^/]*))?$/i;

/**
 * The key an answered object is a state of (`<host>/keys/<name>`, any version), for telling a
 * recording's later answers of it: undefined for a rotation policy, a deleted key or anything else.
 */
export function dataPlaneKey(item: unknown): string | undefined {
  if (!isObject(item) || item.recoveryId !== undefined || item.deletedDate !== undefined) return undefined;
  const uri = objectUri(item);
  if (uri?.[4]?.toLowerCase() !== 'keys' || uri[6]?.toLowerCase() === 'rotationpolicy') return undefined;
  return `${uri[1]}.${uri[2]}.${uri[3]}/keys/${uri[5]}`.toLowerCase();
}

/** The listed objects: an array (`az … list`), a REST page (`value`), or one object (`az … show`). */
export function itemsOf(document: unknown): readonly JsonObject[] {
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
  const [, , , , collection, name] = uri;
  const holder = holderOf(uri, vaults);
  if (collection !== 'keys') {
    ctx.skip(
      `a Key Vault ${collection === 'secrets' ? 'secret' : 'certificate'} (${uri[0]}): kansa checks keys`,
      {
        index,
      },
    );
    return;
  }
  // A soft-deleted key (`az keyvault key list-deleted`, the answer of a DELETE) awaits purge or
  // recovery: it is in use by nothing until recovered.
  if (item.recoveryId !== undefined || item.deletedDate !== undefined) {
    ctx.skip(`a deleted key (${String(item.recoveryId ?? uri[0])}): kansa checks the keys in use`, { index });
    return;
  }
  if (uri[6]?.toLowerCase() === 'rotationpolicy') {
    yield* readRotationPolicy(item, holder, name!, index, ctx);
    return;
  }
  const attributes = isObject(item.attributes) ? item.attributes : {};
  const record = {
    id: `${holder.id}/keys/${name}`,
    name,
    type: holder.keyType,
    tags: item.tags ?? {},
    properties: {
      attributes: { ...attributes, exp: unixSeconds(attributes.exp ?? attributes.expires) },
      kty: get(item.key, 'kty') ?? item.kty,
      keyUri: `https://${holder.host}/keys/${name}`,
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
  holder: Holder,
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
    id: `${holder.id}/keys/${name}`,
    name,
    type: holder.keyType,
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
