import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDefaultHttpClient } from '@azure/core-rest-pipeline';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Framework } from '../../../src/frameworks/framework.ts';
import { loadFramework } from '../../../src/frameworks/load.ts';
import { evaluate } from '../../../src/scan/evaluate.ts';
import type { Finding } from '../../../src/scan/finding.ts';
import type { Inventory } from '../../../src/scan/inventory.ts';
import { readInventory } from '../../../src/scan/read-inventory.ts';
import { createAzureLiveSource } from '../../../src/sources/azure/live/index.ts';
import { exportScenario } from '../../fakes/azure/export.ts';
import {
  GROUP_OWNER,
  generateScenario,
  ROOT_ADMINISTRATOR,
  type Scenario,
} from '../../fakes/azure/scenario.ts';
import { FakeAzure, type FakeAzureOptions, type FakeRequest } from '../../fakes/azure/server.ts';
import { VirtualClock } from '../../fakes/clock.ts';
import { findings, readOffline, runLive, testCredential } from './helpers.ts';

const PRIVILEGED_COUNT = 'azure.iam.privileged-count';
const NOW = new Date('2026-11-01T00:00:00Z');

let framework: Framework;
let work: string;
let scenario: Scenario;
/** The offline scan of the tenancy exported as a tenant-wide `az graph query` and ARM bodies. */
let offline: Inventory;
const fakes: FakeAzure[] = [];

async function fake(options: Partial<FakeAzureOptions> = {}): Promise<FakeAzure> {
  const started = await new FakeAzure({ scenario, clock: new VirtualClock(), ...options }).start();
  fakes.push(started);
  return started;
}

/** The owner-count finding of each subscription (lower-case id). */
function ownerCounts(inventory: Inventory): Map<string, Finding> {
  const counts = new Map<string, Finding>();
  for (const finding of evaluate(inventory, framework, NOW)) {
    if (finding.checkId === PRIVILEGED_COUNT) counts.set(finding.resource.account, finding);
  }
  return counts;
}

/**
 * No subscription's owner count passes: over the limit on what was read it fails, otherwise it
 * is UNKNOWN, its message naming the query and the role, its evidence the query's error.
 */
function expectNoPass(counts: Map<string, Finding>, error: RegExp): void {
  expect(counts.size).toBe(scenario.subscriptions.length);
  for (const [account, finding] of counts) {
    expect(['UNKNOWN', 'FAIL'], account).toContain(finding.status);
    if (finding.status !== 'UNKNOWN') continue;
    expect(finding.messageId).toBe('assignmentsNotRead.live');
    expect(finding.message.en).toMatch(
      /the live scan did not get the role assignments that apply to the subscription .* from Resource Graph: authorizationresources .*the Reader role on the subscription and on the management groups above it/,
    );
    expect(finding.message.ja).toContain('ライブ スキャン');
    expect(
      finding.evidence.some((evidence) => 'note' in evidence && error.test(evidence.note?.en ?? '')),
    ).toBe(true);
  }
  expect([...counts.values()].some((finding) => finding.status === 'UNKNOWN')).toBe(true);
}

const principalsOf = (finding: Finding | undefined) => (finding?.data?.principals ?? []) as string[];

/** The query of the role assignments above the subscriptions (the others have no scope filter). */
const aboveQuery = (request: FakeRequest) => request.authorizationScopeFilter === 'AtScopeAndAbove';

beforeAll(async () => {
  framework = await loadFramework('osaka');
  work = await mkdtemp(path.join(tmpdir(), 'kansa-live-inherited-'));
  scenario = generateScenario({ seed: 20261203, subscriptions: 6, resources: 120 });
  await exportScenario(scenario, path.join(work, 'export'));
  offline = (await readOffline(path.join(work, 'export'))).inventory;
});

afterAll(async () => {
  await Promise.all(fakes.map((f) => f.stop()));
  await rm(work, { recursive: true, force: true });
});

describe('role assignments above the subscriptions in a live Azure scan', { timeout: 60_000 }, () => {
  it('counts an Owner of a management group above a subscription, and the root’s, for its owner count', async () => {
    const requests: FakeRequest[] = [];
    const azure = await fake({ fault: (request) => void requests.push(request) });
    const save = path.join(work, 'saved');
    const run = await runLive(azure, {}, { saveInventoryDir: save });
    expect(run.scopes.filter((scope) => scope.error)).toEqual([]);
    // One query for them, over the subscriptions, with the scope filter that reaches above them.
    const above = requests.filter(aboveQuery);
    expect(above).toHaveLength(1);
    expect(new Set(above[0]!.subscriptions)).toEqual(
      new Set(scenario.subscriptions.map((s) => s.id.toLowerCase())),
    );

    const counts = ownerCounts(run.inventory);
    expect(counts.size).toBe(scenario.subscriptions.length);
    for (const sub of scenario.subscriptions) {
      const finding = counts.get(sub.id.toLowerCase());
      // The root's User Access Administrator holds every subscription; the group's Owner those under it.
      expect(principalsOf(finding), sub.name).toContain(ROOT_ADMINISTRATOR);
      if (sub.managementGroup === 'mg-osaka-kikan')
        expect(principalsOf(finding), sub.name).toContain(GROUP_OWNER);
      else expect(principalsOf(finding), sub.name).not.toContain(GROUP_OWNER);
      expect(finding?.status).not.toBe('UNKNOWN');
    }
    // An Owner at the management group above turns a subscription within the limit into one over it.
    const kikan = scenario.subscriptions.filter((sub) => sub.managementGroup === 'mg-osaka-kikan');
    expect(kikan.some((sub) => counts.get(sub.id.toLowerCase())?.status === 'FAIL')).toBe(true);

    // The same findings as the offline scan of a tenant-wide export, and of what it saved.
    expect(findings(run.inventory, framework)).toEqual(findings(offline, framework));
    const saved = await readOffline(save);
    expect(findings(saved.inventory, framework)).toEqual(findings(offline, framework));
  });

  it('leaves the owner count UNKNOWN, never PASS, when the query of the assignments above is denied', async () => {
    const denials: FakeRequest[] = [];
    const azure = await fake({
      fault: (request) => {
        if (!aboveQuery(request)) return undefined;
        denials.push(request);
        return { status: 403, code: 'AuthorizationFailed' };
      },
    });
    const save = path.join(work, 'saved-denied');
    const run = await runLive(
      azure,
      { retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 2_000 } },
      { saveInventoryDir: save },
    );
    // Asked once: the groups above are not one subscription's, so the batch is not split to find them.
    expect(denials).toHaveLength(1);
    // Each subscription is listed with the error and the role that grants the read: the scan is partial.
    const failed = run.scopes.filter((scope) => scope.error);
    expect(failed).toHaveLength(scenario.subscriptions.length);
    for (const scope of failed) {
      expect(scope.error).toContain(
        'role assignments inherited from management groups and the root (/): authorizationresources: HTTP 403 AuthorizationFailed',
      );
      expect(scope.error).toContain('the Reader role on the management groups above the subscription');
    }
    const counts = ownerCounts(run.inventory);
    expectNoPass(counts, /authorizationScopeFilter AtScopeAndAbove\) failed: .*HTTP 403/);
    for (const finding of counts.values()) expect(principalsOf(finding)).not.toContain(ROOT_ADMINISTRATOR);
    // The other checks read what they read before.
    const countIds = new Set([...counts.values()].map((finding) => finding.id));
    const others = (lines: string[]) => lines.filter((line) => !countIds.has(line.split(' ')[0]!));
    expect(others(findings(run.inventory, framework))).toEqual(others(findings(offline, framework)));

    // Saved, the inventory says so too: read back it gives the same findings, not a pass.
    const files = await readdir(path.join(save, 'azure'));
    for (const sub of scenario.subscriptions)
      expect(files).toContain(`role-assignments-incomplete-${sub.id.toLowerCase()}.json`);
    const saved = await readOffline(save);
    expect(findings(saved.inventory, framework)).toEqual(findings(run.inventory, framework));
  });

  it('leaves the owner count UNKNOWN when the subscriptions’ own assignments are read only in part', async () => {
    // The table query's second page fails: the assignments of its first page were read, the rest not.
    const azure = await fake({
      fault: (request) =>
        request.query?.startsWith('authorizationresources') &&
        !request.authorizationScopeFilter &&
        request.page === 2
          ? { status: 500, code: 'InternalServerError' }
          : undefined,
    });
    const save = path.join(work, 'saved-partial');
    const run = await runLive(
      azure,
      { pageSize: 5, retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 2_000 } },
      { saveInventoryDir: save },
    );
    const failed = run.scopes.filter((scope) => scope.error);
    expect(failed).toHaveLength(scenario.subscriptions.length);
    for (const scope of failed)
      expect(scope.error).toContain(
        'authorizationresources: incomplete, page 2 failed after 1 page(s) read: HTTP 500 InternalServerError',
      );
    const counts = ownerCounts(run.inventory);
    // Some subscriptions' assignments came in the first page: read, yet not enough to pass.
    expect([...counts.values()].some((finding) => Number(finding.data?.count ?? 0) > 0)).toBe(true);
    expectNoPass(counts, /\(authorizationresources\) failed: .*page 2 failed/);
    const saved = await readOffline(save);
    expect(findings(saved.inventory, framework)).toEqual(findings(run.inventory, framework));
  });

  it('gives every shard’s subscriptions the assignments above them (--shard)', async () => {
    const azure = await fake();
    const shards = await Promise.all(
      [0, 1].map((index) =>
        readInventory(
          {
            inputs: [],
            live: [
              createAzureLiveSource({
                credential: testCredential,
                endpoint: azure.endpoint,
                tlsCa: azure.ca,
                clock: azure.clock as VirtualClock,
                httpClient: (azure.clock as VirtualClock).httpClient(createDefaultHttpClient()),
              }),
            ],
            concurrency: 8,
            shard: { index, count: 2 },
          },
          pino({ level: 'silent' }),
        ),
      ),
    );
    const seen = new Set<string>();
    for (const { inventory } of shards) {
      for (const [account, finding] of ownerCounts(inventory)) {
        seen.add(account);
        const sub = scenario.subscriptions.find((s) => s.id.toLowerCase() === account)!;
        expect(principalsOf(finding)).toContain(ROOT_ADMINISTRATOR);
        expect(principalsOf(finding).includes(GROUP_OWNER)).toBe(sub.managementGroup === 'mg-osaka-kikan');
      }
    }
    // Each subscription is one shard's, and both shards have some.
    expect(seen.size).toBe(scenario.subscriptions.length);
    for (const { inventory } of shards) expect(ownerCounts(inventory).size).toBeGreaterThan(0);
  });

  it('retries a transient failure of the query and then reads them', async () => {
    let failures = 0;
    const azure = await fake({
      fault: (request) =>
        aboveQuery(request) && failures++ === 0 ? { status: 503, code: 'ServiceUnavailable' } : undefined,
    });
    const run = await runLive(azure);
    expect(failures).toBe(2);
    expect(run.scopes.filter((scope) => scope.error)).toEqual([]);
    expect(findings(run.inventory, framework)).toEqual(findings(offline, framework));
  });
});
