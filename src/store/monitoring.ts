import type { Severity } from '../checks/check.ts';

export interface ChangeMonitoring {
  readonly requirement: string;
  /** Longest gap between two complete scans of the same scope for monitoring to count as periodic. */
  readonly maxScanIntervalDays: number;
  /** Longest a failure of each severity may stay open (unwaived); severities absent have no limit. */
  readonly maxOpenDays: Readonly<Partial<Record<Severity, number>>>;
}

/** The change-monitoring requirement's verdict, worked out from the history. */
export interface MonitoringVerdict {
  readonly requirement: string;
  readonly status: 'PASS' | 'FAIL' | 'UNKNOWN';
  /** The previous complete scan of the same scope, and the days between. */
  readonly previous?: { readonly id: string; readonly finishedAt: string; readonly intervalDays: number };
  readonly maxScanIntervalDays: number;
  /** Unwaived failures open longer than their severity allows (the first 100), and how many in all. */
  readonly overdue: readonly {
    readonly findingId: string;
    readonly checkId: string;
    readonly resourceId: string;
    readonly severity: Severity;
    readonly openedAt: string;
    readonly ageDays: number;
    readonly limitDays: number;
  }[];
  readonly overdueCount: number;
}

/** An unwaived failure the scan recorded, and when its current open period began. */
export interface OpenFailure {
  readonly findingId: string;
  readonly checkId: string;
  readonly resourceId: string;
  readonly severity: Severity;
  readonly openedAt: string;
}

const DAY_MS = 86_400_000;

/**
 * OSK-8.1 (settings monitored, changes caught and put right quickly): UNKNOWN on the first scan
 * of a scope (no history yet); FAIL when the previous complete scan is further back than the
 * framework allows (not periodic), or when an unwaived failure has stayed open longer than its
 * severity allows; else PASS.
 */
export function monitoringVerdict(
  thresholds: ChangeMonitoring,
  failures: readonly OpenFailure[],
  previous: { id: string; finished_at: string } | undefined,
  at: string,
): MonitoringVerdict {
  const now = Date.parse(at);
  // A scan's failures share few opening times (one per earlier scan): each is parsed once.
  const ageOf = new Map<string, number>();
  const overdue: MonitoringVerdict['overdue'][number][] = [];
  for (const failure of failures) {
    const limit = thresholds.maxOpenDays[failure.severity];
    if (limit === undefined) continue;
    let ageDays = ageOf.get(failure.openedAt);
    if (ageDays === undefined) {
      ageDays = Math.floor((now - Date.parse(failure.openedAt)) / DAY_MS);
      ageOf.set(failure.openedAt, ageDays);
    }
    if (ageDays > limit) overdue.push({ ...failure, ageDays, limitDays: limit });
  }
  overdue.sort((a, b) => b.ageDays - a.ageDays);
  const intervalDays = previous ? (now - Date.parse(previous.finished_at)) / DAY_MS : undefined;
  const status =
    intervalDays === undefined
      ? 'UNKNOWN'
      : intervalDays > thresholds.maxScanIntervalDays || overdue.length > 0
        ? 'FAIL'
        : 'PASS';
  return {
    requirement: thresholds.requirement,
    status,
    ...(previous && intervalDays !== undefined
      ? {
          previous: {
            id: previous.id,
            finishedAt: previous.finished_at,
            intervalDays: Math.round(intervalDays * 10) / 10,
          },
        }
      : {}),
    maxScanIntervalDays: thresholds.maxScanIntervalDays,
    overdue: overdue.slice(0, 100),
    overdueCount: overdue.length,
  };
}
