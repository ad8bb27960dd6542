/** A subscription's share of the scan, for its coverage line. */
export interface SubscriptionScan {
  readonly id: string;
  name: string;
  resources: number;
  requests: number;
  readonly errors: string[];
  /** ARM bodies as the wire carried them, by `--save-inventory` file prefix. */
  readonly bodies: Map<string, unknown[]>;
  /** Kinds of `bodies` a call of which failed: saved, but not as the subscription's listing. */
  readonly incomplete: Set<string>;
  /** ARM reads started for it (as its resources arrive from Resource Graph). */
  readonly work: Promise<void>[];
  /** Its deadline: past it, its ARM reads stop and the gap is listed. */
  readonly deadline: AbortSignal;
}

/** What the parts of one Azure scan share: its subscriptions, its counts, its Resource Graph scope. */
export interface AzureRun {
  readonly subscriptions: Map<string, SubscriptionScan>;
  /** The subscription's scan, made on first sight (a row of a subscription not asked for included). */
  scanOf(id: string): SubscriptionScan;
  /** Resource Graph requests, shared by the subscriptions of a batch (the `resource graph` scope). */
  graphRequests: number;
  readonly graphErrors: string[];
  resources: number;
  throttled: number;
  done: number;
  progress(): void;
}
