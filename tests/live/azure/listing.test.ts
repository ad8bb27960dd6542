import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadFramework } from '../../../src/frameworks/load.ts';
import { readOffline, statusesOf } from './helpers.ts';

const SUB = '0b1f6c2e-4d3a-4b5c-9d8e-7f6a5b4c3d2e';
const subscriptionRow = {
  id: `/subscriptions/${SUB}`,
  type: 'Microsoft.Resources/subscriptions',
  name: 'kikan-prod',
  subscriptionId: SUB,
  properties: { state: 'Enabled' },
};
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function scan(files: Record<string, unknown>) {
  const dir = await mkdtemp(path.join(tmpdir(), 'kansa-listing-'));
  dirs.push(dir);
  for (const [name, body] of Object.entries(files))
    await writeFile(path.join(dir, name), JSON.stringify(body));
  const { inventory } = await readOffline(dir);
  const framework = await loadFramework('osaka');
  return {
    budget: statusesOf(inventory, framework, 'azure.cost.budget').get(`/subscriptions/${SUB}`),
    activityLog: statusesOf(inventory, framework, 'azure.monitor.activity-log-exported').get(
      `/subscriptions/${SUB}`,
    ),
  };
}

describe("a subscription's own ARM listing, present and empty, means none", () => {
  it('FAIL when the empty listings are the subscription’s (named for it, as --save-inventory writes them)', async () => {
    const statuses = await scan({
      'subscription.json': [subscriptionRow],
      [`budgets-${SUB}.json`]: { value: [] },
      [`activity-log-settings-${SUB}.json`]: { value: [] },
    });
    expect(statuses).toEqual({ budget: 'FAIL', activityLog: 'FAIL' });
  });

  it('UNKNOWN when nothing says whose an empty list is, or when there is no listing at all', async () => {
    expect(await scan({ 'subscription.json': [subscriptionRow], 'budgets.json': { value: [] } })).toEqual({
      budget: 'UNKNOWN',
      activityLog: 'UNKNOWN',
    });
  });
});
