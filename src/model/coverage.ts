import type { Provider } from './resource.ts';

/*
 * Coverage: what a scan read and what it could not. Sources produce it, the scan gathers it, and
 * reports, the store and the SOC delivery print it; it lives in the model so that each of those
 * layers reads it from below.
 */

/** What became of one input file: the coverage section of the report lists every one. */
export interface FileCoverage {
  readonly path: string;
  /** The file's SHA-256 (hex); empty when it was not read, or when the scan shows only its summary. */
  readonly sha256: string;
  readonly bytes: number;
  /** The format it was read as; absent when it could not be read. */
  format?: string;
  resources: number;
  /** Records that were not resources (malformed, not recorded, unsupported), with the reason. */
  readonly skipped: { index?: number; line?: number; reason: string }[];
  /** Records that say a resource was deleted (read: the newest record of a resource wins). */
  deleted?: number;
  /** Records read with something odd about them (a placeholder id), with what it was. */
  notes?: { index?: number; line?: number; note: string }[];
  /** Why the file could not be read at all. */
  error?: string;
  /**
   * Why the file was deliberately not read (not an error, the scan is not partial): kansa's own
   * findings file, documentation, a FIFO or device, a directory already read through a link.
   */
  ignored?: string;
}

/** What became of one scope of a live scan. */
export interface ScopeCoverage {
  readonly provider: Provider;
  /** e.g. `subscription 0b1f…`, `111122223333 ap-northeast-1`, `projects/123456`. */
  readonly scope: string;
  readonly resources: number;
  /** API requests made for this scope (retries included). */
  readonly requests: number;
  /** Why the scope, or part of it, could not be read; absent when it was read whole. */
  readonly error?: string;
}
