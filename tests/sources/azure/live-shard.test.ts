import { createDefaultHttpClient } from '@azure/core-rest-pipeline';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Framework } from '../../../src/frameworks/framework.ts';
import { loadFramework } from '../../../src/frameworks/load.ts';
import { evaluate } from '../../../src/scan/evaluate.ts';
import { type InventoryRead, readInventory } from '../../../src/scan/read-inventory.ts';
import { inShard, type Shard } from '../../../src/scan/shard.ts';
import { createAzureLiveSource } from '../../../src/sources/azure/live/index.ts';
import { generateScenario, type Scenario } from '../../fakes/azure/scenario.ts';
import { FakeAzure, type FakeAzureOptions, type FakeRequest } from '../../fakes/azure/server.ts';
import { VirtualClock } from '../../fakes/clock.ts';
import { testCredential } from '../../live/azure/helpers.ts';

/**
 * `--shard I/N` and `--quota-share N` in the live Azure collector (issue 17): a shard reads only
 * the subscriptions whose hash falls in it (no Resource Graph batch, ARM read or coverage line
 * of another's), and the shards together are the whole scan.
 */
let scenario: Scenario;
let framework: Framework;
const fakes: FakeAzure[] = [];
const NOW = new Date('2026-11-01T00:00:00Z');

beforeAll(async () => {
  framework = await loadFramework('osaka');
  scenario = generateScenario({ seed: 20261202, subscriptions: 12, resources: 600 });
});
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.stop()));
});

interface ShardRun {
  readonly read: InventoryRead;
  readonly requests: FakeRequest[];
  readonly elapsedMs: number;
  readonly maxInWindow: number;
}

/** A fake Azure of its own, on virtual time, that records every request it is sent. */
async function recordingFake(options: Partial<FakeAzureOptions> = {}) {
  const requests: FakeRequest[] = [];
  const clock = new VirtualClock();
  const fake = await new FakeAzure({
    scenario,
    clock,
    fault: (request) => {
      requests.push(request);
      return undefined;
    },
    ...options,
  }).start();
  fakes.push(fake);
  return { fake, clock, requests };
}

/** One scan (a shard of it, or the whole) on a fake of its own, on virtual time. */
async function scan(
  shard?: Shard,
  quotaShare?: number,
  options: Partial<FakeAzureOptions> = {},
  pageSize?: number,
): Promise<ShardRun> {
  const { fake, clock, requests } = await recordingFake(options);
  const source = createAzureLiveSource({
    credential: testCredential,
    endpoint: fake.endpoint,
    tlsCa: fake.ca,
    clock,
    httpClient: clock.httpClient(createDefaultHttpClient()),
    retry: { attempts: 5, baseDelayMs: 20, maxDelayMs: 200, timeoutMs: 2_000 },
    ...(pageSize ? { pageSize } : {}),
  });
  const started = clock.now();
  const read = await readInventory(
    {
      inputs: [],
      live: [source],
      concurrency: 8,
      ...(shard ? { shard } : {}),
      ...(quotaShare ? { quotaShare } : {}),
    },
    pino({ level: 'silent' }),
  );
  return { read, requests, elapsedMs: clock.now() - started, maxInWindow: fake.accounting.maxInWindow };
}

const subscriptionOf = (scope: string) => /^subscription ([0-9a-f-]{36})/.exec(scope)?.[1];
const subscriptionScopes = (read: InventoryRead) => read.scopes.flatMap((s) => subscriptionOf(s.scope) ?? []);
const findingLines = (read: InventoryRead) =>
  [...evaluate(read.inventory, framework, NOW)].map((f) => `${f.id} ${f.status}`);
/** The subscriptions a request touched: those of a Resource Graph batch, the one of an ARM path. */
const touched = (request: FakeRequest): string[] =>
  request.kind === 'graph'
    ? [...(request.subscriptions ?? [])]
    : [/^\/subscriptions\/([0-9a-f-]{36})/i.exec(request.path)?.[1]?.toLowerCase() ?? ''];

describe('live Azure collector, sharded', { timeout: 120_000 }, () => {
  it('reads only its subscriptions; the shards together are the whole scan, no subscription twice', async () => {
    const whole = await scan();
    const all = subscriptionScopes(whole.read).sort();
    expect(all).toEqual(scenario.subscriptions.map((s) => s.id.toLowerCase()).sort());
    const wholeFindings = findingLines(whole.read).sort();
    expect(wholeFindings.length).toBeGreaterThan(500);

    for (const count of [2, 4]) {
      const shards = await Promise.all(Array.from({ length: count }, (_, index) => scan({ index, count })));
      const seen: string[] = [];
      for (const [index, run] of shards.entries()) {
        const mine = subscriptionScopes(run.read);
        for (const id of mine) expect(inShard(id, { index, count })).toBe(true);
        // No request (discovery aside: a tenant-wide listing names no subscription) for another shard's.
        const asked = new Set(run.requests.flatMap(touched));
        for (const id of asked) expect(mine, `shard ${index}/${count} asked for ${id}`).toContain(id);
        expect(run.read.scopes.filter((s) => s.error)).toEqual([]);
        seen.push(...mine);
      }
      expect(seen.sort(), `N = ${count}`).toEqual(all);
      const union = shards.flatMap((run) => findingLines(run.read));
      expect(new Set(union).size, `N = ${count}: a finding in two shards`).toBe(union.length);
      expect(union.sort(), `N = ${count}`).toEqual(wholeFindings);
    }
  });

  it('named subscriptions: only those of the shard are asked for', async () => {
    const named = scenario.subscriptions.slice(0, 6).map((s) => s.id);
    const shard = { index: 1, count: 3 };
    const { fake, clock, requests } = await recordingFake();
    const source = createAzureLiveSource({
      credential: testCredential,
      endpoint: fake.endpoint,
      tlsCa: fake.ca,
      clock,
      httpClient: clock.httpClient(createDefaultHttpClient()),
      subscriptions: named,
    });
    const scopes = await source.collect({
      log: pino({ level: 'silent' }),
      emit: () => undefined,
      progress: () => undefined,
      concurrency: 4,
      includeScope: (key) => inShard(key, shard),
    });
    const expected = named.map((id) => id.toLowerCase()).filter((id) => inShard(id, shard));
    expect(scopes.flatMap((s) => subscriptionOf(s.scope) ?? []).sort()).toEqual(expected.sort());
    const asked = new Set(requests.flatMap(touched));
    expect([...asked].sort()).toEqual(expected.sort());
  });

  it('--quota-share N paces Resource Graph at 1/N of the identity quota', async () => {
    // Small pages: enough queries that the quota, not the round trip, bounds the scan.
    const full = await scan(undefined, undefined, {}, 20);
    const shared = await scan(undefined, 3, {}, 20);
    const graphQueries = (run: ShardRun) => run.requests.filter((r) => r.kind === 'graph').length;
    expect(graphQueries(full)).toBeGreaterThan(40);
    expect(graphQueries(shared)).toBe(graphQueries(full));
    expect(full.maxInWindow).toBeGreaterThan(5);
    expect(full.maxInWindow).toBeLessThanOrEqual(15);
    // 15 queries per 5 s shared by 3: at most 5 in any window.
    expect(shared.maxInWindow).toBeLessThanOrEqual(5);
    expect(shared.elapsedMs).toBeGreaterThan(2 * full.elapsedMs);
    expect(findingLines(shared.read).sort()).toEqual(findingLines(full.read).sort());
  });
});
