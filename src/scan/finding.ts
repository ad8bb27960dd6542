import { hash } from 'node:crypto';
import type { CheckStatus, Evidence, Severity } from '../checks/check.ts';
import type { Localized } from '../model/localized.ts';
import type { KansaType, Origin, Provider } from '../model/resource.ts';

/** A check's verdict on one resource, in the terms of the framework being reported. */
export interface Finding {
  /** Stable across scans: the same check on the same resource has the same id. */
  readonly id: string;
  readonly checkId: string;
  /** The framework's requirement ids this check serves (e.g. OSK-3.1), and their clauses. */
  readonly requirements: readonly string[];
  readonly clauses: readonly string[];
  readonly status: CheckStatus;
  readonly severity: Severity;
  readonly title: Localized;
  readonly message: Localized;
  readonly resource: FindingResource;
  readonly evidence: readonly Evidence[];
  readonly remediation: Localized;
  /**
   * For resources of a Terraform plan: whether the plan brings this failure in (a new resource,
   * or an update after which the check fails where it did not before) or keeps one that exists.
   */
  readonly change?: 'introduced' | 'kept';
  /** The waiver (例外承認) that accepts this failure: the finding is reported WAIVED. */
  readonly waiver?: AppliedWaiver;
  /** Where the finding stands in the history store, when the scan has one. */
  readonly history?: FindingHistory;
}

/** A waiver as a finding carries it (see src/waivers). */
export interface AppliedWaiver {
  readonly id: string;
  readonly reason: string;
  readonly approver: string;
  readonly approved: string;
  readonly expires: string;
  readonly ticket?: string;
}

/** What this scan changes about a finding, relative to the history store (see src/store). */
export type FindingChange =
  | 'new'
  | 'reopened'
  | 'changed-severity'
  | 'changed-evidence'
  | 'open'
  | 'unknown'
  | 'resolved'
  | 'passing';

export interface FindingHistory {
  readonly state: FindingChange;
  readonly firstSeen: string;
  /** When the current open period began (failing findings). */
  readonly openedAt?: string;
}

export interface FindingResource {
  readonly provider: Provider;
  readonly account: string;
  readonly region: string;
  readonly type: KansaType;
  readonly nativeType: string;
  readonly id: string;
  readonly name: string;
  readonly classification: number;
  readonly origin: Origin;
}

export function findingId(checkId: string, provider: Provider, resourceId: string): string {
  return hash('sha256', `${checkId}\0${provider}\0${resourceId}`).slice(0, 32);
}

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = {
  critical: 4,
  high: 3,
  medium: 2,
  low: 1,
  info: 0,
};
