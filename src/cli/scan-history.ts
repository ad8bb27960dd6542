import type { Logger } from 'pino';
import type { Finding, FindingHistory } from '../scan/finding.ts';
import type { SqlEngine } from '../store/engine.ts';
import type { AccountRef } from '../store/lifecycles.ts';
import { RunLock } from '../store/lock.ts';
import { openStore } from '../store/open.ts';
import { type RecordedScan, ScanRecording, type ScanToRecord } from '../store/record.ts';

type ScanRun = NonNullable<ScanToRecord['run']>;

/** How long a run holds the store's run lock without finishing before another may take it. */
const LOCK_TTL_MS = 6 * 3_600_000;

/**
 * A scan's side of the history store: opened and locked before the inventory is read (so two
 * scheduled runs never overlap), begun with the inventory's accounts, each finding's state
 * told as it streams past, and the scan recorded in one transaction at the end.
 */
export class ScanHistory {
  readonly engine: SqlEngine;
  readonly #lock: RunLock;
  readonly #run: ScanRun | undefined;
  #recording: ScanRecording | undefined;

  private constructor(engine: SqlEngine, lock: RunLock, run: ScanRun | undefined) {
    this.engine = engine;
    this.#lock = lock;
    this.#run = run;
  }

  /**
   * A shard of a run (`run`) takes the lock of its shard only: the shards of one run record at
   * once, each in its own transaction; a plain scan takes the store's run lock.
   */
  static async open(location: string, waitSeconds: number, log: Logger, run?: ScanRun): Promise<ScanHistory> {
    const engine = await openStore(location);
    let lock: RunLock | undefined;
    try {
      lock = await RunLock.acquire(engine, {
        waitMs: waitSeconds * 1000,
        ttlMs: LOCK_TTL_MS,
        ...(run && run.shards > 1 ? { name: `shard:${run.id}/${run.shard}` } : {}),
      });
      log.info({ store: engine.location, ...(run ? { run } : {}) }, 'history store opened and locked');
      return new ScanHistory(engine, lock, run);
    } catch (error) {
      await lock?.release().catch(() => {});
      await engine.close();
      throw error;
    }
  }

  get location(): string {
    return this.engine.location;
  }

  /**
   * Reads the history of the accounts the inventory holds, once it is read and before its
   * findings stream past: only theirs, so the cost follows the scan, not the store.
   */
  async begin(accounts: readonly AccountRef[]): Promise<void> {
    this.#recording = await ScanRecording.start(this.engine, accounts);
  }

  observe(finding: Finding, scanTime: string): FindingHistory | undefined {
    return this.#started().observe(finding, scanTime);
  }

  commit(scan: ScanToRecord): Promise<RecordedScan> {
    return this.#started().commit(this.#run ? { ...scan, run: this.#run } : scan);
  }

  #started(): ScanRecording {
    if (!this.#recording) throw new Error('the scan history was not begun with the inventory accounts');
    return this.#recording;
  }

  /** Frees the run lock and the store; safe to call after a failure. */
  async close(): Promise<void> {
    try {
      await this.#lock.release();
    } finally {
      await this.engine.close();
    }
  }
}
