import type { CheckStatus, Severity } from '../checks/check.ts';
import type { Force } from '../frameworks/force.ts';
import type { Framework } from '../frameworks/framework.ts';
import type { Localized } from '../model/localized.ts';
import type { ScanParameters } from '../model/parameters.ts';
import { PROVIDERS, type Provider } from '../model/resource.ts';
import type { ResultCounter } from '../scan/evaluate.ts';
import { type Finding, SEVERITY_RANK } from '../scan/finding.ts';

/** A requirement's verdict: the worst of its findings, or MANUAL when only a person can tell. */
export type RequirementStatus = CheckStatus | 'MANUAL';

export type StatusCounts = Record<CheckStatus, number>;

export interface RequirementResult {
  readonly id: string;
  readonly clause: string;
  readonly force: Force;
  /** The requirement's numbers that no guideline states, with their values in this scan. */
  readonly orgParameters: readonly { readonly name: string; readonly value: unknown }[];
  readonly title: Localized;
  readonly status: RequirementStatus;
  readonly counts: StatusCounts;
  readonly checks: readonly string[];
  /** What a person must confirm, for the clouds in this scan. */
  readonly manual: readonly { provider: Provider | 'all'; text: Localized }[];
}

const WORST_KEPT = 20;
/** Lists of requirement ids counted apart before they are added into the counts by requirement. */
const MAX_LISTS = 10_000;

/**
 * Tallies findings as they stream past, keeping only counts and the worst few, so the summary
 * costs the same memory for ten findings or ten million.
 */
export class FindingTally implements ResultCounter {
  readonly byStatus: StatusCounts = emptyCounts();
  readonly failedBySeverity: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  /** Failures accepted by a waiver (counted in failedBySeverity too: the verdict stays FAIL). */
  readonly waivedBySeverity: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  waived = 0;
  readonly #byRequirement = new Map<string, StatusCounts>();
  /**
   * Counts by the list of requirement ids the findings serve, added into #byRequirement when
   * read. The findings of one check share one list, so a finding costs one lookup, not one per
   * requirement; past MAX_LISTS lists (findings that each bring their own) they are added in.
   */
  readonly #byRequirementList = new Map<readonly string[], StatusCounts>();
  /** UNKNOWN results per check: what could not be evaluated. */
  readonly unknownByCheck = new Map<string, number>();
  #worst: Finding[] = [];
  total = 0;

  add(finding: Finding): void {
    this.#count(finding.checkId, finding.requirements, finding.status);
    if (finding.status === 'FAIL') {
      this.failedBySeverity[finding.severity]++;
      if (finding.waiver) {
        this.waived++;
        this.waivedBySeverity[finding.severity]++;
      }
      this.#keepIfWorst(finding);
    }
  }

  /** A result that is no failure, counted without a finding (see evaluate's `counted`). */
  countResult(checkId: string, requirements: readonly string[], status: Exclude<CheckStatus, 'FAIL'>): void {
    this.#count(checkId, requirements, status);
  }

  #count(checkId: string, requirements: readonly string[], status: CheckStatus): void {
    this.total++;
    this.byStatus[status]++;
    let counts = this.#byRequirementList.get(requirements);
    if (!counts) {
      if (this.#byRequirementList.size >= MAX_LISTS) this.#countByRequirement();
      counts = emptyCounts();
      this.#byRequirementList.set(requirements, counts);
    }
    counts[status]++;
    if (status === 'UNKNOWN') this.unknownByCheck.set(checkId, (this.unknownByCheck.get(checkId) ?? 0) + 1);
  }

  /** The most severe failures, most severe first (ties: first seen). */
  get worst(): readonly Finding[] {
    return this.#worst;
  }

  /** True when some unwaived failure is at or above the threshold (`--fail-on`): waived ones do not count. */
  failedAtOrAbove(threshold: Severity): boolean {
    const rank = SEVERITY_RANK[threshold];
    return Object.entries(this.failedBySeverity).some(
      ([severity, count]) =>
        count - this.waivedBySeverity[severity as Severity] > 0 &&
        SEVERITY_RANK[severity as Severity] >= rank,
    );
  }

  requirements(framework: Framework, providers: ReadonlySet<Provider>): RequirementResult[] {
    this.#countByRequirement();
    return framework.requirements.map((requirement) => {
      const counts = this.#byRequirement.get(requirement.id) ?? emptyCounts();
      const manual = (['all', ...PROVIDERS] as const)
        .filter((p) => p === 'all' || providers.has(p))
        .flatMap((provider) => {
          const text = requirement.manual[provider];
          return text ? [{ provider, text }] : [];
        });
      return {
        id: requirement.id,
        clause: requirement.clause,
        force: requirement.force,
        orgParameters: requirement.orgParameters.map((name) => ({
          name,
          value: framework.parameters[name as keyof ScanParameters],
        })),
        title: requirement.title,
        // A 確認する (confirm) clause asks a person to look: its findings are information, and the
        // failures belong to the requirements that forbid what they show (OSK-7.1 → LOC-1).
        status:
          requirement.force === 'confirm'
            ? 'MANUAL'
            : verdict(counts, requirement.checks.length > 0 && manual.length === 0),
        counts,
        checks: requirement.checks,
        manual,
      };
    });
  }

  /** Adds the counts by list of requirements into the counts by requirement. */
  #countByRequirement(): void {
    for (const [ids, listCounts] of this.#byRequirementList) {
      for (const id of ids) {
        let counts = this.#byRequirement.get(id);
        if (!counts) {
          counts = emptyCounts();
          this.#byRequirement.set(id, counts);
        }
        counts.FAIL += listCounts.FAIL;
        counts.UNKNOWN += listCounts.UNKNOWN;
        counts.PASS += listCounts.PASS;
        counts.NOT_APPLICABLE += listCounts.NOT_APPLICABLE;
      }
    }
    this.#byRequirementList.clear();
  }

  #keepIfWorst(finding: Finding): void {
    const worst = this.#worst;
    const rank = SEVERITY_RANK[finding.severity];
    if (worst.length === WORST_KEPT && SEVERITY_RANK[worst[WORST_KEPT - 1]!.severity] >= rank) return;
    let at = worst.length;
    while (at > 0 && SEVERITY_RANK[worst[at - 1]!.severity] < rank) at--;
    worst.splice(at, 0, finding);
    if (worst.length > WORST_KEPT) worst.pop();
  }
}

function emptyCounts(): StatusCounts {
  return { FAIL: 0, UNKNOWN: 0, PASS: 0, NOT_APPLICABLE: 0 };
}

/** Worst status first; with no findings, a requirement fully covered by checks had nothing to check. */
export function verdict(counts: StatusCounts, automated: boolean): RequirementStatus {
  if (counts.FAIL > 0) return 'FAIL';
  if (counts.UNKNOWN > 0) return 'UNKNOWN';
  if (counts.PASS > 0) return 'PASS';
  return automated ? 'NOT_APPLICABLE' : 'MANUAL';
}
