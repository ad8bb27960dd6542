/**
 * The RuleTester: every check's tests, in the manner of ESLint's.
 *
 *   import check from '../../../../src/checks/aws/s3/bucket-tls-only.ts';
 *   import { run } from '../../../helpers/rule-tester.ts';
 *   run(check, {
 *     valid: [{ name: 'deny without TLS', records: [bucketItem('b', { BucketPolicy: ... })], messageId: 'enforced' }],
 *     invalid: [{ records: [bucketItem('b', {})], messageId: 'notEnforced', evidence: [{ path: '...' }] }],
 *   });
 *
 * A case's `records` are export records in the export's own shape (an AWS Config item, a
 * Resource Graph row, a Cloud Asset line). Plain records are put in one file of the check's
 * cloud's main export (`wrap`: Config snapshot, `az graph query` output, `gcloud asset
 * export` NDJSON); records of another export are given as files built with
 * tests/helpers/exports.ts (`credentialReportFile([...])`, `configSelect([...])`,
 * `jsonFile(armBody)`). The files are written to a temporary directory and read by
 * `readInputFile`, the scan's own reader, so format detection, readers and adapters are the
 * real ones; the inventory then gets its account resources as in a scan. Related records the
 * check needs (an account's Block Public Access, a KMS key, a diagnostic setting) go in the
 * same `records`.
 *
 * The check runs on `target` (a resource id, case-insensitive, or name), or on the one
 * resource of the records it applies to (`appliesTo`: provider, kansa type, native type).
 * - `valid`: the verdict is PASS (or NOT_APPLICABLE with `status`), with `messageId` if given.
 * - `invalid`: the verdict is FAIL (or UNKNOWN with `status`) with `messageId`.
 * - `notRun`: the engine does not run the check on the target (another native type).
 * Every case may also assert `evidence` (toMatchObject on the list), `data` (toMatchObject),
 * `severity`, the rendered `message` (`{ en, ja }` substrings or patterns) and, for anything
 * else, `assert(result, resource)`. `params` and `now` set the framework parameters and the
 * scan time.
 *
 * `run` also fails when a message of the check is given by none of the cases, when a rendered
 * message still shows a `{{placeholder}}`, or when a case's records are not read cleanly.
 * Cases flagged `example: true` (else the first valid and the first invalid case) are the
 * good and bad examples of the check's page in docs/checks (`npm run docs`).
 *
 * Keep each check's cases in `tests/checks/<cloud>/<service>/<name>.cases.ts` (default export,
 * read by the docs generator too) and its test in `<name>.test.ts` beside it: `run(check, cases)`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appliesTo,
  type Check,
  type CheckResult,
  type Evidence,
  type Severity,
} from '../../src/checks/check.ts';
import { DEFAULT_PARAMETERS, type ScanParameters } from '../../src/frameworks/parameters.ts';
import { type Localized, renderLocalized } from '../../src/model/localized.ts';
import type { Provider, Resource } from '../../src/model/resource.ts';
import { addMissingAccounts } from '../../src/scan/evaluate.ts';
import { checkContext, Inventory } from '../../src/scan/inventory.ts';
import { readInputFile } from '../../src/sources/read-inputs.ts';
import { assetExport, configSnapshot, type ExportFile, graphQuery, isExportFile } from './exports.ts';

type Json = Record<string, unknown>;

/** A record in its export's own shape, or a whole export file. */
export type RecordOrFile = Json | ExportFile;

/** The rendered message: substrings or patterns it must contain. */
export interface ExpectedMessage {
  readonly ja?: string | RegExp;
  readonly en?: string | RegExp;
}

interface CaseBase {
  /** The test's title; defaults to the verdict and message id. */
  readonly name?: string;
  readonly records: readonly RecordOrFile[];
  /** The resource to evaluate (id, case-insensitive, or name) when the records hold several it applies to. */
  readonly target?: string;
}

interface JudgedCase<M extends string> extends CaseBase {
  readonly params?: Partial<ScanParameters>;
  /** The scan time (ISO string or Date); default 2026-12-01T00:00:00Z. */
  readonly now?: Date | string;
  /** The result's evidence, matched element by element (toMatchObject: same length, listed fields). */
  readonly evidence?: readonly Partial<Evidence>[];
  readonly data?: Readonly<Record<string, unknown>>;
  readonly severity?: Severity;
  readonly message?: ExpectedMessage;
  /** Further assertions on the result. */
  readonly assert?: (result: CheckResult<M>, resource: Resource) => void;
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
}

const DEFAULT_NOW = new Date('2026-12-01T00:00:00Z');

const MAIN_EXPORT: Readonly<Record<Provider, (records: readonly Json[]) => ExportFile>> = {
  aws: configSnapshot,
  azure: graphQuery,
  gcp: assetExport,
};

/** Registers the check's cases as vitest tests (see the top of this file). */
export function run<F extends object, M extends string>(check: Check<F, M>, tests: RuleTests<M>): void {
  const { meta } = check;
  const evaluated = new Map<JudgedCase<M>, Promise<Outcome<M>>>();
  const outcomeOf = (testCase: JudgedCase<M>) => {
    let outcome = evaluated.get(testCase);
    if (!outcome) {
      outcome = evaluateCase(check, tests, testCase);
      evaluated.set(testCase, outcome);
    }
    return outcome;
  };
  const valid = tests.valid.map((testCase) => ({ testCase, status: testCase.status ?? 'PASS' }));
  const invalid = tests.invalid.map((testCase) => ({ testCase, status: testCase.status ?? 'FAIL' }));
  const judged: readonly JudgedCase<M>[] = [...tests.valid, ...tests.invalid];

  describe(meta.id, () => {
    for (const [kind, list] of [
      ['valid', valid],
      ['invalid', invalid],
    ] as const) {
      describe(kind, () => {
        for (const [i, { testCase, status }] of list.entries()) {
          const title = testCase.name ?? `#${i + 1}`;
          it(`${title} → ${status}${testCase.messageId ? ` (${testCase.messageId})` : ''}`, async () => {
            const { resource, result, message } = await outcomeOf(testCase);
            expect(result.status, 'status').toBe(status);
            if (testCase.messageId !== undefined)
              expect(result.message, 'messageId').toBe(testCase.messageId);
            expect(`${message.ja}\n${message.en}`, 'unfilled placeholder').not.toMatch(PLACEHOLDER);
            if (testCase.evidence) expect(result.evidence, 'evidence').toMatchObject(testCase.evidence);
            if (testCase.data) expect(result.data, 'data').toMatchObject(testCase.data);
            if (testCase.severity)
              expect(result.severity ?? meta.severity, 'severity').toBe(testCase.severity);
            for (const lang of ['ja', 'en'] as const) {
              const expected = testCase.message?.[lang];
              if (expected !== undefined) expect(message[lang]).toMatch(expected);
            }
            testCase.assert?.(result, resource);
          });
        }
      });
    }

    if (tests.notRun && tests.notRun.length > 0) {
      describe('not run', () => {
        for (const [i, testCase] of tests.notRun!.entries()) {
          it(testCase.name ?? `#${i + 1}`, async () => {
            const resources = await readCase(check, tests, testCase);
            const candidates = resources.filter(
              (r) =>
                (meta.provider === 'any' || r.provider === meta.provider) &&
                meta.resourceTypes.includes(r.kansaType),
            );
            const target = pickTarget(meta.id, candidates, testCase.target);
            expect(appliesTo(meta, target), `${meta.id} runs on ${target.nativeType}`).toBe(false);
          });
        }
      });
    }

    it('gives every message of the check in some case, each rendered without a {{placeholder}}', async () => {
      const outcomes = await Promise.all(judged.map(outcomeOf));
      const given = new Set(outcomes.map(({ result }) => result.message));
      const missing = Object.keys(meta.messages).filter((id) => !given.has(id as M));
      expect(missing, `messages of ${meta.id} no case gives`).toEqual([]);
      for (const { message } of outcomes) {
        expect(message.en, 'unfilled placeholder').not.toMatch(PLACEHOLDER);
        expect(message.ja, 'unfilled placeholder').not.toMatch(PLACEHOLDER);
      }
    });
  });
}

const PLACEHOLDER = /\{\{\s*\w+\s*\}\}/;

/** Reads a case's records and evaluates the check on its target, as the scan would. */
export async function evaluateCase<F extends object, M extends string>(
  check: Check<F, M>,
  tests: Pick<RuleTests<M>, 'wrap'>,
  testCase: JudgedCase<M>,
): Promise<Outcome<M>> {
  const resources = await readCase(check, tests, testCase);
  const inventory = new Inventory();
  for (const resource of resources) inventory.add(resource);
  addMissingAccounts(inventory);
  const all = [...inventory.all()];
  const target = pickTarget(
    check.meta.id,
    all.filter((r) => appliesTo(check.meta, r)),
    testCase.target,
  );
  const now = testCase.now === undefined ? DEFAULT_NOW : new Date(testCase.now);
  const params = { ...DEFAULT_PARAMETERS, ...testCase.params };
  const result = check.evaluate(target as Resource<F>, checkContext(inventory, params, now));
  const template = check.meta.messages[result.message];
  if (!template)
    throw new Error(`${check.meta.id}: the result's message "${result.message}" is not in meta.messages`);
  return { resource: target, result, message: renderLocalized(template, result.data) };
}

/** The case's resources, read from its export files by the scan's reader. */
async function readCase(
  check: Check,
  tests: Pick<RuleTests, 'wrap'>,
  testCase: CaseBase,
): Promise<Resource[]> {
  const files = exportFiles(check, tests, testCase.records);
  const dir = mkdtempSync(path.join(tmpdir(), 'kansa-rule-tester-'));
  try {
    const resources: Resource[] = [];
    for (const [i, file] of files.entries()) {
      const where = path.join(dir, `${i + 1}-${file.name}`);
      writeFileSync(where, file.text);
      const coverage = await readInputFile(where, (resource) => resources.push(resource));
      if (coverage.error) throw new Error(`${file.name}: ${coverage.error}`);
    }
    return resources;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function exportFiles(
  check: Check,
  tests: Pick<RuleTests, 'wrap'>,
  records: readonly RecordOrFile[],
): ExportFile[] {
  const files = records.filter(isExportFile);
  const plain = records.filter((record) => !isExportFile(record)) as Json[];
  if (plain.length === 0) return files;
  const { provider } = check.meta;
  const wrap = tests.wrap ?? (provider === 'any' ? undefined : MAIN_EXPORT[provider]);
  if (!wrap) throw new Error(`${check.meta.id}: give the export file of the records (or \`wrap\`)`);
  return [wrap(plain), ...files];
}

function pickTarget(checkId: string, candidates: readonly Resource[], target: string | undefined): Resource {
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
