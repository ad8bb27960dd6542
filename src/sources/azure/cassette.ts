import type { DocumentFormat } from '../format.ts';
import { azureArm } from './arm.ts';
import { isObject, type JsonObject } from './arm-record.ts';
import { azureGraphRest } from './graph-rest.ts';
import { azureKeyVaultDataPlane } from './keyvault-data-plane.ts';

/**
 * HTTP exchanges recorded by test suites: vcrpy cassettes, as Cloud Custodian's Azure tests keep
 * them (`tools/c7n_azure/tests_azure/cassettes/*.json`, written by its AzureSerializer:
 * `{"interactions": [{"request": {"method", "uri"}, "response": {"status": {"code"}, "body":
 * {"data": {…}}}}]}`, the JSON body parsed into `data` or kept as text in `string`), and the
 * Azure SDKs' test-proxy session records (`{"Entries": [{"RequestUri", "RequestMethod",
 * "StatusCode", "ResponseBody"}]}`). Each successful Azure Resource Manager answer that is a
 * resource, a list of them or a Resource Graph page is read as such, as is Key Vault's data-plane
 * listing of a vault's keys (keyvault-data-plane.ts); the other exchanges
 * (sign-in, provider metadata, failed calls) hold no resource and are skipped with the call
 * they answer.
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
    for (const [index, recorded] of exchangesOf(document).entries()) {
      const exchange = isSessionEntry(recorded) ? exchangeOfEntry(recorded) : exchangeOf(recorded);
      const call = `${exchange.method} ${exchange.path}`;
      const answered = exchange.status >= 200 && exchange.status < 300;
      // Key Vault's data plane lists the keys (with their expiry) that ARM's GET of a vault does not.
      const dataPlane = answered ? dataPlaneBody(exchange) : undefined;
      if (dataPlane !== undefined) yield* azureKeyVaultDataPlane.read(dataPlane, ctx);
      else if (!answered)
        ctx.skip(`interaction ${index}: ${call}: answered HTTP ${exchange.status}`, { index });
      else if (!exchange.arm)
        ctx.skip(`interaction ${index}: ${call}: not an Azure Resource Manager call`, { index });
      else if (azureGraphRest.matches(exchange.body)) yield* azureGraphRest.read(exchange.body, ctx);
      else if (azureArm.matches(exchange.body)) yield* azureArm.read(exchange.body, ctx);
      else
        ctx.skip(`interaction ${index}: ${call}: the answer is not a resource or a list of resources`, {
          index,
        });
    }
  },
};

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
