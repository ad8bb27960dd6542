import { hash } from 'node:crypto';
import type { CheckStatus, Evidence, Severity } from '../checks/check.ts';
import type { Provider } from '../model/resource.ts';
import type { FindingChange } from '../scan/finding.ts';
import type { SqlValue } from './engine.ts';
import type { Lifecycle } from './lifecycles.ts';

/** A finding as the store keeps it: identity, verdict and a hash of the evidence. */
export interface Observation {
  readonly id: string;
  readonly checkId: string;
  readonly provider: Provider;
  readonly account: string;
  readonly resourceId: string;
  readonly resourceName: string;
  /** The requirement ids, as JSON text. */
  readonly requirements: string;
  readonly status: CheckStatus;
  readonly severity: Severity;
  readonly evidenceHash: string;
  readonly waiver: string | null;
}

/**
 * An UNKNOWN of a finding that had no lifecycle when the scan began: it changes nothing, unless
 * a writer in between opened the finding. Its id and evidence hash (two hashes) are worked out
 * only then; most UNKNOWNs of a scan never need them.
 */
export type UnsettledUnknown = Omit<Observation, 'id' | 'evidenceHash'> & {
  readonly evidence: readonly Evidence[];
};

/** The hash of a finding's evidence the store compares scans by (changed-evidence). */
export function evidenceHash(evidence: readonly Evidence[]): string {
  return hash('sha256', JSON.stringify(evidence)).slice(0, 32);
}

/** The unsettled UNKNOWN observed, now that it has a lifecycle (whose finding id is its own). */
export function settled(unknown: UnsettledUnknown, lifecycle: Lifecycle): Observation {
  const { evidence, ...fields } = unknown;
  return { ...fields, id: lifecycle.finding_id, evidenceHash: evidenceHash(evidence) };
}

/**
 * Values by the check + provider + resource a finding id is made of: a finding's is found with
 * the strings the finding already holds, without working out its id (a hash), which most
 * findings (passing, never failed) never need.
 */
export class ByFinding<T> {
  readonly #byResource = new Map<string, { provider: string; checkId: string; value: T }[]>();

  /** Sets the value of the finding (a finding listed twice keeps the last). */
  set(provider: string, resourceId: string, checkId: string, value: T): void {
    const list = this.#byResource.get(resourceId);
    if (!list) {
      this.#byResource.set(resourceId, [{ provider, checkId, value }]);
      return;
    }
    const entry = list.find((e) => e.checkId === checkId && e.provider === provider);
    if (entry) entry.value = value;
    else list.push({ provider, checkId, value });
  }

  get(provider: string, resourceId: string, checkId: string): T | undefined {
    const list = this.#byResource.get(resourceId);
    if (!list) return undefined;
    for (const entry of list) {
      if (entry.checkId === checkId && entry.provider === provider) return entry.value;
    }
    return undefined;
  }
}

/** The lifecycles by finding, for ByFinding lookups. */
export function lifecyclesByFinding(lifecycles: Iterable<Lifecycle>): ByFinding<Lifecycle> {
  const byFinding = new ByFinding<Lifecycle>();
  for (const l of lifecycles) byFinding.set(l.provider, l.resource_id, l.check_id, l);
  return byFinding;
}

/** The change a scan's observation makes to a finding's lifecycle (undefined: nothing to keep). */
export function changeOf(o: Observation, before: Lifecycle | undefined): FindingChange | undefined {
  if (o.status === 'FAIL') {
    if (!before) return 'new';
    if (before.state === 'resolved') return 'reopened';
    if (before.severity !== o.severity) return 'changed-severity';
    if (before.evidence_hash !== o.evidenceHash) return 'changed-evidence';
    return 'open';
  }
  // UNKNOWN settles nothing: an open failure stays open, unverified.
  if (o.status === 'UNKNOWN') return before?.state === 'open' ? 'unknown' : undefined;
  if (!before) return undefined;
  return before.state === 'open' ? 'resolved' : 'passing';
}

/**
 * The rows in the order of the finding ids (hex) in their column `column`, near enough: by the
 * ids' first 32 bits, which a native sort of numbers orders many times faster than a comparison
 * of strings. Each number holds the prefix and the row's index (in the low bits); rows whose id
 * is not hex keep their order. Written in the order of the tables' keys, each row lands next to
 * the one before, in a page the cache holds, not in a random page of an index.
 */
export function inFindingIdOrder(rows: readonly SqlValue[][], column: number): SqlValue[][] {
  const indexBits = Math.max(1, Math.ceil(Math.log2(rows.length)));
  // 53 bits of a double hold the index and as much of the prefix as is left.
  const prefixScale = 2 ** Math.min(32, 53 - indexBits);
  const keys = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const prefix = Number.parseInt((rows[i]![column] as string).slice(0, 8), 16);
    if (!(prefix >= 0)) return [...rows];
    keys[i] = Math.floor((prefix / 2 ** 32) * prefixScale) * 2 ** indexBits + i;
  }
  keys.sort();
  const indexMask = 2 ** indexBits;
  return Array.from(keys, (key) => rows[key % indexMask]!);
}
