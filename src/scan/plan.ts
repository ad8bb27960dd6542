import type { Check, Severity } from '../checks/check.ts';
import type { ScanParameters } from '../model/parameters.ts';

/**
 * What the engine needs to know to run a scan: which checks serve which requirements, with
 * which parameters. A framework (`src/frameworks/`, `policies/*.yaml`) is one; the scan layer
 * declares the shape so that it never imports the frameworks layer above it.
 */
export interface ScanPlan {
  readonly id: string;
  readonly parameters: ScanParameters;
  readonly requirements: readonly PlannedRequirement[];
  /** Rules an organisation added in its policy file (`--org-policy`), beside the built-in checks. */
  readonly customChecks: readonly Check[];
  /** Severities an organisation's policy file set for checks, by check id. */
  readonly severityOverrides: Readonly<Record<string, Severity>>;
}

/** A requirement as the engine sees it: its id, the clause it cites and the checks behind it. */
export interface PlannedRequirement {
  readonly id: string;
  readonly clause: string;
  readonly checks: readonly string[];
  /**
   * The highest severity a finding may carry under this requirement: a framework derives it from
   * the clause's force (a desirable item never outranks a must).
   */
  readonly severityCeiling: Severity;
}
