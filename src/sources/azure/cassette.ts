import type { AzureKeyVaultFacts } from '../../model/azure.ts';
import { explicit, unknown } from '../../model/fact.ts';
import type { Resource } from '../../model/resource.ts';
import type { DocumentFormat } from '../format.ts';
import { azureArm } from './arm.ts';
import { idOf, isObject, type JsonObject } from './arm-record.ts';
import { azureFlowLogStatus } from './flow-log-status.ts';
import { azureGraphRest } from './graph-rest.ts';
import {
  azureKeyVaultDataPlane,
  dataPlaneKey,
  itemsOf,
  readKeyVaultDataPlane,
  type VaultIds,
} from './keyvault-data-plane.ts';
import { isWholeListing } from './vault-keys-listing.ts';

/**
 * HTTP exchanges recorded by test suites: vcrpy cassettes, as Cloud Custodian's Azure tests keep
 * them (`tools/c7n_azure/tests_azure/cassettes/*.json`, written by its AzureSerializer:
 * `{"interactions": [{"request": {"method", "uri"}, "response": {"status": {"code"}, "body":
 * {"data": {…}}}}]}`, the JSON body parsed into `data` or kept as text in `string`), and the
 * Azure SDKs' test-proxy session records (`{"Entries": [{"RequestUri", "RequestMethod",
 * "StatusCode", "ResponseBody"}]}`). Each successful Azure Resource Manager answer that is a
 * resource, a list of them or a Resource Graph page is read as such, as is Key Vault's data-plane
 * listing of a vault's keys (keyvault-data-plane.ts); the other exchanges
 * (sign-in, provider metadata, failed calls, deletions) hold no resource state and are skipped
 * with the call they answer.
 *
 * A test records a resource as it goes: created, updated, shown, listed (the Azure CLI's
 * recordings, `recordings/*.yaml`, do all four). The last answer that holds a resource is its
 * state when the recording ended; the earlier ones are passed over with a note, not merged into
 * it (a setting the update turned off would otherwise keep its first value).
 *
 * A recording holds the calls its test made, not every resource's every setting: where it lists
 * some resources' diagnostic settings (`GET <resource>/providers/Microsoft.Insights/
 * diagnosticSettings`), each of those resources has had its settings listed (an empty answer:
 * none), and each other resource it holds has not, so that one's settings are unknown rather
 * than taken for none.
 */
export const azureCassette: DocumentFormat = {
  id: 'azure-vcr-cassette',
  provider: 'azure',
  kind: 'document',
  description:
    'Azure Resource Manager answers recorded by test suites (vcrpy cassettes {"interactions"}, Cloud Custodian’s among them; Azure SDK session records {"Entries"})',
  matches(document) {
    const first = exchangesOf(document)[0];
    return first !== undefined && (isCassetteInteraction(first) || isSessionEntry(first));
  },
  *read(document, ctx) {
    const exchanges = exchangesOf(document).map((recorded) =>
      isSessionEntry(recorded) ? exchangeOfEntry(recorded) : exchangeOf(recorded),
    );
    const lastAnswer = lastAnswers(exchanges);
    const listed = settingsListings(exchanges);
    const vaults = vaultIds(exchanges);
    const keyListings = vaultKeyListings(exchanges, vaults);
    for (const [index, exchange] of exchanges.entries()) {
      const call = `${exchange.method} ${exchange.path}`;
      const answered = exchange.status >= 200 && exchange.status < 300;
      // Key Vault's data plane lists the keys (with their expiry) that ARM's GET of a vault does not.
      const dataPlane = answered ? dataPlaneBody(exchange) : undefined;
      if (dataPlane !== undefined) {
        const current = withoutSuperseded(dataPlane, index, lastAnswer, dataPlaneKey);
        if (current.superseded.length > 0)
          ctx.note?.(
            `interaction ${index}: ${call}: an earlier answer of ${current.superseded.join(', ')}, which a later interaction answers again`,
            { index },
          );
        if (current.body !== undefined) yield* readKeyVaultDataPlane(current.body, ctx, vaults);
      } else if (!answered)
        ctx.skip(`interaction ${index}: ${call}: answered HTTP ${exchange.status}`, { index });
      else if (!exchange.arm)
        ctx.skip(`interaction ${index}: ${call}: not an Azure Resource Manager call`, { index });
      else if (exchange.method.toUpperCase() === 'DELETE')
        ctx.skip(`interaction ${index}: ${call}: a deletion, not the state of a resource`, { index });
      else if (azureGraphRest.matches(exchange.body)) yield* azureGraphRest.read(exchange.body, ctx);
      else if (azureFlowLogStatus.matches(exchange.body)) yield* azureFlowLogStatus.read(exchange.body, ctx);
      else if (azureArm.matches(exchange.body)) {
        const current = withoutSuperseded(exchange.body, index, lastAnswer);
        if (current.superseded.length > 0)
          ctx.note?.(
            `interaction ${index}: ${call}: an earlier answer of ${current.superseded.join(', ')}, which a later interaction answers again`,
            { index },
          );
        if (current.body !== undefined)
          for (const resource of azureArm.read(current.body, ctx))
            yield withKeysListing(withSettingsListing(resource, listed), keyListings);
      } else
        ctx.skip(`interaction ${index}: ${call}: the answer is not a resource or a list of resources`, {
          index,
        });
    }
  },
};

/**
 * The vaults and Managed HSMs the recording's ARM answers hold, by the host of their `vaultUri`
 * or `hsmUri`: its data-plane calls' keys are theirs.
 */
function vaultIds(exchanges: readonly Exchange[]): VaultIds {
  const vaults = new Map<string, string>();
  for (const exchange of exchanges) {
    if (!exchange.arm || exchange.status < 200 || exchange.status >= 300) continue;
    for (const resource of answeredResources(exchange.body)) {
      const id = idOf(resource);
      const properties = isObject(resource) && isObject(resource.properties) ? resource.properties : {};
      const uri = properties.vaultUri ?? properties.hsmUri;
      const host = typeof uri === 'string' && URL.canParse(uri) ? new URL(uri).hostname : '';
      if (
        typeof id === 'string' &&
        /\/providers\/microsoft\.keyvault\/(?:vaults|managedhsms)\/[^/]+$/i.test(id) &&
        host
      )
        vaults.set(host.toLowerCase(), id);
    }
  }
  return vaults;
}

/**
 * A listing of a vault's or managed HSM's keys: ARM's (`GET <vault or HSM id>/keys`) or the data
 * plane's (`GET https://<vault>.vault.azure.net/keys`, `https://<hsm>.managedhsm.azure.net/keys`).
 */
const ARM_KEY_LISTING =
  /^(\/subscriptions\/.+\/providers\/microsoft\.keyvault\/(?:vaults|managedhsms)\/[^/]+)\/keys\/?$/i;
const DATA_PLANE_KEY_LISTING =
  /^https:\/\/[^./]+\.(?:vault|managedhsm)\.(?:azure\.net|azure\.cn|usgovcloudapi\.net)(?::443)?\/keys\/?$/i;

/**
 * The vaults whose keys the recording listed whole (even none: an empty answer), by lower-cased
 * id, with the call; a data-plane listing counts for the vault the recording's ARM answers hold.
 */
function vaultKeyListings(exchanges: readonly Exchange[], vaults: VaultIds): ReadonlyMap<string, string> {
  const listed = new Map<string, string>();
  for (const exchange of exchanges) {
    const answered = exchange.status >= 200 && exchange.status < 300;
    if (!answered || exchange.method.toUpperCase() !== 'GET' || !isWholeListing(exchange.body)) continue;
    // The recording's vaults are known by their host (`<vault>.vault.azure.net`).
    const host = DATA_PLANE_KEY_LISTING.test(exchange.address)
      ? new URL(exchange.address).hostname
      : undefined;
    const vault = exchange.arm
      ? ARM_KEY_LISTING.exec(exchange.path)?.[1]
      : host && vaults.get(host.toLowerCase());
    if (vault) listed.set(answerKey(vault), `GET ${exchange.arm ? exchange.path : exchange.address}`);
  }
  return listed;
}

/** A vault of the recording whose keys it listed: `keysListed`, naming the call. */
function withKeysListing(resource: Resource, listed: ReadonlyMap<string, string>): Resource {
  const call = resource.kansaType === 'kms.vault' ? listed.get(answerKey(resource.id)) : undefined;
  if (!call) return resource;
  const facts: AzureKeyVaultFacts = { keysListed: explicit(true, call) };
  return { ...resource, facts: { ...resource.facts, ...facts } };
}

const SETTINGS_LISTING = /^(\/subscriptions\/.+)\/providers\/microsoft\.insights\/diagnosticsettings\/?$/i;

/** The resources whose diagnostic settings the recording listed, by lower-cased id, with the call. */
function settingsListings(exchanges: readonly Exchange[]): ReadonlyMap<string, string> {
  const listed = new Map<string, string>();
  for (const exchange of exchanges) {
    const target = SETTINGS_LISTING.exec(exchange.path)?.[1];
    const answered = exchange.status >= 200 && exchange.status < 300;
    if (target && exchange.arm && answered && exchange.method.toUpperCase() === 'GET')
      listed.set(answerKey(target), `GET ${exchange.path}`);
  }
  return listed;
}

/** A resource of a recording that lists diagnostic settings: whether its own were listed. */
function withSettingsListing(resource: Resource, listed: ReadonlyMap<string, string>): Resource {
  if (listed.size === 0 || /\/providers\/microsoft\.insights\/diagnosticsettings\//i.test(resource.id))
    return resource;
  const call = listed.get(answerKey(resource.id));
  const diagnosticSettingsListed = call
    ? explicit(true, call)
    : unknown<boolean>('microsoft.insights/diagnosticSettings', {
        ja: 'この記録には、このリソースの診断設定を一覧する呼び出しがありません（他のリソースの分だけがあります）',
        en: "the recording has no call listing this resource's diagnostic settings (only other resources')",
      });
  return { ...resource, facts: { ...resource.facts, diagnosticSettingsListed } };
}

/** Each resource's last answer: the interaction whose body last holds it, by lower-cased id. */
function lastAnswers(exchanges: readonly Exchange[]): ReadonlyMap<string, number> {
  const last = new Map<string, number>();
  for (const [index, exchange] of exchanges.entries()) {
    if (exchange.status < 200 || exchange.status >= 300 || exchange.method.toUpperCase() === 'DELETE')
      continue;
    // Key Vault's data plane answers a key's state too (created, rotated, shown, listed).
    const dataPlane = exchange.arm ? undefined : dataPlaneBody(exchange);
    if (dataPlane !== undefined)
      for (const item of itemsOf(dataPlane)) {
        const key = dataPlaneKey(item);
        if (key) last.set(key, index);
      }
    else if (exchange.arm) for (const id of resourceIdsOf(exchange.body)) last.set(id, index);
  }
  return last;
}

/** The resources of an ARM answer: a list body's `value`, a bare array, or one resource. */
function answeredResources(body: unknown): readonly unknown[] {
  if (Array.isArray(body)) return body;
  if (isObject(body) && Array.isArray(body.value)) return body.value;
  return [body];
}

function resourceIdsOf(body: unknown): string[] {
  return answeredResources(body).flatMap((resource) => {
    const id = idOf(resource);
    return typeof id === 'string' ? [answerKey(id)] : [];
  });
}

/** ARM ids are case-insensitive, and the CLI's drop the leading slash in places. */
const answerKey = (id: string) => id.toLowerCase().replace(/^\/?/, '/');

function armAnswerKey(resource: unknown): string | undefined {
  const id = idOf(resource);
  return typeof id === 'string' ? answerKey(id) : undefined;
}

/**
 * The answer without the resources a later interaction answers again: undefined when none is
 * left; a list body keeps its other rows.
 */
function withoutSuperseded(
  body: unknown,
  index: number,
  lastAnswer: ReadonlyMap<string, number>,
  keyOf: (resource: unknown) => string | undefined = armAnswerKey,
): { readonly body: unknown; readonly superseded: readonly string[] } {
  const superseded: string[] = [];
  const current = answeredResources(body).filter((resource) => {
    const key = keyOf(resource);
    const later = key !== undefined && (lastAnswer.get(key) ?? index) > index;
    // Named as the answer names it: an ARM id as written, a data-plane key by its host and name.
    if (later) superseded.push(String(idOf(resource) ?? key));
    return !later;
  });
  if (superseded.length === 0) return { body, superseded };
  if (current.length === 0) return { body: undefined, superseded };
  return { body: Array.isArray(body) ? current : { ...(body as JsonObject), value: current }, superseded };
}

function exchangesOf(document: unknown): readonly unknown[] {
  if (!isObject(document)) return [];
  if (Array.isArray(document.interactions)) return document.interactions;
  return Array.isArray(document.Entries) ? document.Entries : [];
}

const isCassetteInteraction = (value: unknown) =>
  isObject(value) && isObject(value.request) && isObject(value.response);

const isSessionEntry = (value: unknown): value is JsonObject =>
  isObject(value) && typeof value.RequestUri === 'string' && 'StatusCode' in value;

interface Exchange {
  readonly method: string;
  /** The URI's path, without the query (the api-version). */
  readonly path: string;
  /** The URI without its query: where a body that names no object came from. */
  readonly address: string;
  readonly arm: boolean;
  readonly status: number;
  readonly body: unknown;
}

function exchangeOf(interaction: unknown): Exchange {
  const request = isObject(interaction) && isObject(interaction.request) ? interaction.request : {};
  const response = isObject(interaction) && isObject(interaction.response) ? interaction.response : {};
  const uri = typeof request.uri === 'string' ? request.uri : '';
  const url = URL.canParse(uri) ? new URL(uri) : undefined;
  const status = isObject(response.status) ? Number(response.status.code) : Number.NaN;
  return {
    method: typeof request.method === 'string' ? request.method : 'GET',
    path: url ? url.pathname : uri,
    address: url ? `${url.origin}${url.pathname}` : uri,
    arm: url?.hostname === 'management.azure.com',
    status,
    body: bodyOf(response.body),
  };
}

function exchangeOfEntry(entry: JsonObject): Exchange {
  const uri = String(entry.RequestUri);
  const url = URL.canParse(uri) ? new URL(uri) : undefined;
  const body = entry.ResponseBody;
  return {
    method: typeof entry.RequestMethod === 'string' ? entry.RequestMethod : 'GET',
    path: url ? url.pathname : uri,
    address: url ? `${url.origin}${url.pathname}` : uri,
    arm: url?.hostname === 'management.azure.com',
    status: Number(entry.StatusCode),
    body: typeof body === 'string' ? parsed(body) : body,
  };
}

/**
 * A Key Vault data-plane answer; a key's rotation policy that was never set is answered without
 * its `id`, which the call's address gives.
 */
function dataPlaneBody(exchange: Exchange): unknown {
  const body =
    isObject(exchange.body) && exchange.body.id === undefined && !exchange.arm
      ? { ...exchange.body, id: exchange.address }
      : exchange.body;
  return azureKeyVaultDataPlane.matches(body) ? body : undefined;
}

/** The recorded body: parsed (`data`), or text (`string`) that is JSON. */
function bodyOf(body: unknown): unknown {
  if (!isObject(body)) return undefined;
  if (body.data !== undefined) return body.data;
  return typeof body.string === 'string' ? parsed(body.string) : undefined;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
