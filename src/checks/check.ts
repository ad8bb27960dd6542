import type { Fact } from '../model/fact.ts';
import type { Localized } from '../model/localized.ts';
import type { ScanParameters } from '../model/parameters.ts';
import {
  isLiveOrigin,
  type KansaType,
  type Origin,
  type Provider,
  type Resource,
} from '../model/resource.ts';
import { liveNote } from './live-notes.ts';
import { liveVariant } from './missing-data.ts';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** What a check can conclude. MANUAL and WAIVED are decided by frameworks, not by checks. */
export type CheckStatus = 'PASS' | 'FAIL' | 'NOT_APPLICABLE' | 'UNKNOWN';

/**
 * One piece of evidence: a field (path in the native record) and its value with provenance.
 * A `Fact` is evidence as it is; `resourceId` is set when the value belongs to another
 * resource (e.g. the account-level S3 Block Public Access deciding for a bucket).
 */
export type Evidence = Fact<unknown> & { readonly resourceId?: string };

export interface CheckMeta<M extends string = string> {
  /** Equals the module's path under src/checks with '/' → '.', e.g. `aws.s3.bucket-public-access`. */
  readonly id: string;
  /** The cloud the check reads, or 'any' for cross-cloud checks (data location). */
  readonly provider: Provider | 'any';
  readonly resourceTypes: readonly KansaType[];
  /**
   * The native types (as the sources spell them: `AWS::S3::Bucket`,
   * `microsoft.sql/servers`, `sqladmin.googleapis.com/Instance`) the check reads, when it
   * reads only some of its kansa types' native types; absent, it reads them all. The engine
   * never runs a check on another native type, so the check needs no guard for them.
   */
  readonly nativeTypes?: readonly string[];
  readonly severity: Severity;
  readonly title: Localized;
  /** Why it matters, in a sentence or two. */
  readonly rationale: Localized;
  /** How to fix: the CLI command or portal path. */
  readonly remediation: Localized;
  /** Message templates by id; `{{name}}` is filled from the result's data. */
  readonly messages: Readonly<Record<M, Localized>>;
  /** Cloud documentation that states the setting and its default. */
  readonly references?: readonly string[];
}

export interface CheckResult<M extends string = string> {
  readonly status: CheckStatus;
  readonly message: M;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly evidence: readonly Evidence[];
  /** Set when the result itself changes the severity (e.g. LOC-3: abroad but CMK-encrypted). */
  readonly severity?: Severity;
}

/** Read-only view of the whole inventory, for checks that need a related resource. */
export interface InventoryView {
  /** Resources of one account (AWS account, subscription, project), optionally of one type. */
  inAccount(provider: Provider, account: string, kansaType?: KansaType): readonly Resource[];
  byId(provider: Provider, id: string): Resource | undefined;
}

export interface CheckContext {
  readonly params: ScanParameters;
  /** The scan time, against which ages (access keys, certificates) are measured. */
  readonly now: Date;
  readonly inventory: InventoryView;
  /** The resource's information classification (CLS): its tag, or the configured default. */
  classification(resource: Resource): number;
}

// The facts type parameter is `any` in the registry's view: each check narrows it to the
// facts interface its resource types carry.
// biome-ignore lint/suspicious/noExplicitAny: see above
export interface Check<F extends object = any, M extends string = string> {
  readonly meta: CheckMeta<M>;
  evaluate(resource: Resource<F>, ctx: CheckContext): CheckResult<M>;
}

/** Whether the engine runs the check on the resource: its provider, kansa type and native type. */
export function appliesTo(meta: CheckMeta, resource: Resource): boolean {
  return (
    (meta.provider === 'any' || meta.provider === resource.provider) &&
    meta.resourceTypes.includes(resource.kansaType) &&
    (meta.nativeTypes === undefined || meta.nativeTypes.includes(resource.nativeType))
  );
}

/** Suffix of a message's live variant (missing-data.ts): `notExported` → `notExported.live`. */
const LIVE_SUFFIX = '.live';

/**
 * Lets TypeScript infer message ids and check them against `meta.messages`. A message made by
 * `missingData` (advice to add an export) gets its live variant as a message of its own, shown
 * for a resource read live, where an export to add is the wrong advice; a message or an evidence
 * note that speaks of "the export" speaks of the live scan's data instead (live-notes.ts).
 */
export function defineCheck<F extends object, M extends string>(check: Check<F, M>): Check<F, M> {
  const live = Object.entries<Localized>(check.meta.messages).flatMap(([id, text]) => {
    // Advice to add an export names the live call instead; a message that only says what "the
    // export" does not show says it of the live scan's data.
    const variant = liveVariant(text) ?? liveNote(text);
    return variant !== text ? [[`${id}${LIVE_SUFFIX}`, variant] as const] : [];
  });
  const messages = { ...check.meta.messages, ...Object.fromEntries(live) };
  const hasLive = new Set<string>(live.map(([id]) => id));
  return {
    meta: live.length === 0 ? check.meta : { ...check.meta, messages },
    evaluate(resource, ctx) {
      const result = check.evaluate(resource, ctx);
      const readLive = wasReadLive(resource);
      const evidence = withLiveNotes(result.evidence, resource, readLive, ctx.inventory);
      // The live variant's id is built only for a resource read live (a hot path: every finding).
      const id = readLive && hasLive.size > 0 ? `${result.message}${LIVE_SUFFIX}` : '';
      const message = id !== '' && hasLive.has(id) ? (id as M) : result.message;
      return evidence === result.evidence && message === result.message
        ? result
        : { ...result, evidence, message };
    },
  };
}

/**
 * Whether the resource was read live (isLiveOrigin). The engine runs a resource's checks one
 * after another, so the last answer is kept: each check asks, for every resource.
 */
function wasReadLive(resource: Resource): boolean {
  if (resource !== lastAsked) {
    lastAsked = resource;
    lastLive = isLiveOrigin(resource.origin);
  }
  return lastLive;
}
let lastAsked: Resource | undefined;
let lastLive = false;

/**
 * A check's evidence with the live wording (live-notes.ts) in the notes of facts read live: the
 * resource's own (`readLive`: the resource was read live), or the related resource's a fact belongs
 * to (`resourceId`). Unchanged evidence is returned as is.
 */
function withLiveNotes(
  evidence: readonly Evidence[],
  resource: Resource,
  readLive: boolean,
  inventory: InventoryView,
): readonly Evidence[] {
  let out: Evidence[] | undefined;
  for (let i = 0; i < evidence.length; i++) {
    const fact = evidence[i]!;
    // A fact of a resource read from an export keeps its note, unlooked at.
    if (fact.source === 'explicit' || (fact.resourceId === undefined && !readLive)) continue;
    const note = liveNote(fact.note);
    if (note === fact.note || !isLiveOrigin(originOf(fact, resource, inventory))) continue;
    out ??= [...evidence];
    out[i] = { ...fact, note };
  }
  return out ?? evidence;
}

function originOf(fact: Evidence, resource: Resource, inventory: InventoryView): Origin {
  if (fact.resourceId === undefined) return resource.origin;
  return inventory.byId(resource.provider, fact.resourceId)?.origin ?? resource.origin;
}

type ResultArgs<M extends string> = [
  message: M,
  evidence: readonly Evidence[],
  data?: Record<string, unknown>,
];

function result<M extends string>(status: CheckStatus, [message, evidence, data]: ResultArgs<M>) {
  return data === undefined ? { status, message, evidence } : { status, message, evidence, data };
}

export const pass = <M extends string>(...args: ResultArgs<M>): CheckResult<M> => result('PASS', args);
export const fail = <M extends string>(...args: ResultArgs<M>): CheckResult<M> => result('FAIL', args);
export const notApplicable = <M extends string>(...args: ResultArgs<M>): CheckResult<M> =>
  result('NOT_APPLICABLE', args);
/** The export cannot tell: never a pass (an unknown value never passes). */
export const undetermined = <M extends string>(...args: ResultArgs<M>): CheckResult<M> =>
  result('UNKNOWN', args);
