import { getHeapStatistics } from 'node:v8';

/** Default bound of a gzip input's inflated size (`kansa scan --max-inflated-mib`). */
export const DEFAULT_MAX_INFLATED_BYTES = 512 * 2 ** 20;

/**
 * Default bound of all the input a scan reads, inflated (`kansa scan --max-input-mib`): half
 * of this process's heap limit. What a scan holds grows with what it reads: the normalized
 * inventory and the document being parsed take about twice the input's size at their peak
 * (623 MB of exports, 1.2 GB peak; bench/results.md), so half the heap leaves room for the
 * findings. Past it the scan stops reading, names the bound and is partial, rather than dying
 * out of memory with nothing written. `NODE_OPTIONS=--max-old-space-size=…` raises both.
 */
export const DEFAULT_MAX_INPUT_BYTES =
  Math.floor(getHeapStatistics().heap_size_limit / 2 / 2 ** 20) * 2 ** 20;

/**
 * The input a scan may still read: each file's bytes (inflated) are spent from it. Once a file
 * would go past the bound, nothing more is read; every file left is listed with the reason.
 */
export class InputBudget {
  readonly limit: number;
  #spent = 0;
  #exhausted = false;

  constructor(limit: number = DEFAULT_MAX_INPUT_BYTES) {
    this.limit = limit;
  }

  get remaining(): number {
    return this.#exhausted ? 0 : this.limit - this.#spent;
  }

  get exhausted(): boolean {
    return this.#exhausted;
  }

  /** Spends `bytes`; false (and nothing more is read) when they do not fit. */
  spend(bytes: number): boolean {
    if (this.#exhausted || this.#spent + bytes > this.limit) {
      this.stop();
      return false;
    }
    this.#spent += bytes;
    return true;
  }

  /** Nothing more is read (a file was found too large for what is left). */
  stop(): void {
    this.#exhausted = true;
  }
}
