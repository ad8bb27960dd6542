import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parentName,
  planStreams,
  RESOURCE_GROUPS_OF_LARGE_SCOPES,
} from '../../../src/sources/gcp/live/discover.ts';
import { DEFAULT_ASSET_TYPES } from '../../../src/sources/gcp/live/index.ts';
import { generateScenario } from '../../fakes/gcp/scenario.ts';
import { type FakeCloudAsset, startFakeCloudAsset } from '../../fakes/gcp/server.ts';
import { collectLive, findings, normalized, readOffline, TOKEN } from './harness.ts';

const scenario = generateScenario(20261122, { folders: 4, projects: 36, assetsPerProject: 12 });

describe('live Google Cloud scan (Cloud Asset ListAssets)', () => {
  let fake: FakeCloudAsset;
  beforeAll(async () => {
    fake = await startFakeCloudAsset(scenario, { token: TOKEN });
  });
  afterAll(() => fake.close());

  it('is generated at the size the issue asks: ≥ 3 folders, ≥ 30 projects', () => {
    expect(scenario.folders.length).toBeGreaterThanOrEqual(3);
    expect(scenario.projects.length).toBeGreaterThanOrEqual(30);
  });

  it('gives the same findings and the same resources as the offline scan of the gcloud asset export', async () => {
    const live = await collectLive(fake, { parents: [scenario.organization], pageSize: 50 });
    const offline = await readOffline(scenario);
    expect(live.scopes).toEqual([
      {
        provider: 'gcp',
        scope: scenario.organization,
        resources: expect.any(Number),
        requests: expect.any(Number),
      },
    ]);
    const liveFindings = await findings(live.inventory);
    expect(liveFindings.length).toBeGreaterThan(300);
    expect(liveFindings).toEqual(await findings(offline));
    expect(normalized(live.inventory)).toEqual(normalized(offline));
    // Findings of every status, so the comparison means something.
    for (const status of ['PASS', 'FAIL']) expect(liveFindings.some((f) => f.endsWith(status))).toBe(true);
  });

  it('reads every project of the organization, its resources split in asset-type groups, page by page', async () => {
    const before = fake.stats.requests;
    const live = await collectLive(fake, { parents: [scenario.organization], pageSize: 40 });
    const accounts = new Set([...live.inventory.all()].map((r) => r.account));
    for (const project of scenario.projects) expect(accounts).toContain(project.number);
    const projects = [...live.inventory.all()].filter(
      (r) => r.nativeType === 'cloudresourcemanager.googleapis.com/Project',
    );
    expect(projects).toHaveLength(scenario.projects.length);
    // Only the organization was asked: no per-project listing that could miss a project.
    expect([...fake.stats.byParent.keys()]).toEqual([scenario.organization]);
    const resources = scenario.assets.filter((a) => a.resource).length;
    const policies = scenario.assets.filter((a) => a.iamPolicy).length;
    // The RESOURCE streams (asset types dealt round-robin) and one IAM_POLICY stream.
    const groups = planStreams([scenario.organization], DEFAULT_ASSET_TYPES).filter(
      (plan) => plan.contentType === 'RESOURCE',
    );
    expect(groups).toHaveLength(RESOURCE_GROUPS_OF_LARGE_SCOPES);
    // Every type in exactly one group: no asset is read twice.
    expect(groups.flatMap((plan) => plan.assetTypes).sort()).toEqual([...DEFAULT_ASSET_TYPES].sort());
    const pagesOf = (types: readonly string[]) =>
      Math.max(
        1,
        Math.ceil(scenario.assets.filter((a) => a.resource && types.includes(a.assetType)).length / 40),
      );
    const expectedRequests =
      groups.reduce((sum, plan) => sum + pagesOf(plan.assetTypes), 0) + Math.ceil(policies / 40);
    expect(fake.stats.requests - before).toBe(expectedRequests);
    expect(live.scopes[0]!.requests).toBe(fake.stats.requests - before);
    expect(live.scopes[0]!.resources).toBe(resources + policies);
    expect(live.progress.at(-1)).toEqual({
      unit: 'scopes',
      done: 1,
      total: 1,
      resources: resources + policies,
      requests: expectedRequests,
      throttled: 0,
    });
  });

  it('reads a folder: the projects below it and the folder itself, nothing else', async () => {
    const folder = scenario.folders[1]!;
    const live = await collectLive(fake, { parents: [folder] });
    const inFolder = scenario.projects.filter((p) => p.ancestors.includes(folder)).map((p) => p.number);
    const accounts = new Set([...live.inventory.all()].map((r) => r.account));
    expect([...accounts].sort()).toEqual([folder, ...inFolder].sort());
  });

  it('reads projects named by id, and asks for the page size and asset types given', async () => {
    const [a, b] = scenario.projects;
    const live = await collectLive(fake, {
      parents: [parentName('projects', a!.id), parentName('projects', b!.id)],
      assetTypes: ['storage.googleapis.com/Bucket'],
      pageSize: 1000,
    });
    expect(live.scopes.map((s) => s.scope)).toEqual([`projects/${a!.id}`, `projects/${b!.id}`]);
    expect(new Set([...live.inventory.all()].map((r) => r.nativeType))).toEqual(
      new Set(['storage.googleapis.com/Bucket', 'cloudresourcemanager.googleapis.com/Project']),
    );
    expect(fake.stats.pageSizes.at(-1)).toBe(1000);
  });

  it('never logs the access token', async () => {
    const live = await collectLive(fake, { parents: [scenario.organization] });
    expect(live.logs.length).toBeGreaterThan(0);
    expect(live.logs.join('\n')).not.toContain(TOKEN);
    expect(fake.stats.badAuth).toBe(0);
  });
});
