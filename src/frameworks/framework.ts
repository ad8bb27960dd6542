import type { Check, Severity } from '../checks/check.ts';
import type { Localized } from '../model/localized.ts';
import type { ScanParameters } from '../model/parameters.ts';
import type { Provider } from '../model/resource.ts';
import type { PlannedRequirement, ScanPlan } from '../scan/plan.ts';

/** A requirement of a framework: its clause, the checks that show it, what a person must confirm. */
export interface Requirement extends PlannedRequirement {
  readonly id: string;
  readonly clause: string;
  readonly title: Localized;
  readonly checks: readonly string[];
  /**
   * What a person must confirm where no API shows the setting (MANUAL): for one cloud
   * (`aws`, `azure`, `gcp`) or for every cloud (`all`).
   */
  readonly manual: Partial<Record<Provider | 'all', Localized>>;
}

/** A framework (policies/*.yaml): requirement → checks, as data, like a Steampipe benchmark. */
export interface Framework extends ScanPlan {
  readonly id: string;
  readonly version: string;
  readonly title: Localized;
  /** The source document (file in shared/seeds and its title). */
  readonly source: string;
  readonly parameters: ScanParameters;
  readonly requirements: readonly Requirement[];
  /** Where it was loaded from. */
  readonly file: string;
  /** Rules an organisation added in its policy file (`--org-policy`), beside the built-in checks. */
  readonly customChecks: readonly Check[];
  /** Severities an organisation's policy file set for checks, by check id. */
  readonly severityOverrides: Readonly<Record<string, Severity>>;
  /** The organisation policy file applied, if any. */
  readonly orgPolicyFile?: string;
}
