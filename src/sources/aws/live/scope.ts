import type { Resource } from '../../../model/resource.ts';
import type { ReadContext } from '../../format.ts';
import type { LiveContext } from '../../live.ts';
import type { RegionClients } from './clients.ts';

/** One unit of work the collector reports on: an account × region, or an account's IAM. */
export interface Scope {
  readonly account: string;
  readonly region: string;
  readonly label: string;
  readonly clients: RegionClients;
  requests: number;
  resources: number;
  readonly gaps: string[];
  /** The scope's deadline: past it, its calls are abandoned and the gap is listed. */
  readonly deadline: AbortSignal;
}

/** Shared by every part of one collection. */
export interface Collection {
  readonly ctx: LiveContext;
  /** Wait between credential-report generation polls. */
  readonly reportPollMs: number;
  /** Runs one API call under the concurrency bound and the scope's deadline (the SDK retries). */
  call<T>(scope: Scope, send: () => Promise<T>): Promise<T>;
  /** Emits resources read from one source, returning how many. */
  emitAll(resources: Iterable<Resource>): number;
  readContext(file: string): ReadContext;
  /** Writes a file under `<save dir>/aws/` when `--save-inventory` is set. */
  save(relative: string, content: string): Promise<void>;
  /** One shared run of `make` per key (an account's bucket list, read once for all its regions). */
  once<T>(key: string, make: () => Promise<T>): Promise<T>;
  /** True for the first caller of a key only (an account-wide read done by one region). */
  claim(key: string): boolean;
}
