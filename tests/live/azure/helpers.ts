import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createDefaultHttpClient } from '@azure/core-rest-pipeline';
import pino from 'pino';
import type { Framework } from '../../../src/frameworks/framework.ts';
import type { ScopeCoverage } from '../../../src/model/coverage.ts';
import { addMissingAccounts, evaluate } from '../../../src/scan/evaluate.ts';
import { Inventory } from '../../../src/scan/inventory.ts';
import { placeManagementGroupAssignments } from '../../../src/scan/management-groups.ts';
import { type AzureLiveOptions, createAzureLiveSource } from '../../../src/sources/azure/live/index.ts';
import type { LiveProgress } from '../../../src/sources/live.ts';
import { readInputFile } from '../../../src/sources/read-inputs.ts';
import type { FakeAzure } from '../../fakes/azure/server.ts';
import { VirtualClock } from '../../fakes/clock.ts';

export const TOKEN = 'kansa-test-token-6f1d2c9a7b';

/** A TokenCredential that never leaves the test. */
export const testCredential = {
  getToken: async () => ({ token: TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 }),
};

export interface LiveRun {
  readonly inventory: Inventory;
  readonly scopes: ScopeCoverage[];
  readonly logs: string[];
  readonly progress: LiveProgress[];
}

/**
 * Runs the collector against the fake with short retry timings, on the fake's clock: with a
 * virtual clock, quota windows, backoffs and timeouts take no real time.
 */
export async function runLive(
  fake: FakeAzure,
  options: Partial<AzureLiveOptions> = {},
  { concurrency = 16, saveInventoryDir }: { concurrency?: number; saveInventoryDir?: string } = {},
): Promise<LiveRun> {
  const logs: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => logs.push(line) });
  const inventory = new Inventory();
  const progress: LiveProgress[] = [];
  const source = createAzureLiveSource({
    credential: testCredential,
    endpoint: fake.endpoint,
    tlsCa: fake.ca,
    ...(fake.clock instanceof VirtualClock
      ? { clock: fake.clock, httpClient: fake.clock.httpClient(createDefaultHttpClient()) }
      : {}),
    retry: { attempts: 5, baseDelayMs: 20, maxDelayMs: 200, timeoutMs: 2_000 },
    ...options,
  });
  const scopes = await source.collect({
    log,
    emit: (resource) => inventory.add(resource),
    progress: (update) => progress.push(update),
    concurrency,
    ...(saveInventoryDir ? { saveInventoryDir } : {}),
  });
  // As the scan does once every source is read (scan/read-inventory.ts).
  placeManagementGroupAssignments(inventory);
  addMissingAccounts(inventory);
  return { inventory, scopes, logs, progress };
}

/** Reads a directory of exports as the offline scan does (`only` the files whose names it keeps). */
export async function readOffline(
  dir: string,
  only: (file: string) => boolean = () => true,
): Promise<{ inventory: Inventory; formats: Set<string> }> {
  const inventory = new Inventory();
  const formats = new Set<string>();
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && only(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) {
    const coverage = await readInputFile(file, (resource) => inventory.add(resource));
    if (coverage.error) throw new Error(`${file}: ${coverage.error}`);
    if (coverage.format) formats.add(coverage.format);
  }
  placeManagementGroupAssignments(inventory);
  addMissingAccounts(inventory);
  return { inventory, formats };
}

const NOW = new Date('2026-11-01T00:00:00Z');

/** The sorted `finding id status` lines of a scan. */
export function findings(
  inventory: Inventory,
  framework: Framework,
  account: (account: string) => boolean = () => true,
): string[] {
  return [...evaluate(inventory, framework, NOW)]
    .filter((finding) => account(finding.resource.account))
    .map((finding) => `${finding.id} ${finding.status}`)
    .sort();
}

/** Each finding of one check: its resource id (lower-cased) → status. */
export function statusesOf(inventory: Inventory, framework: Framework, checkId: string): Map<string, string> {
  return statusesByCheck(inventory, framework).get(checkId) ?? new Map();
}

/**
 * statusesOf for every check, from one evaluation: a test that asks about several checks of a
 * large tenancy evaluates it once, not once per check.
 */
export function statusesByCheck(
  inventory: Inventory,
  framework: Framework,
): Map<string, Map<string, string>> {
  const byCheck = new Map<string, Map<string, string>>();
  for (const finding of evaluate(inventory, framework, NOW)) {
    const statuses = byCheck.get(finding.checkId) ?? new Map<string, string>();
    byCheck.set(finding.checkId, statuses.set(finding.resource.id, finding.status));
  }
  return byCheck;
}
