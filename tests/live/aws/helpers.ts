import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { loadFramework } from '../../../src/frameworks/load.ts';
import { evaluate } from '../../../src/scan/evaluate.ts';
import { type InventoryRead, readInventory } from '../../../src/scan/read-inventory.ts';
import {
  type AwsLiveOptions,
  awsLiveSource,
  type RetryTimings,
} from '../../../src/sources/aws/live/index.ts';
import type { LiveProgress } from '../../../src/sources/live.ts';
import type { FakeAws } from '../../fakes/aws/server.ts';

export const NOW = new Date('2026-11-22T00:00:00Z');

/** Short retry timings: a test never waits for the SDK's real backoff. */
export const FAST_RETRY = { sdkAttempts: 10, sdkDelayMs: () => 5 };

export interface LiveRun {
  readonly read: InventoryRead;
  readonly logs: string;
  readonly progress: LiveProgress[];
}

export async function liveScan(
  fake: FakeAws,
  options: AwsLiveOptions,
  extra: {
    saveInventoryDir?: string;
    concurrency?: number;
    requestTimeoutMs?: number;
    retry?: RetryTimings;
  } = {},
): Promise<LiveRun> {
  const lines: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
  const progress: LiveProgress[] = [];
  const source = awsLiveSource(options, {
    credentials: fake.credentials,
    endpoint: fake.endpoint,
    retry: extra.retry ?? FAST_RETRY,
    requestTimeoutMs: extra.requestTimeoutMs ?? 5_000,
    reportPollMs: 5,
  });
  const read = await readInventory(
    {
      inputs: [],
      live: [source],
      concurrency: extra.concurrency ?? 16,
      ...(extra.saveInventoryDir ? { saveInventoryDir: extra.saveInventoryDir } : {}),
    },
    log,
    (update) => progress.push(update),
  );
  return { read, logs: lines.join(''), progress };
}

export async function offlineScan(dir: string): Promise<InventoryRead> {
  return readInventory({ inputs: [dir], live: [], concurrency: 1 }, pino({ level: 'silent' }));
}

/** The sorted `<finding id> <status>` lines of the Osaka framework on an inventory. */
export async function findingLines(read: InventoryRead): Promise<string[]> {
  const framework = await loadFramework('osaka');
  return [...evaluate(read.inventory, framework, NOW)].map((f) => `${f.id} ${f.status}`).sort();
}

export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}
