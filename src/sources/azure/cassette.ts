import type { DocumentFormat } from '../format.ts';
import { azureArm } from './arm.ts';
import { isObject, type JsonObject } from './arm-record.ts';
import { azureGraphRest } from './graph-rest.ts';

/**
 * HTTP exchanges recorded by test suites: vcrpy cassettes, as Cloud Custodian's Azure tests keep
 * them (`tools/c7n_azure/tests_azure/cassettes/*.json`, written by its AzureSerializer:
 * `{"interactions": [{"request": {"method", "uri"}, "response": {"status": {"code"}, "body":
 * {"data": {…}}}}]}`, the JSON body parsed into `data` or kept as text in `string`), and the
 * Azure SDKs' test-proxy session records (`{"Entries": [{"RequestUri", "RequestMethod",
 * "StatusCode", "ResponseBody"}]}`). Each successful Azure Resource Manager answer that is a
 * resource, a list of them or a Resource Graph page is read as such; the other exchanges
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
      if (!exchange.arm)
        ctx.skip(`interaction ${index}: ${call}: not an Azure Resource Manager call`, { index });
      else if (exchange.status < 200 || exchange.status >= 300)
        ctx.skip(`interaction ${index}: ${call}: answered HTTP ${exchange.status}`, { index });
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
    arm: url?.hostname === 'management.azure.com',
    status: Number(entry.StatusCode),
    body: typeof body === 'string' ? parsed(body) : body,
  };
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
