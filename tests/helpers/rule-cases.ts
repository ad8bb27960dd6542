/**
 * The RuleTester's cases and how one is evaluated, without vitest: the docs generator
 * (tests/helpers/check-docs.ts) evaluates the example cases too. See tests/helpers/rule-tester.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  appliesTo,
  type Check,
  type CheckResult,
  type CheckStatus,
  type Severity,
} from '../../src/checks/check.ts';
import { type Localized, renderLocalized } from '../../src/model/localized.ts';
import { DEFAULT_PARAMETERS, type ScanParameters } from '../../src/model/parameters.ts';
import type { Origin, Provider, Resource } from '../../src/model/resource.ts';
import { addMissingAccounts } from '../../src/scan/evaluate.ts';
import { checkContext, Inventory } from '../../src/scan/inventory.ts';
import { placeManagementGroupAssignments } from '../../src/scan/management-groups.ts';
import { readInputFile } from '../../src/sources/read-inputs.ts';
import { assetExport, configSnapshot, type ExportFile, graphQuery, isExportFile } from './exports.ts';

type Json = Record<string, unknown>;

/** A record in its export's own shape (an object), or a whole export file (`ExportFile`). */
export type RecordOrFile = object;

/** The rendered message: substrings or patterns it must contain. */
export interface ExpectedMessage {
  readonly ja?: string | RegExp;
  readonly en?: string | RegExp;
}

export interface CaseBase {
  /** The test's title; defaults to the verdict and message id. */
  readonly name?: string;
  readonly records: readonly RecordOrFile[];
  /**
   * Resources as a live collector emits them, for facts no export file carries (CloudTrail's
   * GetTrailStatus `IsLogging`): merged into the inventory with the records', as in a live scan.
   */
  readonly collected?: readonly Resource[];
  /** The resource to evaluate (id, case-insensitive, or name) when the records hold several it applies to. */
  readonly target?: string;
}

export interface JudgedCase<M extends string> extends CaseBase {
  readonly params?: Partial<ScanParameters>;
  /** The scan time (ISO string or Date); default 2026-12-01T00:00:00Z. */
  readonly now?: Date | string;
  /** The result's evidence, matched element by element (toMatchObject: same length, listed fields). */
  readonly evidence?: readonly Readonly<Record<string, unknown>>[];
  readonly data?: Readonly<Record<string, unknown>>;
  readonly severity?: Severity;
  readonly message?: ExpectedMessage;
  /** Further assertions on the result. */
  assert?(result: CheckResult<M>, resource: Resource): void;
  /** Show this case on the check's docs page. */
  readonly example?: boolean;
}

export interface ValidCase<M extends string = string> extends JudgedCase<M> {
  readonly messageId?: M;
  readonly status?: 'PASS' | 'NOT_APPLICABLE';
}

export interface InvalidCase<M extends string = string> extends JudgedCase<M> {
  readonly messageId: M;
  readonly status?: 'FAIL' | 'UNKNOWN';
}

/** Records whose target the engine does not give to the check (a native type it does not read). */
export type NotRunCase = CaseBase;

export interface RuleTests<M extends string = string> {
  /** Wraps a case's plain records in an export file; defaults to the check's cloud's main export. */
  readonly wrap?: (records: readonly Json[]) => ExportFile;
  readonly valid: readonly ValidCase<M>[];
  readonly invalid: readonly InvalidCase<M>[];
  readonly notRun?: readonly NotRunCase[];
}

/** An evaluated case: the target and the check's result. */
export interface Outcome<M extends string = string> {
  readonly resource: Resource;
  readonly result: CheckResult<M>;
  readonly message: Localized;
  /**
   * When the message has live, plan and state variants (src/checks/missing-data.ts, live-notes.ts):
   * the same resource read live and read from a Terraform plan or state, with the variants it gets instead.
   */
  readonly variants: readonly { readonly result: CheckResult<M>; readonly message: Localized }[];
}

/** Origins of resources not read from an export: a live collector's (isLiveOrigin), a plan's, a state's. */
const VARIANT_ORIGINS: readonly (readonly [suffix: string, origin: Origin])[] = [
  ['.live', { file: 'azure:resourcegraph/resources', index: 0 }],
  ['.plan', { file: 'plan.json', iac: { address: 'terraform_resource.case', action: 'create' } }],
  ['.state', { file: 'terraform.tfstate', iac: { address: 'terraform_resource.case', action: 'state' } }],
];

/** A case of either kind, with its verdict: `byVerdict` sorts a table of them into valid and invalid. */
export type AnyCase<M extends string = string> = JudgedCase<M> & {
  readonly status: CheckStatus;
  readonly messageId?: M;
};

/** Sorts cases by verdict: PASS and NOT_APPLICABLE are valid, FAIL and UNKNOWN invalid (with a message id). */
export function byVerdict<M extends string>(
  cases: readonly AnyCase<M>[],
): Pick<RuleTests<M>, 'valid' | 'invalid'> {
  const valid: ValidCase<M>[] = [];
  const invalid: InvalidCase<M>[] = [];
  for (const testCase of cases) {
    const { status, messageId } = testCase;
    if (status === 'PASS' || status === 'NOT_APPLICABLE') valid.push({ ...testCase, status });
    else if (messageId === undefined)
      throw new Error(`${testCase.name}: an invalid case needs its messageId`);
    else invalid.push({ ...testCase, status, messageId });
  }
  return { valid, invalid };
}

const DEFAULT_NOW = new Date('2026-12-01T00:00:00Z');

const MAIN_EXPORT: Readonly<Record<Provider, (records: readonly Json[]) => ExportFile>> = {
  aws: configSnapshot,
  azure: graphQuery,
  gcp: assetExport,
};

/** Reads a case's records and evaluates the check on its target, as the scan would. */
export async function evaluateCase<F extends object, M extends string>(
  check: Check<F, M>,
  tests: Pick<RuleTests<M>, 'wrap'>,
  testCase: JudgedCase<M>,
): Promise<Outcome<M>> {
  const resources = await readCase(check, tests, testCase);
  const inventory = new Inventory();
  for (const resource of resources) inventory.add(resource);
  placeManagementGroupAssignments(inventory);
  addMissingAccounts(inventory);
  const all = [...inventory.all()];
  const target = pickTarget(
    check.meta.id,
    all.filter((r) => appliesTo(check.meta, r)),
    testCase.target,
  );
  const now = testCase.now === undefined ? DEFAULT_NOW : new Date(testCase.now);
  const params = { ...DEFAULT_PARAMETERS, ...testCase.params };
  const ctx = checkContext(inventory, params, now);
  const result = check.evaluate(target as Resource<F>, ctx);
  const rendered = (outcome: CheckResult<M>) => {
    const template = check.meta.messages[outcome.message];
    if (!template)
      throw new Error(`${check.meta.id}: the result's message "${outcome.message}" is not in meta.messages`);
    return renderLocalized(template, outcome.data);
  };
  const variants = VARIANT_ORIGINS.filter(
    ([suffix]) => `${result.message}${suffix}` in check.meta.messages,
  ).map(([, origin]) => {
    const variant = check.evaluate({ ...target, origin } as Resource<F>, ctx);
    return { result: variant, message: rendered(variant) };
  });
  return { resource: target, result, message: rendered(result), variants };
}

/** The case's resources, read from its export files by the scan's reader. */
export async function readCase(
  check: Check,
  tests: Pick<RuleTests, 'wrap'>,
  testCase: CaseBase,
): Promise<Resource[]> {
  const files = exportFiles(check, tests, testCase.records);
  const dir = mkdtempSync(path.join(tmpdir(), 'kansa-rule-tester-'));
  try {
    const resources: Resource[] = [];
    for (const [i, file] of files.entries()) {
      // Each file in a folder of its own, under its own name (with the folders it gives, as a
      // CLI dump's `<account>/<region>/`): some exports name their account there.
      const where = path.join(dir, String(i + 1), file.name);
      mkdirSync(path.dirname(where), { recursive: true });
      writeFileSync(where, file.text);
      const coverage = await readInputFile(where, (resource) => resources.push(resource));
      if (coverage.error) throw new Error(`${file.name}: ${coverage.error}`);
    }
    return [...resources, ...(testCase.collected ?? [])];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The case's files in the order given; the plain records make one file where the first of them stands. */
function exportFiles(
  check: Check,
  tests: Pick<RuleTests, 'wrap'>,
  records: readonly RecordOrFile[],
): ExportFile[] {
  const plain = records.filter((record) => !isExportFile(record)) as Json[];
  if (plain.length === 0) return records.filter(isExportFile);
  const { provider } = check.meta;
  const wrap = tests.wrap ?? (provider === 'any' ? undefined : MAIN_EXPORT[provider]);
  if (!wrap) throw new Error(`${check.meta.id}: give the export file of the records (or \`wrap\`)`);
  const first = records.findIndex((record) => !isExportFile(record));
  return records.flatMap((record, i) => (isExportFile(record) ? [record] : i === first ? [wrap(plain)] : []));
}

export function pickTarget(
  checkId: string,
  candidates: readonly Resource[],
  target: string | undefined,
): Resource {
  const described = () => candidates.map((r) => `${r.nativeType} ${r.id}`).join(', ') || 'none';
  if (target === undefined) {
    if (candidates.length === 1) return candidates[0]!;
    throw new Error(`${checkId}: name the case's \`target\`; the records hold ${described()}`);
  }
  const wanted = target.toLowerCase();
  const found =
    candidates.find((r) => r.id.toLowerCase() === wanted) ?? candidates.find((r) => r.name === target);
  if (!found) throw new Error(`${checkId}: no target ${target} among ${described()}`);
  return found;
}
