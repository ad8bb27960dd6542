import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCE_GROUPS_OF_LARGE_SCOPES } from '../../../src/sources/gcp/live/discover.ts';
import { generateScenario } from '../../fakes/gcp/scenario.ts';
import { type FakeCloudAsset, startFakeCloudAsset } from '../../fakes/gcp/server.ts';
import { collectLive, findings, readInventoryDir, readOffline, TOKEN } from './harness.ts';

const scenario = generateScenario(7, { folders: 3, projects: 30, assetsPerProject: 6 });
const projects = (n: number) => scenario.projects.slice(0, n).map((p) => `projects/${p.id}`);

describe('live Google Cloud scan under faults', () => {
  let fake: FakeCloudAsset;
  let expected: string[];
  beforeAll(async () => {
    fake = await startFakeCloudAsset(scenario, { token: TOKEN });
    expected = await findings(await readOffline(scenario));
  });
  afterEach(() => {
    fake.faults = {};
  });
  afterAll(() => fake.close());

  it('retries RESOURCE_EXHAUSTED, INTERNAL and UNAVAILABLE and still reads everything', async () => {
    fake.faults = {
      transient: [
        { every: 3, status: 429 },
        { every: 5, status: 503 },
        { every: 7, status: 500 },
      ],
    };
    const before = new Map(fake.stats.byStatus);
    // About half the calls fail: enough attempts that no page runs out of them.
    const live = await collectLive(
      fake,
      { parents: [scenario.organization], pageSize: 25 },
      { attempts: 15 },
    );
    expect(live.scopes[0]!.error).toBeUndefined();
    expect(await findings(live.inventory)).toEqual(expected);
    for (const status of [429, 500, 503])
      expect(fake.stats.byStatus.get(status)! - (before.get(status) ?? 0)).toBeGreaterThan(0);
    expect(live.logs.join('\n')).toContain('retrying');
    expect(live.logs.join('\n')).not.toContain(TOKEN);
  });

  it('abandons and retries a response slower than the timeout', async () => {
    fake.faults = { slow: { every: 4, delayMs: 2_500 } };
    const live = await collectLive(fake, { parents: [scenario.organization], pageSize: 100 });
    expect(live.scopes[0]!.error).toBeUndefined();
    expect(await findings(live.inventory)).toEqual(expected);
    expect(live.logs.join('\n')).toContain('no answer within 1 s');
  });

  it('lists a project without permission in the coverage and reads the others', async () => {
    const [denied, ...allowed] = projects(4);
    fake.faults = { forbidden: new Set([denied!]) };
    const live = await collectLive(fake, { parents: [denied!, ...allowed] });
    const deniedScope = live.scopes.find((s) => s.scope === denied)!;
    expect(deniedScope.error).toMatch(
      /^RESOURCE: PERMISSION_DENIED \(HTTP 403\): The caller does not have permission \(grant roles\/cloudasset.viewer on the scope to the identity\); IAM_POLICY: PERMISSION_DENIED/,
    );
    expect(deniedScope.requests).toBe(2); // a denial is not retried
    expect(deniedScope.resources).toBe(0);
    for (const scope of live.scopes.filter((s) => s.scope !== denied)) {
      expect(scope.error).toBeUndefined();
      expect(scope.resources).toBeGreaterThan(0);
    }
    const deniedNumber = scenario.projects[0]!.number;
    expect([...live.inventory.all()].some((r) => r.account === deniedNumber)).toBe(false);
  });

  it('gives up on a scope that keeps failing, after the configured attempts, and says so', async () => {
    fake.faults = { transient: [{ every: 1, status: 503 }] };
    const live = await collectLive(fake, { parents: projects(1) }, { attempts: 5 });
    expect(live.scopes[0]!.error).toContain('UNAVAILABLE (HTTP 503)');
    expect(live.scopes[0]!.error).toContain('gave up after 5 attempts');
    expect(live.scopes[0]!.requests).toBe(10);
  });

  it('keeps under the quota: never more ListAssets calls in a window than allowed, no RESOURCE_EXHAUSTED', async () => {
    const quotaFake = await startFakeCloudAsset(scenario, {
      token: TOKEN,
      quota: { limit: 8, windowMs: 400 },
    });
    try {
      const live = await collectLive(
        quotaFake,
        { parents: projects(12), requestsPerMinute: 8 },
        { quotaWindowMs: 400, concurrency: 6 },
      );
      expect(live.scopes.every((s) => !s.error)).toBe(true);
      // Two streams of two pages per project; a call a loaded machine lets time out is retried.
      expect(quotaFake.stats.requests).toBeGreaterThanOrEqual(24);
      expect(quotaFake.stats.quotaRejections).toBe(0);
      expect(quotaFake.stats.maxInWindow).toBeLessThanOrEqual(8);
    } finally {
      await quotaFake.close();
    }
  });

  it('backs off on the service quota (RetryInfo) when the client is set above it, and completes', async () => {
    const quotaFake = await startFakeCloudAsset(scenario, {
      token: TOKEN,
      quota: { limit: 8, windowMs: 400 },
    });
    try {
      const live = await collectLive(quotaFake, { parents: projects(10), requestsPerMinute: 1000 });
      expect(live.scopes.every((s) => !s.error)).toBe(true);
      expect(quotaFake.stats.quotaRejections).toBeGreaterThan(0);
      expect(quotaFake.stats.maxInWindow).toBeLessThanOrEqual(8);
    } finally {
      await quotaFake.close();
    }
  });

  it('bounds the requests in flight by the concurrency', async () => {
    const slowFake = await startFakeCloudAsset(scenario, { token: TOKEN, latencyMs: () => 20 });
    try {
      await collectLive(slowFake, { parents: projects(10) }, { concurrency: 3 });
      expect(slowFake.stats.maxInFlight).toBe(3);
    } finally {
      await slowFake.close();
    }
  });

  it('saves what it pulled as gcloud asset export NDJSON that the offline scan reads to the same findings', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kansa-gcp-save-'));
    try {
      const live = await collectLive(
        fake,
        { parents: [scenario.organization], pageSize: 200 },
        { saveInventoryDir: dir },
      );
      const files = (await readdir(join(dir, 'gcp'))).sort();
      const org = scenario.organization.replace('/', '-');
      // The organization's RESOURCE listing is split in asset-type groups, one file each.
      const groups = RESOURCE_GROUPS_OF_LARGE_SCOPES;
      expect(files).toEqual([
        `${org}-iam-policy.json`,
        ...Array.from({ length: groups }, (_, i) => `${org}-resource-${i + 1}of${groups}.json`),
      ]);
      const firstLine = JSON.parse(
        (await readFile(join(dir, 'gcp', `${org}-iam-policy.json`), 'utf8')).split('\n')[0]!,
      );
      expect(Object.keys(firstLine).sort()).toEqual([
        'ancestors',
        'asset_type',
        'iam_policy',
        'name',
        'update_time',
      ]);
      const saved = await readInventoryDir(join(dir, 'gcp'));
      expect(await findings(saved)).toEqual(await findings(live.inventory));
      expect(await findings(saved)).toEqual(expected);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('saves a one-record listing so that it reads back too', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kansa-gcp-save-'));
    try {
      const live = await collectLive(
        fake,
        { parents: projects(1), assetTypes: ['cloudresourcemanager.googleapis.com/Project'] },
        { saveInventoryDir: dir },
      );
      expect(live.scopes[0]!.resources).toBe(2);
      const saved = await readInventoryDir(join(dir, 'gcp'));
      expect(await findings(saved)).toEqual(await findings(live.inventory));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
