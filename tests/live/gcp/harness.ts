import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { OAuth2Client } from 'google-auth-library';
import { type Logger, pino } from 'pino';
import { loadFramework } from '../../../src/frameworks/load.ts';
import type { ScopeCoverage } from '../../../src/model/coverage.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { addMissingAccounts, evaluate } from '../../../src/scan/evaluate.ts';
import { Inventory } from '../../../src/scan/inventory.ts';
import { readInventory } from '../../../src/scan/read-inventory.ts';
import { createGcpLiveSource, type GcpLiveOptions } from '../../../src/sources/gcp/live/index.ts';
import type { LiveProgress } from '../../../src/sources/live.ts';
import { exportNdjson, type Scenario } from '../../fakes/gcp/scenario.ts';
import type { FakeCloudAsset } from '../../fakes/gcp/server.ts';

export const TOKEN = 'ya29.test-token-0b5e7c1d-never-logged';
const NOW = new Date('2026-11-22T00:00:00Z');

/** Logs kept in memory, to assert on what was (not) logged. */
export function memoryLogger(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: pino({ level: 'debug' }, stream), lines };
}

export interface LiveRun {
  readonly inventory: Inventory;
  readonly scopes: ScopeCoverage[];
  readonly progress: LiveProgress[];
  readonly logs: string[];
}

/** Runs the collector against the fake with a fixed test token and short retry timings. */
export async function collectLive(
  fake: FakeCloudAsset,
  options: GcpLiveOptions,
  extra: { concurrency?: number; saveInventoryDir?: string; quotaWindowMs?: number; attempts?: number } = {},
): Promise<LiveRun> {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: TOKEN, expiry_date: Date.now() + 3_600_000 });
  const source = createGcpLiveSource(options, {
    authClient: auth,
    apiEndpoint: '127.0.0.1',
    port: fake.port,
    protocol: 'http',
    retry: { attempts: extra.attempts ?? 8, baseDelayMs: 5, maxDelayMs: 50, timeoutMs: 1_000 },
    ...(extra.quotaWindowMs && { quotaWindowMs: extra.quotaWindowMs }),
  });
  const inventory = new Inventory();
  const progress: LiveProgress[] = [];
  const { log, lines } = memoryLogger();
  const scopes = await source.collect({
    log,
    emit: (resource) => inventory.add(resource),
    progress: (update) => progress.push(update),
    concurrency: extra.concurrency ?? 4,
    ...(extra.saveInventoryDir && { saveInventoryDir: extra.saveInventoryDir }),
  });
  addMissingAccounts(inventory);
  return { inventory, scopes, progress, logs: lines };
}

/** The scenario written as `gcloud asset export` NDJSON and read by the offline path. */
export async function readOffline(scenario: Scenario): Promise<Inventory> {
  const dir = await mkdtemp(join(tmpdir(), 'kansa-gcp-offline-'));
  try {
    await writeFile(join(dir, 'resource.json'), exportNdjson(scenario, 'RESOURCE'));
    await writeFile(join(dir, 'iam_policy.json'), exportNdjson(scenario, 'IAM_POLICY'));
    return await readInventoryDir(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function readInventoryDir(dir: string): Promise<Inventory> {
  const { log } = memoryLogger();
  const read = await readInventory({ inputs: [dir], live: [], concurrency: 1 }, log);
  return read.inventory;
}

/** Sorted `finding id status` lines of the Osaka framework on an inventory. */
export async function findings(inventory: Inventory): Promise<string[]> {
  const framework = await loadFramework('osaka');
  return [...evaluate(inventory, framework, NOW)].map((f) => `${f.id} ${f.checkId} ${f.status}`).sort();
}

/** The resources without where they were read from (file, evidence paths): what the checks see. */
export function normalized(inventory: Inventory): unknown[] {
  return [...inventory.all()]
    .map((resource: Resource) => {
      const { origin: _origin, facts, ...rest } = resource;
      const plainFacts = Object.fromEntries(
        Object.entries(facts as Record<string, Record<string, unknown>>)
          .map(([key, fact]) => {
            const { path: _path, ...withoutPath } = fact;
            return [key, withoutPath] as const;
          })
          .sort(([a], [b]) => (a < b ? -1 : 1)),
      );
      return { ...rest, facts: plainFacts };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
