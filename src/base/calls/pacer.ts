/**
 * Pacing is what p-limit does not do: keeping a cloud's request rate under its quota (Resource
 * Graph's per-user window, Cloud Asset's per-minute window, ARM's per-subscription token
 * bucket) rather than bouncing off it. Concurrency stays p-limit's job. Each quota has its
 * own implementation of this one interface.
 */
export interface Pacer {
  /** Resolves when one more request may be sent; rejects if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<Permit>;
  /** A throttled answer said to wait `ms`: hold every caller that long. */
  throttled(ms: number): void;
}

/** One admitted request. */
export interface Permit {
  /** Unique per request (Resource Graph carries it as `x-ms-client-request-id`). */
  readonly id: string;
  /** The request leaves for the wire now (after the credential's token, which may take seconds). */
  sent(): void;
  /** The answer's headers, for pacers driven by the quota the service reports. */
  observe(headers: HeaderSource): void;
  /** The call is over (answered, failed, or never sent). */
  release(): void;
}

export interface HeaderSource {
  get(name: string): string | null | undefined;
}
