import { OAuth2Client } from 'google-auth-library';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Framework } from '../../../src/frameworks/framework.ts';
import { loadFramework } from '../../../src/frameworks/load.ts';
import { evaluate } from '../../../src/scan/evaluate.ts';
import { type InventoryRead, readInventory } from '../../../src/scan/read-inventory.ts';
import { inShard, type Shard } from '../../../src/scan/shard.ts';
import { parentName, scopeKey } from '../../../src/sources/gcp/live/discover.ts';
import { createGcpLiveSource } from '../../../src/sources/gcp/live/index.ts';
import { VirtualClock } from '../../fakes/clock.ts';
import { generateScenario } from '../../fakes/gcp/scenario.ts';
import { type FakeCloudAsset, startFakeCloudAsset } from '../../fakes/gcp/server.ts';
import { TOKEN } from '../../live/gcp/harness.ts';

/**
 * `--shard I/N` and `--quota-share N` in the live Google Cloud collector (issue 17). A scope is
 * a parent as given: a project (its key the project id or number given), a folder or an
 * organization (read whole by one shard, its projects' findings with it).
 */
const scenario = generateScenario(20261202, { folders: 4, projects: 16, assetsPerProject: 4 });
const NOW = new Date('2026-11-22T00:00:00Z');
let framework: Framework;
let fake: FakeCloudAsset;

beforeAll(async () => {
  framework = await loadFramework('osaka');
  fake = await startFakeCloudAsset(scenario, { token: TOKEN });
});
afterAll(() => fake.close());

interface Scan {
  readonly read: InventoryRead;
  /** ListAssets calls per parent, this scan's. */
  readonly calls: Map<string, number>;
  readonly elapsedMs: number;
}

async function scan(
  parents: readonly string[],
  shard?: Shard,
  extra: { quotaShare?: number; pageSize?: number } = {},
): Promise<Scan> {
  const before = new Map(fake.stats.byParent);
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: TOKEN, expiry_date: Date.now() + 3_600_000 });
  const clock = new VirtualClock();
  const source = createGcpLiveSource(
    { parents, pageSize: extra.pageSize ?? 200 },
    {
      authClient: auth,
      apiEndpoint: '127.0.0.1',
      port: fake.port,
      protocol: 'http',
      clock,
      retry: { attempts: 4, baseDelayMs: 5, maxDelayMs: 50, timeoutMs: 5_000 },
    },
  );
  const started = clock.now();
  const read = await readInventory(
    {
      inputs: [],
      live: [source],
      concurrency: 4,
      ...(shard ? { shard } : {}),
      ...(extra.quotaShare ? { quotaShare: extra.quotaShare } : {}),
    },
    pino({ level: 'silent' }),
  );
  const calls = new Map<string, number>();
  for (const [parent, n] of fake.stats.byParent) {
    const mine = n - (before.get(parent) ?? 0);
    if (mine > 0) calls.set(parent, mine);
  }
  return { read, calls, elapsedMs: clock.now() - started };
}

const findingLines = (read: InventoryRead) =>
  [...evaluate(read.inventory, framework, NOW)].map((f) => `${f.id} ${f.status}`);

describe('live Google Cloud collector, sharded', { timeout: 120_000 }, () => {
  // One scan at a time: the fake's per-parent counts tell which scan asked for what.
  for (const [what, parents] of [
    ['projects (by id)', scenario.projects.map((p) => parentName('projects', p.id))],
    ['folders', [...scenario.folders]],
  ] as const) {
    it(`${what}: a shard reads only its scopes; the shards together are the whole scan`, async () => {
      const whole = await scan(parents);
      const wholeFindings = findingLines(whole.read).sort();
      expect(wholeFindings.length).toBeGreaterThan(50);
      expect(whole.read.scopes.map((s) => s.scope).sort()).toEqual([...parents].sort());
      for (const count of [2, 4]) {
        const shards: Scan[] = [];
        for (let index = 0; index < count; index++) shards.push(await scan(parents, { index, count }));
        const seen: string[] = [];
        for (const [index, { read, calls }] of shards.entries()) {
          const mine = read.scopes.map((s) => s.scope);
          for (const parent of mine) expect(inShard(scopeKey(parent), { index, count })).toBe(true);
          expect([...calls.keys()].sort()).toEqual([...mine].sort());
          expect(read.scopes.filter((s) => s.error)).toEqual([]);
          seen.push(...mine);
        }
        expect(seen.sort(), `N = ${count}`).toEqual([...parents].sort());
        const union = shards.flatMap(({ read }) => findingLines(read));
        expect(new Set(union).size, `N = ${count}: a finding in two shards`).toBe(union.length);
        expect(union.sort(), `N = ${count}`).toEqual(wholeFindings);
      }
    });
  }

  it('--quota-share N: the ListAssets window admits 1/N of the per-minute quota', async () => {
    const parents = scenario.projects.map((p) => parentName('projects', p.id));
    // Small pages: more calls than one minute's quota.
    const full = await scan(parents, undefined, { pageSize: 2 });
    const shared = await scan(parents, undefined, { pageSize: 2, quotaShare: 4 });
    const calls = [...full.calls.values()].reduce((a, b) => a + b, 0);
    expect(calls).toBeGreaterThan(100);
    // 100 a minute, each held a minute from its answer: at least ⌊(calls − 1) / 25⌋ minutes at a quarter.
    expect(shared.elapsedMs).toBeGreaterThanOrEqual(Math.floor((calls - 1) / 25) * 60_000);
    expect(full.elapsedMs).toBeLessThan(Math.floor((calls - 1) / 25) * 60_000);
    expect(findingLines(shared.read).sort()).toEqual(findingLines(full.read).sort());
  });
});
