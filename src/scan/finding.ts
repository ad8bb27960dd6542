import { hash } from 'node:crypto';
import { capStrings } from '../base/cap.ts';
import type { CheckStatus, Evidence, Severity } from '../checks/check.ts';
import { type Localized, renderLocalized } from '../model/localized.ts';
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
  /** The message: a template of the check's (`meta.messages`) by id, and its parameters. */
  readonly messageId: string;
  readonly data: Readonly<Record<string, unknown>> | undefined;
  /** The message rendered (when it is read: the terminal-only scan shows a handful). */
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

/** The message of a check that threw: a kansa bug, reported as UNKNOWN, never as a pass. */
export const CHECK_ERROR = '__checkError';
export const CHECK_ERROR_TEXT: Localized = {
  ja: 'チェックの実行中にエラーが発生しました（kansa の不具合）: {{error}}',
  en: 'The check failed with an error (a kansa bug): {{error}}',
};

/**
 * The message of a check on a resource only listed (`Resource.listedOnly`: a row of a console's
 * inventory export, a record whose settings could not be read), which shows none of the settings or tags the check decides on.
 */
export const LISTED_ONLY = '__listedOnly';
export const LISTED_ONLY_TEXT: Localized = {
  ja: 'このリソースはエクスポートに名前と場所だけがあり（コンソールの一覧のエクスポート（CSV）、または設定を読めない記録: 読み込みの注記に理由があります）、設定もタグのすべても含まれていないため判断できません',
  en: "The export names this resource without its settings (a console's list export (CSV), or a record whose settings could not be read: the inputs' notes say why), and not all of its tags: not judged",
};

/** The messages the engine gives in place of a check's own. */
export const ENGINE_MESSAGES: Readonly<Record<string, Localized>> = {
  [CHECK_ERROR]: CHECK_ERROR_TEXT,
  [LISTED_ONLY]: LISTED_ONLY_TEXT,
};

/**
 * A finding as the scan makes it: the id (a hash), the message (a template filled in) and the
 * capped data and evidence (base/cap.ts) are worked out when first read, since most paths read
 * none of them for most findings (the terminal-only scan reads them for the worst few).
 */
export class ScanFinding implements Finding {
  readonly checkId: string;
  readonly requirements: readonly string[];
  readonly clauses: readonly string[];
  readonly status: CheckStatus;
  readonly severity: Severity;
  readonly title: Localized;
  readonly messageId: string;
  readonly resource: FindingResource;
  readonly remediation: Localized;
  readonly change: Finding['change'];
  readonly waiver: AppliedWaiver | undefined;
  readonly history: FindingHistory | undefined;
  readonly #template: Localized;
  /** The check's data and evidence as it gave them, before capping. */
  readonly #givenData: Readonly<Record<string, unknown>> | undefined;
  readonly #givenEvidence: readonly Evidence[];
  #data: Readonly<Record<string, unknown>> | undefined | typeof NOT_YET = NOT_YET;
  #evidence: readonly Evidence[] | undefined;
  #id: string | undefined;
  #message: Localized | undefined;

  /** `data` and `evidence` as the check gave them: they are capped when read. */
  constructor(fields: Omit<Finding, 'id' | 'message'> & { readonly template: Localized }) {
    this.checkId = fields.checkId;
    this.requirements = fields.requirements;
    this.clauses = fields.clauses;
    this.status = fields.status;
    this.severity = fields.severity;
    this.title = fields.title;
    this.messageId = fields.messageId;
    this.resource = fields.resource;
    this.remediation = fields.remediation;
    this.change = fields.change;
    this.waiver = fields.waiver;
    this.history = fields.history;
    this.#template = fields.template;
    this.#givenData = fields.data;
    this.#givenEvidence = fields.evidence;
  }

  get id(): string {
    this.#id ??= findingId(this.checkId, this.resource.provider, this.resource.id);
    return this.#id;
  }

  get data(): Readonly<Record<string, unknown>> | undefined {
    if (this.#data === NOT_YET) this.#data = capStrings(this.#givenData);
    return this.#data;
  }

  get evidence(): readonly Evidence[] {
    this.#evidence ??= cappedEvidence(this.#givenEvidence);
    return this.#evidence;
  }

  /** The same finding with a waiver or its history state (a copy: a finding is never changed). */
  with(extra: Pick<Finding, 'waiver' | 'history'>): ScanFinding {
    const copy = new ScanFinding({
      ...this,
      template: this.#template,
      data: this.#givenData,
      evidence: this.#givenEvidence,
      ...extra,
    });
    copy.#id = this.#id;
    copy.#data = this.#data;
    copy.#evidence = this.#evidence;
    copy.#message = this.#message;
    return copy;
  }

  /** Rendered from data already capped; the text is capped again (base/cap.ts). */
  get message(): Localized {
    this.#message ??= capStrings(renderLocalized(this.#template, this.data));
    return this.#message;
  }
}

/** The data of a finding not capped yet (undefined is a finding's data too). */
const NOT_YET = Symbol('not capped yet');

/**
 * capStrings over a finding's evidence. Most evidence items are shared facts (model/fact.ts:
 * one frozen object per setting, value and note), each looked through once: a scan caps the
 * evidence of millions of findings.
 */
function cappedEvidence(evidence: readonly Evidence[]): readonly Evidence[] {
  let capped: Evidence[] | undefined;
  for (let i = 0; i < evidence.length; i++) {
    const item = evidence[i]!;
    if (NOTHING_TO_CAP.has(item)) continue;
    const cut = capStrings(item);
    if (cut !== item) {
      capped ??= [...evidence];
      capped[i] = cut;
    } else if (Object.isFrozen(item)) NOTHING_TO_CAP.add(item);
  }
  return capped ?? evidence;
}

/** Shared (frozen) evidence items found to hold no string too long for a finding. */
const NOTHING_TO_CAP = new WeakSet<object>();

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

/** A finding with a waiver or its history state added (the scan's own findings keep their lazy id and message). */
export function annotate(finding: Finding, extra: Pick<Finding, 'waiver' | 'history'>): Finding {
  return finding instanceof ScanFinding ? finding.with(extra) : { ...finding, ...extra };
}
