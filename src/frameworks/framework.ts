import type { Check, Severity } from '../checks/check.ts';
import type { Localized } from '../model/localized.ts';
import type { ScanParameters } from '../model/parameters.ts';
import type { Provider } from '../model/resource.ts';
import type { PlannedRequirement, ScanPlan } from '../scan/plan.ts';
import type { Force } from './force.ts';

/** One place in a guideline: the document (a key of the framework's `documents`) and its own numbering. */
export interface Citation {
  readonly doc: string;
  /** In the guideline's own numbering, e.g. `第4章 3.5(1) 表 No.1`, `3.3 1)(4)`, `2(4)`. */
  readonly at: string;
}

/** A guideline a framework cites: its title (what users see) and the file it was read from. */
export interface GuidelineDocument {
  readonly title: Localized;
  /** The plain-text source in the developers' material (shared/seeds), for developers only. */
  readonly file: string;
}

/** A requirement of a framework: its clause, the checks that show it, what a person must confirm. */
export interface Requirement extends PlannedRequirement {
  readonly id: string;
  /** The citations, rendered for people: each guideline by its title, then its own numbering. */
  readonly clause: string;
  readonly citations: readonly Citation[];
  /** How strongly the cited clause asks for it; it caps the severity of the findings. */
  readonly force: Force;
  /** The highest severity a finding may carry under this requirement (from `force`). */
  readonly severityCeiling: Severity;
  /**
   * Parameters whose values no guideline states: the organisation's choice, labelled so in
   * reports (e.g. 90 days of access-key age).
   */
  readonly orgParameters: readonly string[];
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
  /** The source files (shared/seeds), for developers; users see `documents` titles. */
  readonly source: string;
  /** The guidelines the requirements cite, by key. */
  readonly documents: Readonly<Record<string, GuidelineDocument>>;
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
