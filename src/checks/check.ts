import { asEvidence, type Fact } from '../model/fact.ts';
import type { Localized } from '../model/localized.ts';
import type { ScanParameters } from '../model/parameters.ts';
import {
  isLiveOrigin,
  isPlanOrigin,
  isStateOrigin,
  type KansaType,
  type Origin,
  type Provider,
  type Resource,
} from '../model/resource.ts';
import { originNote, type ReadKind } from './live-notes.ts';
import { missingDataVariant } from './missing-data.ts';

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
  /** Message templates by id; `{{name}}` is filled from the result's data, `{{days|day|days}}` with its English noun. */
  readonly messages: Readonly<Record<M, Localized>>;
  /** Cloud documentation that states the setting and its default. */
  readonly references?: readonly string[];
  /**
   * The check decides on what a resource is and where (its kansa type and region), so it judges
   * a resource only listed (`Resource.listedOnly`); the engine reports every other check UNKNOWN
   * on one.
   */
  readonly judgesListed?: true;
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
  /** Every (provider, account) pair of the accounts scanned. */
  accounts(): readonly { provider: Provider; account: string }[];
}

export interface CheckContext {
  readonly params: ScanParameters;
  /** The scan time, against which ages (access keys, certificates) are measured. */
  readonly now: Date;
  readonly inventory: InventoryView;
  /**
   * The resource's information class (CLS): its classification tag's (explicit), the configured
   * default when it has none (`default`), unknown when the tag names no class kansa reads.
   */
  classification(resource: Resource): Fact<number>;
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

/** Suffixes of a message's variants (missing-data.ts): `notExported` → `notExported.live`. */
const VARIANT_SUFFIX: Readonly<Record<ReadKind, string>> = { live: '.live', plan: '.plan', state: '.state' };

/**
 * Lets TypeScript infer message ids and check them against `meta.messages`. A message made by
 * `missingData` (advice to add an export) gets its live, plan and state variants as messages of
 * their own, shown for a resource read live or from a Terraform plan or state, where an export to
 * add is the wrong advice; a message or an evidence note that speaks of "the export" speaks of
 * the live scan's data, the plan or the state instead, and one worded for a plan's resource
 * speaks of the state for a state's (live-notes.ts).
 */
export function defineCheck<F extends object, M extends string>(check: Check<F, M>): Check<F, M> {
  const variants = Object.entries<Localized>(check.meta.messages).flatMap(([id, text]) =>
    (['live', 'plan', 'state'] as const).flatMap((kind) => {
      // Advice to add an export names the live call or what a plan or state cannot show
      // instead; a message that only says what "the export" does not show says it of the live
      // scan's data, the plan or the state, and one that speaks of the plan speaks of the state.
      const variant = missingDataVariant(text, kind) ?? originNote(text, kind);
      return variant !== text ? [[`${id}${VARIANT_SUFFIX[kind]}`, variant] as const] : [];
    }),
  );
  const messages = { ...check.meta.messages, ...Object.fromEntries(variants) };
  const hasVariant = new Set<string>(variants.map(([id]) => id));
  return {
    meta: variants.length === 0 ? check.meta : { ...check.meta, messages },
    evaluate(resource, ctx) {
      const result = check.evaluate(resource, ctx);
      const kind = readKindOf(resource);
      const evidence = shownEvidence(result.evidence, resource, kind, ctx.inventory);
      // The variant's id is built only for a resource not read from a file (a hot path: every finding).
      const id = kind && hasVariant.size > 0 ? `${result.message}${VARIANT_SUFFIX[kind]}` : '';
      const message = id !== '' && hasVariant.has(id) ? (id as M) : result.message;
      return evidence === result.evidence && message === result.message
        ? result
        : { ...result, evidence, message };
    },
  };
}

/** How a resource was read, when not from an export file: live, or from a Terraform plan or state. */
function readKind(origin: Origin): ReadKind | undefined {
  if (isStateOrigin(origin)) return 'state';
  if (isPlanOrigin(origin)) return 'plan';
  return isLiveOrigin(origin) ? 'live' : undefined;
}

/**
 * How the resource was read (readKind). The engine runs a resource's checks one after another,
 * so the last answer is kept: each check asks, for every resource.
 */
function readKindOf(resource: Resource): ReadKind | undefined {
  if (resource !== lastAsked) {
    lastAsked = resource;
    lastKind = readKind(resource.origin);
  }
  return lastKind;
}
let lastAsked: Resource | undefined;
let lastKind: ReadKind | undefined;

/**
 * A check's evidence as findings show it: a fact worked out from a field (fact.ts `derived`)
 * shows that field with its own value, and notes are in the wording of the input the facts were
 * read from (live-notes.ts): the resource's own (`kind`: how the resource was read), or the
 * related resource's a fact belongs to (`resourceId`). Unchanged evidence is returned as is.
 */
function shownEvidence(
  evidence: readonly Evidence[],
  resource: Resource,
  kind: ReadKind | undefined,
  inventory: InventoryView,
): readonly Evidence[] {
  let out: Evidence[] | undefined;
  for (let i = 0; i < evidence.length; i++) {
    const given = evidence[i]!;
    const fact = given.field ? fieldEvidence(given) : given;
    if (fact !== given) {
      out ??= [...evidence];
      out[i] = fact;
    }
    // A fact of a resource read from an export keeps its note, unlooked at.
    if (fact.source === 'explicit' || (fact.resourceId === undefined && !kind)) continue;
    // A note that names neither an export nor the plan reads the same for every input: the
    // origin is not looked up.
    if (originNote(fact.note, 'state') === fact.note) continue;
    const factKind = fact.resourceId === undefined ? kind : readKind(originOf(fact, resource, inventory));
    if (!factKind) continue;
    const note = originNote(fact.note, factKind);
    if (note === fact.note) continue;
    out ??= [...evidence];
    out[i] = { ...fact, note };
  }
  return out ?? evidence;
}

/** The field a derived fact was worked out from, as evidence (of the same resource as the fact). */
function fieldEvidence(fact: Evidence): Evidence {
  const field = asEvidence(fact);
  return fact.resourceId === undefined ? field : { ...field, resourceId: fact.resourceId };
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
