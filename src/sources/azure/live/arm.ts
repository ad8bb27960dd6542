import {
  createDefaultHttpClient,
  createPipelineRequest,
  type HttpClient,
  RestError,
} from '@azure/core-rest-pipeline';
import type pLimit from 'p-limit';
import type { Logger } from 'pino';
import type { Clock } from '../../../base/calls/clock.ts';
import { CallError } from '../../../base/calls/failure.ts';
import { callWithRetry, type RetryPolicy } from '../../../base/calls/retry.ts';
import type { AzureDiagnosedFacts } from '../../../model/azure.ts';
import { explicit, type Fact, unknown } from '../../../model/fact.ts';
import type { Resource } from '../../../model/resource.ts';
import type { LiveContext } from '../../live.ts';
import { azureArm } from '../arm.ts';
import { get } from '../arm-record.ts';
import { listingRecord, SUBSCRIPTION_LISTINGS, type SubscriptionListing } from '../listing.ts';
import { ARM_READS, type ArmRead, RESOURCE_READS } from './arm-reads.ts';
import type { AzureClients } from './clients.ts';
import { describeAzureFailure, READER_ROLE } from './errors.ts';
import { ARM_READ_QUOTA, ArmReadPacer, type ArmReadQuota } from './pacer.ts';
import type { AzureRun, SubscriptionScan } from './scope.ts';

/**
 * Resource types whose diagnostic settings a check reads (azure.monitor.resource-logs,
 * azure.aks.control-plane-logs), by native type: classic storage accounts share the kansa type
 * of storage accounts and have no diagnostic settings. Resource Graph does not hold diagnostic
 * settings: they are listed through ARM for these resources only, and for every subscription
 * (the Activity Log).
 */
const DIAGNOSED_TYPES: ReadonlySet<string> = new Set([
  'microsoft.keyvault/vaults',
  'microsoft.keyvault/managedhsms',
  'microsoft.storage/storageaccounts',
  'microsoft.network/networksecuritygroups',
  'microsoft.network/azurefirewalls',
  'microsoft.containerservice/managedclusters',
]);
/** A storage account's logs are on its services: their settings are listed too. */
const STORAGE_SERVICES = ['blobServices', 'fileServices', 'queueServices', 'tableServices'];
const STORAGE_ACCOUNT = 'microsoft.storage/storageaccounts';

/** The `--save-inventory` listing of the resources' diagnostic settings (listing.ts). */
const RESOURCE_SETTINGS = 'resource-diagnostic-settings';

/** Keys ARM keeps outside `properties` on a diagnostic setting. */
const SETTING_ENVELOPE = new Set(['id', 'name', 'type', 'systemData']);

export interface ArmSettings {
  readonly ctx: LiveContext;
  readonly log: Logger;
  readonly run: AzureRun;
  readonly clients: AzureClients;
  readonly limit: ReturnType<typeof pLimit>;
  readonly policy: RetryPolicy;
  readonly clock: Clock;
  readonly quota?: ArmReadQuota;
  readonly httpClient?: HttpClient;
  /** False: read Resource Graph alone (the benchmark's measure). */
  readonly enabled: boolean;
}

/**
 * The ARM reads of a scan, each subscription paced by its own read bucket (ARM counts reads per
 * subscription and principal), all of them bounded by the scan's ARM slots.
 */
export class ArmReader {
  readonly #s: ArmSettings;
  readonly #pacers = new Map<string, ArmReadPacer>();
  readonly #http: HttpClient;

  constructor(settings: ArmSettings) {
    this.#s = settings;
    this.#http = settings.httpClient ?? createDefaultHttpClient();
  }

  /** The subscription-wide reads: the Activity Log's diagnostic settings, the budgets. */
  startSubscription(scan: SubscriptionScan): void {
    scan.work.push(
      this.#listSettings(scan, `subscriptions/${scan.id}`, 'activity-log-settings').then(() => undefined),
    );
    scan.work.push(this.#read(scan, ARM_READS.budgets, { listing: 'budgets' }));
  }

  /**
   * Records that a subscription-wide list was read whole (its empty answer then means none,
   * and is saved as such), or, with the reason, that it could not be: the check then names the
   * call, rather than asking for an export.
   */
  #listed(scan: SubscriptionScan, kind: SubscriptionListing, call: string, error?: CallError): void {
    const key = SUBSCRIPTION_LISTINGS[kind];
    const fact = error ? failedCall<boolean>(call, error) : explicit(true, call);
    if (!error && !scan.bodies.has(kind)) scan.bodies.set(kind, []);
    this.#s.ctx.emit(listingRecord(scan.id, { [key]: fact }, `azure:arm ${call}`));
  }

  /** The reads one resource needs, started as it arrives from Resource Graph. */
  startResource(scan: SubscriptionScan, resource: Resource): void {
    if (DIAGNOSED_TYPES.has(resource.nativeType)) scan.work.push(this.#listResourceSettings(scan, resource));
    for (const read of RESOURCE_READS.get(resource.nativeType) ?? [])
      scan.work.push(this.#read(scan, read, { resource }));
  }

  /**
   * A resource's diagnostic settings (a storage account's and its four services'), and whether
   * they were listed whole: an empty answer means none, recorded as a fact of the resource; a
   * failed listing is recorded with its cause, so the check names the call, not an export.
   */
  async #listResourceSettings(scan: SubscriptionScan, resource: Resource): Promise<void> {
    if (!this.#s.enabled) return;
    const uri = resource.id.replace(/^\//, '');
    const targets = [
      uri,
      ...(resource.nativeType === STORAGE_ACCOUNT
        ? STORAGE_SERVICES.map((service) => `${uri}/${service}/default`)
        : []),
    ];
    // Listed (even empty): what --save-inventory writes for the subscription is a listing too.
    if (!scan.bodies.has(RESOURCE_SETTINGS)) scan.bodies.set(RESOURCE_SETTINGS, []);
    const failures = (await Promise.all(targets.map((target) => this.#listSettings(scan, target)))).filter(
      (failure) => failure !== undefined,
    );
    const failed = failures[0];
    if (failed) scan.incomplete.add(RESOURCE_SETTINGS);
    const fact = failed
      ? failedCall<boolean>(failed.call, failed.error)
      : explicit(true, `GET /${uri}/providers/Microsoft.Insights/diagnosticSettings`);
    const facts: AzureDiagnosedFacts = { diagnosticSettingsListed: fact };
    this.#s.ctx.emit({ ...resource, facts, origin: { file: `azure:arm/${uri}` } });
  }

  #pacer(scan: SubscriptionScan): ArmReadPacer {
    let pacer = this.#pacers.get(scan.id);
    if (!pacer) {
      pacer = new ArmReadPacer(this.#s.quota ?? ARM_READ_QUOTA, this.#s.clock, this.#s.limit);
      this.#pacers.set(scan.id, pacer);
    }
    return pacer;
  }

  /** One ARM call of a subscription: paced by its bucket, in one of the ARM slots, retried. */
  #call<T>(
    scan: SubscriptionScan,
    what: string,
    send: (
      signal: AbortSignal,
      observe: (headers: { get(name: string): string | null | undefined }) => void,
    ) => Promise<T>,
  ): Promise<T> {
    const pacer = this.#pacer(scan);
    return callWithRetry(
      (signal, permit) => {
        scan.requests++;
        this.#s.run.progress();
        return send(signal, (headers) => permit?.observe(headers));
      },
      {
        policy: this.#s.policy,
        clock: this.#s.clock,
        deadline: scan.deadline,
        // The pacer hands out the ARM slots with the tokens (see ArmReadPacer).
        pacer,
        describe: describeAzureFailure,
        what,
        onThrottled: (ms) => {
          this.#s.run.throttled++;
          pacer.throttled(ms);
        },
        onRetry: (failure, attempt, delayMs) =>
          this.#s.log.debug(
            { what, attempt, delayMs: Math.round(delayMs), error: failure.message },
            'azure: retrying ARM read',
          ),
      },
    );
  }

  /**
   * `GET /{resourceUri}/providers/Microsoft.Insights/diagnosticSettings`, every page; the call
   * and its error when it fails.
   */
  async #listSettings(
    scan: SubscriptionScan,
    resourceUri: string,
    listing?: SubscriptionListing,
  ): Promise<{ call: string; error: CallError } | undefined> {
    if (!this.#s.enabled) return undefined;
    const call = `GET /${resourceUri}/providers/Microsoft.Insights/diagnosticSettings`;
    let bodies: unknown[];
    try {
      bodies = await this.#call(scan, `diagnostic settings of /${resourceUri}`, async (signal, observe) => {
        const values: unknown[] = [];
        let rawFirst: unknown;
        const pages = this.#s.clients.monitor.diagnosticSettings
          .list(resourceUri, {
            abortSignal: signal,
            onResponse: (raw) => {
              observe(raw.headers);
              rawFirst = raw.parsedBody;
            },
          })
          .byPage();
        let page = 0;
        for await (const items of pages) {
          if (page > 0) scan.requests++;
          // The first page as the wire carried it; later pages (never seen in practice: at
          // most 5 settings per resource) come back deserialized and are nested again.
          const raw = page === 0 ? (rawFirst as { value?: unknown } | undefined)?.value : undefined;
          values.push(...(Array.isArray(raw) ? raw : items.map(toArmShape)));
          page++;
        }
        return values;
      });
    } catch (error) {
      if (!(error instanceof CallError)) throw error;
      scan.errors.push(`diagnostic settings of /${resourceUri}: ${error.message}${roleAdvice(error)}`);
      if (listing) this.#listed(scan, listing, call, error);
      return { call, error };
    }
    if (listing) this.#listed(scan, listing, call);
    this.#emit(scan, listing ?? RESOURCE_SETTINGS, bodies, `azure:arm/${resourceUri}`, true);
    return undefined;
  }

  /**
   * `GET {target}{suffix}?api-version=…` by id, the target a resource or (for a listing) the
   * subscription; a list is followed through every `nextLink`. What was read before a page
   * failed is kept, and the failure listed with the page; the facts the read completes are left
   * unknown, naming the call, where nothing read decided them.
   */
  async #read(
    scan: SubscriptionScan,
    read: ArmRead,
    owner: { readonly listing: SubscriptionListing } | { readonly resource: Resource },
  ): Promise<void> {
    if (!this.#s.enabled) return;
    const target = 'resource' in owner ? owner.resource.id : `/subscriptions/${scan.id}`;
    const path = `${target}${read.suffix}`;
    let failed: CallError | undefined;
    const items: unknown[] = [];
    let next: string | undefined;
    let pages = 0;
    try {
      do {
        const link = next;
        const body = await this.#call(
          scan,
          `${read.what} of ${path}, page ${pages + 1}`,
          (signal, observe) =>
            link === undefined
              ? this.#getById(path, read.apiVersion, signal, observe)
              : this.#getLink(link, signal, observe),
        );
        pages++;
        if (!read.list) {
          items.push(body);
          break;
        }
        const value = get(body, 'value');
        if (!Array.isArray(value))
          throw new CallError({ kind: 'client', transient: false, message: 'not an ARM list body' }, 1);
        const keep = read.keep;
        items.push(...(keep ? value.filter((item) => keptItem(item, keep)) : value));
        next = this.#nextLink(get(body, 'nextLink'));
      } while (next);
    } catch (error) {
      if (!(error instanceof CallError)) throw error;
      failed = error;
      scan.errors.push(
        pages === 0
          ? `${read.what} of ${path}: ${error.message}${roleAdvice(error)}`
          : `${read.what} of ${path}: incomplete, page ${pages + 1} failed after ${pages} page(s) read: ${error.message}`,
      );
    }
    if ('listing' in owner) this.#listed(scan, owner.listing, `GET ${path}`, failed);
    if (failed) scan.incomplete.add(read.file);
    // A list cut short is read as the page it is, with the next link that failed: not all there is.
    this.#emit(scan, read.file, items, `azure:arm${path}`, !read.completes, failed && next);
    // After the items: a fact they decided stays (the inventory keeps the best-founded value);
    // a list of the resource's own (its vault's keys) says whether it was read whole.
    const call = `GET ${path}`;
    const completed = failed ? (read.completes ?? []).map((key) => [key, failedCall(call, failed)]) : [];
    const listed = read.listedAs
      ? [[read.listedAs, failed ? failedCall(call, failed) : explicit(true, call)]]
      : [];
    // Listed (even empty): what --save-inventory writes for the subscription is a listing too.
    if (read.listedAs && !failed && !scan.bodies.has(read.file)) scan.bodies.set(read.file, []);
    if ('resource' in owner && completed.length + listed.length > 0) {
      const facts = Object.fromEntries([...completed, ...listed]);
      this.#s.ctx.emit({ ...owner.resource, facts, origin: { file: `azure:arm${path}` } });
    }
  }

  /** A GET by id through `@azure/arm-resources`; the body as the wire carried it. */
  async #getById(
    path: string,
    apiVersion: string,
    signal: AbortSignal,
    observe: (headers: { get(name: string): string | null | undefined }) => void,
  ): Promise<unknown> {
    let raw: unknown;
    await this.#s.clients.resources.resources.getById(path.replace(/^\//, ''), apiVersion, {
      abortSignal: signal,
      onResponse: (response) => {
        observe(response.headers);
        raw = parseBody(response as { bodyAsText?: string | null; parsedBody?: unknown });
      },
    });
    return raw;
  }

  /** A list's next page: the link as ARM gave it, through the same pipeline. */
  async #getLink(
    url: string,
    signal: AbortSignal,
    observe: (headers: { get(name: string): string | null | undefined }) => void,
  ): Promise<unknown> {
    const request = createPipelineRequest({ url, method: 'GET', abortSignal: signal });
    const response = await this.#s.clients.resources.pipeline.sendRequest(this.#http, request);
    observe(response.headers);
    if (response.status !== 200) {
      throw new RestError(`HTTP ${response.status}`, { statusCode: response.status, request, response });
    }
    return parseBody(response);
  }

  /** A list's next page, only on the ARM endpoint (the bearer token goes nowhere else). */
  #nextLink(link: unknown): string | undefined {
    if (typeof link !== 'string' || link === '') return undefined;
    const endpoint = this.#s.clients.endpoint;
    let next: URL;
    try {
      next = new URL(link, endpoint);
    } catch {
      throw new CallError({ kind: 'client', transient: false, message: 'nextLink is not a URL' }, 1);
    }
    if (next.origin !== new URL(endpoint).origin) {
      throw new CallError(
        { kind: 'client', transient: false, message: `nextLink leaves the ARM endpoint (${next.origin})` },
        1,
      );
    }
    return next.href;
  }

  /** ARM bodies through the offline `azure-arm` reader (the same adapters), kept for --save-inventory. */
  #emit(
    scan: SubscriptionScan,
    file: string,
    items: unknown[],
    origin: string,
    count: boolean,
    nextLink?: string,
  ): void {
    if (items.length === 0) return;
    const saved = scan.bodies.get(file);
    if (saved) saved.push(...items);
    else scan.bodies.set(file, [...items]);
    const ctx = {
      file: origin,
      skip: (reason: string) => this.#s.log.debug({ origin, reason }, 'azure: ARM record skipped'),
    };
    for (const resource of azureArm.read({ value: items, ...(nextLink && { nextLink }) }, ctx)) {
      this.#s.ctx.emit(resource);
      if (!count) continue;
      scan.resources++;
      this.#s.run.resources++;
    }
  }
}

function parseBody(response: { bodyAsText?: string | null; parsedBody?: unknown }): unknown {
  if (typeof response.bodyAsText === 'string' && response.bodyAsText !== '')
    return JSON.parse(response.bodyAsText);
  return response.parsedBody;
}

/** A fact a failed call left unknown: its note names the call, the error and the role that grants it. */
function failedCall<T>(call: string, error: CallError): Fact<T> {
  return unknown<T>(call, {
    ja: `ライブ スキャンで ${call} が失敗しました: ${error.message}${roleAdvice(error)}`,
    en: `the live scan's ${call} failed: ${error.message}${roleAdvice(error)}`,
  });
}

/** An item of a list whose name is one of `names` (a server parameter the adapters read). */
function keptItem(item: unknown, names: ReadonlySet<string>): boolean {
  const name = get(item, 'name');
  return typeof name === 'string' && names.has(name.toLowerCase());
}

function roleAdvice(error: CallError): string {
  return error.failure.kind === 'denied'
    ? ` (the ${READER_ROLE} role on the subscription grants this read)`
    : '';
}

/** An SDK-deserialized diagnostic setting (properties flattened) back in the wire's shape. */
function toArmShape(item: object): unknown {
  const envelope: Record<string, unknown> = {};
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (value === undefined) continue;
    (SETTING_ENVELOPE.has(key) ? envelope : properties)[key] = value;
  }
  return { ...envelope, properties };
}
