import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Framework } from '../../../src/frameworks/framework.ts';
import { loadFramework } from '../../../src/frameworks/load.ts';
import { evaluate } from '../../../src/scan/evaluate.ts';
import { generateScenario, type Scenario } from '../../fakes/azure/scenario.ts';
import { FakeAzure, type FakeAzureOptions } from '../../fakes/azure/server.ts';
import { VirtualClock } from '../../fakes/clock.ts';
import { readOffline, runLive, statusesOf } from './helpers.ts';

const CHECK = 'azure.monitor.resource-logs';
let framework: Framework;
let scenario: Scenario;
/** The subscription none of whose resources has a diagnostic setting. */
let bare: string;
let work: string;
const fakes: FakeAzure[] = [];

async function fake(options: Partial<FakeAzureOptions> = {}): Promise<FakeAzure> {
  const started = await new FakeAzure({ scenario, clock: new VirtualClock(), ...options }).start();
  fakes.push(started);
  return started;
}

beforeAll(async () => {
  framework = await loadFramework('osaka');
  const generated = generateScenario({ seed: 20261202, subscriptions: 3, resources: 300 });
  bare = generated.subscriptions[0]!.id.toLowerCase();
  // Every resource-level setting of one subscription removed: ARM answers {"value": []} for each.
  const settings = new Map(
    [...generated.diagnosticSettings].filter(
      ([target]) =>
        !(target.toLowerCase().startsWith(`/subscriptions/${bare}/`) && target.includes('/providers/')),
    ),
  );
  scenario = { ...generated, diagnosticSettings: settings };
  work = await mkdtemp(path.join(tmpdir(), 'kansa-resource-listing-'));
});

afterAll(async () => {
  await Promise.all(fakes.map((f) => f.stop()));
  await rm(work, { recursive: true, force: true });
});

const inBare = (statuses: Map<string, string>) =>
  [...statuses].filter(([id]) => id.startsWith(`/subscriptions/${bare}/`)).map(([, status]) => status);

describe("a resource's diagnostic settings listed live and empty", { timeout: 60_000 }, () => {
  it('mean none: FAIL, live and from what --save-inventory wrote', async () => {
    const save = path.join(work, 'saved');
    const run = await runLive(await fake(), {}, { saveInventoryDir: save });
    expect(run.scopes.filter((scope) => scope.error)).toEqual([]);
    const live = inBare(statusesOf(run.inventory, framework, CHECK));
    expect(live.length).toBeGreaterThan(5);
    expect(new Set(live)).toEqual(new Set(['FAIL']));
    // Saved as the subscription's listing of its resources' settings, even empty.
    expect(await readdir(path.join(save, 'azure'))).toContain(`resource-diagnostic-settings-${bare}.json`);
    const saved = await readOffline(save);
    expect(statusesOf(saved.inventory, framework, CHECK)).toEqual(
      statusesOf(run.inventory, framework, CHECK),
    );
  });

  it('a listing that is denied is UNKNOWN naming the call and the role, and not saved as a listing', async () => {
    const statuses = statusesOf((await runLive(await fake())).inventory, framework, CHECK);
    const target = [...statuses.keys()].find((id) => id.startsWith(`/subscriptions/${bare}/`))!;
    const save = path.join(work, 'denied');
    const azure = await fake({
      fault: ({ kind, path: requestPath }) =>
        kind === 'arm' && requestPath.toLowerCase().startsWith(`${target}/providers/microsoft.insights`)
          ? { status: 403, code: 'AuthorizationFailed' }
          : undefined,
    });
    const run = await runLive(
      azure,
      { retry: { attempts: 1, baseDelayMs: 5, maxDelayMs: 5, timeoutMs: 2_000 } },
      { saveInventoryDir: save },
    );
    expect(run.scopes.find((scope) => scope.error)?.error).toContain(`diagnostic settings of ${target}`);
    const finding = [...evaluate(run.inventory, framework, new Date())].find(
      (f) => f.checkId === CHECK && f.resource.id === target,
    )!;
    expect(finding.status).toBe('UNKNOWN');
    expect(finding.message.en).toMatch(
      /live scan did not get the resource's diagnostic settings .*Reader role/,
    );
    expect(finding.message.en).not.toMatch(/add the output/);
    expect(finding.evidence[0]).toMatchObject({
      source: 'unknown',
      note: { en: expect.stringMatching(/HTTP 403/) },
    });
    // The other resources of the subscription, listed empty, still FAIL.
    const others = inBare(statusesOf(run.inventory, framework, CHECK));
    expect(others.filter((s) => s === 'FAIL')).toHaveLength(others.length - 1);
    const files = await readdir(path.join(save, 'azure'));
    expect(files).toContain(`resource-diagnostic-settings-incomplete-${bare}.json`);
    expect(files).not.toContain(`resource-diagnostic-settings-${bare}.json`);
  });
});
