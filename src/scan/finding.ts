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
}

/** The message of a check that threw: a kansa bug, reported as UNKNOWN, never as a pass. */
export const CHECK_ERROR = '__checkError';
export const CHECK_ERROR_TEXT: Localized = {
  ja: 'チェックの実行中にエラーが発生しました（kansa の不具合）: {{error}}',
  en: 'The check failed with an error (a kansa bug): {{error}}',
};

/**
 * A finding as the scan makes it: the id (a hash) and the message (a template filled in) are
 * worked out when first read, since most paths read neither for most findings.
 */
export class ScanFinding implements Finding {
  readonly checkId: string;
  readonly requirements: readonly string[];
  readonly clauses: readonly string[];
  readonly status: CheckStatus;
  readonly severity: Severity;
  readonly title: Localized;
  readonly messageId: string;
  readonly data: Readonly<Record<string, unknown>> | undefined;
  readonly resource: FindingResource;
  readonly evidence: readonly Evidence[];
  readonly remediation: Localized;
  readonly change: Finding['change'];
  readonly #template: Localized;
  #id: string | undefined;
  #message: Localized | undefined;

  constructor(fields: Omit<Finding, 'id' | 'message'> & { readonly template: Localized }) {
    this.checkId = fields.checkId;
    this.requirements = fields.requirements;
    this.clauses = fields.clauses;
    this.status = fields.status;
    this.severity = fields.severity;
    this.title = fields.title;
    this.messageId = fields.messageId;
    this.data = fields.data;
    this.resource = fields.resource;
    this.evidence = fields.evidence;
    this.remediation = fields.remediation;
    this.change = fields.change;
    this.#template = fields.template;
  }

  get id(): string {
    this.#id ??= findingId(this.checkId, this.resource.provider, this.resource.id);
    return this.#id;
  }

  /** Rendered from data already capped; the text is capped again (base/cap.ts). */
  get message(): Localized {
    this.#message ??= capStrings(renderLocalized(this.#template, this.data));
    return this.#message;
  }
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
