import { hostname } from 'node:os';
import type { SqlEngine } from './engine.ts';

/**
 * The run lock: one scheduled run at a time per store. It is a row in the store itself, so it
 * works the same for the embedded file and for a shared server. A holder that died is
 * detected (same host, process gone) or times out (`ttl`), so a crash never blocks the
 * schedule for good.
 */
export interface LockHolder {
  readonly holder: string;
  readonly host: string;
  readonly pid: number;
  readonly acquiredAt: string;
  readonly expiresAt: string;
}

export class StoreLockedError extends Error {
  override readonly name = 'StoreLockedError';
  readonly location: string;
  readonly holder: LockHolder;

  constructor(location: string, holder: LockHolder) {
    super(
      `the store ${location} is in use by another kansa run (process ${holder.pid} on ${holder.host}, since ${holder.acquiredAt}); ` +
        `this run did not scan. Wait for it, or run with --store-wait SECONDS; a dead run's lock lapses at ${holder.expiresAt}`,
    );
    this.location = location;
    this.holder = holder;
  }
}

export interface LockOptions {
  /** How long to wait for the other run, in milliseconds (0: fail at once). */
  readonly waitMs: number;
  /** How long the lock holds without renewal: a run that died on another host frees it then. */
  readonly ttlMs: number;
  readonly now?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Whether a process of this host is alive (a lock held by a dead one is taken over). */
  readonly alive?: (pid: number) => boolean;
  /**
   * Which lock (default: the store's one run lock). A shard of a run (issue 17) takes its own,
   * `shard:RUN/I`: the shards run at once, but one shard never twice at the same time.
   */
  readonly name?: string;
}

const LOCK_NAME = 'run';
const POLL_MS = 1000;

export class RunLock {
  readonly #engine: SqlEngine;
  readonly #holder: string;
  readonly #name: string;

  private constructor(engine: SqlEngine, holder: string, name: string) {
    this.#engine = engine;
    this.#holder = holder;
    this.#name = name;
  }

  /** Takes the run lock, waiting up to `waitMs`; throws StoreLockedError if another run keeps it. */
  static async acquire(engine: SqlEngine, options: LockOptions): Promise<RunLock> {
    const now = options.now ?? (() => new Date());
    const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const alive = options.alive ?? processAlive;
    const name = options.name ?? LOCK_NAME;
    const host = hostname();
    const holder = `${host}:${process.pid}:${now().getTime()}`;
    const deadline = now().getTime() + options.waitMs;
    for (;;) {
      const other = await engine.transaction(async (tx) => {
        const [row] = await tx.all<{
          holder: string;
          host: string;
          pid: number;
          acquired_at: string;
          expires_at: string;
        }>('SELECT holder, host, pid, acquired_at, expires_at FROM store_lock WHERE name = ?', [name]);
        const at = now();
        const free =
          !row ||
          row.expires_at <= at.toISOString() ||
          (row.host === host && row.pid !== process.pid && !alive(Number(row.pid)));
        if (!free) {
          return {
            holder: row.holder,
            host: row.host,
            pid: Number(row.pid),
            acquiredAt: row.acquired_at,
            expiresAt: row.expires_at,
          };
        }
        await tx.run('DELETE FROM store_lock WHERE name = ?', [name]);
        await tx.run(
          'INSERT INTO store_lock (name, holder, host, pid, acquired_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
          [
            name,
            holder,
            host,
            process.pid,
            at.toISOString(),
            new Date(at.getTime() + options.ttlMs).toISOString(),
          ],
        );
        return undefined;
      });
      if (!other) return new RunLock(engine, holder, name);
      const left = deadline - now().getTime();
      if (left <= 0) throw new StoreLockedError(engine.location, other);
      await sleep(Math.min(POLL_MS, left));
    }
  }

  /** Frees the lock, if this run still holds it. */
  async release(): Promise<void> {
    await this.#engine.transaction((tx) =>
      tx.run('DELETE FROM store_lock WHERE name = ? AND holder = ?', [this.#name, this.#holder]),
    );
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
