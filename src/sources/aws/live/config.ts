import {
  type AggregateResourceIdentifier,
  type BaseConfigurationItem,
  BatchGetAggregateResourceConfigCommand,
  BatchGetResourceConfigCommand,
  DescribeConfigurationAggregatorSourcesStatusCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeConfigurationRecordersCommand,
  type ResourceKey,
  type ResourceType,
  SelectAggregateResourceConfigCommand,
  SelectResourceConfigCommand,
} from '@aws-sdk/client-config-service';
import { compareText } from '../../../base/compare-text.ts';
import type { Resource } from '../../../model/resource.ts';
import { KNOWN_CONFIG_TYPES } from '../adapters/index.ts';
import { asRecord, decodeJsonValue } from '../config-item.ts';
import { inventoryResources } from '../config-snapshot.ts';
import { describeError } from './errors.ts';
import { collectWithoutConfig, FALLBACK_COVERS, FALLBACK_MISSES } from './fallback.ts';
import type { Collection, Scope } from './scope.ts';
import { collectTrailStatus, TRAIL_TYPE } from './trail-status.ts';

/**
 * The inventory of one account and region, or of an aggregator, from AWS Config:
 *
 * 1. `SelectResourceConfig` (advanced query) lists every recorded resource of the types kansa
 *    reads, with its tags: 100 rows a call.
 * 2. `BatchGetResourceConfig` reads the complete configuration items, 100 a call, in the API
 *    dialect the offline `aws-config-snapshot` reader reads (it carries no tags: the query's
 *    tags are put back on each item).
 *
 * A SELECT row holds only what the query names, and the offline reader treats it as partial
 * (an absent field is unknown, never a default); the batch-get items are complete, so the
 * documented defaults (S3 SSE-S3, RDS no log exports, EKS public endpoint) apply as offline.
 * So a resource costs about 2/100 of a call.
 */
const SELECT_FIELDS = 'resourceId, resourceName, resourceType, awsRegion, accountId, arn, tags';
export const SELECT_EXPRESSION = `SELECT ${SELECT_FIELDS} WHERE resourceType IN (${KNOWN_CONFIG_TYPES.map(
  (type) => `'${type}'`,
).join(', ')})`;
const PAGE = 100;
const BATCH = 100;
const UNPROCESSED_ROUNDS = 4;

interface SelectedRow {
  readonly resourceType: string;
  readonly resourceId: string;
  readonly resourceName?: string;
  readonly accountId?: string;
  readonly awsRegion?: string;
  readonly tags: Record<string, string>;
}

export async function collectConfigRegion(collection: Collection, scope: Scope): Promise<void> {
  const config = scope.clients.config;
  // Metadata about the recorder: a denial of either costs only what it tells, never the
  // inventory the query can still read.
  const [statusResult, recordersResult] = await Promise.allSettled([
    collection.call(scope, () => config.send(new DescribeConfigurationRecorderStatusCommand({}))),
    collection.call(scope, () => config.send(new DescribeConfigurationRecordersCommand({}))),
  ]);
  const status = statusResult.status === 'fulfilled' ? statusResult.value : undefined;
  const recorders = recordersResult.status === 'fulfilled' ? recordersResult.value : undefined;
  if (statusResult.status === 'rejected') {
    if (scope.deadline.aborted) throw statusResult.reason;
    scope.gaps.push(
      `${describeError(statusResult.reason, 'config:DescribeConfigurationRecorderStatus')}: whether the recorder is on is unknown; the inventory was read as if it were`,
    );
  }
  if (recordersResult.status === 'rejected') {
    if (scope.deadline.aborted) throw recordersResult.reason;
    scope.gaps.push(
      `${describeError(recordersResult.reason, 'config:DescribeConfigurationRecorders')}: whether the recorder records every resource type is unknown`,
    );
  }
  const recording = (status?.ConfigurationRecordersStatus ?? []).filter((r) => r.recording);
  if (status && recording.length === 0) {
    const state =
      (status.ConfigurationRecordersStatus ?? []).length === 0
        ? 'has no configuration recorder'
        : 'recorder is stopped';
    scope.gaps.push(
      `AWS Config ${state} in this region (OSK-5.1: not centrally managed); read directly instead: ${FALLBACK_COVERS}; not read: ${FALLBACK_MISSES}`,
    );
    const documents = await collectWithoutConfig(collection, scope);
    const trails = await emitDocuments(
      collection,
      scope,
      documents,
      `${scope.account}_${scope.region}_direct`,
      true,
    );
    await collectTrailStatus(collection, scope, trails);
    return;
  } else {
    const customer = (recorders?.ConfigurationRecorders ?? []).filter((r) => !r.servicePrincipal);
    const partial = customer.find((r) => r.recordingGroup && r.recordingGroup.allSupported === false);
    if (partial) {
      scope.gaps.push(
        `the AWS Config recorder "${partial.name}" records only some resource types (recordingGroup.allSupported false): resources of other types are not seen`,
      );
    }
  }

  const { rows, whole } = await selectAll(collection, scope, 'config:SelectResourceConfig', (NextToken) =>
    config.send(new SelectResourceConfigCommand({ Expression: SELECT_EXPRESSION, Limit: PAGE, NextToken })),
  );
  if (rows.length === 0) return;
  const items: BaseConfigurationItem[] = [];
  let missing: ResourceKey[] = [];
  for (let start = 0; start < rows.length; start += BATCH) {
    let keys: ResourceKey[] = rows
      .slice(start, start + BATCH)
      .map((row) => ({ resourceType: row.resourceType as ResourceType, resourceId: row.resourceId }));
    for (let round = 0; keys.length > 0 && round < UNPROCESSED_ROUNDS; round++) {
      const batch = keys;
      const reply = await collection.call(scope, () =>
        config.send(new BatchGetResourceConfigCommand({ resourceKeys: batch })),
      );
      items.push(...(reply.baseConfigurationItems ?? []));
      keys = reply.unprocessedResourceKeys ?? [];
    }
    missing = missing.concat(keys);
  }
  if (missing.length > 0) {
    scope.gaps.push(`${missing.length} resource(s) stayed unprocessed by BatchGetResourceConfig`);
  }
  const trails = await emitItems(
    collection,
    scope,
    rows,
    items,
    `${scope.account}_${scope.region}`,
    whole && missing.length === 0,
  );
  await collectTrailStatus(collection, scope, trails);
}

/**
 * The whole organisation through a Config aggregator: one query for all accounts and regions,
 * batch-get per 100, and the sources the aggregator could not update listed as gaps.
 */
export async function collectAggregator(
  collection: Collection,
  scope: Scope,
  aggregator: string,
): Promise<Resource[]> {
  const config = scope.clients.config;
  let NextToken: string | undefined;
  do {
    const token = NextToken;
    const reply = await collection.call(scope, () =>
      config.send(
        new DescribeConfigurationAggregatorSourcesStatusCommand({
          ConfigurationAggregatorName: aggregator,
          NextToken: token,
        }),
      ),
    );
    for (const source of reply.AggregatedSourceStatusList ?? []) {
      if (source.LastUpdateStatus === 'FAILED') {
        scope.gaps.push(
          `aggregator source ${source.SourceId} ${source.AwsRegion}: ${source.LastErrorCode ?? 'FAILED'} ${source.LastErrorMessage ?? ''}`.trim(),
        );
      }
    }
    NextToken = reply.NextToken;
  } while (NextToken);

  const { rows, whole } = await selectAll(
    collection,
    scope,
    'config:SelectAggregateResourceConfig',
    (token) =>
      config.send(
        new SelectAggregateResourceConfigCommand({
          ConfigurationAggregatorName: aggregator,
          Expression: SELECT_EXPRESSION,
          Limit: PAGE,
          NextToken: token,
        }),
      ),
  );
  const items: BaseConfigurationItem[] = [];
  let missing = 0;
  for (let start = 0; start < rows.length; start += BATCH) {
    let ids: AggregateResourceIdentifier[] = rows.slice(start, start + BATCH).map((row) => ({
      SourceAccountId: row.accountId,
      SourceRegion: row.awsRegion,
      ResourceId: row.resourceId,
      ResourceType: row.resourceType as ResourceType,
    }));
    for (let round = 0; ids.length > 0 && round < UNPROCESSED_ROUNDS; round++) {
      const batch = ids;
      const reply = await collection.call(scope, () =>
        config.send(
          new BatchGetAggregateResourceConfigCommand({
            ConfigurationAggregatorName: aggregator,
            ResourceIdentifiers: batch,
          }),
        ),
      );
      items.push(...(reply.BaseConfigurationItems ?? []));
      ids = reply.UnprocessedResourceIdentifiers ?? [];
    }
    missing += ids.length;
  }
  if (missing > 0)
    scope.gaps.push(`${missing} resource(s) stayed unprocessed by BatchGetAggregateResourceConfig`);
  // One saved file per source account and region, as a region-by-region scan writes them.
  const bySource = new Map<string, BaseConfigurationItem[]>();
  for (const item of items) {
    const key = `${item.accountId}_${item.awsRegion}`;
    bySource.set(key, [...(bySource.get(key) ?? []), item]);
  }
  const trails: Resource[] = [];
  for (const [key, group] of [...bySource].sort(([a], [b]) => compareText(a, b))) {
    trails.push(
      ...(await emitItems(collection, scope, rows, group, `aggregator_${key}`, whole && missing === 0)),
    );
  }
  return trails;
}

/**
 * Every page of a SELECT. A page that fails after the SDK's retries ends the listing but keeps
 * the rows read before it: the scope lists the operation and the page, and is marked
 * incomplete, and the rows are no whole listing (`whole` false: the items are saved as
 * `-incomplete`, so neither this run nor a later read of the saved file takes the Region's
 * resources as all there are). A first page that fails is the scope's error.
 */
async function selectAll(
  collection: Collection,
  scope: Scope,
  operation: string,
  page: (token: string | undefined) => Promise<{ Results?: string[]; NextToken?: string }>,
): Promise<{ rows: SelectedRow[]; whole: boolean }> {
  const rows: SelectedRow[] = [];
  let NextToken: string | undefined;
  let pages = 0;
  do {
    const token = NextToken;
    let reply: { Results?: string[]; NextToken?: string };
    try {
      reply = await collection.call(scope, () => page(token));
    } catch (error) {
      if (pages === 0) throw error;
      scope.gaps.push(
        `incomplete: ${operation} page ${pages + 1} failed after ${pages} page(s) (${rows.length} resource(s)) read: ${describeError(error)}`,
      );
      return { rows, whole: false };
    }
    pages++;
    for (const text of reply.Results ?? []) {
      const row = asRecord(decodeJsonValue(text));
      const resourceType = row?.['resourceType'];
      const resourceId = row?.['resourceId'];
      if (typeof resourceType !== 'string' || typeof resourceId !== 'string') continue;
      rows.push({
        resourceType,
        resourceId,
        ...(typeof row?.['accountId'] === 'string' ? { accountId: row['accountId'] } : {}),
        ...(typeof row?.['awsRegion'] === 'string' ? { awsRegion: row['awsRegion'] } : {}),
        tags: tagsOf(row?.['tags']),
      });
    }
    NextToken = reply.NextToken;
  } while (NextToken);
  return { rows, whole: true };
}

/** SELECT returns tags as `[{"key":…,"value":…}]`. */
function tagsOf(value: unknown): Record<string, string> {
  const tags: Record<string, string> = {};
  if (Array.isArray(value)) {
    for (const entry of value) {
      const tag = asRecord(entry);
      if (typeof tag?.['key'] === 'string') tags[tag['key']] = String(tag['value'] ?? '');
    }
  }
  return tags;
}

/**
 * Puts each item in the JSON shape of `get-resource-config-history` (the API dialect, times
 * as ISO strings, the query's tags as a map), emits it through the offline reader, and saves
 * the same document under `configservice/`.
 */
async function emitItems(
  collection: Collection,
  scope: Scope,
  rows: readonly SelectedRow[],
  items: readonly BaseConfigurationItem[],
  name: string,
  whole: boolean,
): Promise<Resource[]> {
  const tagsByKey = new Map(
    rows.map((row) => [rowKey(row.accountId, row.awsRegion, row.resourceType, row.resourceId), row.tags]),
  );
  const documents = items.map((item) => {
    const tags =
      tagsByKey.get(rowKey(item.accountId, item.awsRegion, item.resourceType, item.resourceId)) ??
      tagsByKey.get(rowKey(undefined, undefined, item.resourceType, item.resourceId)) ??
      {};
    return { ...jsonShape(item), tags };
  });
  return emitDocuments(collection, scope, documents, name, whole);
}

/**
 * Emits Config items (JSON shape) through the offline reader and saves them as one document.
 * Returns the trails among them (their status is read next).
 */
async function emitDocuments(
  collection: Collection,
  scope: Scope,
  documents: readonly Record<string, unknown>[],
  name: string,
  whole: boolean,
): Promise<Resource[]> {
  if (documents.length === 0) return [];
  // The saved file's name says what it holds, and inventoryResources reads the items by it here as
  // offline: the whole listing or some of it (`-incomplete`), from Config or the direct calls
  // (`_direct`).
  const file = `configservice/${name}_config-items${whole ? '' : '-incomplete'}.json`;
  const trails: Resource[] = [];
  // BatchGetResourceConfig and the direct calls answer with each resource as it is now; the query
  // lists every recorded resource of the types read, in each Region it answers for; the fallback
  // every IAM principal (GetAccountAuthorizationDetails to its last page), and of the other types
  // only those it reads.
  const resources = inventoryResources(
    documents,
    collection.readContext(`aws:${file}`),
    'configurationItems',
    false,
  );
  scope.resources += collection.emitAll(
    (function* () {
      for (const resource of resources) {
        if (resource.nativeType === TRAIL_TYPE) trails.push(resource);
        yield resource;
      }
    })(),
  );
  await collection.save(file, `${JSON.stringify({ configurationItems: documents }, null, 1)}\n`);
  return trails;
}

function rowKey(account: string | undefined, region: string | undefined, type?: string, id?: string): string {
  return `${account ?? ''}\0${region ?? ''}\0${type ?? ''}\0${id ?? ''}`;
}

/** The SDK's item as the AWS CLI prints it: dates as ISO 8601, absent members left out. */
function jsonShape(item: BaseConfigurationItem): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(item)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
  );
}
