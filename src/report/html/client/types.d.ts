// The shapes the page script works with: the data src/report/html/index.ts embeds in the page
// (compact tuples over a string table; compactData there writes them typed by these, so the
// writer and the page read one contract) and the page's state. Types only: the page script is
// JavaScript checked against these by `tsc -p src/report/html/client` (npm run typecheck);
// nothing here reaches the page.

export type Lang = 'ja' | 'en';
export type Status = 'FAIL' | 'UNKNOWN' | 'PASS' | 'NOT_APPLICABLE';
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export type Provider = 'aws' | 'azure' | 'gcp';
export type Force = 'must' | 'recommended' | 'desirable' | 'confirm';
export type RegionClass = 'domestic' | 'abroad' | 'global';
export type WaiverState = 'active' | 'expiring' | 'expired' | 'stale';
export type Localized = { readonly ja: string; readonly en: string };
export type StatusCounts = Readonly<Record<Status, number>>;

/** An index into `ReportData.strings`. */
export type StringRef = number;

/**
 * One finding: `[id, check, status, severity, resource, messageJa, messageEn, evidence, waiver,
 * historyState, openedAt]`. check and resource index `checks` and `resources`; status and
 * severity index STATUSES and SEVERITIES; evidence (JSON of the evidence list), waiver (JSON of
 * the applied waiver) and historyState are string refs, -1 when absent; openedAt is 0 when absent.
 */
export type FindingRow = readonly [
  id: string,
  check: number,
  status: number,
  severity: number,
  resource: number,
  messageJa: StringRef,
  messageEn: StringRef,
  evidence: StringRef | -1,
  waiver: StringRef | -1,
  historyState: StringRef | -1,
  openedAt: string | 0,
];

/** One check as this view maps it: `[checkId, titleJa, titleEn, remediationJa, remediationEn, requirements, clauses]`. */
export type CheckRow = readonly [
  checkId: string,
  titleJa: StringRef,
  titleEn: StringRef,
  remediationJa: StringRef,
  remediationEn: StringRef,
  requirements: readonly string[],
  clauses: readonly string[],
];

/**
 * One resource: `[provider, account, region, type, nativeType, id, name, classification, file, position]`.
 * provider indexes PROVIDERS; name is 0 when it is the id; position is `L<line>`, a record
 * index, or '' when the input has neither.
 */
export type ResourceRow = readonly [
  provider: number,
  account: StringRef,
  region: StringRef,
  type: StringRef,
  nativeType: StringRef,
  id: string,
  name: string | 0,
  classification: number,
  file: StringRef,
  position: string | number,
];

export interface Requirement {
  readonly id: string;
  readonly clause: string;
  /** Absent in findings files written before requirements carried their force. */
  readonly force?: Force;
  readonly orgParameters?: readonly { readonly name: string; readonly value: unknown }[];
  readonly title: Localized;
  readonly status: Status | 'MANUAL';
  readonly counts: StatusCounts;
  readonly checks: readonly string[];
  readonly manual: readonly { readonly provider: Provider | 'all'; readonly text: Localized }[];
  /** What the row says beside its verdict (src/report/requirement-note.ts). */
  readonly note?: Localized;
}

export interface Evidence {
  readonly source: 'explicit' | 'default' | 'unknown';
  readonly path: string;
  readonly value?: unknown;
  readonly note?: Localized;
  readonly resourceId?: string;
}

export interface AppliedWaiver {
  readonly id: string;
  readonly reason: string;
  readonly approver: string;
  readonly approved: string;
  readonly expires: string;
}

export interface SkippedRecord {
  readonly index?: number;
  readonly line?: number;
  readonly reason: string;
  /** The reason in Japanese (report/problem-text.ts). */
  readonly reasonJa?: string;
}

export interface HistoryPoint {
  readonly at: string;
  readonly byStatus: StatusCounts;
  readonly failedBySeverity: Readonly<Record<Severity, number>>;
}

/** The JSON in `<script type="application/json" id="kansa-data">`. */
export interface ReportData {
  readonly v: 2;
  readonly lang: string;
  readonly view: { readonly id: string; readonly version: string; readonly title: Localized };
  readonly scan: {
    readonly tool: { readonly version: string };
    readonly startedAt: string;
    readonly finishedAt: string;
    readonly inputs: readonly string[];
    readonly framework: { readonly id: string; readonly version: string; readonly title: Localized };
    readonly partial: boolean;
    readonly allowedRegions?: Partial<Record<Provider, readonly string[]>>;
  };
  readonly requirements: readonly Requirement[];
  readonly summary: {
    readonly findings: number;
    readonly byStatus: StatusCounts;
    readonly failedBySeverity: Readonly<Record<Severity, number>>;
  };
  readonly changes: {
    readonly counts: Readonly<Record<string, number>>;
    readonly previous: { readonly finishedAt: string } | null;
  } | null;
  readonly waivers:
    | readonly {
        readonly id: string;
        readonly at: string;
        readonly state: WaiverState;
        readonly expires: string;
        readonly matched: number;
      }[]
    | null;
  readonly coverage: {
    readonly files: readonly {
      readonly path: string;
      readonly format?: string;
      readonly resources: number;
      readonly skipped: readonly SkippedRecord[];
      readonly skippedCount: number;
      readonly error?: string;
      readonly errorJa?: string;
    }[];
    readonly scopes: readonly {
      readonly provider: Provider;
      readonly scope: string;
      readonly scopeJa?: string;
      readonly resources: number;
      readonly requests: number;
      readonly error?: string;
      readonly errorJa?: string;
    }[];
    readonly resourcesByType: readonly {
      readonly provider: Provider;
      readonly type: string;
      readonly nativeType: string;
      readonly count: number;
    }[];
    readonly notEvaluated: readonly { readonly checkId: string; readonly resources: number }[];
  };
  readonly history: readonly HistoryPoint[];
  readonly strings: readonly string[];
  readonly checks: readonly CheckRow[];
  readonly resources: readonly ResourceRow[];
  readonly findings: readonly FindingRow[];
}

/**
 * One part of the findings as the page carries them: the findings of the part, with the strings
 * and resources first referred to in it. Indexes run on across parts: the page joins the parts
 * into ReportData's tables (src/report/html/index.ts writes the report in bounded memory so).
 */
export interface ReportPart {
  readonly strings: readonly string[];
  readonly resources: readonly ResourceRow[];
  readonly findings: readonly FindingRow[];
}

/** The data as embedded in the page: ReportData with its findings, strings and resources in parts. */
export type EmbeddedReportData = Omit<ReportData, 'strings' | 'resources' | 'findings'> & {
  readonly parts: readonly ReportPart[];
};

/** The findings table's filter; '' means any. */
export interface Filter {
  provider: '' | Provider;
  account: string;
  requirement: string;
  severity: '' | Severity;
  status: '' | Status;
  text: string;
}

export type SortKey =
  | 'default'
  | 'status'
  | 'severity'
  | 'requirement'
  | 'check'
  | 'resource'
  | 'account'
  | 'region';
export interface Sort {
  readonly key: SortKey;
  readonly desc: boolean;
}

/** What the page shows now: the language, the table's filter, order and page, the open finding. */
export interface PageState {
  lang: Lang;
  filter: Filter;
  sort: Sort;
  page: number;
  /** The findings the filter keeps, in the table's order. */
  rows: Uint32Array;
  /** The finding open in the dialog; -1 when none is. */
  openIndex: number;
}

/** The page: its data, its state, its sections, and the actions one section asks of another. */
export interface Page {
  readonly report: import('./data.js').Report;
  readonly tally: import('./aggregate.js').Tally;
  readonly search: import('./filter.js').Search;
  readonly state: PageState;
  readonly root: {
    readonly header: HTMLElement;
    readonly summary: HTMLElement;
    readonly findings: HTMLElement;
    readonly coverage: HTMLElement;
    readonly dialog: HTMLDialogElement;
  };
  /** Narrows the findings table (a chart's bar, a filter control) and shows its first page. */
  applyFilter(change: Partial<Filter>): void;
  openFinding(i: number): void;
  setLang(lang: Lang): void;
}
